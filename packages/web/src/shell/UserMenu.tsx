import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { logout } from '../api/auth';
import type { SessionUser } from '@osteopad/contract';
import { LANGUAGES } from '../i18n/languages';
import { roleLabel } from '../i18n/labels';
import { endSession } from '../session/endSession';

interface UserMenuProps {
  user: SessionUser;
}

/** Who is logged in (name, role, organisation), the language, and logging out. */
export function UserMenu({ user }: UserMenuProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const logoutMutation = useMutation({
    mutationFn: logout,
    // Also when the server call fails (session already gone, server down): this browser forgets it.
    onSettled: () => {
      endSession(queryClient, router, 'loggedOut');
    },
  });

  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          maw={{ base: 140, sm: 260 }}
          px="xs"
          aria-label={t('userMenu.open', { name: user.displayName })}
        >
          {user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fw={700} size="sm" c="dark">
            {user.displayName}
          </Text>
          <Text size="xs">{t('userMenu.role', { role: roleLabel(t, user.role) })}</Text>
          <Text size="xs">{t('userMenu.organization', { organization: user.organization.name })}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            role="menuitemradio"
            aria-checked={i18n.resolvedLanguage === language}
            fw={i18n.resolvedLanguage === language ? 700 : 400}
            lang={language}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {t(`language.${language}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red.9"
          onClick={() => {
            logoutMutation.mutate();
          }}
          disabled={logoutMutation.isPending}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
