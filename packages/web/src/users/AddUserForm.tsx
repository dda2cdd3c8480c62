import { Alert, Select, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Role, type User } from '@osteopad/contract';
import { createUser } from '../api/users';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { problemText } from './problemText';
import { problemAt, problemsApartFrom, userProblems } from './userProblems';

const FIELDS = ['displayName', 'username', 'role'] as const;

function isStaffRole(value: string | null): value is Role {
  return STAFF_ROLES.some((role) => role === value);
}

interface AddUserFormProps {
  onAdded: (user: User) => void;
  onCancel: () => void;
}

/** Name, username and a staff role; the password comes later, through a one-time link. */
export function AddUserForm({ onAdded, onCancel }: AddUserFormProps) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('nurse');
  const mutation = useMutation({ mutationFn: createUser, onSuccess: onAdded });
  const problems = mutation.isError ? userProblems(mutation.error) : null;
  const fieldError = (field: string) => {
    const problem = problemAt(problems, field);
    return problem === null ? undefined : problemText(t, problem);
  };
  const general = problemsApartFrom(problems, FIELDS);
  return (
    <DialogForm
      submitLabel={t('users.add.submit')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        mutation.mutate({ displayName: displayName.trim(), username: username.trim(), role });
      }}
    >
      {mutation.isError && (problems === null || general.length > 0) && (
        <Alert color="red" variant="light" role="alert">
          {problems === null ? errorText(t, mutation.error) : general.map((p) => problemText(t, p)).join(' ')}
        </Alert>
      )}
      <TextInput
        label={t('users.add.name')}
        description={t('users.add.nameHint')}
        required
        data-autofocus
        value={displayName}
        onChange={(event) => {
          setDisplayName(event.currentTarget.value);
        }}
        error={fieldError('displayName')}
        maxLength={200}
      />
      <TextInput
        label={t('users.add.username')}
        description={t('users.add.usernameHint')}
        required
        autoComplete="off"
        spellCheck={false}
        value={username}
        onChange={(event) => {
          setUsername(event.currentTarget.value);
        }}
        error={fieldError('username')}
        maxLength={100}
      />
      <Select
        label={t('users.add.role')}
        description={t('users.add.roleHint')}
        required
        allowDeselect={false}
        data={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={role}
        onChange={(value) => {
          if (isStaffRole(value)) setRole(value);
        }}
        error={fieldError('role')}
        comboboxProps={{ withinPortal: true }}
      />
    </DialogForm>
  );
}
