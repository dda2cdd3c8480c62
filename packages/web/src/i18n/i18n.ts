import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';
import { DEFAULT_LANGUAGE, storedLanguage, storeLanguage, isLanguage } from './languages';
import { loadClinicLanguage } from './clinicLanguage';

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

// Both catalogues are small and bundled, so initialisation is synchronous and the first render is
// already in the right language.
void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(window.localStorage),
  fallbackLng: DEFAULT_LANGUAGE,
  // Not limited to nl and en: a clinic may add a language with a catalogue file (clinicLanguage.ts).
  supportedLngs: false,
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnEmptyString: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  if (isLanguage(language)) storeLanguage(window.localStorage, language);
});

void loadClinicLanguage(i18n, window.location.search, window.localStorage);

export { i18n };
