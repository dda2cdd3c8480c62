import { i18n } from './i18n';

/**
 * A screen's own texts, in both languages: `{ "<namespace>": { … } }` in
 * `src/<screen>/i18n/nl.json` and `en.json`, each file holding only keys under its namespaces.
 *
 * The main catalogues (`i18n/nl.json`, `en.json`) are bundled with the shell, so every key there is
 * paid for on the first load (docs/DESIGN: at most 250 kB of JavaScript). A screen that is loaded on
 * demand brings its texts in its own chunk instead: its `i18n/register.ts` calls this at module
 * level, and the screen's component imports that module, so the texts are in i18next before the
 * screen renders the first time. The keys are typed like the main ones (i18next.d.ts adds each screen
 * catalogue), and the catalogue tests read every screen catalogue beside the main ones
 * (`catalogueFiles.ts`).
 */
export interface ScreenCatalogue {
  nl: Record<string, unknown>;
  en: Record<string, unknown>;
}

export function registerScreenCatalogue(catalogue: ScreenCatalogue): void {
  for (const language of ['nl', 'en'] as const) {
    // deep: namespaces of several screens may share a top-level key; overwrite: never (a key of the
    // main catalogue is not replaced by a screen's).
    i18n.addResourceBundle(language, 'translation', catalogue[language], true, false);
  }
}
