import type { LetterMessageKey, LetterTranslator } from './letterText';

/** A calendar date without time or zone: letters are dated by day, and nothing here reads a clock. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD`; returns undefined for anything else, including dates that do not exist (2026-02-30) and years
 * before 1900, which in a letter can only be a typing error (and which `Date.UTC` would misread below 100).
 */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Midnight UTC of the date: a fixed instant, so the PDF creation date does not depend on the server's zone. */
export function toUtcInstant(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

const MONTH_KEYS = [
  'date.month.january',
  'date.month.february',
  'date.month.march',
  'date.month.april',
  'date.month.may',
  'date.month.june',
  'date.month.july',
  'date.month.august',
  'date.month.september',
  'date.month.october',
  'date.month.november',
  'date.month.december',
] as const satisfies readonly LetterMessageKey[];

export const MONTH_MESSAGE_KEYS: readonly LetterMessageKey[] = MONTH_KEYS;

/**
 * "21 november 2026" / "21 November 2026". Month names come from the catalogue rather than Intl, so the text does
 * not change with the ICU data of the Node build.
 */
export function formatLongDate(date: CalendarDate, text: LetterTranslator): string {
  const monthKey = MONTH_KEYS[date.month - 1];
  if (monthKey === undefined) throw new RangeError(`Month ${date.month} out of range`);
  return text.t('date.longDate', {
    day: String(date.day),
    month: text.t(monthKey),
    year: String(date.year),
  });
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
