import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commonConfigWord } from './configWords';
import type { ValueWording } from './configValueWords';

/** The shared words and the number notation of the language the screen is in. */
export function useValueWording(): ValueWording {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return useMemo(() => {
    const format = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 6 });
    return {
      yes: commonConfigWord(i18n, 'boolean.true'),
      no: commonConfigWord(i18n, 'boolean.false'),
      noValue: commonConfigWord(i18n, 'noValue'),
      number: (n: number) => format.format(n),
      noUpperAge: t('configScreen.values.noUpperAge'),
      years: t('configScreen.values.years'),
    };
  }, [i18n, language, t]);
}
