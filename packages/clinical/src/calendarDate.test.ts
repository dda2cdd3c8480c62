import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addDays,
  civilFromDayNumber,
  compareIsoDates,
  completedMonths,
  completedYears,
  dayNumber,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  parseIsoDate,
} from './calendarDate';
import { DEFAULT_CONFIG, parseClinicalConfig } from './config';
import { ClinicalInputError } from './errors';

// The tests may use the Date global as an independent oracle (the engine itself may not).
function oracleDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return Math.round(date.getTime() / 86_400_000);
}

describe('leap years (full Gregorian rules)', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('%i leap = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('counts 1900-02-28 → 1900-03-01 as one day and 2000-02-28 → 2000-03-01 as two', () => {
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('parsing', () => {
  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-2-01',
    '24-02-01',
    '',
    '2024-02-01T00:00',
    '0000-01-01',
  ])('rejects %j as invalidDate', (text) => {
    expect(isValidIsoDate(text)).toBe(false);
    expect(() => parseIsoDate(text, 'fractures[0].date')).toThrow(ClinicalInputError);
    try {
      parseIsoDate(text, 'fractures[0].date');
    } catch (error) {
      expect(error).toMatchObject({ field: 'fractures[0].date', reason: 'invalidDate' });
    }
  });

  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(isValidIsoDate(text)).toBe(true);
  });
});

describe('day numbers', () => {
  it('agrees with an independent calendar on fixed dates', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    for (const iso of ['1900-03-01', '2000-02-29', '2024-12-31', '1600-01-01', '0001-01-01', '9999-12-31']) {
      expect(dayNumber(iso)).toBe(oracleDayNumber(iso));
    }
  });

  it('round-trips and agrees with the oracle for any day in 0001–9999', () => {
    const min = dayNumber('0001-01-01');
    const max = dayNumber('9999-12-31');
    fc.assert(
      fc.property(fc.integer({ min, max }), (n) => {
        const civil = civilFromDayNumber(n);
        const iso = `${String(civil.year).padStart(4, '0')}-${String(civil.month).padStart(2, '0')}-${String(civil.day).padStart(2, '0')}`;
        expect(isValidIsoDate(iso)).toBe(true);
        expect(dayNumber(iso)).toBe(n);
        expect(oracleDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2100-12-31') }),
        fc.integer({ min: -5000, max: 5000 }),
        (start, delta) => {
          const c = civilFromDayNumber(start);
          const iso = `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
          expect(daysBetween(iso, addDays(iso, delta))).toBe(delta);
        },
      ),
    );
  });

  it('orders dates', () => {
    expect(compareIsoDates('2024-02-29', '2024-03-01')).toBe(-1);
    expect(compareIsoDates('2024-03-01', '2024-03-01')).toBe(0);
    expect(compareIsoDates('2025-01-01', '2024-12-31')).toBe(1);
  });
});

describe('calendar months (R11.4 date rule; month ends [INFERRED])', () => {
  it('keeps the day when it exists: 2024-01-15 + 6 months = 2024-07-15', () => {
    expect(addCalendarMonths('2024-01-15', 6)).toBe('2024-07-15');
  });

  it('clamps to the month end by default', () => {
    expect(addCalendarMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addCalendarMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-02-29', 6)).toBe('2024-08-29');
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addCalendarMonths('2024-12-15', 1)).toBe('2025-01-15');
  });

  it('can roll over to the first of the next month instead (configuration)', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'calendar.monthEndRule': 'firstDayOfNextMonth' },
    });
    expect(addCalendarMonths('2024-08-31', 6, config)).toBe('2025-03-01');
    expect(addCalendarMonths('2024-02-29', 12, config)).toBe('2025-03-01');
    expect(addCalendarMonths('2024-11-30', 3, 'firstDayOfNextMonth')).toBe('2025-03-01');
    expect(addCalendarMonths('2024-01-15', 6, config)).toBe('2024-07-15');
  });

  it('rejects fractional months and results outside 0001–9999', () => {
    expect(() => addCalendarMonths('2024-01-15', 1.5)).toThrow(ClinicalInputError);
    expect(() => addCalendarMonths('9999-06-01', 12)).toThrow(ClinicalInputError);
  });
});

describe('completed years and months', () => {
  it('counts an age on the anniversary', () => {
    expect(completedYears('1974-05-10', '2024-05-09')).toBe(49);
    expect(completedYears('1974-05-10', '2024-05-10')).toBe(50);
  });

  it('reaches a 29 February birthday on 1 March in common years', () => {
    expect(completedYears('2000-02-29', '2025-02-28')).toBe(24);
    expect(completedYears('2000-02-29', '2025-03-01')).toBe(25);
    expect(completedYears('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('rejects a reference date before the birth date', () => {
    expect(() => completedYears('2000-01-02', '2000-01-01')).toThrow(ClinicalInputError);
  });

  it('treats exactly 24 months as 24 completed months', () => {
    expect(completedMonths('2022-03-15', '2024-03-14')).toBe(23);
    expect(completedMonths('2022-03-15', '2024-03-15')).toBe(24);
    expect(completedMonths('2022-08-31', '2023-02-28', DEFAULT_CONFIG)).toBe(6);
    expect(completedMonths('2022-08-31', '2023-02-27')).toBe(5);
  });

  it('agrees with addCalendarMonths: from + completedMonths ≤ to < from + completedMonths + 1', () => {
    const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2030-12-31') });
    const iso = (n: number): string => {
      const c = civilFromDayNumber(n);
      return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 4000 }), (start, span) => {
        const from = iso(start);
        const to = iso(start + span);
        const months = completedMonths(from, to);
        expect(addCalendarMonths(from, months) <= to).toBe(true);
        expect(addCalendarMonths(from, months + 1) > to).toBe(true);
      }),
    );
  });
});
