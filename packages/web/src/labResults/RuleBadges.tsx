import { Badge, Group } from '@mantine/core';
import type { RuleTraceView } from '@osteopad/contract';
import { useTranslation } from 'react-i18next';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';

/** Rules from a source carry no marker badge: only the unconfirmed and inferred ones do. */
const SOURCE_MARKER = 'SOURCE';

/** The rules an engine answer rests on, each with its ID and — when not SOURCE — its marker. */
export function RuleBadges({ rules }: { rules: readonly RuleTraceView[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {rules.map((r, i) => (
        <Group key={`${r.ruleId}-${i}`} gap={2} data-testid="rule">
          <Badge variant="outline" color="gray" tt="none" title={r.note ?? r.sources.join(', ')}>
            {t('labResults.rule', { ruleId: r.ruleId })}
          </Badge>
          {r.marker !== SOURCE_MARKER && <MarkerBadge marker={r.marker} />}
        </Group>
      ))}
    </Group>
  );
}
