// R3 — risk-factor inventory and the DXA case-finding score (CBO 2011 current; NHG 2005 / CBO 2002 historic).
import { SEXES, type Sex } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { explain, rule, type Explanation } from './explanation';
import { agePointsCbo2011Unchecked } from './riskGroups';
import { roundHalfAwayFromZero } from './rounding';
import {
  AGE_RANGE,
  asRecord,
  DOSE_RANGE,
  MONTHS_RANGE,
  nullableNumber,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
} from './validation';

export const WEIGHT_RANGE = { min: 1, max: 400 } as const;
export const HEIGHT_RANGE = { min: 0.3, max: 2.6 } as const;

/** Body-mass index (kg/m²) rounded to 1 decimal, as reported (R3.1 output `bmi`). */
export function bodyMassIndex(weightKg: number, heightM: number): number {
  return roundHalfAwayFromZero(weightKg / (heightM * heightM), 1);
}

export interface RiskScoreCbo2011Input {
  readonly ageYears: number;
  readonly weightKg: number;
  readonly heightM: number;
  readonly priorFractureAfter50: boolean;
  readonly parentHipFracture: boolean;
  readonly reducedMobility: boolean;
  readonly rheumatoidArthritis: boolean;
  readonly secondaryOsteoporosisCondition: boolean;
  readonly glucocorticoidMgPerDay: number;
  readonly glucocorticoidMonths: number;
  /** Completed months since the most recent fracture; `null` = none. */
  readonly recentFractureMonthsAgo: number | null;
}

export interface RiskScorePoints {
  readonly lowWeight: number;
  readonly age: number;
  readonly priorFractureAfter50: number;
  readonly parentHipFracture: number;
  readonly reducedMobility: number;
  readonly rheumatoidArthritis: number;
  readonly secondaryOsteoporosisCondition: number;
  readonly glucocorticoids: number;
}

export interface RiskScoreCbo2011Result {
  readonly status: 'ok';
  readonly instrument: 'CBO2011';
  readonly bmi: number;
  readonly points: RiskScorePoints;
  readonly score: number;
  readonly dxaIndicated: boolean;
  /** Why DXA is indicated: the score, the < 3 months fracture footnote, or both. */
  readonly dxaIndicatedBy: readonly ('score' | 'recentFracture')[];
  readonly explanation: Explanation;
}

const CBO2011_EXPLANATION = explain(
  [rule('R3.1', ['S9']), rule('R3.3', ['S9'])],
  [
    'riskScore.dxaThresholdPoints',
    'riskScore.lowWeightKg',
    'riskScore.lowBmi',
    'riskScore.bmiOnlyBelowHeightM',
    'riskScore.bmiRoundedBeforeComparison',
    'riskScore.priorFractureAfter50Points',
    'riskScore.glucocorticoidMinDoseMgPerDay',
    'riskScore.glucocorticoidDoseComparison',
    'riskScore.glucocorticoidMinMonthsExclusive',
    'riskScore.recentFractureAlwaysDxaMonths',
  ],
  ['C3', 'C4'],
);

function hasLowBodyWeight(weightKg: number, heightM: number, config: ClinicalConfig): boolean {
  const rawBmi = weightKg / (heightM * heightM);
  const bmi = config.entries['riskScore.bmiRoundedBeforeComparison'].value
    ? roundHalfAwayFromZero(rawBmi, 1)
    : rawBmi;
  // The 1e-9 guard keeps a BMI that is exactly 20 in decimal arithmetic (for example 45 kg at 1.50 m) from counting
  // as "below 20" through binary representation error.
  const lowBmi = bmi < config.entries['riskScore.lowBmi'].value - 1e-9;
  // Footnote: below 1.73 m the BMI criterion is preferred over the 60 kg rule.
  if (heightM < config.entries['riskScore.bmiOnlyBelowHeightM'].value) return lowBmi;
  return weightKg < config.entries['riskScore.lowWeightKg'].value || lowBmi;
}

function meetsGlucocorticoidCriterion(mgPerDay: number, months: number, config: ClinicalConfig): boolean {
  const threshold = config.entries['riskScore.glucocorticoidMinDoseMgPerDay'].value;
  const doseMet =
    config.entries['riskScore.glucocorticoidDoseComparison'].value === '>='
      ? mgPerDay >= threshold
      : mgPerDay > threshold;
  return doseMet && months > config.entries['riskScore.glucocorticoidMinMonthsExclusive'].value;
}

