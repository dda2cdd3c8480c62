import { TextInput, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { FormPanel } from './FormPanel';
import { ActionRefusal } from './ActionRefusal';

interface ReasonFormProps<R extends string> {
  reasons: readonly R[];
  labelOf: (reason: R) => string;
  texts: { title: string; intro: string; reason: string; note: string; noteHelp: string; submit: string };
  errorTexts: { reason: string; note: string };
  submitting: boolean;
  error: unknown;
  onSubmit: (input: { reason: R; note: string }) => void;
  onCancel: () => void;
}

/** A coded reason (radios) and a note, required for "other": the reopen and include forms. */
export function ReasonForm<R extends string>(props: ReasonFormProps<R>) {
  const [reason, setReason] = useState<R | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const noteRefused =
    props.error instanceof ApiError && props.error.issues.some((issue) => issue.field === 'body.note');
  return (
    <FormPanel
      title={props.texts.title}
      submitLabel={props.texts.submit}
      submitting={props.submitting}
      onCancel={props.onCancel}
      onSubmit={() => {
        const found: typeof errors = {};
        if (reason === null) found.reason = props.errorTexts.reason;
        else if (reason === 'other' && note.trim() === '') found.note = props.errorTexts.note;
        setErrors(found);
        if (reason !== null && Object.keys(found).length === 0) props.onSubmit({ reason, note: note.trim() });
      }}
    >
      <Text size="sm">{props.texts.intro}</Text>
      <Radio.Group
        label={props.texts.reason}
        value={reason}
        withAsterisk
        error={errors.reason}
        onChange={(value) => {
          setReason(props.reasons.find((r) => r === value) ?? null);
        }}
      >
        <Stack gap={6} mt={6}>
          {props.reasons.map((value) => (
            <Radio key={value} value={value} label={props.labelOf(value)} />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={props.texts.note}
        description={props.texts.noteHelp}
        value={note}
        maxLength={500}
        withAsterisk={reason === 'other'}
        error={errors.note ?? (noteRefused ? props.errorTexts.note : undefined)}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
      {props.error !== null && props.error !== undefined && !noteRefused && (
        <ActionRefusal error={props.error} />
      )}
    </FormPanel>
  );
}
