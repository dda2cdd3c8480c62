import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '@osteopad/contract';
import { fractureSiteLabel } from '../i18n/labels';

interface SiteCellProps {
  item: WorklistItem;
}

/** The site as a label; when the rules could not place it, what the source said (text, ICD-10). */
export function SiteCell({ item }: SiteCellProps) {
  const { t } = useTranslation();
  if (item.siteCode !== null) return <>{fractureSiteLabel(t, item.siteCode)}</>;
  return (
    <>
      <Text span fs="italic" size="sm">
        {t('worklist.unknownSite')}
      </Text>
      {item.siteText !== '' && (
        <Text size="xs" c="dimmed">
          {item.siteText}
        </Text>
      )}
      {item.icd10Code !== '' && (
        <Text size="xs" c="dimmed">
          {t('worklist.icd10', { code: item.icd10Code })}
        </Text>
      )}
    </>
  );
}
