// Coded CSV cell values in Dutch and English. Lookups are exact (after trimming and lower-casing): a value we
// do not recognise is a row error, never a guess.
import type { EncounterType, Sex, TraumaMechanism } from '../types';

/** Values are boxed so that a lookup of a missing key (undefined) differs from a stored null or false. */
export type ValueTable<T> = ReadonlyMap<string, { readonly value: T }>;

function table<T>(entries: readonly (readonly [T, readonly string[]])[]): ValueTable<T> {
  const map = new Map<string, { value: T }>();
  for (const [value, spellings] of entries) for (const spelling of spellings) map.set(spelling, { value });
  return map;
}

/**
 * "O" follows HL7 table 0001 (other). Some Dutch systems use O for "onbekend" (unknown); such files should be
 * mapped to U before import — documented in docs/IMPORT.md.
 */
export const SEX_VALUES = table<Sex>([
  ['female', ['v', 'f', 'vrouw', 'vrouwelijk', 'female', 'woman', 'w']],
  ['male', ['m', 'man', 'mannelijk', 'male']],
  ['other', ['o', 'x', 'other', 'anders', 'divers']],
  ['unknown', ['u', 'unknown', 'onbekend', '']],
]);

export const ENCOUNTER_VALUES = table<EncounterType>([
  ['emergency', ['seh', 'ed', 'eh', 'emergency', 'spoedeisende hulp', 'eerste hulp', 'a&e', 'er']],
  [
    'outpatient',
    ['poli', 'polikliniek', 'poliklinisch', 'outpatient', 'ambulant', 'fracture clinic', 'gipskamer'],
  ],
  ['inpatient', ['opname', 'klinisch', 'kliniek', 'inpatient', 'admitted', 'admission', 'opgenomen']],
  ['unknown', ['onbekend', 'unknown', '']],
]);

export const TRAUMA_VALUES = table<TraumaMechanism>([
  [
    'low',
    ['laag', 'low', 'laagenergetisch', 'laag-energetisch', 'low-energy', 'low energy', 'laag energetisch'],
  ],
  [
    'high',
    ['hoog', 'high', 'hoogenergetisch', 'hoog-energetisch', 'high-energy', 'high energy', 'hoog energetisch'],
  ],
  ['unknown', ['onbekend', 'unknown', '']],
]);

export const PATHOLOGICAL_VALUES = table<boolean | null>([
  [true, ['ja', 'j', 'yes', 'y', 'true', '1']],
  [false, ['nee', 'n', 'no', 'false', '0']],
  [null, ['onbekend', 'unknown', '']],
]);

/** Yes, no, or not stated (empty, unknown): for columns such as `deceased`. */
export const YES_NO_VALUES = PATHOLOGICAL_VALUES;

/** The boxed value for an already trimmed cell, or undefined when the spelling is not known. */
export function lookupValue<T>(values: ValueTable<T>, trimmed: string): { readonly value: T } | undefined {
  return values.get(trimmed) ?? values.get(trimmed.toLowerCase());
}

export function acceptedSpellings(values: ReadonlyMap<string, unknown>): string {
  return [...values.keys()].filter((k) => k !== '').join(', ');
}
