// CSV header vocabulary: canonical column names and the Dutch and English aliases hospitals use.
import { ImportFileError } from '../types';

export const CSV_COLUMN_SPECS = {
  patient_id: {
    maxLength: 100,
    aliases: [
      'patientnummer',
      'patient_nr',
      'patnr',
      'ziekenhuisnummer',
      'patient_number',
      'hospital_number',
      'mrn',
    ],
  },
  bsn: { maxLength: 20, aliases: ['burgerservicenummer', 'citizen_service_number'] },
  family_name: {
    maxLength: 200,
    aliases: ['achternaam', 'geslachtsnaam', 'surname', 'last_name'],
  },
  given_names: {
    maxLength: 200,
    aliases: ['given_name', 'voornamen', 'voornaam', 'first_name', 'first_names'],
  },
  initials: { maxLength: 50, aliases: ['voorletters'] },
  birth_date: { maxLength: 40, aliases: ['date_of_birth', 'dob', 'geboortedatum', 'geb_datum'] },
  sex: { maxLength: 20, aliases: ['gender', 'geslacht'] },
  street: { maxLength: 200, aliases: ['straat', 'straatnaam', 'street_name'] },
  house_number: { maxLength: 20, aliases: ['huisnummer', 'huisnr'] },
  postal_code: { maxLength: 20, aliases: ['postcode', 'zip', 'zip_code'] },
  city: { maxLength: 100, aliases: ['woonplaats', 'plaats', 'town'] },
  country: { maxLength: 100, aliases: ['land'] },
  phone: { maxLength: 50, aliases: ['telephone', 'phone_number', 'telefoon', 'telefoonnummer'] },
  gp_name: {
    maxLength: 200,
    aliases: ['huisarts', 'huisarts_naam', 'naam_huisarts', 'general_practitioner'],
  },
  gp_agb: { maxLength: 20, aliases: ['gp_agb_code', 'huisarts_agb', 'huisarts_agb_code', 'agb_huisarts'] },
  gp_practice: {
    maxLength: 200,
    aliases: ['gp_practice_name', 'huisartspraktijk', 'praktijk', 'praktijknaam'],
  },
  gp_address: { maxLength: 300, aliases: ['huisarts_adres', 'praktijk_adres'] },
  deceased: { maxLength: 20, aliases: ['overleden', 'died', 'is_deceased'] },
  deceased_date: {
    maxLength: 40,
    aliases: ['overlijdensdatum', 'datum_overlijden', 'date_of_death', 'death_date', 'sterfdatum'],
  },
  fracture_date: {
    maxLength: 40,
    aliases: ['date_of_fracture', 'fractuurdatum', 'datum_fractuur'],
  },
  fracture_site: {
    maxLength: 500,
    aliases: ['locatie', 'fractuur_locatie', 'lokalisatie', 'fracture_location', 'site'],
  },
  site_code: { maxLength: 50, aliases: ['fracture_site_code', 'locatie_code'] },
  icd10: { maxLength: 20, aliases: ['icd10_code'] },
  snomed: { maxLength: 20, aliases: ['snomed_code', 'snomed_ct'] },
  encounter_type: {
    maxLength: 50,
    aliases: ['encounter', 'soort_contact', 'contactsoort', 'contact_type'],
  },
  trauma_mechanism: { maxLength: 50, aliases: ['mechanism', 'traumamechanisme'] },
  pathological: {
    maxLength: 20,
    aliases: ['pathologic', 'pathological_fracture', 'pathologisch', 'pathologische_fractuur'],
  },
  fracture_id: { maxLength: 100, aliases: ['source_fracture_id', 'fractuur_id', 'fractuurnummer'] },
} as const satisfies Record<string, { maxLength: number; aliases: readonly string[] }>;

export type CsvColumn = keyof typeof CSV_COLUMN_SPECS;
export const CSV_COLUMNS = Object.keys(CSV_COLUMN_SPECS) as CsvColumn[];

