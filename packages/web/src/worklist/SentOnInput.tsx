import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SentOnField } from './useSentOn';

interface SentOnInputProps {
  field: SentOnField;
  w: number;
  autoFocus?: boolean;
}

/** The day the letters went out (dd-mm-jjjj), with why it is refused. */
export function SentOnInput({ field, w, autoFocus = false }: SentOnInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('invitations.sentOn')}
      placeholder={t('worklist.filters.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      value={field.value}
      error={field.error === undefined ? undefined : t(`sentOn.errors.${field.error}`)}
      onChange={(event) => {
        field.change(event.currentTarget.value);
      }}
      w={w}
      {...(autoFocus ? { 'data-autofocus': true } : {})}
    />
  );
}
