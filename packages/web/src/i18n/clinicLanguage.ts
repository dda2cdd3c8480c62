import type { i18n as I18n } from 'i18next';
import { isLanguage } from './languages';

/*
 * A language a clinic adds with a catalogue file alone (issue 13: the leaflets also reach Turkish- and
 * Polish-speaking patients). The clinic puts `<code>.json` — the texts of every screen in i18next's nested
 * format, as in `src/i18n/nl.json` plus the screens' `src/<screen>/i18n/nl.json` — into the folder
 * `locales/` of the web build (the server reads it when asked: portalResults/clinicLanguages.routes.ts),
 * and gives patients a link with `?lng=<code>`. The choice is kept on the device; a key the file lacks
 * shows in Dutch; choosing NL or EN in the switch goes back to a built-in language.
 */

export const CLINIC_LANGUAGE_PARAM = 'lng';
const STORAGE_KEY = 'osteopad.clinicLanguage';
const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

function read(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, code: string | null): void {
  try {
    if (code === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode: the language lasts until the page is reloaded.
  }
}

/** The language asked for in the address (`?lng=`) or chosen before on this device; null for none. */
export function requestedClinicLanguage(search: string, storage: Storage | undefined): string | null {
  const asked = new URLSearchParams(search).get(CLINIC_LANGUAGE_PARAM)?.trim().toLowerCase() ?? null;
  const code = asked ?? read(storage);
  return code !== null && CODE.test(code) ? code : null;
}

/** Loads and switches to a clinic's language; a built-in one (nl, en) is switched to directly. */
export async function loadClinicLanguage(
  i18n: I18n,
  search: string,
  storage: Storage | undefined,
): Promise<void> {
  i18n.on('languageChanged', (language) => {
    if (isLanguage(language)) write(storage, null);
  });
  const code = requestedClinicLanguage(search, storage);
  if (code === null) return;
  if (isLanguage(code)) {
    await i18n.changeLanguage(code);
    return;
  }
  try {
    const response = await fetch(`/locales/${code}.json`, { credentials: 'same-origin' });
    if (!response.ok) return;
    const catalogue: unknown = await response.json();
    if (typeof catalogue !== 'object' || catalogue === null || Array.isArray(catalogue)) return;
    i18n.addResourceBundle(code, 'translation', catalogue, true, true);
    write(storage, code);
    await i18n.changeLanguage(code);
  } catch {
    // No such catalogue or no network: the app stays in the language it has.
  }
}
