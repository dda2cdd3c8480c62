import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { DECLINE_REASONS, type DeclineReason, type WorklistItem } from '@osteopad/contract';
import { recordDecline } from '../api/worklist';
import { DialogForm } from '../common/DialogForm';
import { declineReasonLabel } from '../i18n/labels';
import { patientName } from '../patients/patientName';
import { ActionErrorAlert } from './ActionErrorAlert';
import { isStale } from './actionError';
import { PatientLine } from './PatientLine';
import { noteRefused } from './reasonNote';
import { ReasonNoteFields } from './ReasonNoteFields';
import { useReasonNote } from './useReasonNote';
import { useRefreshWorklist } from './useRefreshWorklist';

interface DeclineFormProps {
  item: WorklistItem;
  episodeId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** "Doet niet mee": a reason from the list, and in the user's own words when it is "other". */
export function DeclineForm({ item, episodeId, onCancel, onDone }: DeclineFormProps) {
  const { t } = useTranslation();
  const refresh = useRefreshWorklist();
  const fields = useReasonNote(DECLINE_REASONS);
  const mutation = useMutation({
    mutationFn: (input: { reason: DeclineReason; note: string }) =>
      recordDecline(episodeId, input.reason, input.note),
    onSuccess: () => {
      refresh();
      onDone(t('decline.done', { name: patientName(item) }));
    },
    onError: (error) => {
      if (noteRefused(error)) fields.refuseNote();
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
        const checked = fields.check();
        if (checked.ok) mutation.mutate({ reason: checked.reason, note: checked.note });
      }}
    >
      <PatientLine item={item} />
      <Text size="sm">{t('decline.intro', { name: patientName(item) })}</Text>
      <ReasonNoteFields
        fields={fields}
        reasons={DECLINE_REASONS}
        labelOf={(reason) => declineReasonLabel(t, reason)}
        labels={{ reason: t('decline.reason'), note: t('decline.note'), noteHelp: t('decline.noteHelp') }}
        describeError={(error) => t(`decline.${error}`)}
      />
      {mutation.isError && !fieldRefused && <ActionErrorAlert error={mutation.error} />}
    </DialogForm>
  );
}
