import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECISION_ITEM_GROUPS,
  TASK_KIND_OF_REFERRAL,
  type Assessment,
  type DecisionBody,
  type DecisionItemCode,
  type StoredDecisionAnswer,
} from '@osteopad/contract';
import { ApiError } from '../api/client';
import { recordDecision } from '../api/decision';
import { DecisionItemCard, type ItemChoice } from './DecisionItemCard';
import { PlanTasks } from './PlanView';

type ItemErrors = Partial<Record<DecisionItemCode, { value?: string; reason?: string }>>;

const FIELD_ERRORS = [
  'reason_required',
  'value_required',
  'invalid_value',
  'inconsistent_with_indication',
] as const;
const CONFLICTS = ['stale_version', 'assessment_changed', 'not_investigated'] as const;

function decidedValue(item: Assessment['items'][number], choice: ItemChoice) {
  return choice.choice === 'override' ? choice.value : item.value;
}

/** Accept or override every item, see the plan that follows, and record the decision. */
export function DecisionForm({
  assessment,
  onRecorded,
  onReload,
}: {
  assessment: Assessment;
  onRecorded: (decision: StoredDecisionAnswer) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, ItemChoice>>(() =>
    Object.fromEntries(
      assessment.items.map((i) => [i.code, { choice: 'accept', value: i.value, reason: '' }]),
    ),
  );
  const [errors, setErrors] = useState<ItemErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  const body = (): DecisionBody => ({
    fingerprint: assessment.fingerprint,
    basedOnDecisionId: assessment.latestDecisionId,
    episodeVersion: assessment.episodeVersion,
    items: assessment.items.map((item) => {
      const c = choices[item.code] ?? { choice: 'accept', value: null, reason: '' };
      return c.choice === 'override'
        ? { code: item.code, choice: 'override', value: c.value, reason: c.reason }
        : { code: item.code, choice: 'accept' };
    }),
  });

  const mutation = useMutation({
    mutationFn: () => recordDecision(assessment.episodeId, body()),
    onSuccess: (decision) => {
      onRecorded(decision);
    },
    onError: (error) => {
      const next: ItemErrors = {};
      setProblem(null);
      if (error instanceof ApiError && error.issues.length > 0) {
        for (const issue of error.issues) {
          const match = /^body\.items\.(\d+)\.(reason|value)$/.exec(issue.field);
          const code = match === null ? undefined : assessment.items[Number(match[1])]?.code;
          const key = FIELD_ERRORS.find((k) => k === issue.code);
          if (match !== null && code !== undefined && key !== undefined) {
            next[code] = {
              ...next[code],
              [match[2] === 'reason' ? 'reason' : 'value']: t(`decision.errors.${key}`),
            };
          } else setProblem(t('decision.errors.generic'));
        }
      } else {
        const conflict = error instanceof ApiError ? CONFLICTS.find((c) => c === error.code) : undefined;
        setProblem(conflict === undefined ? t('decision.errors.generic') : t(`decision.errors.${conflict}`));
      }
      setErrors(next);
    },
  });

  const effective = (code: DecisionItemCode) => {
    const item = assessment.items.find((i) => i.code === code);
    const choice = choices[code];
    return item === undefined || choice === undefined ? null : decidedValue(item, choice);
  };
  const drug = effective('drug');
  const planned = new Set<string>(['send_result_letter', 'send_gp_letter']);
  if (typeof drug === 'string' && drug !== 'none') planned.add('start_treatment');
  for (const [code, kind] of Object.entries(TASK_KIND_OF_REFERRAL))
    if (effective(code as DecisionItemCode) === 'refer') planned.add(kind);
  const tasks = assessment.taskTemplates.filter((task) => planned.has(task.kind));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
      noValidate
    >
      <Stack gap="lg">
        {DECISION_ITEM_GROUPS.map((group) => (
          <Stack key={group} gap="sm">
            <Title order={2} size="h3">
              {t(`decision.groups.${group}`)}
            </Title>
            {assessment.items
              .filter((item) => item.group === group)
              .map((item) => (
                <DecisionItemCard
                  key={item.code}
                  item={item}
                  choice={choices[item.code] ?? { choice: 'accept', value: item.value, reason: '' }}
                  errors={errors[item.code] ?? {}}
                  onChange={(choice) => {
                    setChoices((current) => ({ ...current, [item.code]: choice }));
                  }}
                />
              ))}
          </Stack>
        ))}
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('decision.plan.title')}
          </Title>
          <Text>{t('decision.plan.intro')}</Text>
          <PlanTasks tasks={tasks} />
        </Stack>
        {problem !== null && (
          <Alert color="red" role="alert">
            <Stack gap="xs" align="flex-start">
              {problem}
              <Button size="xs" variant="white" color="red" onClick={onReload}>
                {t('decision.errors.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('decision.record')}
        </Button>
      </Stack>
    </form>
  );
}
