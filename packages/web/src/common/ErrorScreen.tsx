import { Button, Container, Stack, Text } from '@mantine/core';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from './errorMessageKey';
import { PageHeading } from './PageHeading';

/** Last resort when a route cannot load at all (server down, a screen's code failed to download). */
export function ErrorScreen({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="md" align="flex-start">
        <PageHeading>{t('app.name')}</PageHeading>
        <Text role="alert">{t(errorMessageKey(error))}</Text>
        <Button variant="light" onClick={() => void router.invalidate()}>
          {t('errors.retry')}
        </Button>
      </Stack>
    </Container>
  );
}
