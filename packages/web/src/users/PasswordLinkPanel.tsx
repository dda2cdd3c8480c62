import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@osteopad/contract';
import { makePasswordLink } from '../api/users';
import { errorText } from '../common/errorText';
import { formatDateTime } from '../format/dates';
import { problemText } from './problemText';
import { userProblems } from './userProblems';

interface PasswordLinkPanelProps {
  user: User;
  /** The account was added a moment ago (and has no password yet). */
  justAdded?: boolean;
  onClose: () => void;
}

/**
 * Makes a one-time link for the account and shows it once, with a copy button and until when it works.
 * Closing the dialog forgets it: the server keeps only its hash.
 */
export function PasswordLinkPanel({ user, justAdded = false, onClose }: PasswordLinkPanelProps) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: () => makePasswordLink(user.id) });
  const name = user.displayName;
  const problems = mutation.isError ? userProblems(mutation.error) : null;
  if (mutation.isSuccess) {
    const link = mutation.data;
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" role="status">
          {t('users.link.made', { name })}
        </Alert>
        <TextInput
          label={t('users.link.url')}
          value={link.url}
          readOnly
          data-autofocus
          onFocus={(e) => {
            e.currentTarget.select();
          }}
        />
        <Text size="sm">{t('users.link.expires', { when: formatDateTime(link.expiresAt) })}</Text>
        <Group justify="flex-end" gap="sm">
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
              >
                {copied ? t('users.link.copied') : t('users.link.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {justAdded && (
        <Alert color="green" variant="light" role="status">
          {t('users.add.added', { name })}
        </Alert>
      )}
      <Text>{t('users.link.explain', { name })}</Text>
      {mutation.isError && (
        <Alert color="red" variant="light" role="alert">
          {problems === null
            ? errorText(t, mutation.error)
            : problems.map((p) => problemText(t, p.problem)).join(' ')}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          data-autofocus
          loading={mutation.isPending}
          onClick={() => {
            mutation.mutate();
          }}
        >
          {t('users.link.make')}
        </Button>
      </Group>
    </Stack>
  );
}
