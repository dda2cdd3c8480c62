// R2 — current NHG risk groups (GP route), NHG calculator age points, and the historic NHG 2012 risk levels.
import type { NhgRiskGroup } from './codes';
import { roundHalfAwayFromZero } from './rounding';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { explain, notCovered, rule, type Explanation, type NotCovered } from './explanation';
import {
  AGE_RANGE,
  asRecord,
  MONTHS_RANGE,
  nullableNumber,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  T_SCORE_RANGE,
} from './validation';

export interface RiskGroupInput {
  readonly ageYears: number;
  /** Completed months since the most recent fracture; `null` = no fracture. */
  readonly fractureMonthsAgo: number | null;
  readonly gcBurstsPerYear: number;
  readonly systemicGcMonths: number;
  readonly hasFractureRiskQuestionOrRiskFactor: boolean;
}

export interface RiskGroupResult {
  readonly status: 'ok';
  /** Every group that applies, ascending (R2.1). */
  readonly riskGroups: readonly NhgRiskGroup[];
  readonly estimateFractureRisk: boolean;
  /** The dose cut-off between the two glucocorticoid subgroups of group 2 is a gap (R2.1, section G). */
  readonly group2Subgroup: NotCovered | null;
  readonly explanation: Explanation;
}

const R2_1 = rule('R2.1', ['S6']);
const R2_1_SUBGROUP = rule('R2.1', ['S8'], 'SOURCE', 'subgroup labels only; the dose cut-off is a gap');
const RISK_GROUP_EXPLANATION = explain(
  [R2_1],
  [
    'riskGroups.group1MinimumAgeYears',
    'riskGroups.group1FractureWindowMonths',
    'riskGroups.group2MinimumAgeYears',
    'riskGroups.group2MinimumBurstsPerYear',
    'riskGroups.group2MinimumSystemicGcMonths',
    'riskGroups.group3MinimumAgeYears',
  ],
  ['C2', 'C4'],
);
const GROUP2_SUBGROUP_GAP = notCovered(
  'R2.1',
  'dose cut-off between the "40 jr / pred hoog" and "50 jr / pred laag" glucocorticoid subgroups (NHG calculator)',
  explain([R2_1_SUBGROUP]),
);

/** R2.1 on clean input. */
export function nhgRiskGroupsUnchecked(input: RiskGroupInput, config: ClinicalConfig): RiskGroupResult {
  const groups: NhgRiskGroup[] = [];
  const age = input.ageYears;
  if (
    age >= config.entries['riskGroups.group1MinimumAgeYears'].value &&
    input.fractureMonthsAgo !== null &&
    input.fractureMonthsAgo < config.entries['riskGroups.group1FractureWindowMonths'].value
  ) {
    groups.push(1);
  }
  const glucocorticoidUser =
    input.gcBurstsPerYear >= config.entries['riskGroups.group2MinimumBurstsPerYear'].value ||
    input.systemicGcMonths >= config.entries['riskGroups.group2MinimumSystemicGcMonths'].value;
  if (age >= config.entries['riskGroups.group2MinimumAgeYears'].value && glucocorticoidUser) groups.push(2);
  if (
    age >= config.entries['riskGroups.group3MinimumAgeYears'].value &&
    input.hasFractureRiskQuestionOrRiskFactor
  ) {
    groups.push(3);
  }
  return {
    status: 'ok',
    riskGroups: groups,
    estimateFractureRisk: groups.length > 0,
    group2Subgroup: groups.includes(2) ? GROUP2_SUBGROUP_GAP : null,
    explanation: RISK_GROUP_EXPLANATION,
  };
}

const RISK_GROUP_KEYS = new Set([
  'ageYears',
  'fractureMonthsAgo',
  'gcBurstsPerYear',
  'systemicGcMonths',
  'hasFractureRiskQuestionOrRiskFactor',
]);

export function validateRiskGroupInput(value: unknown, prefix = ''): RiskGroupInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, RISK_GROUP_KEYS, prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    fractureMonthsAgo: nullableNumber(record, 'fractureMonthsAgo', prefix, MONTHS_RANGE),
    gcBurstsPerYear: requireNumber(record, 'gcBurstsPerYear', prefix, { min: 0, max: 365 }),
    systemicGcMonths: requireNumber(record, 'systemicGcMonths', prefix, MONTHS_RANGE),
    hasFractureRiskQuestionOrRiskFactor: requireBoolean(
      record,
      'hasFractureRiskQuestionOrRiskFactor',
      prefix,
    ),
  };
}

