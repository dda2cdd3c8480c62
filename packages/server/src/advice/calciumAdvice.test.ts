import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, FOOD_CODES, parseClinicalConfig } from '@osteopad/clinical';
import { CALCIUM_FOOD_CODES, calciumAdviceBody, type CalciumAdviceBody } from '@osteopad/contract';
import { DomainError } from '../domain/errors';
import { adviseCalcium, calciumFoods, shortfallPortions, type CalciumAdviceRequest } from './calciumAdvice';

const request = (body: Partial<CalciumAdviceBody>): CalciumAdviceRequest =>
  calciumAdviceBody.parse({ ageYears: 60, sex: 'female', servings: {}, ...body });

function refusal(run: () => unknown): { field: string; code: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.issues[0] ?? { field: '', code: '' };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the calcium food table', () => {
  it('has the engine’s food codes, in the engine’s order', () => {
    expect([...CALCIUM_FOOD_CODES]).toEqual([...FOOD_CODES]);
  });

  it('answers the engine’s calcium per portion with R12.2 and its source', () => {
    const foods = calciumFoods(DEFAULT_CONFIG);
    expect(foods.foods).toContainEqual({ code: 'milkGlass', mgPerPortion: 180 });
    expect(foods.foods).toContainEqual({ code: 'wholemealBreadSlice', mgPerPortion: 11 });
    expect(foods.rules).toEqual([{ ruleId: 'R12.2', sources: ['S22/004'], marker: 'SOURCE', note: null }]);
  });

  it('follows a clinic’s own table', () => {
    const clinic = parseClinicalConfig({
      version: 'x',
      values: {
        'calcium.foodContentMg': {
          value: { ...DEFAULT_CONFIG.entries['calcium.foodContentMg'].value, milkGlass: 164 },
        },
      },
    });
    expect(calciumFoods(clinic).foods).toContainEqual({ code: 'milkGlass', mgPerPortion: 164 });
  });
});

describe('adviseCalcium (R12)', () => {
  it('gives the vector ca-07 answer: 860 mg against 1100 at 60, short by 240', () => {
    const advice = adviseCalcium(
      request({ servings: { milkGlass: 2, cheeseSlice: 2, yoghurtPot: 1 } }),
      DEFAULT_CONFIG,
    );
    expect(advice).toMatchObject({
      intakeMg: 860,
      requirementMgPerDay: 1100,
      requirementBasis: 'age',
      meetsRequirement: false,
      shortfallMg: 240,
      exceedsUpperLimit: false,
      lowIntakeRiskFactor: false,
    });
    // 240 mg: 2 pots of yoghurt (190), 2 glasses of milk (180), 2 bowls of porridge (175).
    expect(advice.shortfallPortions).toEqual([
      { food: 'yoghurtPot', portions: 2 },
      { food: 'milkGlass', portions: 2 },
      { food: 'porridgeBowl', portions: 2 },
    ]);
    expect(advice.rules.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['R12.1', 'R12.2']));
    expect(advice.conflicts).toEqual(['C9']);
    // The supplement dose is a gap of RULES.md unless the clinic sets one.
    expect(advice.supplement).toMatchObject({
      status: 'notCovered',
      supplementMgPerDay: null,
      ruleId: 'R12.2',
    });
  });

  it('gives the vector ca-09 answer: over the upper limit with tablets counted', () => {
    const advice = adviseCalcium(
      request({ ageYears: 66, servings: { milkGlass: 8, cheeseSlice: 4 }, supplementMgPerDay: 500 }),
      DEFAULT_CONFIG,
    );
    expect(advice).toMatchObject({
      intakeMg: 2560,
      upperLimitMgPerDay: 2500,
      meetsRequirement: true,
      shortfallMg: 0,
      shortfallPortions: [],
      exceedsUpperLimit: true,
      supplement: null,
    });
  });

  it('gives the vector ca-10 answer: below 500 mg is a risk factor', () => {
    const advice = adviseCalcium(
      request({
        ageYears: 80,
        servings: {
          milkGlass: 1,
          cheeseSlice: 1,
          cookedVegetablesSpoon: 2,
          wholemealBreadSlice: 4,
          mixedNutsHandful: 1,
        },
      }),
      DEFAULT_CONFIG,
    );
    expect(advice).toMatchObject({
      intakeMg: 443,
      requirementMgPerDay: 1200,
      lowIntakeRiskFactor: true,
      lowIntakeBelowMg: 500,
      shortfallMg: 757,
    });
    expect(advice.shortfallPortions[0]).toEqual({ food: 'yoghurtPot', portions: 4 });
  });

  it('uses the pregnancy and breastfeeding rows', () => {
    const pregnant = adviseCalcium(request({ ageYears: 30, pregnant: true }), DEFAULT_CONFIG);
    expect(pregnant).toMatchObject({ requirementMgPerDay: 1000, requirementBasis: 'pregnant' });
    const nursing = adviseCalcium(request({ ageYears: 55, breastfeeding: true }), DEFAULT_CONFIG);
    expect(nursing).toMatchObject({ requirementMgPerDay: 1000, requirementBasis: 'breastfeeding' });
  });

  it('refuses an age the rules do not cover, at the age field', () => {
    expect(refusal(() => adviseCalcium(request({ ageYears: 18 }), DEFAULT_CONFIG))).toMatchObject({
      field: 'body.ageYears',
      code: 'not_covered',
    });
    expect(adviseCalcium(request({ ageYears: 19 }), DEFAULT_CONFIG).requirementMgPerDay).toBe(1000);
  });

  it('refuses pregnancy or breastfeeding for a man, at that field', () => {
    expect(refusal(() => adviseCalcium(request({ sex: 'male', pregnant: true }), DEFAULT_CONFIG))).toEqual(
      expect.objectContaining({ field: 'body.pregnant', code: 'inconsistent' }),
    );
    expect(
      refusal(() => adviseCalcium(request({ sex: 'male', breastfeeding: true }), DEFAULT_CONFIG)),
    ).toEqual(expect.objectContaining({ field: 'body.breastfeeding', code: 'inconsistent' }));
  });

  it('answers a configured supplement dose with its unconfirmed marker', () => {
    const clinic = parseClinicalConfig({
      version: 'x',
      values: { 'calcium.supplementDoseMg': { value: 500 } },
    });
    const advice = adviseCalcium(request({ servings: { milkGlass: 1 } }), clinic);
    expect(advice.supplement).toMatchObject({ status: 'ok', supplementMgPerDay: 500 });
    expect(advice.supplement?.rules[0]?.marker).toBe('UNCONFIRMED');
  });
});

describe('shortfallPortions', () => {
  const table = DEFAULT_CONFIG.entries['calcium.foodContentMg'].value;

  it('is empty when nothing is short', () => {
    expect(shortfallPortions(0, table)).toEqual([]);
  });

  it('rounds up: 181 mg is 2 glasses of milk, 180 mg is 1', () => {
    expect(shortfallPortions(181, table)).toContainEqual({ food: 'milkGlass', portions: 2 });
    expect(shortfallPortions(180, table)).toContainEqual({ food: 'milkGlass', portions: 1 });
  });
});
