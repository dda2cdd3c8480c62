import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { markReminded } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { formatDate } from '../format/dates';
import { patientName } from '../patients/patientName';
import { ActionErrorAlert } from './ActionErrorAlert';
import { isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { SentOnInput } from './SentOnInput';
import { sentOnRefused, useSentOn } from './useSentOn';
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
  const sentOn = useSentOn();
  const mutation = useMutation({
    mutationFn: (date: string) => markReminded(episodeId, date),
    onSuccess: (result) => {
      refresh();
      const due = result.nextTask?.dueDate;
      onDone(t('reminder.done', { name: patientName(item), date: due === undefined ? '' : formatDate(due) }));
    },
    onError: (failure) => {
      sentOn.refuse(failure);
      if (isStale(failure)) refresh();
    },
  });
  const fieldRefused = sentOnRefused(mutation.error);

  return (
    <DialogForm
      submitLabel={t('reminder.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const date = sentOn.take();
        if (date !== undefined) mutation.mutate(date);
      }}
    >
      <PatientLine item={item} />
      <Text size="sm">{t('reminder.intro', { name: patientName(item) })}</Text>
      <SentOnInput field={sentOn.field} w={220} autoFocus />
      {mutation.isError && !fieldRefused && <ActionErrorAlert error={mutation.error} />}
    </DialogForm>
  );
}
