// Checks shared by every import format: plausible dates, identifiers and lengths.
import { checkBsn } from '../../patients/bsn';
import { MAX_AGE_YEARS, parseCalendarDate, subtractYears } from './dates';
import type { RowProblems } from './rowProblems';
import type { ImportRowError } from './types';
import { isStorableText, unstorableTextReason } from '../../text/storableText';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EIGHT_DIGITS = /^\d{8}$/;

/** Parsers take `today` from the caller (no clock inside); a malformed one is a programming error. */
export function assertToday(today: string): void {
  const parsed = parseCalendarDate(today);
  if (!ISO_DATE.test(today) || !parsed.ok || parsed.date !== today) {
    throw new TypeError(`option today must be a YYYY-MM-DD date, got "${today}"`);
  }
}

/** Derived once per file from `today`. */
export interface DateLimits {
  today: string;
  /** Birth dates before this are refused (more than MAX_AGE_YEARS ago). */
  oldestBirthDate: string;
}

export function dateLimits(today: string): DateLimits {
  assertToday(today);
  return { today, oldestBirthDate: subtractYears(today, MAX_AGE_YEARS) };
}

export interface DateFields {
  birth: string;
  fracture: string;
}

/**
 * Plausibility of an already parsed birth and fracture date. ISO strings compare correctly as text.
 * A birth date after the fracture is reported on the birth date: it is the more often mistyped of the two.
 */
export function checkDatePlausibility(
  birthDate: string | undefined,
  fractureDate: string | undefined,
  limits: DateLimits,
  fields: DateFields,
  problems: RowProblems,
): void {
  const today = limits.today;
  const birthInFuture = birthDate !== undefined && birthDate > today;
  const fractureInFuture = fractureDate !== undefined && fractureDate > today;
  if (birthInFuture) {
    problems.error(
      fields.birth,
      'date.future',
      `birth date ${birthDate} is in the future (today is ${today})`,
    );
  }
  if (fractureInFuture) {
    problems.error(
      fields.fracture,
      'date.future',
      `fracture date ${fractureDate} is in the future (today is ${today})`,
    );
  }
  if (birthDate !== undefined && !birthInFuture && birthDate < limits.oldestBirthDate) {
    problems.error(
      fields.birth,
      'date.tooOld',
      `birth date ${birthDate} is more than ${MAX_AGE_YEARS} years ago`,
    );
  }
  if (
    birthDate !== undefined &&
    fractureDate !== undefined &&
    !birthInFuture &&
    !fractureInFuture &&
    birthDate > fractureDate
  ) {
    problems.error(
      fields.birth,
      'date.birthAfterFracture',
      `birth date ${birthDate} is after the fracture date ${fractureDate}`,
    );
  }
}

/** Returns the normalised BSN, or undefined after recording the error. */
export function checkBsnField(raw: string, field: string, problems: RowProblems): string | undefined {
  const result = checkBsn(raw);
  if (result.ok) return result.bsn;
  problems.error(field, result.code, result.message);
  return undefined;
}

/**
 * AGB codes are 8 digits. A malformed GP code is a warning, not an error: losing the fracture case over a GP
 * typo is worse than a letter that needs manual routing.
 */
export function checkAgbField(raw: string, field: string, problems: RowProblems): string | undefined {
  if (EIGHT_DIGITS.test(raw)) return raw;
  const compact = raw.replace(/[\s.-]/g, '');
  if (EIGHT_DIGITS.test(compact)) return compact;
  problems.warn(field, 'agb.format', `AGB code "${raw}" is not 8 digits; the GP code was not imported`);
  return undefined;
}

export function checkMaxLength(value: string, max: number, field: string, problems: RowProblems): boolean {
  if (value.length <= max) return true;
  problems.error(field, 'field.tooLong', `is ${value.length} characters long; the maximum is ${max}`);
  return false;
}

/**
 * Every text a registration or update would store, checked once for characters that cannot be stored
 * (text/storableText.ts): one error per field, named by its place in the record (`patient.familyName`).
 */
export function unstorableTextErrors(row: number, record: object): ImportRowError[] {
  // Nearly every record is clean: look without building paths, and name the fields only when needed.
  if (!holdsUnstorableText(record)) return [];
  const errors: ImportRowError[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const reason = unstorableTextReason(value);
      if (reason !== undefined) errors.push({ row, field: path, code: 'text.unstorable', message: reason });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${path}[${i}]`);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) visit(v, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(record, '');
  return errors;
}

function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) {
    for (const item of value) if (holdsUnstorableText(item)) return true;
    return false;
  }
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key in object) if (holdsUnstorableText(object[key])) return true;
  }
  return false;
}
