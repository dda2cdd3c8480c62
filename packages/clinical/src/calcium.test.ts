import { describe, expect, it } from 'vitest';
import { assessCalcium, calciumRequirement, type CalciumAssessment, type Servings } from './calcium';
import { parseClinicalConfig } from './config';
import type { NotCovered } from './explanation';

function ok(result: CalciumAssessment | NotCovered): CalciumAssessment {
  if (result.status !== 'ok') throw new Error('expected an assessment');
  return result;
}

describe('R12.1 requirement', () => {
  it.each([
    [19, 1000],
    [50, 1000],
    [51, 1100],
    [70, 1100],
    [71, 1200],
    [100, 1200],
  ])('age %i → %i mg/day, upper limit 2500', (ageYears, mg) => {
    expect(calciumRequirement({ ageYears })).toMatchObject({
      status: 'ok',
      requirementMgPerDay: mg,
      upperLimitMgPerDay: 2500,
    });
  });

  it('pregnancy and breastfeeding: 1000 mg/day', () => {
    expect(calciumRequirement({ ageYears: 30, pregnant: true })).toMatchObject({ requirementMgPerDay: 1000 });
    expect(calciumRequirement({ ageYears: 30, lactating: true })).toMatchObject({
      requirementMgPerDay: 1000,
    });
  });

  it('does not cover ages under 19', () => {
    expect(calciumRequirement({ ageYears: 18 })).toMatchObject({ status: 'notCovered', ruleId: 'R12.1' });
  });

  it('follows a configured table (C9)', () => {
    const gr2018 = parseClinicalConfig({
      version: 't',
      values: { 'calcium.requirementByAge': [{ minAgeYears: 25, maxAgeYears: 50, mgPerDay: 950 }] },
    });
    expect(calciumRequirement({ ageYears: 40 }, gr2018)).toMatchObject({ requirementMgPerDay: 950 });
    expect(calciumRequirement({ ageYears: 60 }, gr2018).status).toBe('notCovered');
  });
});

describe('R12.2 intake', () => {
  it('adds servings from the food table', () => {
    // 2 × milk 180 + 1 × yoghurt 190 + 2 × cheese 155 = 860
    expect(
      ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 2, yoghurtPot: 1, cheeseSlice: 2 } })),
    ).toMatchObject({
      intakeMg: 860,
      meetsRequirement: false,
      shortfallMg: 240,
      lowIntakeRiskFactor: false,
    });
  });

  it('meets the requirement at exactly the requirement', () => {
    // 4 × milk 180 + 2 × yoghurt 190 = 1100
    expect(ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 4, yoghurtPot: 2 } }))).toMatchObject({
      intakeMg: 1100,
      meetsRequirement: true,
      shortfallMg: 0,
    });
  });

  it('exceeds the upper limit above 2500 mg including supplements, not at 2500', () => {
    expect(
      ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 10 }, supplementMg: 700 })).exceedsUpperLimit,
    ).toBe(false);
    expect(
      ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 10 }, supplementMg: 701 })).exceedsUpperLimit,
    ).toBe(true);
  });

  it('flags an intake below 500 mg as a risk factor, not 500', () => {
    // 2 × milk 180 = 360, plus 139 or 140 mg from a supplement
    expect(
      ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 2 }, supplementMg: 139 })).lowIntakeRiskFactor,
    ).toBe(true);
    expect(
      ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 2 }, supplementMg: 140 })).lowIntakeRiskFactor,
    ).toBe(false);
  });

  it('leaves the supplement dose as a gap unless the clinic configures one', () => {
    expect(ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 1 } })).supplement).toMatchObject({
      status: 'notCovered',
    });
    const config = parseClinicalConfig({
      version: 't',
      values: { 'calcium.supplementDoseMg': { value: 500, confirmedBy: 'protocol 2025' } },
    });
    expect(ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 1 } }, config)).supplement).toMatchObject({
      status: 'ok',
      supplementMgPerDay: 500,
    });
    expect(ok(assessCalcium({ ageYears: 60, servings: { milkGlass: 8 } })).supplement).toBeUndefined();
  });

  it('rejects negative portions and unknown foods', () => {
    expect(() => assessCalcium({ ageYears: 60, servings: { milkGlass: -1 } })).toThrow(
      expect.objectContaining({ field: 'servings.milkGlass', reason: 'outOfRange' }) as Error,
    );
    expect(() => assessCalcium({ ageYears: 60, servings: { chocolate: 1 } as unknown as Servings })).toThrow(
      expect.objectContaining({ field: 'servings.chocolate', reason: 'unknownField' }) as Error,
    );
  });
});
