import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionPlan, PlanTaskTemplate } from '@osteopad/contract';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';
import { formatDate } from '../format/dates';
import {
  administrationLabel,
  drugLabel,
  followUpKindLabel,
  roleLabel,
  taskKindLabel,
} from './decisionLabels';

/** The plan's dated tasks with the role that does each; due dates from a setting carry the marker. */
export function PlanTasks({ tasks }: { tasks: readonly PlanTaskTemplate[] }) {
  const { t } = useTranslation();
  return (
    <List spacing={4} data-testid="plan-tasks">
      {tasks.map((task) => (
        <List.Item key={task.kind}>
          {t('decision.plan.task', {
            kind: taskKindLabel(t, task.kind),
            role: roleLabel(t, task.role),
            date: formatDate(task.dueDate),
          })}{' '}
          {task.dueFrom === 'setting' && <MarkerBadge marker="UNCONFIRMED" />}
        </List.Item>
      ))}
    </List>
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
          <List spacing={2}>
            {plan.drug.administration.map((code) => (
              <List.Item key={code}>{administrationLabel(t, code)}</List.Item>
            ))}
          </List>
        </>
      )}
      {plan.followUp.length > 0 && (
        <>
          <Text fw={600}>{t('decision.plan.followUp')}</Text>
          <List spacing={2}>
            {plan.followUp.map((f) => (
              <List.Item key={`${f.kind}-${f.dueDate}`}>
                {t('decision.plan.followUpItem', {
                  kind: followUpKindLabel(t, f.kind),
                  date: formatDate(f.dueDate),
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <PlanTasks tasks={plan.tasks} />
    </Stack>
  );
}
