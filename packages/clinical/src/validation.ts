// Hand-written input checks for the public entry points. Each check names the field path in its error so that an
// importer or form can point at the exact value; the rule functions behind them assume clean input. The fast
// paths build no strings: a field path is only assembled when a check fails.
import { isValidIsoDate, parseIsoDate, type IsoDate } from './calendarDate';
import { ClinicalInputError } from './errors';

export type InputRecord = Readonly<Record<string, unknown>>;

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export function fieldPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

export function asRecord(value: unknown, field: string): InputRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ClinicalInputError(
      field === '' ? '$' : field,
      value === undefined ? 'required' : 'wrongType',
      'expected an object',
    );
  }
  return value as InputRecord;
}

/** {@link rejectUnknownKeys} for the hot path, with the allowed keys prepared as a set once. */
export function rejectKeysOutside(record: InputRecord, allowed: ReadonlySet<string>, prefix: string): void {
  for (const key in record)
    if (!allowed.has(key)) throw new ClinicalInputError(fieldPath(prefix, key), 'unknownField');
}

/** Rejects keys a caller may have misspelt: silently ignoring `fracturs` would give confident wrong advice. */
export function rejectUnknownKeys(
  record: InputRecord,
  allowed: ReadonlySet<string> | readonly string[],
  prefix: string,
): void {
  // for…in avoids allocating a key array on the hot path; inputs are plain JSON-like objects.
  if ('has' in allowed) {
    for (const key in record)
      if (!allowed.has(key)) throw new ClinicalInputError(fieldPath(prefix, key), 'unknownField');
  } else {
    for (const key in record)
      if (!allowed.includes(key)) throw new ClinicalInputError(fieldPath(prefix, key), 'unknownField');
  }
}

function numberInRange(value: unknown, range: NumberRange): value is number {
  // NaN and ±Infinity fail the comparisons and fall through to the detailed check.
  return (
    typeof value === 'number' &&
    value >= range.min &&
    value <= range.max &&
    (range.integer !== true || Number.isInteger(value))
  );
}

export function checkNumber(value: unknown, field: string, range: NumberRange): number {
  if (numberInRange(value, range)) return value;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ClinicalInputError(field, value === undefined ? 'required' : 'wrongType', 'expected a number');
  }
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw new ClinicalInputError(field, 'outOfRange', `expected ${range.min}…${range.max}, got ${value}`);
  }
  throw new ClinicalInputError(field, 'notInteger');
}

export function requireNumber(record: InputRecord, key: string, prefix: string, range: NumberRange): number {
  const value = record[key];
  return numberInRange(value, range) ? value : checkNumber(value, fieldPath(prefix, key), range);
}

export function optionalNumber(
  record: InputRecord,
  key: string,
  prefix: string,
  range: NumberRange,
): number | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  return numberInRange(value, range) ? value : checkNumber(value, fieldPath(prefix, key), range);
}

/** A required key whose value may be `null` (for example `fractureMonthsAgo: null` = no fracture). */
export function nullableNumber(
  record: InputRecord,
  key: string,
  prefix: string,
  range: NumberRange,
): number | null {
  const value = record[key];
  if (value === null) return null;
  return numberInRange(value, range) ? value : checkNumber(value, fieldPath(prefix, key), range);
}

export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ClinicalInputError(
      field,
      value === undefined ? 'required' : 'wrongType',
      'expected true or false',
    );
  }
  return value;
}

export function requireBoolean(record: InputRecord, key: string, prefix: string): boolean {
  const value = record[key];
  return typeof value === 'boolean' ? value : checkBoolean(value, fieldPath(prefix, key));
}

export function optionalBoolean(record: InputRecord, key: string, prefix: string): boolean | undefined {
  const value = record[key];
  if (value === undefined || typeof value === 'boolean') return value;
  return checkBoolean(value, fieldPath(prefix, key));
}

export function nullableBoolean(
  record: InputRecord,
  key: string,
  prefix: string,
): boolean | null | undefined {
  const value = record[key];
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  return checkBoolean(value, fieldPath(prefix, key));
}

