import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../common/PageHeading';
import { CalciumCalculator } from './CalciumCalculator';
import { VitaminDAdvisor } from './VitaminDAdvisor';
import './i18n/register';

/**
 * The calcium calculator (R12) and the vitamin D advisor (R13): for nurses in the consult and for patients
 * in the portal. Nothing here is saved or tied to a patient record; every answer comes from the server's
 * clinical engine.
 */
export function AdviceScreen() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageHeading>{t('advice.title')}</PageHeading>
      <Text>{t('advice.intro')}</Text>
      <Tabs defaultValue="calcium">
        <Tabs.List aria-label={t('advice.tabsLabel')}>
          <Tabs.Tab value="calcium">{t('advice.tabs.calcium')}</Tabs.Tab>
          <Tabs.Tab value="vitaminD">{t('advice.tabs.vitaminD')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calcium" pt="md">
          <CalciumCalculator />
        </Tabs.Panel>
        <Tabs.Panel value="vitaminD" pt="md">
          <VitaminDAdvisor />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
