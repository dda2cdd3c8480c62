import { describe, expect, it } from 'vitest';
import { compareExpected } from './compare';

describe('vector comparator (RULES.md pass criterion)', () => {
  it('accepts numbers within 1e-6 and rejects larger differences', () => {
    expect(compareExpected({ bmi: 18.3 }, { bmi: 18.3000005 }).pass).toBe(true);
    expect(compareExpected({ bmi: 18.3 }, { bmi: 18.30001 }).pass).toBe(false);
    expect(compareExpected({ tScoreRounded: -2.5 }, { tScoreRounded: -2.4999999999999996 }).pass).toBe(true);
  });

  it("uses the case's tolerance when given", () => {
    expect(compareExpected({ x: 1 }, { x: 1.04 }, 0.05).pass).toBe(true);
    expect(compareExpected({ x: 1 }, { x: 1.06 }, 0.05).pass).toBe(false);
  });

  it('compares arrays of strings and numbers ignoring order', () => {
    expect(compareExpected({ a: ['x', 'y', 'z'] }, { a: ['z', 'x', 'y'] }).pass).toBe(true);
    expect(compareExpected({ a: [3, 1, 2] }, { a: [1, 2, 3.0000001] }).pass).toBe(true);
    expect(compareExpected({ a: ['x', 'y'] }, { a: ['x', 'y', 'z'] }).pass).toBe(false);
    expect(compareExpected({ a: ['x', 'x'] }, { a: ['x', 'y'] }).pass).toBe(false);
    expect(compareExpected({ a: [] }, { a: [] }).pass).toBe(true);
    expect(compareExpected({ a: [] }, { a: ['x'] }).pass).toBe(false);
    expect(compareExpected({ a: [1] }, { a: '1' }).pass).toBe(false);
  });

  it('compares nested objects recursively and allows extra keys at any level', () => {
    const expected = { points: { age: 1, lowWeight: 0 }, score: 1 };
    expect(
      compareExpected(expected, { points: { age: 1, lowWeight: 0, extra: 9 }, score: 1, explanation: {} })
        .pass,
    ).toBe(true);
    const result = compareExpected(expected, { points: { age: 2, lowWeight: 0 }, score: 1 });
    expect(result.pass).toBe(false);
    expect(result.mismatches).toEqual(['points.age: expected 1, got 2']);
  });

  it('fails a missing key, even when the expected value is null', () => {
    expect(compareExpected({ action: 'manualReview' }, {}).mismatches).toEqual([
      'action: expected "manualReview", got missing',
    ]);
    expect(compareExpected({ eligible: null }, {}).pass).toBe(false);
    expect(compareExpected({ eligible: null }, { eligible: null }).pass).toBe(true);
  });

  it('matches strings, booleans and null exactly', () => {
    expect(compareExpected({ s: 'treat' }, { s: 'Treat' }).pass).toBe(false);
    expect(compareExpected({ b: false }, { b: 0 }).pass).toBe(false);
    expect(compareExpected({ n: null }, { n: undefined }).pass).toBe(false);
    expect(compareExpected({ n: null }, { n: 0 }).pass).toBe(false);
    expect(compareExpected({ n: 0 }, { n: null }).pass).toBe(false);
  });

  it('compares arrays of objects element by element', () => {
    expect(compareExpected({ a: [{ k: 1 }, { k: 2 }] }, { a: [{ k: 1 }, { k: 2, x: 0 }] }).pass).toBe(true);
    expect(compareExpected({ a: [{ k: 1 }, { k: 2 }] }, { a: [{ k: 2 }, { k: 1 }] }).pass).toBe(false);
  });
});
