import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './AnchorLink';
import { PageHeading } from './PageHeading';

export function NoAccessScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeading>{t('errors.noAccessTitle')}</PageHeading>
      <Text>{t('errors.noAccess')}</Text>
      <AnchorLink to="/">{t('errors.backHome')}</AnchorLink>
    </Stack>
  );
}
