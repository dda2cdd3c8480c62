import { Button, Checkbox, Group, Input, NativeSelect, Paper, Radio, Stack, Title } from '@mantine/core';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_ENCODINGS,
  UPLOAD_KINDS,
  isOneOf,
  type ImportEncoding,
  type UploadKind,
} from '@osteopad/contract';
import { encodingLabel, importFormatLabel } from '../i18n/labels';
import { acceptedFiles, hasEncodingChoice, type ImportRequest } from './importRequest';

interface ImportFormProps {
  submitting: boolean;
  onSubmit: (request: ImportRequest) => void;
}

export function ImportForm({ submitting, onSubmit }: ImportFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<UploadKind>('csv');
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fileMissing, setFileMissing] = useState(false);

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <form
        noValidate
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          const file = fileInput.current?.files?.[0];
          if (file === undefined) {
            setFileMissing(true);
            fileInput.current?.focus();
            return;
          }
          setFileMissing(false);
          onSubmit({ kind, file, encoding, skipInvalid });
        }}
      >
        <Title order={2} size="h4" id={headingId} mb="sm">
          {t('imports.form.title')}
        </Title>
        <Stack gap="md" maw={640}>
          <Radio.Group
            label={t('imports.form.format')}
            value={kind}
            onChange={(value) => {
              if (isOneOf(UPLOAD_KINDS, value)) setKind(value);
            }}
          >
            <Group gap="lg" mt={6}>
              {UPLOAD_KINDS.map((value) => (
                <Radio key={value} value={value} label={importFormatLabel(t, value)} />
              ))}
            </Group>
          </Radio.Group>
          <Input.Wrapper
            id={fileId}
            label={t('imports.form.file')}
            description={t(`imports.form.fileHelp.${kind}`)}
            error={fileMissing ? t('imports.form.fileRequired') : undefined}
            withAsterisk
          >
            <input
              ref={fileInput}
              id={fileId}
              type="file"
              accept={acceptedFiles(kind)}
              className="file-input"
              aria-invalid={fileMissing}
              aria-describedby={`${fileId}-description${fileMissing ? ` ${fileId}-error` : ''}`}
              onChange={() => {
                setFileMissing(false);
              }}
            />
          </Input.Wrapper>
          {hasEncodingChoice(kind) && (
            <NativeSelect
              label={t('imports.form.encoding')}
              description={t('imports.form.encodingHelp')}
              value={encoding}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isOneOf(IMPORT_ENCODINGS, value)) setEncoding(value);
              }}
              data={IMPORT_ENCODINGS.map((value) => ({ value, label: encodingLabel(t, value) }))}
              maw={320}
            />
          )}
          <Checkbox
            label={t('imports.form.skipInvalid')}
            description={t('imports.form.skipInvalidHelp')}
            checked={skipInvalid}
            onChange={(event) => {
              setSkipInvalid(event.currentTarget.checked);
            }}
          />
          <Group>
            <Button type="submit" loading={submitting}>
              {t('imports.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
