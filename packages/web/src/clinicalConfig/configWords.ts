import type { i18n as I18n } from 'i18next';

/*
 * The words of one configuration value (i18n/nl.json, en.json: `configWords.keys.<key>`). The keys come
 * from the server, so they are looked up as data: a key this build has no words for (added on the server
 * later) shows its code and the engine's own description instead of breaking the screen. The catalogue
 * itself is checked against the engine's definitions (configWords.test.ts).
 */
export interface ConfigWords {
  readonly title: string;
  /** What the value decides; null: no words for this key in this build. */
  readonly decides: string | null;
  /** After a number ("maanden"); null: none. */
  readonly unit: string | null;
  option(value: string): string;
  field(name: string): string;
}

function lookup(i18n: I18n, path: string): string | null {
  for (const language of [i18n.resolvedLanguage ?? i18n.language, 'nl']) {
    const found: unknown = i18n.getResource(language, 'translation', path);
    if (typeof found === 'string' && found !== '') return found;
  }
  return null;
}

export function configWordsOf(i18n: I18n, key: string): ConfigWords {
  const at = (part: string) => lookup(i18n, `configWords.keys.${key}.${part}`);
  return {
    title: at('title') ?? key,
    decides: at('decides'),
    unit: at('unit'),
    option: (value) => at(`options.${value}`) ?? value,
    field: (name) => at(`fields.${name}`) ?? name,
  };
}

/** "Ja", "Nee", "Geen waarde": the words every value shares. */
export function commonConfigWord(i18n: I18n, word: 'boolean.true' | 'boolean.false' | 'noValue'): string {
  return lookup(i18n, `configWords.${word}`) ?? word;
}
