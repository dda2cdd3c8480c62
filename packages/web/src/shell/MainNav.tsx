import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import {
  canImport,
  canUseAuditLog,
  canUsePatientList,
  canUseWorklist,
  canViewClinicalConfig,
  canSeeReminders,
  canUseFollowUpWorklist,
  canUseAdvice,
  canManageUsers,
  canManageOrganization,
} from '../session/permissions';

interface MainNavProps {
  role: Role;
}

const ACTIVE = { fw: 700, underline: 'always' } as const;

/** Only the screens this role can use; the router marks the current one with aria-current. */
export function MainNav({ role }: MainNavProps) {
  const { t } = useTranslation();
  const showWorklist = canUseWorklist(role);
  const showPatients = canUsePatientList(role);
  const showAudit = canUseAuditLog(role);
  const showImports = canImport(role);
  const showClinicalConfig = canViewClinicalConfig(role);
  const showReminders = canSeeReminders(role);
  const showFollowUp = canUseFollowUpWorklist(role);
  const showAdvice = canUseAdvice(role);
  const showUsers = canManageUsers(role);
  const showOrganization = canManageOrganization(role);
  if (
    !showWorklist &&
    !showPatients &&
    !showAudit &&
    !showImports &&
    !showClinicalConfig &&
    !showReminders &&
    !showFollowUp &&
    !showAdvice &&
    !showUsers &&
    !showOrganization
  )
    return null;
  return (
    <nav aria-label={t('nav.label')}>
      <Group gap="lg">
        {showWorklist && (
          <AnchorLink to="/worklist" fw={500} activeProps={ACTIVE}>
            {t('nav.worklist')}
          </AnchorLink>
        )}
        {showPatients && (
          <AnchorLink to="/patients" fw={500} activeProps={ACTIVE}>
            {t('nav.patients')}
          </AnchorLink>
        )}
        {showAudit && (
          <AnchorLink to="/audit" fw={500} activeProps={ACTIVE}>
            {t('nav.audit')}
          </AnchorLink>
        )}
        {showImports && (
          <AnchorLink to="/imports" fw={500} activeProps={ACTIVE}>
            {t('nav.imports')}
          </AnchorLink>
        )}
        {showClinicalConfig && (
          <AnchorLink to="/clinical-config" fw={500} activeProps={ACTIVE}>
            {t('nav.clinicalConfig')}
          </AnchorLink>
        )}
        {showReminders && (
          <AnchorLink to="/reminders" fw={500} activeProps={ACTIVE}>
            {t('nav.reminders')}
          </AnchorLink>
        )}
        {showFollowUp && (
          <AnchorLink to="/follow-up" fw={500} activeProps={ACTIVE}>
            {t('nav.followUp')}
          </AnchorLink>
        )}
        {showAdvice && (
          <AnchorLink to="/advice" fw={500} activeProps={ACTIVE}>
            {t('nav.advice')}
          </AnchorLink>
        )}
        {showUsers && (
          <AnchorLink to="/admin/users" fw={500} activeProps={ACTIVE}>
            {t('nav.users')}
          </AnchorLink>
        )}
        {showOrganization && (
          <AnchorLink to="/admin/organization" fw={500} activeProps={ACTIVE}>
            {t('nav.organization')}
          </AnchorLink>
        )}
      </Group>
    </nav>
  );
}
