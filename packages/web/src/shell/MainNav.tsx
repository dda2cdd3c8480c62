import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/codes';
import { AnchorLink } from '../common/AnchorLink';
import { canUseAuditLog, canUsePatientList } from '../session/permissions';

interface MainNavProps {
  role: Role;
}

/** Only the screens this role can use; the router marks the current one with aria-current. */
export function MainNav({ role }: MainNavProps) {
  const { t } = useTranslation();
  const showPatients = canUsePatientList(role);
  const showAudit = canUseAuditLog(role);
  if (!showPatients && !showAudit) return null;
  return (
    <nav aria-label={t('nav.label')}>
      <Group gap="lg">
        {showPatients && (
          <AnchorLink to="/patients" fw={500} activeProps={{ fw: 700, underline: 'always' }}>
            {t('nav.patients')}
          </AnchorLink>
        )}
        {showAudit && (
          <AnchorLink to="/audit" fw={500} activeProps={{ fw: 700, underline: 'always' }}>
            {t('nav.audit')}
          </AnchorLink>
        )}
      </Group>
    </nav>
  );
}
