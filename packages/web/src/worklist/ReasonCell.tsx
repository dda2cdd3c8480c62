import { Badge, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { assumptionLabel, eligibilityReasonLabel } from '../i18n/labels';

interface ReasonCellProps {
  item: WorklistItem;
}

/**
 * Why the patient is on this list, and what the rule had to assume because the source did not say
 * (trauma mechanism, pathological fracture): the nurse checks that at intake.
 */
export function ReasonCell({ item }: ReasonCellProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">{eligibilityReasonLabel(t, item.eligibilityReason)}</Text>
      {item.assumptions.length > 0 && (
        <>
          <Badge variant="light" color="orange" size="sm" tt="none">
            {t('worklist.checkAtIntake')}
          </Badge>
          <List size="xs" c="dimmed" spacing={0}>
            {item.assumptions.map((assumption) => (
              <List.Item key={assumption}>{assumptionLabel(t, assumption)}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
