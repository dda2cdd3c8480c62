import { Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AdviceScreen } from '../advice/AdviceScreen';
import { PortalShell } from '../portal/PortalShell';
import './i18n/register';

/** The calcium calculator and vitamin D advisor (`/advice`) inside the portal's own shell, for a patient. */
export function PortalAdviceScreen() {
  const { t } = useTranslation();
  return (
    <PortalShell signedIn>
      <Stack gap="lg">
        <Anchor component={Link} to="/portal" size="sm">
          {t('portalResults.advicePage.back')}
        </Anchor>
        <AdviceScreen />
      </Stack>
    </PortalShell>
  );
}
