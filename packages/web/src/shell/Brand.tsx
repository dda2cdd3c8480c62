import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <Stack gap={0}>
      <Text fw={700} size="lg" c="blue.9" lh={1.1}>
        {t('app.name')}
      </Text>
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t('app.tagline')}
      </Text>
    </Stack>
  );
}
