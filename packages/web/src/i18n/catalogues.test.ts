import { describe, expect, it } from 'vitest';
/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueFiles, mergedCatalogues, screenCatalogueFolders } from './catalogueFiles';

// The main catalogues and every screen's own (screenCatalogues.ts), merged per language.
const { catalogues, duplicates } = mergedCatalogues();
const SRC = fileURLToPath(new URL('..', import.meta.url));
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

describe('the nl and en catalogues', () => {
  it('define each key in one file only', () => {
    expect(duplicates).toEqual([]);
  });

  it('keep a screen catalogue under namespaces the main catalogue does not use', () => {
    const main = catalogueFiles().filter((f) => f.file.startsWith('i18n/'));
    const mainNamespaces = new Set(main.flatMap((f) => [...f.entries.keys()].map((k) => k.split('.')[0])));
    const screens = catalogueFiles().filter((f) => !f.file.startsWith('i18n/'));
    const clashes = screens.flatMap((f) =>
      [...new Set([...f.entries.keys()].map((k) => k.split('.')[0]))]
        .filter((ns) => mainNamespaces.has(ns))
        .map((ns) => `${f.file}: ${ns ?? ''}`),
    );
    expect(clashes).toEqual([]);
  });

  it('registers every screen catalogue with its screen (<screen>/i18n/register.ts) and types its keys', () => {
    const folders = screenCatalogueFolders();
    expect(folders).toContain('imports');
    const typing = readFileSync(join(SRC, 'i18n', 'i18next.d.ts'), 'utf8');
    for (const folder of folders) {
      const register = join(SRC, folder, 'i18n', 'register.ts');
      expect(existsSync(register), `${folder}/i18n/register.ts`).toBe(true);
      expect(readFileSync(register, 'utf8')).toContain('registerScreenCatalogue(');
      expect(typing, `i18next.d.ts types ${folder}'s keys`).toContain(`'../${folder}/i18n/nl.json'`);
    }
  });

  it('have exactly the same keys', () => {
    const nlKeys = [...catalogues.nl.keys()];
    const enKeys = [...catalogues.en.keys()];
    expect(
      nlKeys.filter((key) => !catalogues.en.has(key)),
      'in nl.json, missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !catalogues.nl.has(key)),
      'in en.json, missing in nl.json',
    ).toEqual([]);
    expect(nlKeys.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(catalogues))('%s has a non-empty text for every key', (_language, entries) => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
    const padded = [...entries].filter(([, value]) => typeof value === 'string' && value !== value.trim());
    expect(padded.map(([key]) => key)).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const differences = [...catalogues.nl].flatMap(([key, value]) => {
      const other = catalogues.en.get(key);
      if (typeof value !== 'string' || typeof other !== 'string') return [];
      const a = placeholders(value).join(',');
      const b = placeholders(other).join(',');
      return a === b ? [] : [`${key}: nl {${a}} en {${b}}`];
    });
    expect(differences).toEqual([]);
  });

  it('give every plural both its one and other form', () => {
    for (const entries of Object.values(catalogues)) {
      for (const key of entries.keys()) {
        const match = /^(.*)_(one|other)$/.exec(key);
        if (match === null) continue;
        expect(entries.has(`${match[1] ?? ''}_one`), `${key}: _one`).toBe(true);
        expect(entries.has(`${match[1] ?? ''}_other`), `${key}: _other`).toBe(true);
      }
    }
  });

  it('are really translated: Dutch and English differ for most texts', () => {
    // Identical texts are fine for names and codes (Osteopad, BSN, ICD-10, NL/EN), not for sentences.
    const same = [...catalogues.nl].filter(
      ([key, value]) => typeof value === 'string' && value.includes(' ') && catalogues.en.get(key) === value,
    );
    expect(same.map(([key]) => key)).toEqual(['app.documentTitle']);
  });
});
