import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './rounding';

describe('R4.3 rounding: half away from zero, 1 decimal', () => {
  it('rounds the R4.3 example to −2.5', () => {
    const raw = (0.558 - 0.858) / 0.12;
    expect(raw).toBeGreaterThan(-2.5);
    expect(roundHalfAwayFromZero(raw)).toBe(-2.5);
  });

  it.each([
    [-1.05, -1.1],
    [1.05, 1.1],
    [-1.04, -1.0],
    [-2.45, -2.5],
    [-2.44, -2.4],
    [1.45, 1.5],
    [-0.04, 0],
    [0, 0],
    [18.305, 18.3],
    [25.71, 25.7],
  ])('%d → %d', (value, expected) => {
    expect(roundHalfAwayFromZero(value)).toBe(expected);
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.01), -0)).toBe(false);
  });
});
