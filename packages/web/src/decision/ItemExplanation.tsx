import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentItem } from '@osteopad/contract';
import { MarkerBadge } from '../clinicalConfig/MarkerBadge';

/** Why the engine proposes what it does: each rule with its source, its markers, and what it lacks. */
export function ItemExplanation({ item }: { item: AssessmentItem }) {
  const { t } = useTranslation();
  const insufficient = item.status === 'insufficientData';
  return (
    <Stack gap={4}>
      {item.markers.length > 0 && (
        <Group gap="xs">
          {item.markers.map((m) => (
            <MarkerBadge key={m} marker={m} />
          ))}
        </Group>
      )}
      {insufficient && (
        <Text size="sm" c="orange.9" data-testid={`insufficient-${item.code}`}>
          {item.missing.length > 0
            ? t('decision.insufficient', { missing: item.missing.join(', ') })
            : t('decision.insufficientNoList')}
        </Text>
      )}
      {item.rules.map((r) => (
        <Text key={`${r.ruleId}|${r.marker}|${r.note ?? ''}`} size="xs" c="dimmed">
          {r.sources.length > 0
            ? t('decision.rule', { rule: r.ruleId, sources: r.sources.join(', ') })
            : t('decision.ruleNoSource', { rule: r.ruleId })}
        </Text>
      ))}
    </Stack>
  );
}
