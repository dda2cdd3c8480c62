import { Alert, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@osteopad/contract';
import { changeUser } from '../api/users';
import { DialogForm } from '../common/DialogForm';
import { errorText } from '../common/errorText';
import { problemText } from './problemText';
import { userProblems } from './userProblems';

interface StatusFormProps {
  user: User;
  onChanged: (user: User) => void;
  onCancel: () => void;
}

/** Deactivate (its sessions end at once) or reactivate an account, after saying what that does. */
export function StatusForm({ user, onChanged, onCancel }: StatusFormProps) {
  const { t } = useTranslation();
  const deactivating = user.active;
  const mutation = useMutation({
    mutationFn: () => changeUser(user.id, { active: !deactivating }),
    onSuccess: onChanged,
  });
  const problems = mutation.isError ? userProblems(mutation.error) : null;
  const name = user.displayName;
  return (
    <DialogForm
      submitLabel={deactivating ? t('users.actions.deactivate') : t('users.actions.reactivate')}
      submitting={mutation.isPending}
      onCancel={onCancel}
      onSubmit={() => {
        mutation.mutate();
      }}
    >
      <Text>
        {deactivating
          ? t('users.statusChange.deactivateText', { name })
          : t('users.statusChange.reactivateText', { name })}
      </Text>
      {mutation.isError && (
        <Alert color="red" variant="light" role="alert">
          {problems === null
            ? errorText(t, mutation.error)
            : problems.map((p) => problemText(t, p.problem)).join(' ')}
        </Alert>
      )}
    </DialogForm>
  );
}
