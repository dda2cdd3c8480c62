import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { assumptionLabel, eligibilityReasonLabel } from '../i18n/labels';

interface ReasonCellProps {
  item: WorklistItem;
}

/** A fracture the rule counts: what the lists of eligible patients are for, so said by none of their rows. */
const LISTS_OWN_REASON = 'qualifyingFracture';

/**
 * Why the patient is on this list, when it is not simply what the list is for (a fracture the rule counts),
 * and what the rule had to assume because the source did not say (trauma mechanism, pathological
 * fracture): the nurse checks that at intake. One line each; the whole text on hover.
 */
export function ReasonCell({ item }: ReasonCellProps) {
  const { t } = useTranslation();
  const assumptions = item.assumptions.map((assumption) => assumptionLabel(t, assumption)).join(', ');
  return (
    <Stack gap={2} align="flex-start">
      {item.eligibilityReason !== LISTS_OWN_REASON && (
        <Text size="sm" maw={170} lineClamp={2} title={eligibilityReasonLabel(t, item.eligibilityReason)}>
          {eligibilityReasonLabel(t, item.eligibilityReason)}
        </Text>
      )}
      {item.assumptions.length > 0 && (
        <Group gap={6} wrap="nowrap" maw={280}>
          <Badge variant="light" color="orange" size="sm" tt="none">
            {t('worklist.checkAtIntake')}
          </Badge>
          <Text size="xs" c="dimmed" truncate="end" title={assumptions}>
            {assumptions}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
