import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import {
  classifyBmd,
  diagnosticSites,
  roundTScore,
  scoreFromBmd,
  tScoreLeqMinus1ForNhgAndLab,
  usesZScore,
  whoCategory,
  youngAdultReference,
  zScoreCategory,
  type BmdClassification,
} from './densitometry';
import { ClinicalInputError } from './errors';
import type { InsufficientData } from './explanation';

function ok(result: BmdClassification | InsufficientData): BmdClassification {
  if (result.status !== 'ok') throw new Error(`expected a classification, got ${result.status}`);
  return result;
}

describe('R4.2 WHO categories with R4.3 rounding', () => {
  it.each([
    [-0.9, 'normal'],
    [-1.0, 'normal'],
    [-1.04, 'normal'],
    [-1.05, 'osteopenia'],
    [-1.1, 'osteopenia'],
    [-2.4, 'osteopenia'],
    [-2.44, 'osteopenia'],
    [-2.45, 'osteoporosis'],
    [-2.5, 'osteoporosis'],
    [-4, 'osteoporosis'],
    [1.2, 'normal'],
  ])('T %d → %s', (t, category) => {
    expect(whoCategory(t, false)).toBe(category);
  });

  it('labels T ≤ −2.5 with a fragility fracture as severe [UNCONFIRMED], configurable', () => {
    expect(whoCategory(-2.5, true)).toBe('severeOsteoporosis');
    expect(whoCategory(-2.4, true)).toBe('osteopenia');
    const off = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.reportSevereOsteoporosis': false },
    });
    expect(whoCategory(-3, true, off)).toBe('osteoporosis');
  });

  it('can use the NHG 2012 binary label (C18)', () => {
    const nhg = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.diagnosticScheme': 'NHG2012binary' },
    });
    expect(whoCategory(-2.4, false, nhg)).toBe('normal');
    expect(whoCategory(-2.5, true, nhg)).toBe('osteoporosis');
  });

  it('counts −1.0 as "≤ −1.0" for the NHG table and lab by default (C5)', () => {
    expect(tScoreLeqMinus1ForNhgAndLab(-1.0)).toBe(true);
    expect(tScoreLeqMinus1ForNhgAndLab(-0.96)).toBe(true);
    expect(tScoreLeqMinus1ForNhgAndLab(-0.9)).toBe(false);
    const who = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.minusOneHandling': 'normalEverywhere' },
    });
    expect(tScoreLeqMinus1ForNhgAndLab(-1.0, who)).toBe(false);
    expect(tScoreLeqMinus1ForNhgAndLab(-1.1, who)).toBe(true);
  });
});

describe('R4.3 / R4.4 scores computed from BMD', () => {
  it('rounds (0.558 − 0.858) / 0.120 to −2.5 → osteoporosis', () => {
    const score = scoreFromBmd(0.558, { meanGcm2: 0.858, sdGcm2: 0.12 });
    expect(score.scoreRaw).toBeGreaterThan(-2.5);
    expect(score.scoreRounded).toBe(-2.5);
    expect(whoCategory(score.scoreRounded, false)).toBe('osteoporosis');
  });

  it('rounds −0.9917 to −1.0 → normal', () => {
    const score = scoreFromBmd(0.739, { meanGcm2: 0.858, sdGcm2: 0.12 });
    expect(score.scoreRounded).toBe(-1.0);
    expect(whoCategory(score.scoreRounded, false)).toBe('normal');
  });

  it('uses the configured NHANES III constants [UNCONFIRMED] for neck and total hip only', () => {
    const hip = youngAdultReference('totalHip', 'female');
    expect(hip).toMatchObject({ status: 'ok', reference: { meanGcm2: 0.942, sdGcm2: 0.122 } });
    if (hip.status === 'ok') expect(hip.explanation.rules.some((r) => r.marker === 'UNCONFIRMED')).toBe(true);
    expect(youngAdultReference('lumbarSpine', 'female').status).toBe('notCovered');
    const neck = youngAdultReference('femoralNeck', 'male');
    expect(neck.status).toBe('ok');
    const male = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.menReferencePopulation': 'male' },
    });
    expect(youngAdultReference('femoralNeck', 'male', male).status).toBe('notCovered');
  });

  it('rejects an impossible BMD or SD', () => {
    expect(() => scoreFromBmd(-0.2, { meanGcm2: 0.858, sdGcm2: 0.12 })).toThrow(ClinicalInputError);
    expect(() => scoreFromBmd(0.7, { meanGcm2: 0.858, sdGcm2: 0 })).toThrow(ClinicalInputError);
  });
});

