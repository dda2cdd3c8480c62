import { describe, expect, it } from 'vitest';
import { explain, isDecided, mergeExplanations, notCovered, rule } from './explanation';

describe('explanations', () => {
  it('merges rules, keys and conflicts without duplicates, keeping the first occurrence', () => {
    const a = explain(
      [rule('R4.2', ['S18']), rule('R4.3', ['RULES.md'])],
      ['densitometry.minusOneHandling'],
      ['C5'],
    );
    const b = explain(
      [rule('R4.2', ['S18']), rule('R8.1', ['S8'], 'INFERRED', 'row E')],
      ['densitometry.minusOneHandling', 'treatmentIndication.binE.none'],
      ['C5', 'C6'],
    );
    const merged = mergeExplanations(a, b);
    expect(merged.rules.map((r) => `${r.ruleId}:${r.marker}`)).toEqual([
      'R4.2:SOURCE',
      'R4.3:SOURCE',
      'R8.1:INFERRED',
    ]);
    expect(merged.configKeys).toEqual(['densitometry.minusOneHandling', 'treatmentIndication.binE.none']);
    expect(merged.conflicts).toEqual(['C5', 'C6']);
  });

  it('keeps a rule that appears with another marker or note', () => {
    const merged = mergeExplanations(
      explain([rule('R9.4', ['S5'])]),
      explain([rule('R9.4', ['S5'], 'INFERRED', 'C14')]),
    );
    expect(merged.rules).toHaveLength(2);
  });

  it('tells decided results from gaps', () => {
    expect(isDecided({ status: 'ok' })).toBe(true);
    expect(isDecided(notCovered('R8.1', 'gap', explain([])))).toBe(false);
    expect(isDecided({ status: 'insufficientData' })).toBe(false);
  });
});
