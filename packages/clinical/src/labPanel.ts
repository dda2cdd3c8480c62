// R6 — laboratory tests for secondary causes (NIV 2022 lab module).
import { SEXES, type Sex } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { explain, insufficientData, rule, type Explanation, type InsufficientData } from './explanation';
import { roundHalfAwayFromZero } from './rounding';
import {
  AGE_RANGE,
  asRecord,
  nullableNumber,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
  T_SCORE_RANGE,
} from './validation';

export type BasicLabTest = 'calcium' | 'albumin' | 'creatinine_eGFR' | 'TSH' | '25OHD';
export type ExtendedLabTest = 'ESR' | 'proteinSpectrumOrMProtein' | 'phosphate' | 'alkalinePhosphatase';
export type LabTestOnIndication = 'coeliacSerology' | 'tryptase' | 'urinaryCalcium';
export type LabReferralReason = 'osteoporosisUnder50' | 'multipleUnexplainedFractures';
export type BasicPanelTrigger = 'recentFractureWithTLeqMinus1' | 'medicationIndicationWithoutRecentFracture';

export const BASIC_PANEL: readonly BasicLabTest[] = ['calcium', 'albumin', 'creatinine_eGFR', 'TSH', '25OHD'];
const EXTENDED_WITHOUT_ALP: readonly ExtendedLabTest[] = ['ESR', 'proteinSpectrumOrMProtein', 'phosphate'];
const EXTENDED_WITH_ALP: readonly ExtendedLabTest[] = [...EXTENDED_WITHOUT_ALP, 'alkalinePhosphatase'];
const ON_INDICATION: readonly LabTestOnIndication[] = ['coeliacSerology', 'tryptase', 'urinaryCalcium'];

export interface LabPanelInput {
  readonly ageYears: number;
  readonly sex: Sex;
  readonly recentFracture: boolean;
  /** Lowest T-score (rounded, R4.3); may be null only when there is no recent fracture. */
  readonly lowestTScore: number | null;
  readonly indicationForFracturePreventionMedication: boolean;
  readonly severeOrUnexplainedOsteoporosis: boolean;
  readonly multipleFractures: boolean;
  readonly multipleUnexplainedFractures: boolean;
  readonly persistentPain: boolean;
}

export interface LabPanelResult {
  readonly status: 'ok';
  readonly basicPanel: readonly BasicLabTest[];
  readonly basicPanelTrigger: BasicPanelTrigger | null;
  readonly considerTestosterone: boolean;
  readonly extendedPanel: readonly ExtendedLabTest[];
  /** R6.3 tests "on indication": offered for the clinician to choose, never ordered automatically. */
  readonly testsOnIndication: readonly LabTestOnIndication[];
  readonly referSecondaryCare: boolean;
  readonly referralReasons: readonly LabReferralReason[];
  readonly explanation: Explanation;
}

const LAB_EXPLANATION = explain(
  [
    rule('R6.1', ['S3']),
    rule('R6.2', ['S3']),
    rule('R6.3', ['S3']),
    rule('R6.5', ['S3', 'S22/003']),
    rule('R6.1', ['S3'], 'INFERRED', 'age ≥ 50 harmonised with R1 (module text: > 50), C15'),
  ],
  [
    'labPanel.minimumAgeYears',
    'labPanel.testosteroneMenBelowAgeYears',
    'labPanel.referralBelowAgeYears',
    'densitometry.minusOneHandling',
  ],
  ['C5', 'C15'],
);

function tLeqMinus1(t: number, config: ClinicalConfig): boolean {
  const rounded = roundHalfAwayFromZero(t, 1);
  return config.entries['densitometry.minusOneHandling'].value === 'lowForNhgAndLab'
    ? rounded <= -1.0
    : rounded < -1.0;
}

