import { describe, expect, it } from 'vitest';
import type { ConfigValueShape } from '@osteopad/contract';
import { configValueWords, type ValueWording } from './configValueWords';
import type { ConfigWords } from './configWords';

const words = (unit: string | null): ConfigWords => ({
  title: 'T',
  decides: null,
  unit,
  option: (value) => `«${value}»`,
  field: (name) => name.toUpperCase(),
});
const dutch: ValueWording = {
  yes: 'Ja',
  no: 'Nee',
  noValue: 'Geen waarde',
  number: (n) => new Intl.NumberFormat('nl-NL').format(n),
  noUpperAge: 'en ouder',
  years: 'jaar',
};
const months = { kind: 'number', min: 0, max: 600, integer: true } as const;

describe('configValueWords', () => {
  it('says a number with its unit in the language’s notation, a code by its words, a boolean as Ja/Nee', () => {
    expect(configValueWords(months, 24, words('maanden'), dutch)).toEqual(['24 maanden']);
    expect(
      configValueWords({ kind: 'number', min: 0, max: 5, integer: false }, 0.858, words(null), dutch),
    ).toEqual(['0,858']);
    expect(configValueWords({ kind: 'enum', values: ['a'] }, 'a', words(null), dutch)).toEqual(['«a»']);
    expect(configValueWords({ kind: 'boolean' }, false, words(null), dutch)).toEqual(['Nee']);
    expect(configValueWords({ kind: 'nullable', inner: months }, null, words('maanden'), dutch)).toEqual([
      'Geen waarde',
    ]);
  });

  it('lists, records and age bands read as words, one line per field or band', () => {
    const weeks: ConfigValueShape = { kind: 'list', item: months, minLength: 1, maxLength: 5, unique: true };
    expect(configValueWords(weeks, [16, 52], words('weken'), dutch)).toEqual(['16, 52 weken']);
    const record: ConfigValueShape = { kind: 'record', keys: ['milk', 'cheese'], item: months };
    expect(configValueWords(record, { milk: 150, cheese: 1200 }, words('mg'), dutch)).toEqual([
      'MILK: 150 mg',
      'CHEESE: 1.200 mg',
    ]);
    const bands = [
      { minAgeYears: 51, maxAgeYears: 69, mgPerDay: 1100 },
      { minAgeYears: 70, maxAgeYears: null, mgPerDay: 1200 },
    ];
    expect(configValueWords({ kind: 'calciumTable' }, bands, words('mg per dag'), dutch)).toEqual([
      '51–69 jaar: 1.100 mg per dag',
      '70 jaar en ouder: 1.200 mg per dag',
    ]);
  });

  it('shows a value that does not fit its shape as its JSON rather than failing', () => {
    expect(configValueWords(months, 'x', words('maanden'), dutch)).toEqual(['"x" maanden']);
    expect(configValueWords({ kind: 'calciumTable' }, 5, words(null), dutch)).toEqual(['5']);
  });
});
