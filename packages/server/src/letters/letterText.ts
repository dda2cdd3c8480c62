import { createInstance } from 'i18next';
import en from './i18n/en.json' with { type: 'json' };
import nl from './i18n/nl.json' with { type: 'json' };
import { LETTER_LOCALES, type LetterLocale } from '@osteopad/contract';

/** The Dutch catalogue is the source text; the English one must have the same shape. */
export type LetterCatalogue = typeof nl;

type LeafKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Dotted path of every text in the catalogue, e.g. `'reason.sign'`: a key that does not exist fails the type check. */
export type LetterMessageKey = LeafKeys<LetterCatalogue>;

export const letterCatalogues: Readonly<Record<LetterLocale, LetterCatalogue>> = { nl, en };

export type InterpolationValues = Readonly<Record<string, string>>;

export interface LetterTranslator {
  readonly locale: LetterLocale;
  t(key: LetterMessageKey, values?: InterpolationValues): string;
}

// A private instance: letters never depend on, or change, the language of any other i18next user in the process.
const i18n = createInstance();
void i18n.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  supportedLngs: [...LETTER_LOCALES],
  // No fallback: a missing English text must fail loudly rather than put Dutch into an English letter.
  fallbackLng: false,
  initAsync: false,
  // The output is PDF text, not HTML: escaping would print "&amp;" in "Jansen & Zn".
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function letterTranslator(locale: LetterLocale): LetterTranslator {
  const translate = i18n.getFixedT(locale);
  return {
    locale,
    t(key, values = {}) {
      const template: unknown = i18n.getResource(locale, 'translation', key);
      if (typeof template !== 'string' || template.trim() === '') {
        throw new Error(`Letter text "${key}" is missing in the "${locale}" catalogue`);
      }
      // i18next would print an unfilled "{{phone}}" literally; on a patient letter that is a bug, not a fallback.
      for (const [, name] of template.matchAll(PLACEHOLDER)) {
        if (name === undefined || values[name] === undefined) {
          throw new Error(`Letter text "${key}" needs a value for {{${name ?? ''}}}`);
        }
      }
      return translate(key, values);
    },
  };
}
