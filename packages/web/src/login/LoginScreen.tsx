import {
  Alert,
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_QUERY_KEY, login } from '../api/auth';
import { PageHeading } from '../common/PageHeading';
import { Brand } from '../shell/Brand';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { loginErrorKey } from './loginErrorKey';
import { HospitalSignIn, SsoProblemAlert, useSsoOptions } from './HospitalSignIn';

interface FieldErrors {
  username?: string;
  password?: string;
}

export function LoginScreen() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const ssoOptions = useSsoOptions();
  // Where an organisation switched its staff's passwords off, its button comes before the form.
  const ssoFirst = ssoOptions.some((option) => option.localPasswords === 'disabled');
  const hospitalSignIn =
    ssoOptions.length === 0 ? null : <HospitalSignIn options={ssoOptions} redirect={search.redirect} />;

  const mutation = useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      login(credentials.username, credentials.password),
    onSuccess: async (session) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      await navigate({ href: search.redirect ?? '/', replace: true });
    },
    // The password never stays in memory longer than the attempt.
    onSettled: () => {
      setPassword('');
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = t('login.usernameRequired');
    if (password === '') errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    if (errors.username !== undefined || errors.password !== undefined) return;
    mutation.mutate({ username: username.trim(), password });
  };

  const notice =
    search.reason === 'expired'
      ? t('login.expired')
      : search.reason === 'loggedOut'
        ? t('login.loggedOut')
        : null;

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
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <PageHeading takeFocus={false}>{t('login.title')}</PageHeading>
              <Text size="sm">{t('login.intro')}</Text>
              {notice !== null && !mutation.isError && (
                <Alert color="blue" variant="light" role="status">
                  {notice}
                </Alert>
              )}
              {mutation.isError && (
                <Alert color="red" variant="light" role="alert">
                  {t(loginErrorKey(mutation.error))}
                </Alert>
              )}
              {search.sso !== undefined && !mutation.isError && <SsoProblemAlert problem={search.sso} />}
              {ssoFirst && hospitalSignIn}
              {ssoFirst && hospitalSignIn !== null && (
                <Text size="sm" ta="center">
                  {t('loginSso.or')}
                </Text>
              )}
              <TextInput
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                // The login page exists to type into this field.
                autoFocus
                value={username}
                onChange={(event) => {
                  setUsername(event.currentTarget.value);
                }}
                error={fieldErrors.username}
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                }}
                error={fieldErrors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
              />
              <Button type="submit" fullWidth loading={mutation.isPending}>
                {t('login.submit')}
              </Button>
              {!ssoFirst && hospitalSignIn}
            </Stack>
          </form>
        </Paper>
        <Paper withBorder p="md" radius="md" mt="md" component="section" aria-labelledby="portal-entry">
          <Stack gap="xs">
            <Text fw={600} id="portal-entry">
              {t('portalEntry.patients')}
            </Text>
            <Anchor component={Link} to="/portal/activate">
              {t('portalEntry.haveCode')}
            </Anchor>
            <Anchor component={Link} to="/portal/magic-link">
              {t('portalEntry.magicLink')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
