import { Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { WorklistItem } from '../api/schemas';
import { markReminded } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { formatDate, todayIso } from '../format/dates';
import { patientName } from '../patients/patientName';
import { ActionErrorAlert } from './ActionErrorAlert';
import { isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { parseSentOn, sentOnErrorFromIssues, type SentOnError } from './sentOnDate';
import { useRefreshWorklist } from './useRefreshWorklist';

interface ReminderFormProps {
  item: WorklistItem;
  episodeId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** "Herinnering verstuurd": from that day the follow-up call is planned. */
export function ReminderForm({ item, episodeId, onCancel, onDone }: ReminderFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshWorklist();
  const [sentOn, setSentOn] = useState(() => formatDate(todayIso()));
  const [error, setError] = useState<SentOnError | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: (date: string) => markReminded(episodeId, date),
    onSuccess: (result) => {
      refresh();
      const due = result.nextTask?.dueDate;
      onDone(t('reminder.done', { name: patientName(item), date: due === undefined ? '' : formatDate(due) }));
    },
    onError: (failure) => {
      if (failure instanceof ApiError) setError(sentOnErrorFromIssues(failure.issues));
      if (isStale(failure)) refresh();
    },
  });
  const fieldRefused =
    mutation.error instanceof ApiError && sentOnErrorFromIssues(mutation.error.issues) !== undefined;

  return (
    <DialogForm
      submitLabel={t('reminder.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const parsed = parseSentOn(sentOn, todayIso());
        if (!parsed.ok) {
          setError(parsed.error);
          return;
        }
        setError(undefined);
        mutation.mutate(parsed.date);
      }}
    >
      <PatientLine item={item} />
      <Text size="sm">{t('reminder.intro', { name: patientName(item) })}</Text>
      <TextInput
        label={t('invitations.sentOn')}
        placeholder={t('worklist.filters.datePlaceholder')}
        inputMode="numeric"
        autoComplete="off"
        value={sentOn}
        error={error === undefined ? undefined : t(`sentOn.errors.${error}`)}
        onChange={(event) => {
          setSentOn(event.currentTarget.value);
          setError(undefined);
        }}
        w={220}
        data-autofocus
      />
      {mutation.isError && !fieldRefused && <ActionErrorAlert error={mutation.error} />}
    </DialogForm>
  );
}
