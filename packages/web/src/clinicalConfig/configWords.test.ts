import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, configValueShape, type ConfigKey, type ValueShape } from '@osteopad/clinical';
import en from './i18n/en.json';
import nl from './i18n/nl.json';

/*
 * The configuration screen says in words what each of the engine's values decides. Every key of the
 * engine (CONFIG_KEYS, read from the engine's own definitions) has a title and a "decides" text in
 * both languages; its shape (configValueShape) says what else it needs:
 *   - a number anywhere in the shape (also nullable, in a list or as a record's item) or a calcium table:
 *     a `unit`, except for the numbers without one (UNITLESS: a Z-score);
 *   - an enum anywhere in the shape (also nullable or in a list): `options.<value>` for every value;
 *   - a record: `fields.<field>` for every field.
 * The keys contain dots and i18next reads a dot as nesting, so `treatmentIndication.binE.grade1` is
 * keys → treatmentIndication → binE → grade1.
 */

const CATALOGUES = { nl, en } as const;
type Language = keyof typeof CATALOGUES;
const LANGUAGES = Object.keys(CATALOGUES) as Language[];

/** Leaf paths of a nested catalogue, dot-joined, with their values. */
function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    out.set(prefix, node);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    for (const [path, leaf] of flatten(value, prefix === '' ? key : `${prefix}.${key}`)) out.set(path, leaf);
  }
  return out;
}

interface Needs {
  unit: boolean;
  options: Set<string>;
  fields: Set<string>;
}

function collectNeeds(shape: ValueShape, needs: Needs): Needs {
  switch (shape.kind) {
    case 'number':
    case 'calciumTable':
      needs.unit = true;
      break;
    case 'boolean':
      break;
    case 'enum':
      for (const value of shape.values) needs.options.add(value);
      break;
    case 'nullable':
      collectNeeds(shape.inner, needs);
      break;
    case 'list':
      collectNeeds(shape.item, needs);
      break;
    case 'record':
      for (const field of shape.keys) needs.fields.add(field);
      collectNeeds(shape.item, needs);
      break;
  }
  return needs;
}

/** Numbers without a unit: the screen shows them bare. */
const UNITLESS: ReadonlySet<string> = new Set(['densitometry.zScoreBelowExpectedMax']);

/** The word paths (below the key) a configuration key must have, each saying whether it may be "". */
function requiredWords(key: ConfigKey): Map<string, { mayBeEmpty: boolean }> {
  const needs = collectNeeds(configValueShape(key), { unit: false, options: new Set(), fields: new Set() });
  const words = new Map<string, { mayBeEmpty: boolean }>([
    ['title', { mayBeEmpty: false }],
    ['decides', { mayBeEmpty: false }],
  ]);
  if (needs.unit && !UNITLESS.has(key)) words.set('unit', { mayBeEmpty: false });
  for (const value of needs.options) words.set(`options.${value}`, { mayBeEmpty: false });
  for (const field of needs.fields) words.set(`fields.${field}`, { mayBeEmpty: false });
  return words;
}

const REQUIRED = new Map(CONFIG_KEYS.map((key) => [key, requiredWords(key)]));
// Longest first, so a path is matched to the most specific key.
const KEYS_LONGEST_FIRST = [...CONFIG_KEYS].sort((a, b) => b.length - a.length);

function words(language: Language): Map<string, unknown> {
  return flatten(CATALOGUES[language].configWords.keys);
}

describe('the words of the clinical configuration', () => {
  it('know the engine’s keys and shapes (the test reads the real definitions)', () => {
    expect(CONFIG_KEYS.length).toBeGreaterThan(90);
    expect(REQUIRED.get('calendar.monthEndRule')?.has('options.clampToMonthEnd')).toBe(true);
    expect(REQUIRED.get('treatmentIndication.binE.grade1')?.has('options.refer')).toBe(true);
    expect(REQUIRED.get('calcium.foodContentMg')?.has('fields.milkGlass')).toBe(true);
    expect(REQUIRED.get('calcium.supplementDoseMg')?.has('unit')).toBe(true);
    expect(REQUIRED.get('drugs.registeredForMen')?.has('options.romosozumab')).toBe(true);
  });

  it.each(LANGUAGES)(
    '%s holds the screen’s texts and the configWords namespace, with its general words',
    (language) => {
      const catalogue = CATALOGUES[language];
      // Beside the words, the screen's own texts (configScreen: all but the title, markers and notice the shell needs).
      expect(Object.keys(catalogue)).toEqual(['configScreen', 'configWords']);
      expect(Object.keys(catalogue.configWords).sort()).toEqual(['boolean', 'keys', 'noValue']);
      for (const text of [
        catalogue.configWords.boolean.true,
        catalogue.configWords.boolean.false,
        catalogue.configWords.noValue,
      ]) {
        expect(typeof text === 'string' && text.trim() !== '' && text === text.trim()).toBe(true);
      }
      expect(Object.keys(catalogue.configWords.boolean).sort()).toEqual(['false', 'true']);
    },
  );

  it.each(LANGUAGES)(
    '%s words every configuration value: title, decides, unit, options and fields',
    (language) => {
      const entries = words(language);
      const problems = CONFIG_KEYS.flatMap((key) =>
        [...(REQUIRED.get(key) ?? [])].flatMap(([word, { mayBeEmpty }]) => {
          const text = entries.get(`${key}.${word}`);
          if (typeof text !== 'string') return [`${key}: no ${word}`];
          if (!mayBeEmpty && text.trim() === '') return [`${key}: empty ${word}`];
          if (text !== text.trim()) return [`${key}: ${word} has leading or trailing spaces`];
          return [];
        }),
      );
      expect(problems).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no words for anything that is not part of a configuration value', (language) => {
    const problems = [...words(language).keys()].flatMap((path) => {
      const key = KEYS_LONGEST_FIRST.find((k) => path.startsWith(`${k}.`));
      if (key === undefined) return [`${path}: not a configuration key`];
      const word = path.slice(key.length + 1);
      return REQUIRED.get(key)?.has(word) === true ? [] : [`${key}: ${word} is not part of its value`];
    });
    expect(problems).toEqual([]);
  });

  it('has exactly the same keys in nl and en', () => {
    const nlKeys = [...flatten(nl).keys()];
    const enKeys = [...flatten(en).keys()];
    expect(
      nlKeys.filter((key) => !enKeys.includes(key)),
      'in nl.json, missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !nlKeys.includes(key)),
      'in en.json, missing in nl.json',
    ).toEqual([]);
  });
});