/**
 * R2.1: which current-NHG risk groups apply (group 1: ≥ 50 with a fracture < 24 months ago; group 2: ≥ 40 with
 * ≥ 4 bursts a year or ≥ 3 months systemic glucocorticoids; group 3: ≥ 60 with a question or risk factors).
 * @throws ClinicalInputError for out-of-range input.
 */
export function nhgRiskGroups(
  input: RiskGroupInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): RiskGroupResult {
  return nhgRiskGroupsUnchecked(validateRiskGroupInput(input), config);
}

/** R2.4 NHG calculator: 60–69 → 1, ≥ 70 → 2. */
export function agePointsNhgUnchecked(ageYears: number): 0 | 1 | 2 {
  return ageYears >= 70 ? 2 : ageYears >= 60 ? 1 : 0;
}

/** R3.1 CBO 2011: > 70 → 2, > 60 → 1 (not added together). C3: differs from NHG at exactly 60 and 70. */
export function agePointsCbo2011Unchecked(ageYears: number): 0 | 1 | 2 {
  return ageYears > 70 ? 2 : ageYears > 60 ? 1 : 0;
}

export interface AgePointsResult {
  readonly status: 'ok';
  readonly agePointsNhg: 0 | 1 | 2;
  readonly agePointsCbo2011: 0 | 1 | 2;
  readonly explanation: Explanation;
}

const AGE_POINTS_EXPLANATION = explain(
  [rule('R2.4', ['S8']), rule('R3.1', ['S9'], 'SOURCE', 'age > 60 / > 70, not cumulative')],
  [],
  ['C3'],
);

export function validateAgePointsInput(value: unknown): { readonly ageYears: number } {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['ageYears'], '');
  return { ageYears: requireNumber(record, 'ageYears', '', AGE_RANGE) };
}

/**
 * R2.4 and R3.1: age points of the NHG calculator and of the CBO 2011 table side by side (C3).
 * @throws ClinicalInputError for an invalid age.
 */
export function nhgAgePoints(input: { readonly ageYears: number }): AgePointsResult {
  const { ageYears } = validateAgePointsInput(input);
  return {
    status: 'ok',
    agePointsNhg: agePointsNhgUnchecked(ageYears),
    agePointsCbo2011: agePointsCbo2011Unchecked(ageYears),
    explanation: AGE_POINTS_EXPLANATION,
  };
}

export interface Nhg2012RiskLevelInput {
  readonly riskScore: number;
  readonly vertebralFracture: boolean;
  readonly recentNonVertebralFracture: boolean;
  /** Lowest T-score, or null when no DXA was done. */
  readonly lowestTScore: number | null;
}

export interface Nhg2012RiskLevelResult {
  readonly status: 'ok';
  readonly riskLevel: 'low' | 'moderate' | 'high';
  readonly explanation: Explanation;
}

const NHG2012_EXPLANATION = explain(
  [rule('R2.5', ['S7', 'S31'], 'SOURCE', 'historic NHG 2012 algorithm (EHR decision support)')],
  ['riskScore.dxaThresholdPoints'],
);

/**
 * R2.5 step 4 (historic NHG 2012, secondary summary): high = vertebral fracture, or a recent non-vertebral fracture
 * or score ≥ 4 together with osteoporosis (T ≤ −2.5); moderate = recent non-vertebral fracture or score ≥ 4 without
 * osteoporosis; low otherwise.
 * @throws ClinicalInputError for out-of-range input.
 */
export function nhg2012RiskLevel(
  input: Nhg2012RiskLevelInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): Nhg2012RiskLevelResult {
  const record = asRecord(input, '');
  rejectUnknownKeys(
    record,
    ['riskScore', 'vertebralFracture', 'recentNonVertebralFracture', 'lowestTScore'],
    '',
  );
  const score = requireNumber(record, 'riskScore', '', { min: 0, max: 50, integer: true });
  const vertebral = requireBoolean(record, 'vertebralFracture', '');
  const recent = requireBoolean(record, 'recentNonVertebralFracture', '');
  const t = nullableNumber(record, 'lowestTScore', '', T_SCORE_RANGE);
  const osteoporosis = t !== null && roundHalfAwayFromZero(t) <= -2.5;
  const scoreRaised = score >= config.entries['riskScore.dxaThresholdPoints'].value;
  const riskLevel =
    vertebral || ((recent || scoreRaised) && osteoporosis)
      ? 'high'
      : recent || scoreRaised
        ? 'moderate'
        : 'low';
  return { status: 'ok', riskLevel, explanation: NHG2012_EXPLANATION };
}
