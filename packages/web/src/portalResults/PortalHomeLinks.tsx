import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './i18n/register';

/** The portal home's way to the results page and to the calcium and vitamin D advice. */
export function PortalHomeLinks() {
  const { t } = useTranslation();
  return (
    <>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-results-link">
        <Stack gap="xs" align="flex-start">
          <Title order={2} size="h3" id="portal-results-link">
            {t('portalResults.homeLink.title')}
          </Title>
          <Text>{t('portalResults.homeLink.text')}</Text>
          <Button component={Link} to="/portal/results" variant="light">
            {t('portalResults.homeLink.open')}
          </Button>
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="portal-advice-link">
        <Stack gap="xs" align="flex-start">
          <Title order={2} size="h3" id="portal-advice-link">
            {t('portalResults.homeLink.adviceTitle')}
          </Title>
          <Text>{t('portalResults.homeLink.adviceText')}</Text>
          <Button component={Link} to="/portal/advice" variant="light">
            {t('portalResults.homeLink.adviceOpen')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
