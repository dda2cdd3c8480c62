import { assessCalcium, explain, rule, type ClinicalConfig, type FoodCode } from '@osteopad/clinical';
import {
  CALCIUM_FOOD_CODES,
  MAX_PORTIONS_PER_FOOD,
  PORTION_STEP,
  type CalciumAdvice,
  type CalciumFoods,
  type calciumAdviceBody,
} from '@osteopad/contract';
import type { z } from 'zod/mini';
import { invalid } from '../domain/errors';
import { ruleViews } from '../labResults/labEngine';
import { refuseInconsistentSituation, withEngineInput } from './engineInput';

/*
 * R12 for the calculator: the engine decides the requirement, the intake, the upper limit and the low-intake
 * risk factor (assessCalcium); this module only words the shortfall in portions of the engine's own food table.
 */

export type CalciumAdviceRequest = z.output<typeof calciumAdviceBody>;

/** How many foods the shortfall is shown in ("2 glasses of milk, or 2 pots of yoghurt …"). */
export const SHORTFALL_EXAMPLES = 3;

const ENGINE_FIELDS = { lactating: 'breastfeeding', supplementMg: 'supplementMgPerDay' } as const;

function foodTable(config: ClinicalConfig): Readonly<Record<FoodCode, number>> {
  return config.entries['calcium.foodContentMg'].value;
}

/** The food table the engine computes with (R12.2), in the calculator's order. */
export function calciumFoods(config: ClinicalConfig): CalciumFoods {
  const table = foodTable(config);
  const entry = config.entries['calcium.foodContentMg'];
  return {
    foods: CALCIUM_FOOD_CODES.map((code) => ({ code, mgPerPortion: table[code] })),
    maxPortionsPerFood: MAX_PORTIONS_PER_FOOD,
    portionStep: PORTION_STEP,
    rules: ruleViews(explain([rule('R12.2', ['S22/004'], entry.marker)], ['calcium.foodContentMg'])),
  };
}

/**
 * The shortfall as whole portions of single foods: the foods with the most calcium per portion first, each
 * with the portions (rounded up) that alone would cover it. Arithmetic on the engine's table, no rule.
 */
export function shortfallPortions(
  shortfallMg: number,
  table: Readonly<Record<FoodCode, number>>,
): { food: FoodCode; portions: number }[] {
  if (shortfallMg <= 0) return [];
  return CALCIUM_FOOD_CODES.filter((food) => table[food] > 0)
    .sort((a, b) => table[b] - table[a])
    .slice(0, SHORTFALL_EXAMPLES)
    .map((food) => ({ food, portions: Math.ceil(shortfallMg / table[food]) }));
}

/** `POST /api/advice/calcium`: the engine's R12 assessment of these portions for this person. */
export function adviseCalcium(body: CalciumAdviceRequest, config: ClinicalConfig): CalciumAdvice {
  refuseInconsistentSituation(body);
  const result = withEngineInput(ENGINE_FIELDS, () =>
    assessCalcium(
      {
        ageYears: body.ageYears,
        pregnant: body.pregnant,
        lactating: body.breastfeeding,
        servings: body.servings,
        supplementMg: body.supplementMgPerDay,
      },
      config,
    ),
  );
  if (result.status === 'notCovered') {
    // R12.1's table starts at 19 years: the engine says so, and the calculator refuses the age at its field.
    throw invalid('body.ageYears', `The calcium rules do not cover this age (${result.gap}).`, 'not_covered');
  }
  const { intakeMg, meetsRequirement, exceedsUpperLimit, lowIntakeRiskFactor, shortfallMg } = result;
  if (
    intakeMg === undefined ||
    meetsRequirement === undefined ||
    exceedsUpperLimit === undefined ||
    lowIntakeRiskFactor === undefined ||
    shortfallMg === undefined
  ) {
    throw new Error('assessCalcium answered without an intake although servings were given');
  }
  const supplement = result.supplement;
  return {
    intakeMg,
    requirementMgPerDay: result.requirementMgPerDay,
    // The engine's precedence (calciumRequirement): pregnancy, then breastfeeding, then the age band.
    requirementBasis: body.pregnant ? 'pregnant' : body.breastfeeding ? 'breastfeeding' : 'age',
    upperLimitMgPerDay: result.upperLimitMgPerDay,
    meetsRequirement,
    shortfallMg,
    shortfallPortions: shortfallPortions(shortfallMg, foodTable(config)),
    exceedsUpperLimit,
    lowIntakeRiskFactor,
    lowIntakeBelowMg: config.entries['calcium.lowIntakeRiskFactorBelowMg'].value,
    supplement:
      supplement === undefined
        ? null
        : supplement.status === 'ok'
          ? {
              status: 'ok',
              supplementMgPerDay: supplement.supplementMgPerDay,
              ruleId: 'R12.2',
              rules: ruleViews(supplement.explanation),
            }
          : {
              status: 'notCovered',
              supplementMgPerDay: null,
              ruleId: supplement.ruleId,
              rules: ruleViews(supplement.explanation),
            },
    rules: ruleViews(result.explanation),
    conflicts: [...result.explanation.conflicts],
  };
}
