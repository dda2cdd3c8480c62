import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../common/PageHeading';
import { requestMagicLink } from './portalApi';
import { PortalShell } from './PortalShell';
import './i18n/register';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Asks for a sign-in link by e-mail; the answer is the same whether or not the address is known. */
export function PortalMagicLinkScreen() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const mutation = useMutation({ mutationFn: requestMagicLink });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!EMAIL_PATTERN.test(email.trim())) {
      setError(t('portal.link.emailInvalid'));
      return;
    }
    setError(undefined);
    mutation.mutate({ email: email.trim(), locale: i18n.language === 'en' ? 'en' : 'nl' });
  };

  return (
    <PortalShell signedIn={false}>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PageHeading documentTitle={t('portal.link.pageTitle')}>{t('portal.link.title')}</PageHeading>
            <Text>{t('portal.link.intro')}</Text>
            {mutation.isSuccess && (
              <Alert color="green" variant="light" role="status">
                {t('portal.link.sent')}
              </Alert>
            )}
            {mutation.isError && (
              <Alert color="red" variant="light" role="alert">
                {t('portal.activate.error')}
              </Alert>
            )}
            <TextInput
              type="email"
              label={t('portal.link.email')}
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
              error={error}
            />
            <Button type="submit" fullWidth loading={mutation.isPending}>
              {t('portal.link.submit')}
            </Button>
            <Anchor component={Link} to="/login">
              {t('portal.link.toLogin')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </PortalShell>
  );
}
