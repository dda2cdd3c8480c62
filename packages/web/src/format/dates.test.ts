import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDate, todayIso } from './dates';

describe('formatDate', () => {
  it('shows calendar dates as dd-mm-jjjj without going through a time zone', () => {
    expect(formatDate('1956-04-06')).toBe('06-04-1956');
    expect(formatDate('2000-12-31')).toBe('31-12-2000');
  });

  it('leaves anything that is not a date as it is', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('06-04-1956')).toBe('06-04-1956');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in local time as dd-mm-jjjj HH:mm', () => {
    const local = new Date(2026, 2, 5, 9, 7, 30); // 5 March 2026, 09:07:30 local time
    expect(formatDateTime(local.toISOString())).toBe('05-03-2026 09:07');
  });

  it('leaves an unreadable value as it is', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

describe('parseDate', () => {
  it('reads Dutch dates, with or without leading zeros and with - / or .', () => {
    expect(parseDate('06-04-1956')).toBe('1956-04-06');
    expect(parseDate('6-4-1956')).toBe('1956-04-06');
    expect(parseDate('06/04/1956')).toBe('1956-04-06');
    expect(parseDate(' 06.04.1956 ')).toBe('1956-04-06');
  });

  it('reads ISO dates', () => {
    expect(parseDate('1956-04-06')).toBe('1956-04-06');
  });

  it('refuses dates that do not exist and other text', () => {
    expect(parseDate('31-02-2026')).toBeNull();
    expect(parseDate('29-02-2023')).toBeNull();
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDate('13-13-2020')).toBeNull();
    expect(parseDate('1956')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('todayIso', () => {
  it('gives the calendar day in the Netherlands, also just after midnight there', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam (UTC+1 in winter).
    expect(todayIso(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(todayIso(new Date(Date.UTC(2026, 5, 30, 22, 30)))).toBe('2026-07-01');
    expect(todayIso(new Date(Date.UTC(2026, 10, 21, 12, 0)))).toBe('2026-11-21');
  });
});
