import type importsNl from '../imports/i18n/nl.json';
import type investigationsNl from '../investigations/i18n/nl.json';
import type nl from './nl.json';

// Typed keys: `t('no.such.key')` fails the type check, and template keys such as
// t(`roles.${role}`) are checked for every member of the union. The screen catalogues
// (screenCatalogues.ts: texts that load with their screen's chunk) are added one per line.
type ScreenCatalogues = typeof importsNl & typeof investigationsNl;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & ScreenCatalogues };
  }
}
