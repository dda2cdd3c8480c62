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
  // What the source said, on one line under the label (its whole text on hover and for screen readers).
  const said = [item.siteText, item.icd10Code === '' ? '' : t('worklist.icd10', { code: item.icd10Code })]
    .filter((part) => part !== '')
    .join(' · ');
  return (
    <>
      <Text span fs="italic" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t('worklist.unknownSite')}
      </Text>
      {said !== '' && (
        <Text size="xs" c="dimmed" truncate="end" maw={200} title={said}>
          {said}
        </Text>
      )}
    </>
  );
}
