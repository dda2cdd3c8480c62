// R12 — calcium requirement by age and the intake from the food table (leaflet 004, GR 2000 values; C9).
import { FOOD_CODES, type FoodCode } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from './config';
import { explain, notCovered, rule, type Explanation, type NotCovered } from './explanation';
import {
  AGE_RANGE,
  asRecord,
  checkNumber,
  optionalBoolean,
  optionalNumber,
  rejectUnknownKeys,
  requireNumber,
  type InputRecord,
} from './validation';

export type Servings = Readonly<Partial<Record<FoodCode, number>>>;

export interface CalciumRequirementInput {
  readonly ageYears: number;
  readonly pregnant?: boolean;
  readonly lactating?: boolean;
}

export interface CalciumRequirement {
  readonly status: 'ok';
  readonly requirementMgPerDay: number;
  readonly upperLimitMgPerDay: number;
  readonly explanation: Explanation;
}

const R12_1 = rule('R12.1', ['S22/004', 'S45']);
const R12_2 = rule('R12.2', ['S22/004']);
const REQUIREMENT_KEYS: readonly ConfigKey[] = [
  'calcium.requirementByAge',
  'calcium.pregnantMgPerDay',
  'calcium.lactatingMgPerDay',
  'calcium.upperLimitMgPerDay',
];
const REQUIREMENT_EXPLANATION = explain([R12_1], REQUIREMENT_KEYS, ['C9']);

/** R12.1 on clean input. */
export function calciumRequirementUnchecked(
  input: CalciumRequirementInput,
  config: ClinicalConfig,
): CalciumRequirement | NotCovered {
  const band = config.entries['calcium.requirementByAge'].value.find(
    (b) => input.ageYears >= b.minAgeYears && (b.maxAgeYears === null || input.ageYears <= b.maxAgeYears),
  );
  if (band === undefined) {
    return notCovered(
      'R12.1',
      `no calcium requirement for age ${input.ageYears} in the source table (ages under 19 are out of scope)`,
      REQUIREMENT_EXPLANATION,
    );
  }
  // The leaflet lists pregnancy and breastfeeding as groups of their own; their row is used as printed.
  let requirement = band.mgPerDay;
  if (input.pregnant === true) requirement = config.entries['calcium.pregnantMgPerDay'].value;
  else if (input.lactating === true) requirement = config.entries['calcium.lactatingMgPerDay'].value;
  return {
    status: 'ok',
    requirementMgPerDay: requirement,
    upperLimitMgPerDay: config.entries['calcium.upperLimitMgPerDay'].value,
    explanation: REQUIREMENT_EXPLANATION,
  };
}

/**
 * R12.1: required intake 19–50 → 1000, 51–70 → 1100, ≥ 71 → 1200 mg/day, pregnancy and breastfeeding 1000;
 * upper limit 2500 (C9, configurable). Ages outside the table (under 19) are not covered.
 * @throws ClinicalInputError for out-of-range input.
 */
export function calciumRequirement(
  input: CalciumRequirementInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): CalciumRequirement | NotCovered {
  const record = asRecord(input, '');
  rejectUnknownKeys(record, ['ageYears', 'pregnant', 'lactating'], '');
  return calciumRequirementUnchecked(readRequirementInput(record, ''), config);
}

function readRequirementInput(record: InputRecord, prefix: string): CalciumRequirementInput {
  const pregnant = optionalBoolean(record, 'pregnant', prefix);
  const lactating = optionalBoolean(record, 'lactating', prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    ...(pregnant === undefined ? {} : { pregnant }),
    ...(lactating === undefined ? {} : { lactating }),
  };
}

/** R12.2: Σ servings × mg per serving (fat content does not matter) plus supplements. */
export function calciumIntakeMgUnchecked(
  servings: Servings,
  supplementMg: number,
  config: ClinicalConfig,
): number {
  const table = config.entries['calcium.foodContentMg'].value;
  let total = supplementMg;
  // Only the foods present: the servings object comes from a form or import and is usually small.
  for (const food in servings) {
    const count = servings[food as FoodCode];
    if (count !== undefined) total += count * table[food as FoodCode];
  }
  return total;
}

export function validateServings(value: unknown, prefix: string): Servings {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, FOOD_CODES, prefix);
  const servings: Partial<Record<FoodCode, number>> = {};
  for (const food of FOOD_CODES) {
    const count = optionalNumber(record, food, prefix, { min: 0, max: 100 });
    if (count !== undefined) servings[food] = count;
  }
  return servings;
}

