/// <reference types="node" />
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenCatalogue } from './sourceChecks';

/*
 * For the i18n tests (never imported by the app): the main catalogues and every screen catalogue
 * (`src/<screen>/i18n/nl.json`, `en.json`; see screenCatalogues.ts), read from disk, flattened and
 * merged per language, so a key is checked wherever it lives.
 */

const SRC = fileURLToPath(new URL('..', import.meta.url));
const LANGUAGES = ['nl', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

export interface CatalogueFile {
  /** Relative to src/, e.g. `intake/i18n/nl.json`. */
  file: string;
  language: Language;
  entries: Map<string, unknown>;
}

/** The screen folders that have a catalogue of their own, in name order. */
export function screenCatalogueFolders(): string[] {
  return readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'i18n')
    .map((entry) => entry.name)
    .filter(
      (name) =>
        existsSync(join(SRC, name, 'i18n', 'nl.json')) || existsSync(join(SRC, name, 'i18n', 'en.json')),
    )
    .sort();
}

export function catalogueFiles(): CatalogueFile[] {
  const paths = [
    ...LANGUAGES.map((language) => ({ language, path: join(SRC, 'i18n', `${language}.json`) })),
    ...screenCatalogueFolders().flatMap((folder) =>
      LANGUAGES.map((language) => ({ language, path: join(SRC, folder, 'i18n', `${language}.json`) })),
    ),
  ];
  return paths.map(({ language, path }) => ({
    file: relative(SRC, path),
    language,
    entries: existsSync(path)
      ? flattenCatalogue(JSON.parse(readFileSync(path, 'utf8')) as unknown)
      : new Map<string, unknown>(),
  }));
}

/** Every key of every catalogue file, per language; `duplicates` names keys defined in two files. */
export function mergedCatalogues(): {
  catalogues: Record<Language, Map<string, unknown>>;
  duplicates: string[];
} {
  const catalogues: Record<Language, Map<string, unknown>> = { nl: new Map(), en: new Map() };
  const owner = new Map<string, string>();
  const duplicates: string[] = [];
  for (const { file, language, entries } of catalogueFiles()) {
    for (const [key, value] of entries) {
      const id = `${language}:${key}`;
      const first = owner.get(id);
      if (first !== undefined) duplicates.push(`${key} in ${first} and ${file}`);
      else owner.set(id, file);
      catalogues[language].set(key, value);
    }
  }
  return { catalogues, duplicates };
}
