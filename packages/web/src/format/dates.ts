/*
 * Dates on screen follow Dutch usage everywhere, also in English: dd-mm-jjjj, the format staff type
 * into the search box and read on letters. Calendar dates (YYYY-MM-DD) are formatted as text, never
 * through Date, so a birth date cannot shift by a day across time zones.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1956-04-06` → `06-04-1956`; anything else is returned unchanged. */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) return isoDate;
  return `${match[3] ?? ''}-${match[2] ?? ''}-${match[1] ?? ''}`;
}

/** An instant (ISO 8601) in the browser's time zone as `dd-mm-jjjj HH:mm`. */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return (
    `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${String(date.getFullYear())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a typed date: dd-mm-jjjj (also with / or . and without leading zeros) or jjjj-mm-dd.
 * Returns YYYY-MM-DD, or null when the text is not an existing date.
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const dutch = DUTCH_DATE.exec(value);
  if (dutch !== null) return calendarDate(Number(dutch[3]), Number(dutch[2]), Number(dutch[1]));
  const iso = ISO_DATE.exec(value);
  if (iso !== null) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** The hospital's calendar: "today" on the server is the day in the Netherlands, so here too. */
const HOSPITAL_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands as YYYY-MM-DD, whatever the computer's own time zone. */
export function todayIso(now: Date = new Date()): string {
  return HOSPITAL_DAY.format(now);
}
