import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionPlan, PlanTaskTemplate } from '@osteopad/contract';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';
import { formatDate } from '../format/dates';
import {
  administrationLabel,
  drugLabel,
  followUpKindLabel,
  itemValueLabel,
  roleLabel,
  taskKindLabel,
} from './decisionLabels';

/** The plan's dated tasks with the role that does each; due dates from a setting carry the marker. */
export function PlanTasks({ tasks }: { tasks: readonly PlanTaskTemplate[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="plan-tasks" component="ul">
      {tasks.map((task) => {
        const fromSetting = task.dueFrom === 'setting';
        return (
          <Text component="li" key={task.kind}>
            {t('decision.plan.task', {
              kind: taskKindLabel(t, task.kind),
              role: roleLabel(t, task.role),
              date: formatDate(task.dueDate),
            })}{' '}
            {fromSetting && <MarkerBadge marker="UNCONFIRMED" />}
          </Text>
        );
      })}
    </Stack>
  );
}

/** The stored plan: the drug and how to take it, the follow-up, and the tasks. */
export function PlanView({ plan }: { plan: DecisionPlan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('decision.plan.title')}
      </Title>
      <Text>
        {plan.drug === null
          ? t('decision.plan.noDrug')
          : t('decision.plan.drug', { drug: drugLabel(t, plan.drug.code) })}
      </Text>
      {plan.drug !== null && plan.drug.administration.length > 0 && (
        <>
          <Text fw={600}>{t('decision.plan.instructions')}</Text>
          <Stack gap={2} component="ul">
            {plan.drug.administration.map((code) => (
              <Text component="li" key={code}>
                {administrationLabel(t, code)}
              </Text>
            ))}
          </Stack>
        </>
      )}
      {plan.followUp.length > 0 && (
        <>
          <Text fw={600}>{t('decision.plan.followUp')}</Text>
          <Stack gap={2} component="ul">
            {plan.followUp.map((f) => (
              <Text component="li" key={`${f.kind}-${f.dueDate}`}>
                {t('decision.plan.followUpItem', {
                  kind: followUpKindLabel(t, f.kind),
                  date: formatDate(f.dueDate),
                })}
              </Text>
            ))}
          </Stack>
        </>
      )}
      <Text>{t('decision.plan.calcium', { value: itemValueLabel(t, 'calcium', plan.calcium.value) })}</Text>
      <Text>
        {t('decision.plan.vitaminD', { value: itemValueLabel(t, 'vitamin_d', plan.vitaminD.value) })}
      </Text>
      <Text>{t('decision.plan.lifestyle', { codes: itemValueLabel(t, 'lifestyle', plan.lifestyle) })}</Text>
      <PlanTasks tasks={plan.tasks} />
    </Stack>
  );
}