export function checkOneOf<T extends string | number>(
  value: unknown,
  field: string,
  values: readonly T[],
): T {
  if ((values as readonly unknown[]).includes(value)) return value as T;
  if (value === undefined) throw new ClinicalInputError(field, 'required');
  throw new ClinicalInputError(field, 'unknownValue', `expected one of ${values.join(', ')}`);
}

export function requireOneOf<T extends string | number>(
  record: InputRecord,
  key: string,
  prefix: string,
  values: readonly T[],
): T {
  const value = record[key];
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : checkOneOf(value, fieldPath(prefix, key), values);
}

export function optionalOneOf<T extends string | number>(
  record: InputRecord,
  key: string,
  prefix: string,
  values: readonly T[],
): T | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : checkOneOf(value, fieldPath(prefix, key), values);
}

export function checkNonEmptyString(value: unknown, field: string, maxLength = 200): string {
  if (typeof value !== 'string')
    throw new ClinicalInputError(field, value === undefined ? 'required' : 'wrongType');
  if (value.length === 0 || value.length > maxLength)
    throw new ClinicalInputError(field, 'outOfRange', 'empty or too long');
  return value;
}

export function checkIsoDate(value: unknown, field: string): IsoDate {
  if (typeof value !== 'string')
    throw new ClinicalInputError(field, value === undefined ? 'required' : 'wrongType');
  parseIsoDate(value, field);
  return value;
}

export function requireIsoDate(record: InputRecord, key: string, prefix: string): IsoDate {
  const value = record[key];
  if (typeof value !== 'string') return checkIsoDate(value, fieldPath(prefix, key));
  return isValidIsoDate(value) ? value : checkIsoDate(value, fieldPath(prefix, key));
}

export function checkNotAfter(date: IsoDate, today: IsoDate, field: string): void {
  // Valid ISO dates with four-digit years order correctly as strings.
  if (date > today) throw new ClinicalInputError(field, 'dateAfterToday', `${date} is after ${today}`);
}

export function checkArray(value: unknown, field: string, maxLength: number): readonly unknown[] {
  if (!Array.isArray(value))
    throw new ClinicalInputError(field, value === undefined ? 'required' : 'wrongType', 'expected an array');
  if (value.length > maxLength)
    throw new ClinicalInputError(field, 'outOfRange', `at most ${maxLength} items`);
  return value as readonly unknown[];
}

// ── Value-based checks: the caller reads the property by name (fast, monomorphic) and passes the value. ─────────

export function numberAt(value: unknown, range: NumberRange, prefix: string, key: string): number {
  return numberInRange(value, range) ? value : checkNumber(value, fieldPath(prefix, key), range);
}

export function optionalNumberAt(
  value: unknown,
  range: NumberRange,
  prefix: string,
  key: string,
): number | undefined {
  if (value === undefined || numberInRange(value, range)) return value;
  return checkNumber(value, fieldPath(prefix, key), range);
}

export function booleanAt(value: unknown, prefix: string, key: string): boolean {
  return typeof value === 'boolean' ? value : checkBoolean(value, fieldPath(prefix, key));
}

export function optionalBooleanAt(value: unknown, prefix: string, key: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return checkBoolean(value, fieldPath(prefix, key));
}

export function oneOfAt<T extends string | number>(
  value: unknown,
  values: readonly T[],
  prefix: string,
  key: string,
): T {
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : checkOneOf(value, fieldPath(prefix, key), values);
}

export function optionalOneOfAt<T extends string | number>(
  value: unknown,
  values: readonly T[],
  prefix: string,
  key: string,
): T | undefined {
  if (value === undefined) return undefined;
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : checkOneOf(value, fieldPath(prefix, key), values);
}

export function isoDateAt(value: unknown, prefix: string, key: string): IsoDate {
  return typeof value === 'string' && isValidIsoDate(value)
    ? value
    : checkIsoDate(value, fieldPath(prefix, key));
}

export const AGE_RANGE: NumberRange = { min: 0, max: 130, integer: true };
export const T_SCORE_RANGE: NumberRange = { min: -10, max: 10 };
export const MONTHS_RANGE: NumberRange = { min: 0, max: 1560 };
export const DOSE_RANGE: NumberRange = { min: 0, max: 2000 };
