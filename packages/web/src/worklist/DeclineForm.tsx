import { Alert, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { DECLINE_REASONS, isOneOf, type DeclineReason } from '../api/codes';
import type { WorklistItem } from '../api/schemas';
import { recordDecline } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { declineReasonLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { actionErrorText, isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { useRefreshWorklist } from './useRefreshWorklist';

interface DeclineFormProps {
  item: WorklistItem;
  episodeId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

type DeclineFieldError = 'reasonRequired' | 'noteRequired';

/** "Doet niet mee": a reason from the list, and in the user's own words when it is "other". */
export function DeclineForm({ item, episodeId, onCancel, onDone }: DeclineFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshWorklist();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'reason' | 'note', DeclineFieldError>>>({});
  const mutation = useMutation({
    mutationFn: (input: { reason: DeclineReason; note: string }) =>
      recordDecline(episodeId, input.reason, input.note),
    onSuccess: () => {
      refresh();
      onDone(t('decline.done', { name: patientName(item) }));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.issues.some((i) => i.field === 'body.note')) {
        setErrors({ note: 'noteRequired' });
      }
      if (isStale(error)) refresh();
    },
  });
  const fieldRefused = mutation.error instanceof ApiError && mutation.error.status === 400;

  return (
    <DialogForm
      submitLabel={t('decline.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const next: typeof errors = {};
        if (reason === '') next.reason = 'reasonRequired';
        else if (reason === 'other' && note.trim() === '') next.note = 'noteRequired';
        setErrors(next);
        if (reason === '' || Object.keys(next).length > 0) return;
        mutation.mutate({ reason, note: note.trim() });
      }}
    >
      <PatientLine item={item} />
      <Text size="sm">{t('decline.intro', { name: patientName(item) })}</Text>
      <Radio.Group
        label={t('decline.reason')}
        value={reason}
        onChange={(value) => {
          if (isOneOf(DECLINE_REASONS, value)) setReason(value);
          setErrors((current) => ({ ...current, reason: undefined }));
        }}
        error={errors.reason === undefined ? undefined : t(`decline.${errors.reason}`)}
        withAsterisk
      >
        <Stack gap={6} mt={6}>
          {DECLINE_REASONS.map((value) => (
            <Radio key={value} value={value} label={declineReasonLabel(t, value)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('decline.note')}
        description={t('decline.noteHelp')}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        withAsterisk={reason === 'other'}
        error={errors.note === undefined ? undefined : t(`decline.${errors.note}`)}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          setErrors((current) => ({ ...current, note: undefined }));
        }}
      />
      {mutation.isError && !fieldRefused && (
        <Alert color="red" variant="light" role="alert">
          {actionErrorText(t, mutation.error)}
        </Alert>
      )}
    </DialogForm>
  );
}
