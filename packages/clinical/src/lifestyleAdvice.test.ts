import { describe, expect, it } from 'vitest';
import {
  LIFESTYLE_ADVICE_CODES,
  LIFESTYLE_ADVICE_CONDITIONS,
  selectLifestyleAdvice,
  type LifestyleContext,
} from './lifestyleAdvice';

const nothing: LifestyleContext = {
  calciumIntakeBelowRequirement: false,
  vitaminDAdvised: false,
  smoker: false,
  alcoholUnitsPerDay: 0,
  fallPreventionIndicated: false,
  fallRiskIncreasingMedication: false,
  drug: null,
  vertebralFracture: false,
  recentFracture: false,
  inPaidWork: false,
  frail: false,
};

describe('R14 lifestyle advice', () => {
  it('documents a condition for every code', () => {
    expect(LIFESTYLE_ADVICE_CONDITIONS.map((c) => c.code)).toEqual([...LIFESTYLE_ADVICE_CODES]);
  });

  it('always advises weight-bearing exercise', () => {
    expect(selectLifestyleAdvice(nothing).codes).toEqual(['exercise_weight_bearing']);
  });

  it.each<[Partial<LifestyleContext>, string]>([
    [{ calciumIntakeBelowRequirement: true }, 'calcium_diet'],
    [{ vitaminDAdvised: true }, 'vitamin_d'],
    [{ smoker: true }, 'stop_smoking'],
    [{ alcoholUnitsPerDay: 4 }, 'limit_alcohol'],
    [{ fallPreventionIndicated: true }, 'fall_prevention_home'],
    [{ fallPreventionIndicated: true, fallRiskIncreasingMedication: true }, 'medication_review_falls'],
    [{ drug: 'alendronate' }, 'dental_hygiene'],
    [{ drug: 'denosumab' }, 'dental_hygiene'],
    [{ vertebralFracture: true }, 'pain_management'],
    [{ recentFracture: true, inPaidWork: true }, 'work_and_load'],
    [{ frail: true }, 'hip_protector'],
  ])('%j selects %s', (change, code) => {
    expect(selectLifestyleAdvice({ ...nothing, ...change }).codes).toContain(code);
  });

  it('does not select on the boundary or for other drugs', () => {
    expect(selectLifestyleAdvice({ ...nothing, alcoholUnitsPerDay: 3 }).codes).not.toContain('limit_alcohol');
    expect(selectLifestyleAdvice({ ...nothing, drug: 'teriparatide' }).codes).not.toContain('dental_hygiene');
    expect(selectLifestyleAdvice({ ...nothing, fallPreventionIndicated: true }).codes).not.toContain(
      'medication_review_falls',
    );
    expect(selectLifestyleAdvice({ ...nothing, recentFracture: true }).codes).not.toContain('work_and_load');
  });

  it('lists unknown conditions as undetermined instead of guessing', () => {
    const result = selectLifestyleAdvice({
      ...nothing,
      smoker: null,
      calciumIntakeBelowRequirement: null,
      recentFracture: null,
      inPaidWork: null,
    });
    expect(result.codes).toEqual(['exercise_weight_bearing']);
    expect(result.undetermined).toEqual([
      { code: 'calcium_diet', missing: ['calciumIntake'] },
      { code: 'stop_smoking', missing: ['smoker'] },
      { code: 'work_and_load', missing: ['fractures', 'inPaidWork'] },
    ]);
  });

  it('explains every selected item', () => {
    const result = selectLifestyleAdvice({ ...nothing, alcoholUnitsPerDay: 5 });
    const item = result.items.find((i) => i.code === 'limit_alcohol');
    expect(item?.explanation.rules[0]?.ruleId).toBe('R14.5');
    expect(item?.explanation.conflicts).toContain('C13');
  });
});
