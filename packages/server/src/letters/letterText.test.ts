import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MONTH_MESSAGE_KEYS } from './letterDate';
import { WEEKDAY_MESSAGE_KEYS } from './phoneHoursText';
import { CONSULT_CODE_MESSAGE_KEYS } from './consult/consultLetterPhrases';
import { letterCatalogues, letterTranslator } from './letterText';
import { LETTER_LOCALES } from '@osteopad/contract';

const LETTERS_DIRECTORY = fileURLToPath(new URL('.', import.meta.url));

/** Every leaf of a catalogue as [dotted key, value]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix === '' ? key : `${prefix}.${key}`),
  );
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string'
    ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(([, name]) => name ?? '').sort()
    : [];
}

/** Keys the production code passes to `t('…')`, plus the keys it picks by number or code (months, weekdays, consult codes). */
async function keysUsedInCode(): Promise<Set<string>> {
  const files = (await readdir(LETTERS_DIRECTORY, { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test-support'),
  );
  const used = new Set<string>([
    ...MONTH_MESSAGE_KEYS,
    ...WEEKDAY_MESSAGE_KEYS,
    ...CONSULT_CODE_MESSAGE_KEYS,
  ]);
  for (const file of files) {
    const source = await readFile(join(LETTERS_DIRECTORY, file), 'utf8');
    for (const [, key] of source.matchAll(/\bt\(\s*'([^']+)'/g)) if (key !== undefined) used.add(key);
  }
  return used;
}

const dutchEntries = new Map(leaves(letterCatalogues.nl));
const englishEntries = new Map(leaves(letterCatalogues.en));

describe('letter catalogues', () => {
  it('have the same keys in Dutch and English', () => {
    expect([...englishEntries.keys()].sort()).toEqual([...dutchEntries.keys()].sort());
  });

  it('have no empty or non-text values', () => {
    for (const locale of LETTER_LOCALES) {
      for (const [key, value] of leaves(letterCatalogues[locale])) {
        expect(typeof value === 'string' && value.trim() !== '', `${locale}: ${key}`).toBe(true);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, dutch] of dutchEntries) {
      expect(placeholders(englishEntries.get(key)), key).toEqual(placeholders(dutch));
    }
  });

  it('contain every key the code uses, and nothing the code does not use', async () => {
    const used = await keysUsedInCode();
    // Guards the scan itself: if the pattern stopped matching, both checks below would pass vacuously.
    expect(used.size).toBeGreaterThan(30);
    for (const key of used) {
      expect(dutchEntries.has(key), `nl lacks ${key}`).toBe(true);
      expect(englishEntries.has(key), `en lacks ${key}`).toBe(true);
    }
    expect([...dutchEntries.keys()].filter((key) => !used.has(key))).toEqual([]);
  });
});

describe('letterTranslator', () => {
  it('fills placeholders without HTML escaping: the output is PDF text', () => {
    const text = letterTranslator('nl').t('salutation.withInitials', {
      initials: 'A.',
      surname: 'Jansen & <Zn>',
    });
    expect(text).toBe('Geachte A. Jansen & <Zn>,');
  });

  it('does not interpret interpolation syntax inside values', () => {
    const text = letterTranslator('en').t('salutation.male', { surname: '{{surname}} $t(subject)' });
    expect(text).toBe('Dear Mr {{surname}} $t(subject),');
  });

  it('refuses to leave a placeholder unfilled', () => {
    expect(() => letterTranslator('nl').t('respond.byPhone', { phone: '(099) 123 45 67' })).toThrow(
      /openingHours/,
    );
  });

  it('keeps the two languages apart', () => {
    expect(letterTranslator('nl').t('closing.regards')).toBe('Met vriendelijke groet,');
    expect(letterTranslator('en').t('closing.regards')).toBe('Kind regards,');
  });
});
