import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { configValueText } from './configValue';

interface ConfigValueProps {
  value: unknown;
}

/** A configuration value in the notation of the clinic's configuration file (see configValue.ts). */
export function ConfigValue({ value }: ConfigValueProps) {
  const { t } = useTranslation();
  const display = configValueText(value);
  switch (display.kind) {
    case 'none':
      return (
        <Text span size="sm" fs="italic">
          {t('clinicalConfig.list.noValue')}
        </Text>
      );
    case 'inline':
      return <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{display.text}</Code>;
    case 'block':
      return (
        <Code block fz="xs">
          {display.text}
        </Code>
      );
  }
}
