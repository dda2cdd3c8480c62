import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@osteopad/contract';
import { USERS_QUERY_KEY, usersQuery } from '../api/users';
import { Dialog } from '../common/Dialog';
import { EmptyNote } from '../common/EmptyNote';
import { LoadingState } from '../common/LoadingState';
import { TextNotice, type NoticeContent } from '../common/Notice';
import { PageHeading } from '../common/PageHeading';
import { QueryError } from '../common/QueryError';
import { useCurrentUser } from '../session/useCurrentUser';
import { AddUserForm } from './AddUserForm';
import { PasswordLinkPanel } from './PasswordLinkPanel';
import { RoleForm } from './RoleForm';
import { StatusForm } from './StatusForm';
import { UserTable, type UserAction } from './UserTable';
import './i18n/register';

type OpenDialog = 'add' | UserAction | null;

/** The organisation's accounts for an administrator: add, change role, (de)activate, password links. */
export function UsersScreen() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const query = useQuery(usersQuery);
  const [open, setOpen] = useState<OpenDialog>(null);
  const [target, setTarget] = useState<User | null>(null);
  // A new key for every opening, so each form starts afresh (the dialogs stay mounted for focus return).
  const [opening, setOpening] = useState(0);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [justAdded, setJustAdded] = useState(false);

  const show = (dialog: OpenDialog, user: User | null) => {
    setJustAdded(false);
    setTarget(user);
    setOpening((n) => n + 1);
    setOpen(dialog);
  };
  const close = () => {
    setOpen(null);
  };
  const done = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
    setNotice({ id: Date.now(), tone: 'success', text });
    close();
  };
  const name = target?.displayName ?? '';

  return (
    <Stack gap="md">
      <PageHeading>{t('users.title')}</PageHeading>
      <Text size="sm">{t('users.intro')}</Text>
      <Group>
        <Button
          onClick={() => {
            show('add', null);
          }}
        >
          {t('users.actions.add')}
        </Button>
      </Group>
      <TextNotice
        notice={notice}
        onClose={() => {
          setNotice(null);
        }}
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyNote>{t('users.empty')}</EmptyNote>
      ) : (
        <UserTable users={query.data.items} currentUserId={me?.id ?? ''} onAction={show} />
      )}

      <Dialog opened={open === 'add'} title={t('users.add.title')} onClose={close}>
        <AddUserForm
          key={opening}
          onCancel={close}
          onAdded={(user) => {
            // The new account has no password yet: the link is the next step, in the next dialog.
            void queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
            show('link', user);
            setJustAdded(true);
          }}
        />
      </Dialog>
      <Dialog opened={open === 'role'} title={t('users.role.title', { name })} onClose={close}>
        {target !== null && (
          <RoleForm
            key={opening}
            user={target}
            onCancel={close}
            onChanged={(user) => {
              done(t('users.role.changed', { name: user.displayName, role: t(`roles.${user.role}`) }));
            }}
          />
        )}
      </Dialog>
      <Dialog
        opened={open === 'status'}
        title={
          target?.active === false
            ? t('users.statusChange.reactivateTitle', { name })
            : t('users.statusChange.deactivateTitle', { name })
        }
        onClose={close}
      >
        {target !== null && (
          <StatusForm
            key={opening}
            user={target}
            onCancel={close}
            onChanged={(user) => {
              done(
                user.active
                  ? t('users.statusChange.reactivated', { name: user.displayName })
                  : t('users.statusChange.deactivated', { name: user.displayName }),
              );
            }}
          />
        )}
      </Dialog>
      <Dialog opened={open === 'link'} title={t('users.link.title', { name })} onClose={close}>
        {target !== null && (
          <PasswordLinkPanel key={opening} user={target} justAdded={justAdded} onClose={close} />
        )}
      </Dialog>
    </Stack>
  );
}
