import { TextInput, Alert, Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CALL_OUTCOMES,
  WRONG_NUMBER_NEXT_STEPS,
  type CallOutcome,
  type WrongNumberNextStep,
} from '@osteopad/contract';
import { FormPanel } from './FormPanel';
import { ActionRefusal } from './ActionRefusal';
import { recordCallOutcome } from './episodeApi';
import { useEpisodeAction } from './useEpisodeAction';

interface CallOutcomeFormProps {
  taskId: string;
  version: number;
  policy: { retryAfterDays: number; maxAttempts: number };
  onCancel: () => void;
  /** `reached`: the reply is recorded next, so the page offers it at once (at the episode's new version). */
  onDone: (outcome: CallOutcome, version: number) => void;
}

/** How the reminder call went: reached, not reached (call again or, at the last attempt, lost), wrong number. */
export function CallOutcomeForm({ taskId, version, policy, onCancel, onDone }: CallOutcomeFormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [nextStep, setNextStep] = useState<WrongNumberNextStep | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; nextStep?: string }>({});
  const notReached = outcome === 'not_reached';
  const wrongNumber = outcome === 'wrong_number';
  const mutation = useEpisodeAction(
    (input: { outcome: CallOutcome; nextStep: WrongNumberNextStep | undefined }) =>
      recordCallOutcome(taskId, { ...input, note, expectedVersion: version }),
    (result) => {
      if (outcome !== null) onDone(outcome, result.version);
    },
  );
  return (
    <FormPanel
      title={t('episode.call.title')}
      submitLabel={t('episode.call.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        const found: typeof errors = {};
        if (outcome === null) found.outcome = t('episode.call.errors.outcome');
        if (outcome === 'wrong_number' && nextStep === null)
          found.nextStep = t('episode.call.errors.nextStep');
        setErrors(found);
        if (outcome !== null && Object.keys(found).length === 0)
          mutation.mutate({
            outcome,
            nextStep: outcome === 'wrong_number' ? (nextStep ?? undefined) : undefined,
          });
      }}
    >
      <Radio.Group
        label={t('episode.call.outcome')}
        value={outcome}
        withAsterisk
        error={errors.outcome}
        onChange={(value) => {
          setOutcome(CALL_OUTCOMES.find((o) => o === value) ?? null);
        }}
      >
        <Stack gap={6} mt={6}>
          {CALL_OUTCOMES.map((value) => (
            <Radio key={value} value={value} label={t(`episode.call.${value}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {notReached && (
        <Alert variant="light" color="yellow">
          <Group gap="xs" align="center">
            <Text size="sm">
              {t('episode.call.retryHint', { days: policy.retryAfterDays, max: policy.maxAttempts })}
            </Text>
            <Badge color="orange" variant="light">
              {t('episode.call.unconfirmed')}
            </Badge>
          </Group>
        </Alert>
      )}
      {wrongNumber && (
        <Radio.Group
          label={t('episode.call.nextStep')}
          value={nextStep}
          withAsterisk
          error={errors.nextStep}
          onChange={(value) => {
            setNextStep(WRONG_NUMBER_NEXT_STEPS.find((s) => s === value) ?? null);
          }}
        >
          <Stack gap={6} mt={6}>
            {WRONG_NUMBER_NEXT_STEPS.map((value) => (
              <Radio key={value} value={value} label={t(`episode.call.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <TextInput
        label={t('episode.call.note')}
        value={note}
        maxLength={500}
        onChange={(event) => {
          setNote(event.currentTarget.value);
        }}
      />
      {mutation.isError && <ActionRefusal error={mutation.error} />}
    </FormPanel>
  );
}
