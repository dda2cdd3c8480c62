// R9 — glucocorticoid-induced osteoporosis (CBO 2011 GIOP module).
import { SEXES, type Sex } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from './config';
import { explain, insufficientData, rule, type Explanation, type InsufficientData } from './explanation';
import {
  AGE_RANGE,
  asRecord,
  DOSE_RANGE,
  MONTHS_RANGE,
  nullableBoolean,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
} from './validation';

export type GiopRecommendation = 'treat' | 'dxaThenDecide' | 'noSpecificGiopRule';

export interface GiopInput {
  readonly sex: Sex;
  readonly ageYears: number;
  /** Needed for women in the 7.5–15 mg band; `null` = not known. Ignored for men. */
  readonly postmenopausal: boolean | null;
  readonly prednisoneEqMgPerDay: number;
  readonly expectedDurationMonths: number;
  readonly prevalentFracture: boolean;
}

export interface GiopResult {
  readonly status: 'ok';
  readonly considerProphylaxis: boolean;
  readonly recommendation: GiopRecommendation;
  readonly explanation: Explanation;
}

const R9_1 = rule('R9.1', ['S5'], 'SOURCE', 'lowest effective dose for the shortest possible time');
const R9_2 = rule('R9.2', ['S5']);
const R9_3 = rule('R9.3', ['S5']);
const R9_4 = rule('R9.4', ['S5']);
const R9_4_GAP = rule('R9.4', ['S5'], 'SOURCE', 'below 7.5 mg no band rule: use R2/R3/R8');
const R9_C14 = rule('R9.4', ['S5'], 'INFERRED', 'man of exactly 70: neither "< 70" nor "> 70" (C14)');
const KEYS: readonly ConfigKey[] = [
  'glucocorticoids.bandLowerMgPerDay',
  'glucocorticoids.bandUpperMgPerDay',
  'glucocorticoids.prophylaxisAboveMonths',
  'glucocorticoids.menAgeBoundaryYears',
];

const EXPLAIN_ABOVE_BAND = explain([R9_1, R9_2, R9_4], KEYS);
const EXPLAIN_BELOW_BAND = explain([R9_1, R9_2, R9_4_GAP], KEYS);
const EXPLAIN_BAND = explain([R9_1, R9_2, R9_3], KEYS);
const EXPLAIN_MAN_AT_BOUNDARY = explain(
  [R9_1, R9_2, R9_3, R9_C14],
  [...KEYS, 'glucocorticoids.manAtBoundaryBranch'],
  ['C14'],
);
const MENOPAUSE_UNKNOWN = insufficientData(['postmenopausal'], explain([R9_3], KEYS));

function giopResult(
  considerProphylaxis: boolean,
  recommendation: GiopRecommendation,
  explanation: Explanation,
): GiopResult {
  return { status: 'ok', considerProphylaxis, recommendation, explanation };
}

/** R9.2–R9.4 on clean input. */
export function giopRecommendationUnchecked(
  input: GiopInput,
  config: ClinicalConfig,
): GiopResult | InsufficientData {
  const prophylaxis =
    input.expectedDurationMonths > config.entries['glucocorticoids.prophylaxisAboveMonths'].value;
  const dose = input.prednisoneEqMgPerDay;
  if (dose > config.entries['glucocorticoids.bandUpperMgPerDay'].value || input.prevalentFracture) {
    return giopResult(prophylaxis, 'treat', EXPLAIN_ABOVE_BAND);
  }
  if (dose < config.entries['glucocorticoids.bandLowerMgPerDay'].value)
    return giopResult(prophylaxis, 'noSpecificGiopRule', EXPLAIN_BELOW_BAND);
  if (input.sex === 'female') {
    if (input.postmenopausal === null) return MENOPAUSE_UNKNOWN;
    return giopResult(prophylaxis, input.postmenopausal ? 'treat' : 'dxaThenDecide', EXPLAIN_BAND);
  }
  const boundary = config.entries['glucocorticoids.menAgeBoundaryYears'].value;
  if (input.ageYears < boundary) return giopResult(prophylaxis, 'dxaThenDecide', EXPLAIN_BAND);
  if (input.ageYears > boundary) return giopResult(prophylaxis, 'treat', EXPLAIN_BAND);
  return giopResult(
    prophylaxis,
    config.entries['glucocorticoids.manAtBoundaryBranch'].value,
    EXPLAIN_MAN_AT_BOUNDARY,
  );
}

const GIOP_KEYS = new Set([
  'sex',
  'ageYears',
  'postmenopausal',
  'prednisoneEqMgPerDay',
  'expectedDurationMonths',
  'prevalentFracture',
]);

export function validateGiopInput(value: unknown, prefix = ''): GiopInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, GIOP_KEYS, prefix);
  return {
    sex: requireOneOf(record, 'sex', prefix, SEXES),
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    postmenopausal: nullableBoolean(record, 'postmenopausal', prefix) ?? null,
    prednisoneEqMgPerDay: requireNumber(record, 'prednisoneEqMgPerDay', prefix, DOSE_RANGE),
    expectedDurationMonths: requireNumber(record, 'expectedDurationMonths', prefix, MONTHS_RANGE),
    prevalentFracture: requireBoolean(record, 'prevalentFracture', prefix),
  };
}

/**
 * R9 GIOP: consider prophylaxis when use is expected to last > 3 months; > 15 mg/day or a prevalent fracture →
 * treat; 7.5–15 mg (inclusive) → treat for postmenopausal women and men over 70, DXA first for premenopausal women
 * and men under 70 (a man of exactly 70 → treat branch by default, C14); < 7.5 mg → no specific GIOP rule.
 * @throws ClinicalInputError for out-of-range input.
 */
export function giopRecommendation(
  input: GiopInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): GiopResult | InsufficientData {
  return giopRecommendationUnchecked(validateGiopInput(input), config);
}
