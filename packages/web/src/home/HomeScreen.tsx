import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../session/useCurrentUser';
import { PageHeading } from '../common/PageHeading';

/** Start page for roles whose own screens come later (quality lead, patient). */
export function HomeScreen() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user === null) return null;
  const text = (() => {
    switch (user.role) {
      case 'quality':
        return t('home.quality');
      case 'patient':
        return t('home.patient');
      case 'admin':
      case 'specialist':
      case 'nurse':
      case 'secretary':
        return t('home.other');
    }
  })();
  return (
    <Stack gap="md" maw={720}>
      <PageHeading>{t('home.title')}</PageHeading>
      <Text fw={600}>{t('home.greeting', { name: user.displayName })}</Text>
      <Text>{text}</Text>
    </Stack>
  );
}
