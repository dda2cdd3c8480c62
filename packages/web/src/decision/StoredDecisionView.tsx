import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDecisionAnswer } from '@osteopad/contract';
import { LoadingState } from '../common/LoadingState';
import { LazyConsultLettersPanel } from '../consultLetters/lazyConsultLettersPanel';
import { formatDateTime } from '../format/dates';
import { CLINICAL_REVIEW_ROLES } from '../session/permissions';
import { useCurrentUser } from '../session/useCurrentUser';
import { itemValueLabel, outcomeLabel } from './decisionLabels';
import { ItemExplanation } from './ItemExplanation';
import { PlanView } from './PlanView';

/**
 * A recorded decision exactly as stored: read-only, with who decided when, and on which rules; below
 * it the letters made from it (the patient's result letter and the GP letter, loaded on demand).
 */
export function StoredDecisionView({
  decision,
  onNew,
}: {
  decision: StoredDecisionAnswer;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canCreate = user !== null && CLINICAL_REVIEW_ROLES.includes(user.role);
  return (
    <Stack gap="md" data-testid="stored-decision">
      <Title order={2} size="h3">
        {t('decision.stored.title')}
      </Title>
      <Text>
        {t('decision.stored.by', {
          name: decision.decidedBy.displayName,
          date: formatDateTime(decision.decidedAt),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('decision.stored.versions', { engine: decision.engineVersion, config: decision.configVersion })}
      </Text>
      <Text>{t('decision.plan.outcome', { state: outcomeLabel(t, decision.plan.outcome) })}</Text>
      {decision.items.map((item) => (
        <Paper key={item.code} withBorder p="sm" data-testid={`stored-${item.code}`}>
          <Stack gap={4}>
            <Text fw={600}>{t(`decision.items.${item.code}`)}</Text>
            <Text>
              {item.choice === 'override'
                ? t('decision.stored.choiceOverridden', {
                    value: itemValueLabel(t, item.code, item.decidedValue),
                  })
                : `${t('decision.stored.choiceAccepted')} · ${t('decision.stored.decided', { value: itemValueLabel(t, item.code, item.decidedValue) })}`}
            </Text>
            {item.reason !== '' && (
              <Text size="sm">{t('decision.stored.reason', { reason: item.reason })}</Text>
            )}
            <ItemExplanation item={item} />
          </Stack>
        </Paper>
      ))}
      <PlanView plan={decision.plan} />
      <Suspense fallback={<LoadingState />}>
        <LazyConsultLettersPanel episodeId={decision.episodeId} canCreate={canCreate} />
      </Suspense>
      <Button variant="light" onClick={onNew} style={{ alignSelf: 'flex-start' }}>
        {t('decision.stored.newDecision')}
      </Button>
    </Stack>
  );
}
