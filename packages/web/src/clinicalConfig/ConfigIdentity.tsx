import { DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClinicalConfig } from '@osteopad/contract';
import { Section } from '../common/Section';

interface ConfigIdentityProps {
  config: Pick<ClinicalConfig, 'engineVersion' | 'configVersion' | 'configFingerprint'>;
}

/** Which rules and which configuration decide: together they make a stored decision reproducible. */
export function ConfigIdentity({ config }: ConfigIdentityProps) {
  const { t } = useTranslation();
  const rows: readonly (readonly [label: string, value: string, testId: string])[] = [
    [t('configScreen.identity.engineVersion'), config.engineVersion, 'engine-version'],
    [t('configScreen.identity.configVersion'), config.configVersion, 'config-version'],
    [t('configScreen.identity.configFingerprint'), config.configFingerprint, 'config-fingerprint'],
  ];
  return (
    <Section title={t('configScreen.identity.title')}>
      <DataList labelWidth="16rem" aria-label={t('configScreen.identity.label')}>
        {rows.map(([label, value, testId]) => (
          <DataList.Item key={testId}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue data-testid={testId} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {value}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Text size="sm">{t('configScreen.identity.help')}</Text>
    </Section>
  );
}
