import { Alert, Box, Button, Container, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@osteopad/contract';
import { redeemPasswordLink } from '../api/users';
import { errorText } from '../common/errorText';
import { PageHeading } from '../common/PageHeading';
import { Brand } from '../shell/Brand';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { problemText } from './problemText';
import { tokenOfLink } from './setPasswordToken';
import { problemAt, userProblems } from './userProblems';
import './i18n/register';

function linkToken(): string | null {
  return tokenOfLink(window.location.hash, window.location.search);
}

/** Where an administrator's one-time link lands: the user chooses a password, then signs in. */
export function SetPasswordScreen() {
  const { t } = useTranslation();
  const [token] = useState(linkToken);
  useEffect(() => {
    // Read once when the page opens; the token then leaves the address bar (history, screenshots).
    window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: redeemPasswordLink });
  const problems = mutation.isError ? userProblems(mutation.error) : null;
  const linkProblem = problemAt(problems, 'token');
  const passwordProblem = problemAt(problems, 'password');

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (token === null) return;
    const differs = password !== repeat;
    setMismatch(differs);
    if (!differs) mutation.mutate({ token, password });
  };

  const body = () => {
    if (mutation.isSuccess) {
      return (
        <>
          <Alert color="green" variant="light" role="status">
            {t('users.setPassword.done', { username: mutation.data.username })}
          </Alert>
          <Button component={Link} to="/login">
            {t('users.setPassword.toLogin')}
          </Button>
        </>
      );
    }
    if (token === null || linkProblem !== null) {
      return (
        <Alert color="red" variant="light" role="alert">
          {token === null ? t('users.setPassword.noLink') : problemText(t, linkProblem ?? 'linkInvalid')}
        </Alert>
      );
    }
    return (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('users.setPassword.intro', { min: MIN_PASSWORD_LENGTH })}</Text>
          {mutation.isError && problems === null && (
            <Alert color="red" variant="light" role="alert">
              {errorText(t, mutation.error)}
            </Alert>
          )}
          <PasswordInput
            label={t('users.setPassword.password')}
            name="new-password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
            }}
            error={passwordProblem === null ? undefined : problemText(t, passwordProblem)}
            visibilityToggleButtonProps={{ 'aria-label': t('users.setPassword.showPassword') }}
          />
          <PasswordInput
            label={t('users.setPassword.repeat')}
            name="repeat-password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => {
              setRepeat(event.currentTarget.value);
            }}
            error={mismatch ? t('users.setPassword.mismatch') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('users.setPassword.showPassword') }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('users.setPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        bg="white"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={440} py={48}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <PageHeading documentTitle={t('users.setPassword.pageTitle')}>
              {t('users.setPassword.title')}
            </PageHeading>
            {body()}
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
