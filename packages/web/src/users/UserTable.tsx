import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '@osteopad/contract';
import { formatDateTime } from '../format/dates';
import { accountStatus, type AccountStatus } from './userProblems';

const STATUS_COLOR: Record<AccountStatus, string> = {
  active: 'green',
  deactivated: 'gray',
  locked: 'orange',
};

export type UserAction = 'role' | 'status' | 'link';

interface UserTableProps {
  users: readonly User[];
  currentUserId: string;
  onAction: (action: UserAction, user: User) => void;
}

/** One row per account: who, role and status in words, last sign-in, and what an administrator can do. */
export function UserTable({ users, currentUserId, onAction }: UserTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped aria-label={t('users.tableLabel')} fz="sm" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.username')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.lastLogin')}</Table.Th>
            <Table.Th scope="col">{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => {
            const status = accountStatus(user);
            const name = user.displayName;
            // A patient account stays one (its role is the portal's): no role to change.
            const staffAccount = user.role !== 'patient';
            return (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={500}>
                  {name}
                  {user.id === currentUserId && (
                    <Text span size="sm" c="dimmed" ml={4}>
                      {t('users.you')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[status]} variant="dot" tt="none">
                    {t(`users.status.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {user.lastLoginAt === null ? t('users.never') : formatDateTime(user.lastLoginAt)}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {staffAccount && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('users.actions.changeRoleOf', { name })}
                        onClick={() => {
                          onAction('role', user);
                        }}
                      >
                        {t('users.actions.changeRole')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={
                        user.active
                          ? t('users.actions.deactivateOf', { name })
                          : t('users.actions.reactivateOf', { name })
                      }
                      onClick={() => {
                        onAction('status', user);
                      }}
                    >
                      {user.active ? t('users.actions.deactivate') : t('users.actions.reactivate')}
                    </Button>
                    {user.active && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('users.actions.linkOf', { name })}
                        onClick={() => {
                          onAction('link', user);
                        }}
                      >
                        {t('users.actions.link')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