/** R3.1 on clean input. */
export function riskScoreCbo2011Unchecked(
  input: RiskScoreCbo2011Input,
  config: ClinicalConfig,
): RiskScoreCbo2011Result {
  const points: RiskScorePoints = {
    lowWeight: hasLowBodyWeight(input.weightKg, input.heightM, config) ? 1 : 0,
    age: agePointsCbo2011Unchecked(input.ageYears),
    priorFractureAfter50: input.priorFractureAfter50
      ? config.entries['riskScore.priorFractureAfter50Points'].value
      : 0,
    parentHipFracture: input.parentHipFracture ? 1 : 0,
    reducedMobility: input.reducedMobility ? 1 : 0,
    rheumatoidArthritis: input.rheumatoidArthritis ? 1 : 0,
    secondaryOsteoporosisCondition: input.secondaryOsteoporosisCondition ? 1 : 0,
    glucocorticoids: meetsGlucocorticoidCriterion(
      input.glucocorticoidMgPerDay,
      input.glucocorticoidMonths,
      config,
    )
      ? 4
      : 0,
  };
  const score =
    points.lowWeight +
    points.age +
    points.priorFractureAfter50 +
    points.parentHipFracture +
    points.reducedMobility +
    points.rheumatoidArthritis +
    points.secondaryOsteoporosisCondition +
    points.glucocorticoids;
  const by: ('score' | 'recentFracture')[] = [];
  if (score >= config.entries['riskScore.dxaThresholdPoints'].value) by.push('score');
  if (
    input.recentFractureMonthsAgo !== null &&
    input.recentFractureMonthsAgo < config.entries['riskScore.recentFractureAlwaysDxaMonths'].value
  ) {
    by.push('recentFracture');
  }
  return {
    status: 'ok',
    instrument: 'CBO2011',
    bmi: bodyMassIndex(input.weightKg, input.heightM),
    points,
    score,
    dxaIndicated: by.length > 0,
    dxaIndicatedBy: by,
    explanation: CBO2011_EXPLANATION,
  };
}

const CBO2011_KEYS = new Set([
  'ageYears',
  'weightKg',
  'heightM',
  'priorFractureAfter50',
  'parentHipFracture',
  'reducedMobility',
  'rheumatoidArthritis',
  'secondaryOsteoporosisCondition',
  'glucocorticoidMgPerDay',
  'glucocorticoidMonths',
  'recentFractureMonthsAgo',
]);

export function validateRiskScoreCbo2011Input(value: unknown, prefix = ''): RiskScoreCbo2011Input {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, CBO2011_KEYS, prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    weightKg: requireNumber(record, 'weightKg', prefix, WEIGHT_RANGE),
    heightM: requireNumber(record, 'heightM', prefix, HEIGHT_RANGE),
    priorFractureAfter50: requireBoolean(record, 'priorFractureAfter50', prefix),
    parentHipFracture: requireBoolean(record, 'parentHipFracture', prefix),
    reducedMobility: requireBoolean(record, 'reducedMobility', prefix),
    rheumatoidArthritis: requireBoolean(record, 'rheumatoidArthritis', prefix),
    secondaryOsteoporosisCondition: requireBoolean(record, 'secondaryOsteoporosisCondition', prefix),
    glucocorticoidMgPerDay: requireNumber(record, 'glucocorticoidMgPerDay', prefix, DOSE_RANGE),
    glucocorticoidMonths: requireNumber(record, 'glucocorticoidMonths', prefix, MONTHS_RANGE),
    recentFractureMonthsAgo: nullableNumber(record, 'recentFractureMonthsAgo', prefix, MONTHS_RANGE),
  };
}

/**
 * R3.1 CBO 2011 case-finding score: points per risk factor, DXA when the total is ≥ 4 or the most recent fracture
 * is < 3 months old. Low weight: height ≥ 1.73 m → weight < 60 kg or BMI < 20; shorter → BMI < 20 only.
 * Glucocorticoids: ≥ 7.5 mg/day (C4) for more than 3 months → 4 points.
 * @throws ClinicalInputError for out-of-range input.
 */
export function riskScoreCbo2011(
  input: RiskScoreCbo2011Input,
  config: ClinicalConfig = DEFAULT_CONFIG,
): RiskScoreCbo2011Result {
  return riskScoreCbo2011Unchecked(validateRiskScoreCbo2011Input(input), config);
}

// ── R3.2 historic instrument ────────────────────────────────────────────────────────────────────────────────

export interface RiskScoreNhg2005Input {
  readonly sex: Sex;
  readonly ageYears: number;
  readonly establishedVertebralFracture: boolean;
  readonly glucocorticoidMgPerDay: number;
  readonly glucocorticoidMonths: number;
  readonly fractureAfter50: boolean;
  readonly firstDegreeRelativeHipFracture: boolean;
  readonly weightKg: number;
  readonly severeImmobility: boolean;
}

export interface RiskScoreNhg2005Result {
  readonly status: 'ok';
  readonly instrument: 'NHG2005';
  readonly points: {
    readonly vertebralFracture: number;
    readonly glucocorticoids: number;
    readonly fractureAfter50: number;
    readonly age: number;
    readonly firstDegreeRelativeHipFracture: number;
    readonly lowWeight: number;
    readonly severeImmobility: number;
  };
  readonly score: number;
  readonly dxaIndicated: boolean;
  readonly explanation: Explanation;
}

