import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleTraceView } from '@osteopad/contract';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';

/** Rules from a source carry no marker badge: only the unconfirmed and inferred ones do. */
const SOURCE_MARKER = 'SOURCE';

/** Where an advice comes from: each rule's ID, its sources and — when not SOURCE — its marker. */
export function AdviceRules({
  rules,
  conflicts,
}: {
  rules: readonly RuleTraceView[];
  conflicts: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="advice-rules">
      <Text size="sm" fw={600}>
        {t('advice.rules.title')}
      </Text>
      <List size="sm" spacing={2}>
        {rules.map((r, i) => (
          <List.Item key={`${r.ruleId}-${String(i)}`} data-testid="advice-rule">
            <Group gap={6} wrap="wrap">
              <Text size="sm" span>
                {t('advice.rules.rule', { ruleId: r.ruleId })}
              </Text>
              <Text size="sm" span c="dimmed">
                {t('advice.rules.sources', { sources: r.sources.join(', ') })}
              </Text>
              {r.marker !== SOURCE_MARKER && <MarkerBadge marker={r.marker} />}
            </Group>
          </List.Item>
        ))}
      </List>
      {conflicts.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('advice.rules.conflict', { conflicts: conflicts.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}
