import { describe, expect, it } from 'vitest';
import { VFA_CATEGORIES, type NhgRiskGroup, type VfaCategory } from './codes';
import { parseClinicalConfig } from './config';
import {
  tScoreBin,
  treatmentIndication,
  treatmentIndicationForGroups,
  type TScoreBin,
} from './treatmentIndication';

// The NHG table of RULES.md R8.1, written out independently: columns none, grade1, grade2_single, grade2_multiple, grade3.
const N = 'noTreatment';
const T = 'treat';
const R = 'refer';
const X = 'notCovered';
const TABLE: Record<TScoreBin, Record<NhgRiskGroup, readonly string[]>> = {
  A: { 1: [N, N, N, N, N], 2: [N, N, N, N, N], 3: [N, N, N, N, N] },
  B: { 1: [N, N, T, T, T], 2: [N, N, T, T, T], 3: [N, N, T, T, T] },
  C: { 1: [N, N, T, R, R], 2: [N, N, T, R, R], 3: [N, N, T, R, R] },
  D: { 1: [N, N, T, R, R], 2: [T, T, T, R, R], 3: [N, N, X, X, X] },
  E: { 1: [T, T, T, R, R], 2: [T, T, T, R, R], 3: [T, T, T, R, R] },
};
const SAMPLES: Record<TScoreBin, readonly number[]> = {
  A: [0.5, -0.9, -0.95 + 0.01],
  B: [-1.0, -1.2, -1.44],
  C: [-1.5, -1.7, -1.94],
  D: [-2.0, -2.2, -2.44],
  E: [-2.45, -2.5, -3.8],
};

describe('R8.1 T-score bins', () => {
  it.each([
    [-0.94, 'A'],
    [-0.95, 'B'],
    [-1.0, 'B'],
    [-1.44, 'B'],
    [-1.45, 'C'],
    [-1.5, 'C'],
    [-2.0, 'D'],
    [-2.4, 'D'],
    [-2.5, 'E'],
  ])('T %d → bin %s', (t, bin) => {
    expect(tScoreBin(t)).toBe(bin);
  });

  it('follows the inclusive "tot" reading and the C5 reading of −1.0 when configured', () => {
    const inclusive = parseClinicalConfig({
      version: 't',
      values: { 'treatmentIndication.binReading': 'totInclusiveLowerEnd' },
    });
    expect(tScoreBin(-1.5, inclusive)).toBe('B');
    expect(tScoreBin(-2.0, inclusive)).toBe('C');
    expect(tScoreBin(-2.1, inclusive)).toBe('D');
    expect(tScoreBin(-2.5, inclusive)).toBe('E');
    const who = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.minusOneHandling': 'normalEverywhere' },
    });
    expect(tScoreBin(-1.0, who)).toBe('A');
  });
});

describe('R8.1 every cell of the NHG table', () => {
  for (const bin of ['A', 'B', 'C', 'D', 'E'] as const) {
    for (const group of [1, 2, 3] as const) {
      VFA_CATEGORIES.forEach((vfa, column) => {
        const expected = TABLE[bin][group][column];
        it(`bin ${bin}, group ${group}, ${vfa} → ${expected ?? '?'}`, () => {
          for (const t of SAMPLES[bin]) {
            const result = treatmentIndication({ nhgRiskGroup: group, lowestTScore: t, vfaCategory: vfa });
            expect(result.tScoreBin).toBe(bin);
            if (expected === X) {
              expect(result).toMatchObject({ status: 'notCovered', ruleId: 'R8.1', advice: null });
            } else {
              expect(result).toMatchObject({ status: 'ok', advice: expected });
            }
          }
        });
      });
    }
  }

  it('marks row E as INFERRED', () => {
    const result = treatmentIndication({ nhgRiskGroup: 1, lowestTScore: -2.5, vfaCategory: 'none' });
    expect(result.explanation.rules.some((r) => r.ruleId === 'R8.1' && r.marker === 'INFERRED')).toBe(true);
    expect(result.explanation.configKeys).toContain('treatmentIndication.binE.none');
  });
});

describe('R8.1 configuration', () => {
  it('C6: treats a vertebral fracture with T > −1.0 when configured', () => {
    expect(treatmentIndication({ nhgRiskGroup: 1, lowestTScore: -0.5, vfaCategory: 'grade1' }).advice).toBe(
      'noTreatment',
    );
    const c6 = parseClinicalConfig({
      version: 't',
      values: { 'treatmentIndication.vertebralFractureWithTAboveMinus1': 'treat' },
    });
    const result = treatmentIndication({ nhgRiskGroup: 1, lowestTScore: -0.5, vfaCategory: 'grade1' }, c6);
    expect(result.advice).toBe('treat');
    expect(result.explanation.conflicts).toContain('C6');
    expect(treatmentIndication({ nhgRiskGroup: 1, lowestTScore: -0.5, vfaCategory: 'none' }, c6).advice).toBe(
      'noTreatment',
    );
  });

  it('† cells follow group 1 when the clinic confirms that reading', () => {
    const follow = parseClinicalConfig({
      version: 't',
      values: { 'treatmentIndication.binDGroup3Grade2OrWorse': 'followGroup1' },
    });
    expect(
      treatmentIndication({ nhgRiskGroup: 3, lowestTScore: -2.2, vfaCategory: 'grade3' }, follow),
    ).toMatchObject({ status: 'ok', advice: 'refer' });
  });

  it('row E cells can be changed', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'treatmentIndication.binE.grade2_multiple': 'treat' },
    });
    expect(
      treatmentIndication({ nhgRiskGroup: 2, lowestTScore: -3, vfaCategory: 'grade2_multiple' }, config)
        .advice,
    ).toBe('treat');
  });
});

describe('R8.1 with several risk groups', () => {
  it('takes the most intensive advice by default', () => {
    expect(treatmentIndicationForGroups([1, 2], -2.2, 'none')).toMatchObject({
      status: 'ok',
      advice: 'treat',
      nhgRiskGroup: 2,
    });
    expect(treatmentIndicationForGroups([1, 3], -2.2, 'grade2_single')).toMatchObject({
      status: 'ok',
      advice: 'treat',
      nhgRiskGroup: 1,
    });
    expect(treatmentIndicationForGroups([3], -2.2, 'grade2_single').status).toBe('notCovered');
  });

  it('can use the lowest group number instead', () => {
    const config = parseClinicalConfig({
      version: 't',
      values: { 'treatmentIndication.multipleGroupsPolicy': 'lowestGroupNumber' },
    });
    expect(treatmentIndicationForGroups([1, 2], -2.2, 'none', config).advice).toBe('noTreatment');
  });

  it('is not covered for a patient in no risk group', () => {
    expect(treatmentIndicationForGroups([], -3, 'grade3')).toMatchObject({
      status: 'notCovered',
      tScoreBin: 'E',
    });
  });

  it('rejects an unknown group or category', () => {
    expect(() =>
      treatmentIndication({ nhgRiskGroup: 4 as NhgRiskGroup, lowestTScore: -2, vfaCategory: 'none' }),
    ).toThrow(expect.objectContaining({ field: 'nhgRiskGroup' }) as Error);
    expect(() =>
      treatmentIndication({ nhgRiskGroup: 1, lowestTScore: -2, vfaCategory: 'grade4' as VfaCategory }),
    ).toThrow(expect.objectContaining({ field: 'vfaCategory' }) as Error);
  });
});
