import { Box, Button, Container, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';
import { endSession } from '../session/endSession';
import { Brand } from '../shell/Brand';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { SkipLink } from '../shell/SkipLink';
import './i18n/register';

const MAIN_ID = 'portal-main';

/** The patient's own simple frame: the hospital's brand, the language, signing out — no staff navigation. */
export function PortalShell({ children, signedIn }: { children: ReactNode; signedIn: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const logoutMutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      endSession(queryClient, router, 'loggedOut');
    },
  });
  return (
    <Box mih="100vh" bg="gray.0">
      <SkipLink targetId={MAIN_ID} />
      <Box
        component="header"
        bg="white"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Brand />
          <Group gap="xs" wrap="wrap">
            <LanguageSwitch />
            {signedIn && (
              <Button
                variant="subtle"
                size="sm"
                loading={logoutMutation.isPending}
                onClick={() => {
                  logoutMutation.mutate();
                }}
              >
                {t('portal.logout')}
              </Button>
            )}
          </Group>
        </Group>
      </Box>
      <Container component="main" id={MAIN_ID} tabIndex={-1} size={560} py={32} px="md">
        {children}
      </Container>
    </Box>
  );
}
