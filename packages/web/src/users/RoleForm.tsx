import { Alert, Select, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Role, type User } from '@osteopad/contract';
import { changeUser } from '../api/users';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { problemText } from './problemText';
import { problemAt, problemsApartFrom, userProblems } from './userProblems';

function isStaffRole(value: string | null): value is Role {
  return STAFF_ROLES.some((role) => role === value);
}

interface RoleFormProps {
  user: User;
  onChanged: (user: User) => void;
  onCancel: () => void;
}

/** Another staff role for the account; its sessions end (the server says so and does it). */
export function RoleForm({ user, onChanged, onCancel }: RoleFormProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const mutation = useMutation({
    mutationFn: (next: Role) => changeUser(user.id, { role: next }),
    onSuccess: onChanged,
  });
  const problems = mutation.isError ? userProblems(mutation.error) : null;
  const atRole = problemAt(problems, 'role');
  const general = problemsApartFrom(problems, ['role']);
  return (
    <DialogForm
      submitLabel={t('users.role.submit')}
      submitting={mutation.isPending}
      submitDisabled={role === user.role}
      onCancel={onCancel}
      onSubmit={() => {
        mutation.mutate(role);
      }}
    >
      {mutation.isError && (problems === null || general.length > 0) && (
        <Alert color="red" variant="light" role="alert">
          {problems === null ? errorText(t, mutation.error) : general.map((p) => problemText(t, p)).join(' ')}
        </Alert>
      )}
      <Select
        label={t('users.role.newRole')}
        required
        data-autofocus
        allowDeselect={false}
        data={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        onChange={(value) => {
          if (isStaffRole(value)) setRole(value);
        }}
        error={atRole === null ? undefined : problemText(t, atRole)}
        comboboxProps={{ withinPortal: true }}
      />
      <Text size="sm">{t('users.role.sessionsEnd', { name: user.displayName })}</Text>
    </DialogForm>
  );
}
