import { Alert, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONFIG_CHANGE_REASON_MIN_LENGTH,
  type ClinicalConfig,
  type ConfigEntryView,
} from '@osteopad/contract';
import { makeConfigVersion } from '../api/clinicalConfig';
import { ApiError } from '../api/client';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { ConfigValueField } from './ConfigValueField';
import { configValueProblem } from './configValueCheck';
import { allowedText, problemText } from './configProblemText';
import { useValueWording } from './useValueWording';
import { configValueWords } from './configValueWords';
import { configWordsOf } from './configWords';

export type ConfigChangeRequest =
  | { readonly kind: 'change'; readonly entry: ConfigEntryView }
  | { readonly kind: 'confirm'; readonly entries: readonly ConfigEntryView[] };

interface ConfigChangeFormProps {
  request: ConfigChangeRequest;
  basedOn: number;
  onDone: (config: ClinicalConfig) => void;
  /** Someone else made a version in between: the screen reads the configuration again. */
  onStale: () => void;
  onCancel: () => void;
}

/**
 * One new configuration version: a changed value, or values confirmed as they are, with the reason. The
 * value is checked here against its allowed range before it is sent; the server checks it again.
 */
export function ConfigChangeForm({ request, basedOn, onDone, onStale, onCancel }: ConfigChangeFormProps) {
  const { t, i18n } = useTranslation();
  const wording = useValueWording();
  const entry = request.kind === 'change' ? request.entry : null;
  const words = entry === null ? null : configWordsOf(i18n, entry.key);
  const [value, setValue] = useState<unknown>(entry?.value ?? null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: makeConfigVersion,
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) onStale();
    },
  });

  const valueProblem = entry === null ? null : configValueProblem(entry.shape, value);
  const unchanged = entry !== null && JSON.stringify(value) === JSON.stringify(entry.value);
  const reasonShort = reason.trim().length < CONFIG_CHANGE_REASON_MIN_LENGTH;
  const serverIssues = mutation.error instanceof ApiError ? mutation.error.issues : [];
  const serverValueIssue = serverIssues.find((issue) => issue.field.endsWith('.value'));

  // The form's own check first (after a first try), then what the server refused.
  const valueError = ((): string | undefined => {
    if (words === null) return undefined;
    if (tried && valueProblem !== null) return problemText(t, valueProblem, words, wording.number);
    if (tried && unchanged) return t('configScreen.edit.problems.unchanged');
    if (serverValueIssue !== undefined)
      return t('configScreen.edit.problems.refused', { reason: serverValueIssue.message });
    return undefined;
  })();
  const reasonError =
    tried && reasonShort
      ? t('configScreen.edit.reasonTooShort', { count: CONFIG_CHANGE_REASON_MIN_LENGTH })
      : undefined;
  const general =
    mutation.isError && (serverIssues.length === 0 || serverValueIssue === undefined) ? mutation.error : null;

  return (
    <DialogForm
      submitLabel={
        request.kind === 'change' ? t('configScreen.edit.saveChange') : t('configScreen.edit.saveConfirm')
      }
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        setTried(true);
        if (reasonShort || valueProblem !== null || unchanged) return;
        const changes =
          request.kind === 'change'
            ? [{ key: request.entry.key, value }]
            : request.entries.map((e) => ({ key: e.key, value: e.value }));
        mutation.mutate({ basedOn, reason: reason.trim(), changes });
      }}
    >
      {general !== null && (
        <Alert color="red" variant="light" role="alert">
          {general instanceof ApiError && general.status === 409
            ? t('configScreen.edit.stale')
            : errorText(t, general)}
        </Alert>
      )}
      {entry !== null && words !== null ? (
        <Stack gap="xs">
          {words.decides !== null && <Text size="sm">{words.decides}</Text>}
          <Text size="sm">
            {t('configScreen.edit.currentValue')}{' '}
            <strong>{configValueWords(entry.shape, entry.value, words, wording).join('; ')}</strong>
          </Text>
          <ConfigValueField
            shape={entry.shape}
            value={value}
            onChange={setValue}
            words={words}
            label={t('configScreen.edit.newValue')}
            description={allowedText(t, entry.shape, words, wording.number)}
            error={valueError}
          />
        </Stack>
      ) : request.kind === 'confirm' ? (
        <Stack gap="xs">
          <Text size="sm">{t('configScreen.edit.confirmIntro', { count: request.entries.length })}</Text>
          <List size="sm" spacing={4}>
            {request.entries.map((e) => {
              const w = configWordsOf(i18n, e.key);
              return (
                <List.Item key={e.key}>
                  {w.title}: <strong>{configValueWords(e.shape, e.value, w, wording).join('; ')}</strong>
                </List.Item>
              );
            })}
          </List>
        </Stack>
      ) : null}
      <Textarea
        label={t('configScreen.edit.reason')}
        description={t('configScreen.edit.reasonHelp')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
        }}
        error={reasonError}
        {...(request.kind === 'confirm' ? { 'data-autofocus': true } : {})}
      />
    </DialogForm>
  );
}
