// R7 — fall-risk screening (NHG inventory and the three-question screen, computed side by side: C16).
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { explain, notCovered, rule, type Explanation, type NotCovered } from './explanation';
import { asRecord, optionalBoolean, rejectUnknownKeys, requireBoolean, requireNumber } from './validation';

export interface FallRiskInput {
  readonly fallsPastYear: number;
  readonly worriedAboutFalling: boolean;
  readonly difficultyWalkingOrBalance: boolean;
  /** Uses fall-risk-increasing drugs (psychotropics, strongly anticholinergic or hypotensive drugs), if known. */
  readonly fallRiskIncreasingMedication?: boolean;
}

/** R7.1 items the NHG inventory asks about once it is triggered. */
export const NHG_FALL_RISK_INVENTORY_ITEMS = [
  'fracturesPast2Years',
  'limitedMobility',
  'fearOfFalling',
  'alcoholUse',
  'fallRiskIncreasingMedication',
  'somaticComorbidity',
] as const;
export type FallRiskInventoryItem = (typeof NHG_FALL_RISK_INVENTORY_ITEMS)[number];

export type FallIntervention =
  | 'professionalFallAssessment'
  | 'physiotherapyStrengthAndBalance'
  | 'medicationReview'
  | 'homeSafety'
  | 'observeRisingAndWalking';

export interface FallRiskResult {
  readonly status: 'ok';
  readonly nhgFallRiskInventory: boolean;
  readonly threeQuestionScreenPositive: boolean;
  /** Whether fall-prevention advice follows, per `fallRisk.adviceTrigger` (C16). */
  readonly fallPreventionIndicated: boolean;
  readonly inventoryItems: readonly FallRiskInventoryItem[];
  readonly interventions: readonly FallIntervention[];
  /** R7.3 "very high fall risk → fall clinic" has no threshold in the available text. */
  readonly fallClinicReferral: NotCovered;
  readonly explanation: Explanation;
}

const FALL_EXPLANATION = explain(
  [
    rule('R7.1', ['S6', 'S7']),
    rule('R7.2', ['S19'], 'SOURCE', 'World Falls Guidelines screen (community-dwelling people aged ≥ 65)'),
    rule('R7.3', ['S22/003', 'S22/004', 'S22/001', 'S11']),
    rule('R7.3', ['S6', 'S19'], 'INFERRED', 'which screen selects the interventions (C16)'),
  ],
  ['fallRisk.nhgInventoryMinFalls', 'fallRisk.adviceTrigger'],
  ['C16'],
);

const FALL_CLINIC_GAP = notCovered(
  'R7.3',
  'criteria for "very high fall risk" (fall clinic referral); NIV module on fall risk not available',
  explain([rule('R7.3', ['S22/003', 'S22/001'])]),
);

/** R7.1–R7.3 on clean input. */
export function fallRiskUnchecked(input: FallRiskInput, config: ClinicalConfig): FallRiskResult {
  const nhg = input.fallsPastYear >= config.entries['fallRisk.nhgInventoryMinFalls'].value;
  const threeQuestions =
    input.fallsPastYear >= 1 || input.worriedAboutFalling || input.difficultyWalkingOrBalance;
  const trigger = config.entries['fallRisk.adviceTrigger'].value;
  const indicated =
    trigger === 'either' ? nhg || threeQuestions : trigger === 'nhgInventory' ? nhg : threeQuestions;
  const interventions: FallIntervention[] = [];
  if (indicated) {
    interventions.push('professionalFallAssessment', 'homeSafety');
    if (input.difficultyWalkingOrBalance) interventions.push('physiotherapyStrengthAndBalance');
    if (input.fallRiskIncreasingMedication !== false) interventions.push('medicationReview');
    if (nhg) interventions.push('observeRisingAndWalking');
  }
  return {
    status: 'ok',
    nhgFallRiskInventory: nhg,
    threeQuestionScreenPositive: threeQuestions,
    fallPreventionIndicated: indicated,
    inventoryItems: nhg ? NHG_FALL_RISK_INVENTORY_ITEMS : [],
    interventions,
    fallClinicReferral: FALL_CLINIC_GAP,
    explanation: FALL_EXPLANATION,
  };
}

const FALL_KEYS = new Set([
  'fallsPastYear',
  'worriedAboutFalling',
  'difficultyWalkingOrBalance',
  'fallRiskIncreasingMedication',
]);

export function validateFallRiskInput(value: unknown, prefix = ''): FallRiskInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, FALL_KEYS, prefix);
  const medication = optionalBoolean(record, 'fallRiskIncreasingMedication', prefix);
  return {
    fallsPastYear: requireNumber(record, 'fallsPastYear', prefix, { min: 0, max: 1000, integer: true }),
    worriedAboutFalling: requireBoolean(record, 'worriedAboutFalling', prefix),
    difficultyWalkingOrBalance: requireBoolean(record, 'difficultyWalkingOrBalance', prefix),
    ...(medication === undefined ? {} : { fallRiskIncreasingMedication: medication }),
  };
}

/**
 * R7: NHG fall-risk inventory at ≥ 2 falls in the past year (R7.1) and the three-question screen, positive after
 * one fall, worry or difficulty walking (R7.2) — both computed (C16); interventions per R7.3.
 * @throws ClinicalInputError for out-of-range input.
 */
export function fallRisk(input: FallRiskInput, config: ClinicalConfig = DEFAULT_CONFIG): FallRiskResult {
  return fallRiskUnchecked(validateFallRiskInput(input), config);
}
