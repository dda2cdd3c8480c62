import { Alert, Anchor, Loader, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_QUERY_KEY } from '../api/auth';
import { PageHeading } from '../common/PageHeading';
import { redeemMagicLink } from './portalApi';
import { PortalShell } from './PortalShell';
import './i18n/register';

/** The token travels in the fragment (`#token=…`): never sent to a server, never in a log. */
function tokenOfFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token !== null && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

/** Where the e-mailed link lands: signs the patient in once, then opens the portal. */
export function PortalLinkScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: redeemMagicLink,
    onSuccess: async (session) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      await navigate({ to: '/portal', replace: true });
    },
  });
  const { mutate } = mutation;

  useEffect(() => {
    const token = tokenOfFragment(window.location.hash);
    // The token leaves the address bar at once (history, screenshots).
    window.history.replaceState(null, '', window.location.pathname);
    if (token !== null) mutate(token);
  }, [mutate]);

  const invalid = mutation.isError || (mutation.isIdle && tokenOfFragment(window.location.hash) === null);
  return (
    <PortalShell signedIn={false}>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Stack gap="md">
          <PageHeading documentTitle={t('portal.link.pageTitle')}>{t('portal.link.redeemTitle')}</PageHeading>
          {invalid ? (
            <>
              <Alert color="red" variant="light" role="alert">
                {t('portal.link.invalid')}
              </Alert>
              <Anchor component={Link} to="/portal/magic-link">
                {t('portal.link.requestNew')}
              </Anchor>
            </>
          ) : (
            <Stack gap="xs" align="center">
              <Loader size="sm" aria-hidden />
              <Text role="status">{t('portal.link.redeeming')}</Text>
            </Stack>
          )}
        </Stack>
      </Paper>
    </PortalShell>
  );
}
