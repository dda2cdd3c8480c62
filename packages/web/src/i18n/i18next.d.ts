import type nl from './nl.json';

// Typed keys: `t('no.such.key')` fails the type check, and template keys such as
// t(`roles.${role}`) are checked for every member of the union.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
