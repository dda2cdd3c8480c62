import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ssoOptionsSchema, type SsoOptions, type SsoProblem } from '@osteopad/contract';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

export const SSO_OPTIONS_QUERY_KEY = ['auth', 'sso', 'options'] as const;

/** The hospital sign-in buttons (none when no organisation has one, or the list cannot be read). */
export function useSsoOptions(): SsoOptions['options'] {
  const query = useQuery({
    queryKey: SSO_OPTIONS_QUERY_KEY,
    queryFn: () => api.get('/api/auth/sso/options', ssoOptionsSchema),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return query.data?.options ?? [];
}

/** Why the last hospital sign-in ended on the login page (`?sso=<code>`), worded for the user. */
export function SsoProblemAlert({ problem }: { problem: SsoProblem }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert">
      {t(`loginSso.problems.${problem}`)}
    </Alert>
  );
}

/** One button per organisation with the hospital sign-in; it goes to the server, which sends on to the provider. */
export function HospitalSignIn({
  options,
  redirect,
}: {
  options: SsoOptions['options'];
  redirect: string | undefined;
}) {
  const { t } = useTranslation();
  const query = redirect === undefined ? '' : `?redirect=${encodeURIComponent(redirect)}`;
  return (
    <Stack gap="xs">
      {options.map((option) => (
        <Button
          key={option.startUrl}
          component="a"
          href={`${option.startUrl}${query}`}
          variant="filled"
          fullWidth
        >
          {options.length === 1
            ? t('loginSso.button')
            : t('loginSso.buttonFor', { organization: option.organizationName })}
        </Button>
      ))}
      {options
        .filter((option) => option.localPasswords === 'disabled')
        .map((option) => (
          <Text key={option.startUrl} size="sm" c="dimmed">
            {t('loginSso.passwordsOff', { organization: option.organizationName })}
          </Text>
        ))}
    </Stack>
  );
}
