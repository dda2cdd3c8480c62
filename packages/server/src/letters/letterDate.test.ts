import { describe, expect, it } from 'vitest';
import { compareDates, formatLongDate, parseIsoDate, toUtcInstant } from './letterDate';
import { letterTranslator } from './letterText';

describe('parseIsoDate', () => {
  it('reads a calendar date', () => {
    expect(parseIsoDate('2026-11-21')).toEqual({ year: 2026, month: 11, day: 21 });
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-5',
    '21-11-2026',
    '2026-11-21T00:00',
    '',
    '1899-12-31',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('compareDates and toUtcInstant', () => {
  it('orders dates by year, month and day', () => {
    const earlier = { year: 2026, month: 10, day: 3 };
    const later = { year: 2026, month: 11, day: 1 };
    expect(compareDates(earlier, later)).toBeLessThan(0);
    expect(compareDates(later, earlier)).toBeGreaterThan(0);
    expect(compareDates(later, { ...later })).toBe(0);
  });

  it('gives midnight UTC, whatever the server time zone', () => {
    expect(toUtcInstant({ year: 2026, month: 11, day: 21 }).toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });
});

describe('formatLongDate', () => {
  it('writes Dutch dates with lower-case month names and no leading zero', () => {
    const dutch = letterTranslator('nl');
    expect(formatLongDate({ year: 2026, month: 11, day: 21 }, dutch)).toBe('21 november 2026');
    expect(formatLongDate({ year: 2026, month: 3, day: 1 }, dutch)).toBe('1 maart 2026');
  });

  it('writes English dates day first with capitalised month names', () => {
    expect(formatLongDate({ year: 2026, month: 11, day: 21 }, letterTranslator('en'))).toBe(
      '21 November 2026',
    );
  });

  it('has a name for every month', () => {
    const dutch = letterTranslator('nl');
    const months = Array.from(
      { length: 12 },
      (_, index) => formatLongDate({ year: 2026, month: index + 1, day: 1 }, dutch).split(' ')[1],
    );
    expect(months).toEqual([
      'januari',
      'februari',
      'maart',
      'april',
      'mei',
      'juni',
      'juli',
      'augustus',
      'september',
      'oktober',
      'november',
      'december',
    ]);
  });
});
