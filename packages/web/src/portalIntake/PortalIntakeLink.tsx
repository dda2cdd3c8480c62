import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './i18n/register';

/** The portal home's way to the questionnaire for the appointment. */
export function PortalIntakeLink() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-intake-link">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h3" id="portal-intake-link">
          {t('portalIntake.homeLink.title')}
        </Title>
        <Text>{t('portalIntake.homeLink.text')}</Text>
        <Button component={Link} to="/portal/intake" variant="light">
          {t('portalIntake.homeLink.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
