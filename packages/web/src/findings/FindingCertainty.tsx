import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFinding } from '@osteopad/contract';

/** "Zeker", or an "Onzeker" badge with the report's own hedge ("mogelijk", "cannot be excluded"). */
export function FindingCertainty({
  finding,
}: {
  finding: Pick<ReportFinding, 'certainty' | 'certaintyCue'>;
}) {
  const { t } = useTranslation();
  if (finding.certainty === 'definite') return <>{t('findings.certainDefinite')}</>;
  return (
    <Stack gap={2} align="flex-start">
      <Badge color="yellow" variant="light" tt="none">
        {t('findings.certainUncertain')}
      </Badge>
      {finding.certaintyCue !== null && (
        <Text size="xs" c="dimmed">
          {t('findings.certaintyCue', { cue: finding.certaintyCue })}
        </Text>
      )}
    </Stack>
  );
}
