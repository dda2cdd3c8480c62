import { describe, expect, it } from 'vitest';
import { dutchWallClockToInstant } from './dutchWallClock';

describe('dutchWallClockToInstant', () => {
  it('reads winter times as UTC+1 and summer times as UTC+2', () => {
    expect(dutchWallClockToInstant(2026, 1, 15, 10, 30, 0).toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(dutchWallClockToInstant(2026, 7, 1, 0, 30, 0).toISOString()).toBe('2026-06-30T22:30:00.000Z');
  });

  it('takes the earlier instant in the hour that clocks go back (25 October 2026)', () => {
    expect(dutchWallClockToInstant(2026, 10, 25, 1, 59, 0).toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(dutchWallClockToInstant(2026, 10, 25, 2, 30, 0).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(dutchWallClockToInstant(2026, 10, 25, 3, 0, 0).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('reads the hour skipped in spring (29 March 2026, 02:00–03:00) with the winter offset', () => {
    expect(dutchWallClockToInstant(2026, 3, 29, 1, 59, 0).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(dutchWallClockToInstant(2026, 3, 29, 2, 30, 0).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(dutchWallClockToInstant(2026, 3, 29, 3, 0, 0).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
});