/** R6.1–R6.5 on clean input. */
export function labPanelUnchecked(
  input: LabPanelInput,
  config: ClinicalConfig,
): LabPanelResult | InsufficientData {
  if (input.recentFracture && input.lowestTScore === null) {
    return insufficientData(['lowestTScore'], LAB_EXPLANATION);
  }
  let trigger: BasicPanelTrigger | null = null;
  if (input.ageYears >= config.entries['labPanel.minimumAgeYears'].value) {
    if (input.recentFracture && input.lowestTScore !== null && tLeqMinus1(input.lowestTScore, config)) {
      trigger = 'recentFractureWithTLeqMinus1';
    } else if (!input.recentFracture && input.indicationForFracturePreventionMedication) {
      trigger = 'medicationIndicationWithoutRecentFracture';
    }
  }
  const extendedTriggered =
    input.severeOrUnexplainedOsteoporosis ||
    input.multipleFractures ||
    input.multipleUnexplainedFractures ||
    input.persistentPain;
  // Alkaline phosphatase rises physiologically after a fracture, so it is only informative without a recent one.
  const extendedPanel = !extendedTriggered
    ? []
    : input.recentFracture
      ? EXTENDED_WITHOUT_ALP
      : EXTENDED_WITH_ALP;
  const referralReasons: LabReferralReason[] = [];
  if (
    input.ageYears < config.entries['labPanel.referralBelowAgeYears'].value &&
    input.lowestTScore !== null &&
    roundHalfAwayFromZero(input.lowestTScore, 1) <= -2.5
  ) {
    referralReasons.push('osteoporosisUnder50');
  }
  if (input.multipleUnexplainedFractures) referralReasons.push('multipleUnexplainedFractures');
  return {
    status: 'ok',
    basicPanel: trigger === null ? [] : BASIC_PANEL,
    basicPanelTrigger: trigger,
    considerTestosterone:
      input.sex === 'male' && input.ageYears < config.entries['labPanel.testosteroneMenBelowAgeYears'].value,
    extendedPanel,
    testsOnIndication: extendedTriggered ? ON_INDICATION : [],
    referSecondaryCare: referralReasons.length > 0,
    referralReasons,
    explanation: LAB_EXPLANATION,
  };
}

const LAB_KEYS = new Set([
  'ageYears',
  'sex',
  'recentFracture',
  'lowestTScore',
  'indicationForFracturePreventionMedication',
  'severeOrUnexplainedOsteoporosis',
  'multipleFractures',
  'multipleUnexplainedFractures',
  'persistentPain',
]);

export function validateLabPanelInput(value: unknown, prefix = ''): LabPanelInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, LAB_KEYS, prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    sex: requireOneOf(record, 'sex', prefix, SEXES),
    recentFracture: requireBoolean(record, 'recentFracture', prefix),
    lowestTScore: nullableNumber(record, 'lowestTScore', prefix, T_SCORE_RANGE),
    indicationForFracturePreventionMedication: requireBoolean(
      record,
      'indicationForFracturePreventionMedication',
      prefix,
    ),
    severeOrUnexplainedOsteoporosis: requireBoolean(record, 'severeOrUnexplainedOsteoporosis', prefix),
    multipleFractures: requireBoolean(record, 'multipleFractures', prefix),
    multipleUnexplainedFractures: requireBoolean(record, 'multipleUnexplainedFractures', prefix),
    persistentPain: requireBoolean(record, 'persistentPain', prefix),
  };
}

/**
 * R6: basic panel (calcium, albumin, creatinine/eGFR, TSH, 25(OH)D) from age ≥ 50 (C15) with a recent fracture and
 * T ≤ −1.0 (C5), or without a recent fracture but with a medication indication; testosterone for men under 70;
 * extended panel (ESR, M-protein, phosphate, and ALP only without a recent fracture) for severe or unexplained
 * osteoporosis, multiple fractures or persistent pain; referral for osteoporosis under 50 or multiple unexplained
 * fractures.
 * @throws ClinicalInputError for out-of-range input.
 */
export function labPanel(
  input: LabPanelInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): LabPanelResult | InsufficientData {
  return labPanelUnchecked(validateLabPanelInput(input), config);
}
