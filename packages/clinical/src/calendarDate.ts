// Calendar arithmetic on ISO dates without the `Date` global: the engine has no clock and no time zone, and
// guideline intervals ("6 months after the last injection", "< 24 months ago") are calendar, not clock, intervals.
// Day numbers use the proleptic Gregorian days-from-civil algorithm (H. Hinnant), exact for years 0001–9999.
import type { ClinicalConfig } from './config';
import { ClinicalInputError } from './errors';

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * What a month-based interval does when the target month is shorter than the start day
 * (2024-08-31 + 6 months). [INFERRED] — RULES.md R11.4 leaves it open; config `calendar.monthEndRule`.
 */
export const MONTH_END_RULES = ['clampToMonthEnd', 'firstDayOfNextMonth'] as const;
export type MonthEndRule = (typeof MONTH_END_RULES)[number];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

// Hand-written rather than a regular expression: dates are parsed many times per assessment.
function tryParse(text: string): CivilDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y1 = digit(text, 0);
  const y2 = digit(text, 1);
  const y3 = digit(text, 2);
  const y4 = digit(text, 3);
  const m1 = digit(text, 5);
  const m2 = digit(text, 6);
  const d1 = digit(text, 8);
  const d2 = digit(text, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) return null;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && tryParse(value) !== null;
}

/** Parses a strict `YYYY-MM-DD` date; 2023-02-29 and 2024-13-01 are rejected with `invalidDate`. */
export function parseIsoDate(text: string, field = 'date'): CivilDate {
  const parsed = tryParse(text);
  if (parsed === null)
    throw new ClinicalInputError(field, 'invalidDate', `"${text}" is not a valid YYYY-MM-DD date`);
  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(date: CivilDate): IsoDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumberFromCivil(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (date.month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function dayNumber(date: IsoDate, field = 'date'): number {
  return dayNumberFromCivil(parseIsoDate(date, field));
}

function checkResultInRange(date: CivilDate, field: string): CivilDate {
  if (date.year < 1 || date.year > 9999) {
    throw new ClinicalInputError(field, 'outOfRange', 'date arithmetic left the years 0001–9999');
  }
  return date;
}

/** `date` plus a whole number of days (negative allowed). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new ClinicalInputError('days', 'notInteger');
  return formatIsoDate(checkResultInRange(civilFromDayNumber(dayNumber(date) + days), 'days'));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to, 'to') - dayNumber(from, 'from');
}

export function monthEndRuleOf(config: ClinicalConfig | MonthEndRule | undefined): MonthEndRule {
  if (config === undefined) return 'clampToMonthEnd';
  if (typeof config === 'string') return config;
  return config.entries['calendar.monthEndRule'].value;
}

function addMonthsCivil(start: CivilDate, months: number, rule: MonthEndRule): CivilDate {
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = daysInMonth(year, month);
  if (start.day <= lastDay) return { year, month, day: start.day };
  switch (rule) {
    case 'clampToMonthEnd':
      return { year, month, day: lastDay };
    case 'firstDayOfNextMonth':
      return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  }
}

/**
 * `date` plus `months` calendar months (R11.4: 2024-01-15 + 6 → 2024-07-15). When the day does not exist in the
 * target month the configured month-end rule applies; the default clamps (2024-08-31 + 6 → 2025-02-28,
 * 2024-02-29 + 12 → 2025-02-28). [INFERRED, config `calendar.monthEndRule`]
 */
export function addCalendarMonths(
  date: IsoDate,
  months: number,
  config?: ClinicalConfig | MonthEndRule,
): IsoDate {
  if (!Number.isInteger(months)) throw new ClinicalInputError('months', 'notInteger');
  const start = parseIsoDate(date);
  return formatIsoDate(checkResultInRange(addMonthsCivil(start, months, monthEndRuleOf(config)), 'months'));
}

/** {@link addCalendarMonths} on an already-parsed date (for schedules that add many intervals to one start). */
export function addCalendarMonthsToCivil(start: CivilDate, months: number, rule: MonthEndRule): IsoDate {
  return formatIsoDate(checkResultInRange(addMonthsCivil(start, months, rule), 'months'));
}

/**
 * Completed years between a birth date and a later date, as ages are counted: the year is complete on the
 * anniversary. A 29 February birthday is reached on 1 March in common years (day-of-year comparison).
 */
export function completedYears(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(birthDate, 'birthDate');
  const on = parseIsoDate(onDate, 'onDate');
  if (compareCivil(on, birth) < 0)
    throw new ClinicalInputError('birthDate', 'dateAfterToday', 'birth date is after the reference date');
  const beforeAnniversary = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeAnniversary ? 1 : 0);
}

/**
 * Completed calendar months from `from` to `to`: the largest n with from + n months ≤ to, using the same
 * month-end rule as {@link addCalendarMonths} so that "< 24 months ago" and "+ 24 months" agree.
 */
export function completedMonths(from: IsoDate, to: IsoDate, config?: ClinicalConfig | MonthEndRule): number {
  const start = parseIsoDate(from, 'from');
  const end = parseIsoDate(to, 'to');
  const rule = monthEndRuleOf(config);
  if (compareCivil(end, start) < 0) return -completedMonths(to, from, rule);
  let months = (end.year - start.year) * 12 + (end.month - start.month);
  while (months > 0 && compareCivil(addMonthsCivil(start, months, rule), end) > 0) months -= 1;
  return months;
}

function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Negative, zero or positive like a sort comparator; valid ISO dates also compare correctly as strings. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(compareCivil(parseIsoDate(a, 'a'), parseIsoDate(b, 'b')));
}