describe('R4.1 lowest valid site', () => {
  it('takes the lowest rounded T-score of spine, total hip and neck', () => {
    const result = ok(
      classifyBmd({
        tScores: { lumbarSpine: -1.2, totalHip: -2.6, femoralNeck: -2.0 },
        hasFragilityFracture: false,
      }),
    );
    expect(result).toMatchObject({
      lowestSite: 'totalHip',
      lowestTScore: -2.6,
      category: 'osteoporosis',
      tScoreLeqMinus1ForNhgAndLab: true,
    });
  });

  it('reports the first site in R4.1 order on a tie', () => {
    expect(
      ok(
        classifyBmd({
          tScores: { lumbarSpine: -2.5, totalHip: -2.1, femoralNeck: -2.5 },
          hasFragilityFracture: false,
        }),
      ).lowestSite,
    ).toBe('lumbarSpine');
    expect(
      ok(classifyBmd({ tScores: { totalHip: -1.96, femoralNeck: -2.0 }, hasFragilityFracture: false }))
        .lowestSite,
    ).toBe('totalHip');
  });

  it('uses the 33 % radius only when hip or spine is unusable [UNCONFIRMED]', () => {
    expect(diagnosticSites({ lumbarSpine: -1, totalHip: -1, femoralNeck: -1, radius33: -3 })).toEqual([
      'lumbarSpine',
      'totalHip',
      'femoralNeck',
    ]);
    expect(diagnosticSites({ lumbarSpine: -1, radius33: -3 })).toEqual(['lumbarSpine', 'radius33']);
    const result = ok(
      classifyBmd({ tScores: { totalHip: -1.5, radius33: -2.7 }, hasFragilityFracture: false }),
    );
    expect(result).toMatchObject({ lowestSite: 'radius33', category: 'osteoporosis' });
    const off = parseClinicalConfig({
      version: 't',
      values: { 'densitometry.useRadius33AsFallback': false },
    });
    expect(
      ok(classifyBmd({ tScores: { totalHip: -1.5, radius33: -2.7 }, hasFragilityFracture: false }, off))
        .lowestSite,
    ).toBe('totalHip');
  });

  it('answers insufficientData without any T-score', () => {
    expect(classifyBmd({ tScores: {}, hasFragilityFracture: false })).toMatchObject({
      status: 'insufficientData',
      missing: ['dxa.tScore'],
    });
  });

  it('rejects T-scores outside −10…+10', () => {
    expect(() => classifyBmd({ tScores: { lumbarSpine: -10.5 }, hasFragilityFracture: false })).toThrow(
      expect.objectContaining({ field: 'tScores.lumbarSpine', reason: 'outOfRange' }) as Error,
    );
  });
});

describe('R4.5 Z-scores', () => {
  it('Z ≤ −2.0 is below the expected range; Z > −2.0 is within it', () => {
    expect(zScoreCategory(-2.0)).toBe('belowExpectedRangeForAge');
    expect(zScoreCategory(-2.04)).toBe('belowExpectedRangeForAge');
    expect(zScoreCategory(-1.96)).toBe('belowExpectedRangeForAge');
    expect(zScoreCategory(-1.9)).toBe('withinExpectedRangeForAge');
    expect(zScoreCategory(0.5)).toBe('withinExpectedRangeForAge');
  });

  it('applies to premenopausal women and men under 50', () => {
    expect(usesZScore({ sex: 'male', ageYears: 49, menopausalStatus: 'unknown' })).toBe(true);
    expect(usesZScore({ sex: 'male', ageYears: 50, menopausalStatus: 'unknown' })).toBe(false);
    expect(usesZScore({ sex: 'female', ageYears: 45, menopausalStatus: 'premenopausal' })).toBe(true);
    expect(usesZScore({ sex: 'female', ageYears: 48, menopausalStatus: 'perimenopausal' })).toBe(false);
    expect(usesZScore({ sex: 'female', ageYears: 60, menopausalStatus: 'postmenopausal' })).toBe(false);
    expect(usesZScore({ sex: 'female', ageYears: 60, menopausalStatus: 'unknown' })).toBeNull();
  });

  it('gives no WHO label in the Z-score population', () => {
    const result = ok(
      classifyBmd({
        tScores: { lumbarSpine: -2.8 },
        zScores: { lumbarSpine: -2.1 },
        hasFragilityFracture: false,
        population: { sex: 'male', ageYears: 45, menopausalStatus: 'unknown' },
      }),
    );
    expect(result).toMatchObject({
      useZScore: true,
      whoTScoreCategoryApplicable: false,
      category: null,
      zCategory: 'belowExpectedRangeForAge',
      lowestTScore: -2.8,
    });
  });

  it('asks for the menopausal status of a woman when it is unknown', () => {
    const result = ok(
      classifyBmd({
        tScores: { lumbarSpine: -2.8 },
        hasFragilityFracture: false,
        population: { sex: 'female', ageYears: 52, menopausalStatus: 'unknown' },
      }),
    );
    expect(result).toMatchObject({ category: null, useZScore: null, missing: ['menopausalStatus'] });
  });

  it('rounds like T-scores', () => {
    expect(roundTScore(-1.96)).toBe(-2.0);
  });
});
