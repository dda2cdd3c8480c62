import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, type Language } from '../i18n/languages';

/** NL / EN; the choice is stored on this device and sets `<html lang>` (see i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nl';
  // Visible "NL"/"EN", heard as "NL Nederlands"/"EN English": the name contains what is shown (for
  // speech input) and the language's own name, pronounced in that language.
  const label = (language: Language) => (
    <>
      {t(`language.short.${language}`)}
      <VisuallyHidden lang={language}> {t(`language.${language}`)}</VisuallyHidden>
    </>
  );
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={current}
      onChange={(value) => {
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
      data={LANGUAGES.map((language) => ({ value: language, label: label(language) }))}
    />
  );
}
