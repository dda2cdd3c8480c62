import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleTraceAnswer } from '@osteopad/contract';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';

const fromSource = (marker: string): boolean => marker === 'SOURCE';

/** The rules behind an answer: rule ID, sources, and the confidence marker when it is not SOURCE. */
export function RuleTraces({ rules }: { rules: readonly RuleTraceAnswer[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" aria-label={t('investigations.rules.label')} role="list">
      {rules.map((rule, i) => (
        <Group gap={4} key={`${rule.ruleId}-${String(i)}`} role="listitem" data-rule={rule.ruleId}>
          <Badge variant="outline" tt="none">
            {rule.ruleId}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('investigations.rules.source')}: {rule.sources.join(', ')}
          </Text>
          {!fromSource(rule.marker) && <MarkerBadge marker={rule.marker} />}
        </Group>
      ))}
    </Group>
  );
}
