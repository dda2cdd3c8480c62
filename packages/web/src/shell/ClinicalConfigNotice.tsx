import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { clinicalConfigQuery } from '../api/clinicalConfig';
import type { Role } from '@osteopad/contract';
import { AnchorLink } from '../common/AnchorLink';
import { seesClinicalConfigNotice } from '../session/permissions';

interface ClinicalConfigNoticeProps {
  role: Role;
}

/**
 * A standing reminder for administrators and specialists while clinical values are unconfirmed: the
 * clinic must confirm them before go-live. A note, not an alert, so it is not announced on every page;
 * nothing is shown while loading, after a failure, when the list is empty, or on the screen itself.
 */
export function ClinicalConfigNotice({ role }: ClinicalConfigNoticeProps) {
  const { t } = useTranslation();
  const enabled = seesClinicalConfigNotice(role);
  const query = useQuery({ ...clinicalConfigQuery, enabled });
  const matchRoute = useMatchRoute();
  if (!enabled || query.data === undefined || matchRoute({ to: '/clinical-config' }) !== false) return null;
  const count = query.data.unconfirmed.length;
  if (count === 0) return null;
  return (
    <Alert
      role="note"
      aria-label={t('clinicalConfig.notice.label')}
      color="orange"
      variant="light"
      py="xs"
      mb="md"
      data-testid="clinical-config-notice"
    >
      <Text size="sm">
        {t('clinicalConfig.notice.text', { count })}{' '}
        <AnchorLink to="/clinical-config" fw={600} size="sm">
          {t('clinicalConfig.notice.link')}
        </AnchorLink>
      </Text>
    </Alert>
  );
}
