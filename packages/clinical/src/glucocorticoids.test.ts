import { describe, expect, it } from 'vitest';
import { parseClinicalConfig } from './config';
import { giopRecommendation, type GiopInput } from './glucocorticoids';

const man: GiopInput = {
  sex: 'male',
  ageYears: 60,
  postmenopausal: null,
  prednisoneEqMgPerDay: 10,
  expectedDurationMonths: 6,
  prevalentFracture: false,
};

describe('R9 GIOP', () => {
  it('considers prophylaxis when use is expected to last more than 3 months', () => {
    expect(giopRecommendation({ ...man, expectedDurationMonths: 3 })).toMatchObject({
      considerProphylaxis: false,
    });
    expect(giopRecommendation({ ...man, expectedDurationMonths: 3.5 })).toMatchObject({
      considerProphylaxis: true,
    });
  });

  it('7.5–15 mg inclusive: men under 70 → DXA first, over 70 → treat', () => {
    expect(giopRecommendation({ ...man, prednisoneEqMgPerDay: 7.5 })).toMatchObject({
      recommendation: 'dxaThenDecide',
    });
    expect(giopRecommendation({ ...man, prednisoneEqMgPerDay: 15 })).toMatchObject({
      recommendation: 'dxaThenDecide',
    });
    expect(giopRecommendation({ ...man, ageYears: 69 })).toMatchObject({ recommendation: 'dxaThenDecide' });
    expect(giopRecommendation({ ...man, ageYears: 71 })).toMatchObject({ recommendation: 'treat' });
  });

  it('C14: a man of exactly 70 follows the treat branch by default, flagged', () => {
    const result = giopRecommendation({ ...man, ageYears: 70 });
    expect(result).toMatchObject({ recommendation: 'treat' });
    expect(result.explanation.conflicts).toContain('C14');
    expect(result.explanation.rules.some((r) => r.marker === 'INFERRED')).toBe(true);
    const dxa = parseClinicalConfig({
      version: 't',
      values: { 'glucocorticoids.manAtBoundaryBranch': 'dxaThenDecide' },
    });
    expect(giopRecommendation({ ...man, ageYears: 70 }, dxa)).toMatchObject({
      recommendation: 'dxaThenDecide',
    });
  });

  it('women: postmenopausal → treat, premenopausal → DXA first, unknown → insufficient', () => {
    const woman = { ...man, sex: 'female' as const };
    expect(giopRecommendation({ ...woman, postmenopausal: true, ageYears: 52 })).toMatchObject({
      recommendation: 'treat',
    });
    expect(giopRecommendation({ ...woman, postmenopausal: false, ageYears: 75 })).toMatchObject({
      recommendation: 'dxaThenDecide',
    });
    expect(giopRecommendation({ ...woman, postmenopausal: null })).toMatchObject({
      status: 'insufficientData',
      missing: ['postmenopausal'],
    });
  });

  it('> 15 mg or a prevalent fracture → treat whatever the age', () => {
    expect(giopRecommendation({ ...man, ageYears: 45, prednisoneEqMgPerDay: 15.1 })).toMatchObject({
      recommendation: 'treat',
    });
    expect(
      giopRecommendation({ ...man, ageYears: 45, prednisoneEqMgPerDay: 2.5, prevalentFracture: true }),
    ).toMatchObject({ recommendation: 'treat' });
  });

  it('< 7.5 mg without fracture has no specific GIOP rule', () => {
    expect(giopRecommendation({ ...man, prednisoneEqMgPerDay: 7.4 })).toMatchObject({
      recommendation: 'noSpecificGiopRule',
    });
  });
});
