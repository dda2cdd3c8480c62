// Calendar dates as hospitals write them. Day first, always: 03-04-2024 is 3 April (Dutch convention).
// No clock here: callers pass `today`.

import { dutchWallClockToInstant } from '../../time/dutchWallClock';

export type DateParse = { ok: true; date: string } | { ok: false; code: DateErrorCode; message: string };
export type DateErrorCode = 'date.format' | 'date.impossible';

const FORMAT_MESSAGE = 'is not a date; use YYYY-MM-DD or DD-MM-YYYY';

function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Reads an unsigned run of 1..maxDigits digits starting at `start`; returns [value, end] or null. */
function readNumber(text: string, start: number, maxDigits: number): [number, number] | null {
  let value = 0;
  let i = start;
  while (i < text.length && i - start < maxDigits) {
    const d = digitAt(text, i);
    if (d < 0) break;
    value = value * 10 + d;
    i++;
  }
  return i === start ? null : [value, i];
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

function pad(n: number, width: number): string {
  const text = String(n);
  return text.length >= width ? text : '0'.repeat(width - text.length) + text;
}

export function formatIsoDate(year: number, month: number, day: number): DateParse {
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      code: 'date.impossible',
      message: `${pad(day, 2)}-${pad(month, 2)}-${pad(year, 4)} does not exist in the calendar`,
    };
  }
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** A time part after the date ("2024-03-01 00:00:00", "2024-03-01T10:15") is allowed and ignored. */
function onlyTimeFollows(text: string, end: number): boolean {
  if (end === text.length) return true;
  const c = text.charCodeAt(end);
  return (c === 32 || c === 84) && end + 1 < text.length && digitAt(text, end + 1) >= 0;
}

/**
 * Accepts YYYY-MM-DD, and day-first D-M-YYYY / DD-MM-YYYY with `-`, `/` or `.` as separator.
 * Two-digit years are refused: 01-02-34 could be 1934 or 2034.
 */
export function parseCalendarDate(raw: string): DateParse {
  const text = raw.trim();
  const first = readNumber(text, 0, 4);
  if (first === null) return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
  const [a, afterA] = first;
  const sep = text.charAt(afterA);
  if (sep !== '-' && sep !== '/' && sep !== '.') {
    return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
  }
  const second = readNumber(text, afterA + 1, 2);
  if (second === null || text.charAt(second[1]) !== sep) {
    return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
  }
  const third = readNumber(text, second[1] + 1, 4);
  if (third === null || !onlyTimeFollows(text, third[1])) {
    return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
  }
  const yearFirst = afterA === 4;
  if (yearFirst) {
    if (sep !== '-' || third[1] - second[1] - 1 > 2) {
      return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
    }
    const iso = formatIsoDate(a, second[0], third[0]);
    // Already canonical: hand back the input instead of rebuilding the same string.
    return iso.ok && text.length === 10 ? { ok: true, date: text } : iso;
  }
  if (afterA > 2 || third[1] - second[1] - 1 !== 4) {
    return { ok: false, code: 'date.format', message: `"${raw}" ${FORMAT_MESSAGE}` };
  }
  return formatIsoDate(third[0], second[0], a);
}

/** HL7 v2 DT/TS: YYYYMMDD with optional time and zone; only the calendar date is kept. */
export function parseHl7Date(raw: string): DateParse {
  const text = raw.trim();
  if (text.length < 8) {
    return { ok: false, code: 'date.format', message: `"${raw}" is not an HL7 date with a day (YYYYMMDD)` };
  }
  for (let i = 0; i < 8; i++) {
    if (digitAt(text, i) < 0) {
      return { ok: false, code: 'date.format', message: `"${raw}" is not an HL7 date (YYYYMMDD[HHMM[SS]])` };
    }
  }
  return formatIsoDate(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
}

/**
 * FHIR date / dateTime. The calendar date is taken as written, without converting the time zone: a fracture
 * at 00:30+01:00 happened on that local date.
 */
export function parseFhirDate(raw: string): DateParse {
  const text = raw.trim();
  if (
    text.length < 10 ||
    text.charAt(4) !== '-' ||
    text.charAt(7) !== '-' ||
    (text.length > 10 && text.charAt(10) !== 'T')
  ) {
    return {
      ok: false,
      code: 'date.format',
      message: `"${raw}" is not a FHIR date with a day (YYYY-MM-DD); partial dates cannot be imported`,
    };
  }
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    if (digitAt(text, i) < 0)
      return { ok: false, code: 'date.format', message: `"${raw}" is not a FHIR date` };
  }
  return formatIsoDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

/** `isoDate` minus whole years, clamped to 28 February for 29 February. */
export function subtractYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) - years;
  const monthDay = isoDate.slice(5);
  const clamped = monthDay === '02-29' && daysInMonth(year, 2) === 28 ? '02-28' : monthDay;
  return `${pad(year, 4)}-${clamped}`;
}

export const MAX_AGE_YEARS = 120;

export type InstantParse =
  { ok: true; instant: string } | { ok: false; code: DateErrorCode; message: string };

const HL7_TS =
  /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?)?(?:([+-])(\d{2})(\d{2}))?$/;

/**
 * HL7 v2 TS/DTM (YYYYMMDD[HH[MM[SS[.S]]]][±ZZZZ]) → ISO 8601 instant. Without a zone the time is Dutch
 * local time, which is what Dutch hospital systems send.
 */
export function parseHl7Timestamp(raw: string): InstantParse {
  const match = HL7_TS.exec(raw.trim());
  if (match === null) {
    return {
      ok: false,
      code: 'date.format',
      message: `"${raw}" is not an HL7 timestamp (YYYYMMDD[HHMM[SS]][±ZZZZ])`,
    };
  }
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Math.round(Number(`0.${match[7] ?? '0'}`) * 1000);
  const date = formatIsoDate(year, month, day);
  if (!date.ok) return date;
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, code: 'date.impossible', message: `"${raw}" has a time that does not exist` };
  }
  const sign = match[8];
  if (sign === undefined) {
    return {
      ok: true,
      instant: dutchWallClockToInstant(year, month, day, hour, minute, second, millis).toISOString(),
    };
  }
  const offsetHours = Number(match[9]);
  const offsetMinutes = Number(match[10]);
  if (offsetHours > 14 || offsetMinutes > 59) {
    return { ok: false, code: 'date.format', message: `"${raw}" has a time zone offset that does not exist` };
  }
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  return { ok: true, instant: new Date(utc).toISOString() };
}

const FHIR_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** FHIR `instant` (always with a time zone), e.g. Resource.meta.lastUpdated → ISO 8601 instant in UTC. */
export function parseFhirInstant(raw: string): InstantParse {
  const match = FHIR_INSTANT.exec(raw.trim());
  if (match === null) {
    return {
      ok: false,
      code: 'date.format',
      message: `"${raw}" is not a FHIR instant (YYYY-MM-DDThh:mm:ss with Z or an offset)`,
    };
  }
  const date = formatIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date.ok) return date;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) {
    return { ok: false, code: 'date.impossible', message: `"${raw}" has a time that does not exist` };
  }
  const millis = Date.parse(raw.trim());
  if (Number.isNaN(millis)) {
    return { ok: false, code: 'date.format', message: `"${raw}" has a time zone offset that does not exist` };
  }
  return { ok: true, instant: new Date(millis).toISOString() };
}
