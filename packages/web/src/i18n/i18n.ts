import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';
import { DEFAULT_LANGUAGE, LANGUAGES, storedLanguage, storeLanguage, isLanguage } from './languages';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

// Both catalogues are small and bundled, so initialisation is synchronous and the first render is
// already in the right language.
void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(window.localStorage),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnEmptyString: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  if (isLanguage(language)) storeLanguage(window.localStorage, language);
});

export { i18n };
