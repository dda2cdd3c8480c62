import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../types';
import {
  columnForHeader,
  CSV_COLUMN_SPECS,
  CSV_COLUMNS,
  normaliseHeaderName,
  resolveHeader,
} from './columns';

describe('CSV header names', () => {
  it('normalises case, spaces, punctuation, underscores, diacritics and a BOM away', () => {
    expect(normaliseHeaderName('\uFEFF Geboorte-datum ')).toBe('geboortedatum');
    expect(normaliseHeaderName('Patiënt nummer')).toBe('patientnummer');
    expect(normaliseHeaderName('PATIENT_NR')).toBe('patientnr');
    expect(normaliseHeaderName('Huisarts.AGB')).toBe('huisartsagb');
  });

  it.each([
    ['BSN', 'bsn'],
    ['Patiëntnummer', 'patient_id'],
    ['Achternaam', 'family_name'],
    ['Voornamen', 'given_names'],
    ['Geboortedatum', 'birth_date'],
    ['Geslacht', 'sex'],
    ['Fractuurdatum', 'fracture_date'],
    ['Locatie', 'fracture_site'],
    ['ICD-10', 'icd10'],
    ['Geboorte datum', 'birth_date'],
    ['Patient_Nr', 'patient_id'],
    ['FamilyName', 'family_name'],
    ['Soort contact', 'encounter_type'],
    ['Traumamechanisme', 'trauma_mechanism'],
    ['Pathologisch', 'pathological'],
    ['Huisarts', 'gp_name'],
    ['Huisarts AGB', 'gp_agb'],
    ['Postcode', 'postal_code'],
    ['Woonplaats', 'city'],
  ])('%j means %s', (header, column) => {
    expect(columnForHeader(header)).toBe(column);
  });

  it('never gives one alias to two columns, nor lists the same alias twice', () => {
    const seen = new Map<string, string>();
    for (const column of CSV_COLUMNS) {
      for (const alias of [column, ...CSV_COLUMN_SPECS[column].aliases]) {
        const key = normaliseHeaderName(alias);
        expect(seen.get(key), `${alias} of ${column}`).toBeUndefined();
        seen.set(key, column);
      }
    }
  });

  it('accepts a header with only a patient_id and an ICD-10 code as identity and site', () => {
    const layout = resolveHeader([
      'patient_id',
      'family_name',
      'birth_date',
      'sex',
      'fracture_date',
      'icd10',
    ]);
    expect(layout.index.icd10).toBe(5);
    expect(layout.index.bsn).toBe(-1);
  });

  it('names both alternatives when neither identity column is present', () => {
    let thrown: unknown;
    try {
      resolveHeader(['family_name', 'birth_date', 'sex', 'fracture_date', 'icd10']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ImportFileError);
    expect(thrown).toMatchObject({
      code: 'csv.missingColumns',
      message: 'Missing required columns: bsn or patient_id.',
    });
  });
});

describe('docs/IMPORT.md', () => {
  it('lists every column with all its aliases and its maximum length', () => {
    const lines = readFileSync(
      fileURLToPath(new URL('../../../../../../docs/IMPORT.md', import.meta.url)),
      'utf8',
    ).split('\n');
    for (const column of CSV_COLUMNS) {
      const row = lines.find((line) => line.startsWith(`| \`${column}\` |`));
      expect(row, column).toBeDefined();
      const cells = row?.split(' | ') ?? [];
      expect(cells[1], column).toBe(CSV_COLUMN_SPECS[column].aliases.join(', '));
      expect(cells[3], column).toBe(String(CSV_COLUMN_SPECS[column].maxLength));
    }
  });
});