export interface CalciumAssessmentInput extends CalciumRequirementInput {
  readonly servings?: Servings;
  readonly supplementMg?: number;
}

export type CalciumSupplementAdvice =
  | { readonly status: 'ok'; readonly supplementMgPerDay: number; readonly explanation: Explanation }
  | NotCovered;

export interface CalciumAssessment {
  readonly status: 'ok';
  readonly requirementMgPerDay: number;
  readonly upperLimitMgPerDay: number;
  /** Present only when servings were given. */
  readonly intakeMg?: number;
  readonly meetsRequirement?: boolean;
  readonly exceedsUpperLimit?: boolean;
  readonly lowIntakeRiskFactor?: boolean;
  readonly shortfallMg?: number;
  /** Only when the intake is short: the exact supplement dose is a gap unless the clinic configures one. */
  readonly supplement?: CalciumSupplementAdvice;
  readonly explanation: Explanation;
}

const INTAKE_EXPLANATION = explain(
  [R12_1, R12_2, rule('R3.4', ['S22/004'], 'SOURCE', 'intake below 500 mg/day is a risk factor')],
  [...REQUIREMENT_KEYS, 'calcium.foodContentMg', 'calcium.lowIntakeRiskFactorBelowMg'],
  ['C9'],
);
const SUPPLEMENT_GAP = notCovered(
  'R12.2',
  'exact calcium supplement dose (transmural protocol [S20] not available); NHG 2012 practice 500 mg is unconfirmed',
  explain([rule('R12.2', ['S20'])], ['calcium.supplementDoseMg']),
);

const CONFIGURED_SUPPLEMENT_EXPLANATION = explain(
  [rule('R12.2', ['S20', 'S7'], 'UNCONFIRMED', 'dose set by the clinic')],
  ['calcium.supplementDoseMg'],
);

/** R12 on clean input. */
export function assessCalciumUnchecked(
  input: CalciumAssessmentInput,
  config: ClinicalConfig,
): CalciumAssessment | NotCovered {
  const requirement = calciumRequirementUnchecked(input, config);
  if (requirement.status === 'notCovered' || input.servings === undefined) return requirement;
  const intakeMg = calciumIntakeMgUnchecked(input.servings, input.supplementMg ?? 0, config);
  const meets = intakeMg >= requirement.requirementMgPerDay;
  const dose = config.entries['calcium.supplementDoseMg'].value;
  return {
    status: 'ok',
    requirementMgPerDay: requirement.requirementMgPerDay,
    upperLimitMgPerDay: requirement.upperLimitMgPerDay,
    intakeMg,
    meetsRequirement: meets,
    exceedsUpperLimit: intakeMg > requirement.upperLimitMgPerDay,
    lowIntakeRiskFactor: intakeMg < config.entries['calcium.lowIntakeRiskFactorBelowMg'].value,
    shortfallMg: meets ? 0 : requirement.requirementMgPerDay - intakeMg,
    ...(meets
      ? {}
      : {
          supplement:
            dose === null
              ? SUPPLEMENT_GAP
              : {
                  status: 'ok' as const,
                  supplementMgPerDay: dose,
                  explanation: CONFIGURED_SUPPLEMENT_EXPLANATION,
                },
        }),
    explanation: INTAKE_EXPLANATION,
  };
}

/**
 * R12: requirement and upper limit; with servings, intake = Σ servings × mg (+ supplements), meets requirement
 * (≥), exceeds upper limit (>), low-intake risk factor (< 500 mg), shortfall.
 * @throws ClinicalInputError for negative portions, unknown food codes or out-of-range values.
 */
export function assessCalcium(
  input: CalciumAssessmentInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): CalciumAssessment | NotCovered {
  return assessCalciumUnchecked(validateCalciumAssessmentInput(input), config);
}

export function validateCalciumAssessmentInput(value: unknown): CalciumAssessmentInput {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['ageYears', 'pregnant', 'lactating', 'servings', 'supplementMg'], '');
  const base = readRequirementInput(record, '');
  const servings = record.servings === undefined ? undefined : validateServings(record.servings, 'servings');
  const supplementMg =
    record.supplementMg === undefined
      ? undefined
      : checkNumber(record.supplementMg, 'supplementMg', { min: 0, max: 5000 });
  return {
    ...base,
    ...(servings === undefined ? {} : { servings }),
    ...(supplementMg === undefined ? {} : { supplementMg }),
  };
}
