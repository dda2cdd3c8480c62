import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The small print under an explanation: the rules it comes from, and whether the clinic must still confirm it. */
export function RuleSource({
  rules,
  unconfirmed = false,
}: {
  rules: readonly string[];
  unconfirmed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="xs" c="dimmed" data-testid="rule-source">
        {t('portalResults.source', { rules: rules.join(', ') })}
      </Text>
      {unconfirmed && (
        <Text size="xs" c="red.9" fw={600} data-testid="unconfirmed">
          {t('portalResults.unconfirmed')}
        </Text>
      )}
    </>
  );
}
