import { describe, expect, it } from 'vitest';
import {
  parseCalendarDate,
  parseFhirDate,
  parseFhirInstant,
  parseHl7Date,
  parseHl7Timestamp,
  subtractYears,
} from './dates';

describe('parseCalendarDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['5-3-2024', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['05-03-2024 14:30', '2024-03-05'],
    ['2024-03-05T10:15:00', '2024-03-05'],
  ])('reads %j as %s (day first)', (input, expected) => {
    expect(parseCalendarDate(input)).toEqual({ ok: true, date: expected });
  });

  it.each(['31-02-2024', '29-02-2023', '2024-13-01', '00-01-2024', '2024-04-31'])(
    'refuses the impossible date %s',
    (input) => {
      expect(parseCalendarDate(input)).toMatchObject({ ok: false, code: 'date.impossible' });
    },
  );

  it.each(['', 'gisteren', '01-02-25', '2024/03/05', '2024-3', '20240305', '05-03-2024x', '1-2-3-2024'])(
    'refuses the malformed %j',
    (input) => {
      expect(parseCalendarDate(input)).toMatchObject({ ok: false, code: 'date.format' });
    },
  );

  it('names the offending text in the message', () => {
    const result = parseCalendarDate('31-02-2024');
    expect(result.ok ? '' : result.message).toBe('31-02-2024 does not exist in the calendar');
  });
});

describe('parseHl7Date', () => {
  it('keeps the calendar date of a TS with time and zone', () => {
    expect(parseHl7Date('20250110101500+0100')).toEqual({ ok: true, date: '2025-01-10' });
    expect(parseHl7Date('19500314')).toEqual({ ok: true, date: '1950-03-14' });
  });

  it('refuses a date without a day and an impossible date', () => {
    expect(parseHl7Date('195001')).toMatchObject({ ok: false, code: 'date.format' });
    expect(parseHl7Date('20250230')).toMatchObject({ ok: false, code: 'date.impossible' });
  });
});

describe('parseFhirDate', () => {
  it('takes the local calendar date without converting the zone', () => {
    expect(parseFhirDate('2025-03-02T23:40:00+01:00')).toEqual({ ok: true, date: '2025-03-02' });
  });

  it('refuses partial dates', () => {
    expect(parseFhirDate('2025-03')).toMatchObject({ ok: false, code: 'date.format' });
    expect(parseFhirDate('2025')).toMatchObject({ ok: false, code: 'date.format' });
  });
});

describe('subtractYears', () => {
  it('clamps 29 February to 28 February in a common year', () => {
    expect(subtractYears('2024-02-29', 120)).toBe('1904-02-29');
    expect(subtractYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(subtractYears('2025-06-30', 120)).toBe('1905-06-30');
  });
});

describe('parseHl7Timestamp', () => {
  it('reads a time without zone as Dutch local time', () => {
    expect(parseHl7Timestamp('202611211430')).toEqual({ ok: true, instant: '2026-11-21T13:30:00.000Z' });
    expect(parseHl7Timestamp('20260701083015')).toEqual({ ok: true, instant: '2026-07-01T06:30:15.000Z' });
    expect(parseHl7Timestamp('20261121')).toEqual({ ok: true, instant: '2026-11-20T23:00:00.000Z' });
  });

  it('honours an explicit zone and fractions of a second', () => {
    expect(parseHl7Timestamp('20261121143000.25+0000')).toEqual({
      ok: true,
      instant: '2026-11-21T14:30:00.250Z',
    });
    expect(parseHl7Timestamp('20261121143000-0500')).toEqual({
      ok: true,
      instant: '2026-11-21T19:30:00.000Z',
    });
  });

  it('refuses what is not a timestamp or does not exist', () => {
    expect(parseHl7Timestamp('2026-11-21')).toMatchObject({ ok: false, code: 'date.format' });
    expect(parseHl7Timestamp('20261131')).toMatchObject({ ok: false, code: 'date.impossible' });
    expect(parseHl7Timestamp('202611212460')).toMatchObject({ ok: false, code: 'date.impossible' });
    expect(parseHl7Timestamp('20261121143000+2500')).toMatchObject({ ok: false, code: 'date.format' });
  });
});

describe('parseFhirInstant', () => {
  it('reads an instant with Z or an offset', () => {
    expect(parseFhirInstant('2026-11-15T09:00:00+01:00')).toEqual({
      ok: true,
      instant: '2026-11-15T08:00:00.000Z',
    });
    expect(parseFhirInstant('2026-11-15T08:00:00.123Z')).toEqual({
      ok: true,
      instant: '2026-11-15T08:00:00.123Z',
    });
  });

  it('refuses an instant without zone, a date alone, or a day that does not exist', () => {
    expect(parseFhirInstant('2026-11-15T09:00:00')).toMatchObject({ ok: false, code: 'date.format' });
    expect(parseFhirInstant('2026-11-15')).toMatchObject({ ok: false, code: 'date.format' });
    expect(parseFhirInstant('2026-02-30T09:00:00Z')).toMatchObject({ ok: false, code: 'date.impossible' });
    expect(parseFhirInstant('2026-11-15T24:00:00Z')).toMatchObject({ ok: false, code: 'date.impossible' });
  });
});
