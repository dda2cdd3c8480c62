import { Alert, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TREATMENT_STOP_REASONS,
  type CompletableTaskKind,
  type Role,
  type TaskCompletion,
  type TaskOutcome,
  type TreatmentDrug,
  type TreatmentStopReason,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { formatDate, parseDate, todayIso } from '../format/dates';
import { taskKindLabel } from '../i18n/labels';
import { ActionRefusal } from './ActionRefusal';
import { completeTask } from './episodeApi';
import { FormPanel } from './FormPanel';
import {
  completionBody,
  completionErrors,
  completionFields,
  fieldOfIssue,
  outcomesFor,
  type CompletionError,
  type CompletionErrorField,
} from './taskCompletionFields';
import { useEpisodeAction } from './useEpisodeAction';

interface TaskCompletionFormProps {
  task: { id: string; kind: CompletableTaskKind; dueDate: string };
  version: number;
  role: Role;
  onCancel: () => void;
  onDone: (result: TaskCompletion) => void;
}

/** The refusals that are about the task rather than a field, in words the user can act on. */
function refusalKey(error: unknown) {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'task_closed':
      return 'taskClosed' as const;
    case 'stale_version':
      return 'stale' as const;
    case 'specialist_only':
      return 'specialistOnly' as const;
    case 'role_not_allowed':
      return 'roleNotAllowed' as const;
    default:
      return null;
  }
}

/**
 * Completing a task with its outcome (`POST /api/tasks/:taskId/complete`): only the outcomes of its kind,
 * the date a dose was given or a course started (today by default, never ahead), the reason of a stop,
 * the follow-on drug; what follows is created by the rules on the server (R11).
 */
export function TaskCompletionForm({ task, version, role, onCancel, onDone }: TaskCompletionFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<TaskOutcome | null>(null);
  const [date, setDate] = useState(formatDate(todayIso()));
  const [reason, setReason] = useState<TreatmentStopReason | null>(null);
  const [drug, setDrug] = useState<TreatmentDrug | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<CompletionErrorField, CompletionError>>>({});
  const outcomes = outcomesFor(task.kind, role);
  const fields = completionFields(task.kind, outcome);
  const input = () => ({ outcome, date: parseDate(date), reason, drug, note });
  const mutation = useEpisodeAction(
    (outcomeChosen: TaskOutcome) =>
      completeTask(task.id, completionBody(task.kind, { ...input(), outcome: outcomeChosen }, version)),
    onDone,
  );

  const serverErrors: Partial<Record<CompletionErrorField, string>> = {};
  if (mutation.error instanceof ApiError && mutation.error.status === 400)
    for (const issue of mutation.error.issues) {
      const field = fieldOfIssue(issue.field);
      if (field !== null) serverErrors[field] = t(`episode.complete.serverError.${field}`);
    }
  const errorOf = (field: CompletionErrorField): string | undefined => {
    const own = errors[field];
    if (own !== undefined) return t(`episode.complete.errors.${own}`);
    return serverErrors[field];
  };
  const refusal = refusalKey(mutation.error);
  const shownAtField = Object.keys(serverErrors).length > 0;
  const stopsDenosumab = fields.reason && task.kind === 'denosumab_injection';

  return (
    <FormPanel
      title={t('episode.complete.title', { task: taskKindLabel(t, task.kind) })}
      submitLabel={t('episode.complete.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const found = completionErrors(task.kind, input(), todayIso());
        setErrors(found);
        if (outcome !== null && Object.keys(found).length === 0) mutation.mutate(outcome);
      }}
    >
      <Text size="sm">{t('episode.complete.due', { date: formatDate(task.dueDate) })}</Text>
      <Radio.Group
        label={t('episode.complete.outcome')}
        value={outcome}
        withAsterisk
        error={errorOf('outcome')}
        onChange={(value) => {
          setOutcome(outcomes.find((o) => o === value) ?? null);
          setErrors({});
        }}
      >
        <Stack gap={6} mt={6}>
          {outcomes.map((value) => (
            <Radio key={value} value={value} label={t(`episode.outcome.${value}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {fields.date && (
        <TextInput
          label={t('episode.complete.date')}
          description={t('episode.complete.dateHelp')}
          value={date}
          withAsterisk
          error={errorOf('outcomeDate')}
          onChange={(event) => {
            setDate(event.currentTarget.value);
          }}
        />
      )}
      {fields.reason && (
        <Radio.Group
          label={t('episode.complete.reason')}
          value={reason}
          withAsterisk
          error={errorOf('reasonCode')}
          onChange={(value) => {
            setReason(TREATMENT_STOP_REASONS.find((r) => r === value) ?? null);
          }}
        >
          <Stack gap={6} mt={6}>
            {TREATMENT_STOP_REASONS.map((value) => (
              <Radio key={value} value={value} label={t(`episode.stopReason.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {stopsDenosumab && (
        <Alert variant="light" color="orange" data-testid="denosumab-stop-warning">
          {t('episode.complete.denosumabStop')}
        </Alert>
      )}
      {fields.drugs.length > 0 && (
        <Radio.Group
          label={t('episode.complete.drug')}
          value={drug}
          withAsterisk
          error={errorOf('drug')}
          onChange={(value) => {
            setDrug(fields.drugs.find((d) => d === value) ?? null);
          }}
        >
          <Stack gap={6} mt={6}>
            {fields.drugs.map((value) => (
              <Radio key={value} value={value} label={t(`episode.drug.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label={t('episode.complete.note')}
        description={t('episode.complete.noteHelp')}
        value={note}
        maxLength={500}
        withAsterisk={fields.reason && reason === 'other'}
        error={errorOf('note')}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
      {refusal !== null && (
        <Alert color="red" variant="light" role="alert" data-testid="action-refusal">
          {t(`episode.complete.refusal.${refusal}`)}
        </Alert>
      )}
      {mutation.isError && refusal === null && !shownAtField && <ActionRefusal error={mutation.error} />}
    </FormPanel>
  );
}
