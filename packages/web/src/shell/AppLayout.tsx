import { AppShell, Box, Container, Group } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { PatientSearchProvider } from '../patients/PatientSearchContext';
import { useCurrentUser } from '../session/useCurrentUser';
import { Brand } from './Brand';
import { ClinicalConfigNotice } from './ClinicalConfigNotice';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const MAIN_ID = 'main-content';

/** Header with navigation and user menu around every screen behind the login. */
export function AppLayout() {
  const user = useCurrentUser();
  // Logged out a moment ago: render nothing while the router moves to the login page.
  if (user === null) return null;
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <SkipLink targetId={MAIN_ID} />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xl" wrap="nowrap">
            <Brand />
            <MainNav role={user.role} />
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* On a phone the language is chosen in the user menu; the header has no room. */}
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Container size="xl" py="md">
          <ClinicalConfigNotice role={user.role} />
          <PatientSearchProvider>
            <Outlet />
          </PatientSearchProvider>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