const NHG2005_EXPLANATION = explain(
  [
    rule(
      'R3.2',
      ['S10'],
      'SOURCE',
      'historic instrument, for data migration only; sensitivity 17 % at cut-off 4 [S33]',
    ),
    rule('R3.2', ['S10'], 'INFERRED', 'whether the > 60 and > 70 age points add up is not stated'),
  ],
  ['riskScore.nhg2005AgePointsCumulative', 'riskScore.dxaThresholdPoints'],
  ['C3'],
);

/** R3.2 on clean input. */
export function riskScoreNhg2005Unchecked(
  input: RiskScoreNhg2005Input,
  config: ClinicalConfig,
): RiskScoreNhg2005Result {
  const woman = input.sex === 'female';
  const over70 = input.ageYears > 70;
  const over60 = input.ageYears > 60;
  const cumulative = config.entries['riskScore.nhg2005AgePointsCumulative'].value;
  const agePoints = !woman ? 0 : over70 ? (cumulative ? 3 : 2) : over60 ? 1 : 0;
  const points = {
    vertebralFracture: input.establishedVertebralFracture ? 4 : 0,
    glucocorticoids: input.glucocorticoidMgPerDay > 7.5 && input.glucocorticoidMonths > 3 ? 4 : 0,
    fractureAfter50: woman && input.fractureAfter50 ? 4 : 0,
    age: agePoints,
    firstDegreeRelativeHipFracture: woman && input.firstDegreeRelativeHipFracture ? 1 : 0,
    lowWeight: woman && input.weightKg < 60 ? 1 : 0,
    severeImmobility: woman && input.severeImmobility ? 1 : 0,
  };
  const score = Object.values(points).reduce((sum, p) => sum + p, 0);
  return {
    status: 'ok',
    instrument: 'NHG2005',
    points,
    score,
    dxaIndicated: score >= config.entries['riskScore.dxaThresholdPoints'].value,
    explanation: NHG2005_EXPLANATION,
  };
}

const NHG2005_KEYS = new Set([
  'sex',
  'ageYears',
  'establishedVertebralFracture',
  'glucocorticoidMgPerDay',
  'glucocorticoidMonths',
  'fractureAfter50',
  'firstDegreeRelativeHipFracture',
  'weightKg',
  'severeImmobility',
]);

/**
 * R3.2 historic NHG 2005 / CBO 2002 instrument (data migration only): vertebral fracture and glucocorticoids
 * (> 7.5 mg, > 3 months) 4 points for everyone; the other items count for women only; DXA at ≥ 4.
 * @throws ClinicalInputError for out-of-range input.
 */
export function riskScoreNhg2005(
  input: RiskScoreNhg2005Input,
  config: ClinicalConfig = DEFAULT_CONFIG,
): RiskScoreNhg2005Result {
  const record = asRecord(input, '');
  rejectUnknownKeys(record, NHG2005_KEYS, '');
  return riskScoreNhg2005Unchecked(
    {
      sex: requireOneOf(record, 'sex', '', SEXES),
      ageYears: requireNumber(record, 'ageYears', '', AGE_RANGE),
      establishedVertebralFracture: requireBoolean(record, 'establishedVertebralFracture', ''),
      glucocorticoidMgPerDay: requireNumber(record, 'glucocorticoidMgPerDay', '', DOSE_RANGE),
      glucocorticoidMonths: requireNumber(record, 'glucocorticoidMonths', '', MONTHS_RANGE),
      fractureAfter50: requireBoolean(record, 'fractureAfter50', ''),
      firstDegreeRelativeHipFracture: requireBoolean(record, 'firstDegreeRelativeHipFracture', ''),
      weightKg: requireNumber(record, 'weightKg', '', WEIGHT_RANGE),
      severeImmobility: requireBoolean(record, 'severeImmobility', ''),
    },
    config,
  );
}

// ── R3.3 / R3.4 inventory helpers ───────────────────────────────────────────────────────────────────────────

/** R3.3: conditions that count as "secondary osteoporosis" for the CBO 2011 point. */
export const SECONDARY_OSTEOPOROSIS_CONDITIONS = [
  'diabetesMellitusType1',
  'diabetesMellitusType2',
  'untreatedHypogonadism',
  'inflammatoryBowelDisease',
  'malabsorption',
  'spondyloarthropathy',
  'systemicLupusErythematosus',
  'sarcoidosis',
  'organTransplantation',
  'untreatedHyperthyroidismOrOverSubstitutedHypothyroidism',
  'antiEpilepticDrugs',
  'untreatedHyperparathyroidism',
  'copd',
  'perniciousAnaemia',
  'littleSunlightExposure',
] as const;
export type SecondaryOsteoporosisCondition = (typeof SECONDARY_OSTEOPOROSIS_CONDITIONS)[number];

/** R3.4 / C13: alcohol counts as a risk factor above 3 units a day (Dutch sources; FRAX uses ≥ 3). */
export function alcoholIsRiskFactor(unitsPerDay: number, config: ClinicalConfig = DEFAULT_CONFIG): boolean {
  const threshold = config.entries['riskFactors.alcoholUnitsPerDay'].value;
  return config.entries['riskFactors.alcoholComparison'].value === '>'
    ? unitsPerDay > threshold
    : unitsPerDay >= threshold;
}