/** Columns that must be present in the header (each value is then checked per row). */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'family_name',
  'birth_date',
  'sex',
  'fracture_date',
];
/** At least one column of each group must be present. */
export const REQUIRED_CSV_COLUMN_GROUPS: readonly (readonly CsvColumn[])[] = [
  ['bsn', 'patient_id'],
  ['site_code', 'icd10', 'fracture_site'],
];

/** "Geboorte-datum ", "geboorte_datum" and "GEBOORTEDATUM" are one key; so are "Patiënt nr" and "patient_nr". */
export function normaliseHeaderName(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const ALIAS_TO_COLUMN: ReadonlyMap<string, CsvColumn> = new Map(
  CSV_COLUMNS.flatMap((column) =>
    [column, ...CSV_COLUMN_SPECS[column].aliases].map(
      (alias) => [normaliseHeaderName(alias), column] as const,
    ),
  ),
);

export function columnForHeader(raw: string): CsvColumn | undefined {
  return ALIAS_TO_COLUMN.get(normaliseHeaderName(raw));
}

export type ColumnIndex = Readonly<Record<CsvColumn, number>>;

export interface CsvHeaderLayout {
  /** Field index per canonical column; -1 when the column is absent. */
  index: ColumnIndex;
  /** Field positions whose header cell is empty: values there must be empty too. */
  unnamed: readonly number[];
  /** Field positions the caller asked to skip (`ignoreColumns`). */
  ignored: readonly number[];
  headerNames: readonly string[];
}

/**
 * Unknown columns are rejected rather than skipped: a misspelt "pathologisch" column that is silently dropped
 * would import pathological fractures as eligible. A caller can name columns to skip on purpose.
 */
export function resolveHeader(
  headerFields: readonly string[],
  ignoreColumns: readonly string[] = [],
): CsvHeaderLayout {
  const ignoredNames = new Set(ignoreColumns.map(normaliseHeaderName));
  const index = Object.fromEntries(CSV_COLUMNS.map((c) => [c, -1])) as Record<CsvColumn, number>;
  const seen = new Map<CsvColumn, string[]>();
  const unknown: string[] = [];
  const unnamed: number[] = [];
  const ignored: number[] = [];

  headerFields.forEach((raw, position) => {
    const normalised = normaliseHeaderName(raw);
    if (normalised === '') {
      unnamed.push(position);
      return;
    }
    if (ignoredNames.has(normalised)) {
      ignored.push(position);
      return;
    }
    const column = ALIAS_TO_COLUMN.get(normalised);
    if (column === undefined) {
      unknown.push(raw.trim());
      return;
    }
    const names = seen.get(column) ?? [];
    names.push(raw.trim());
    seen.set(column, names);
    index[column] = position;
  });

  const duplicated = [...seen.entries()].filter(([, names]) => names.length > 1);
  if (duplicated.length > 0) {
    const described = duplicated.map(
      ([column, names]) => `${names.map((n) => `"${n}"`).join(' and ')} (both mean ${column})`,
    );
    throw new ImportFileError(
      'csv.duplicateColumns',
      `Duplicated columns: ${described.join('; ')}. Keep one of each.`,
      duplicated.map(([column]) => column),
    );
  }
  if (unknown.length > 0) {
    throw new ImportFileError(
      'csv.unknownColumns',
      `Unknown columns: ${unknown.map((n) => `"${n}"`).join(', ')}. Rename them to a documented column name (docs/IMPORT.md) or list them in ignoreColumns to skip them on purpose.`,
      unknown,
    );
  }
  const missing: string[] = REQUIRED_CSV_COLUMNS.filter((c) => index[c] < 0).map((c) => c);
  for (const group of REQUIRED_CSV_COLUMN_GROUPS) {
    if (group.every((c) => index[c] < 0)) missing.push(group.join(' or '));
  }
  if (missing.length > 0) {
    throw new ImportFileError(
      'csv.missingColumns',
      `Missing required columns: ${missing.join(', ')}.`,
      missing,
    );
  }
  return { index, unnamed, ignored, headerNames: headerFields.map((h) => h.trim()) };
}
