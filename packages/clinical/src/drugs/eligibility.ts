// R10.2, R10.3, R10.5 — may this patient receive this drug now? Every block carries its reason code.
import { DRUG_CODES, SEXES, type DrugCode, type Sex } from '../codes';
import { configValue, DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from '../config';
import { explain, rule, type Explanation, type RuleTrace } from '../explanation';
import {
  asRecord,
  nullableBoolean,
  optionalNumber,
  rejectUnknownKeys,
  requireOneOf,
  type InputRecord,
} from '../validation';

export type DrugBlockReason =
  | 'renalFunctionBelow35'
  | 'renalFunctionBelow30'
  | 'renalFunctionBelowThreshold'
  | 'cannotStayUpright30Min'
  | 'oesophagealEmptyingDisorder'
  | 'correctHypocalcaemiaFirst'
  | 'historyMyocardialInfarctionOrStroke'
  | 'registeredForPostmenopausalWomenOnly'
  | 'notRegisteredForMen'
  | 'hypercalcaemia'
  | 'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis'
  | 'unexplainedRaisedAlkalinePhosphatase'
  | 'priorSkeletalRadiotherapy'
  | 'skeletalMalignancyOrMetastases'
  | 'pregnancyOrLactation'
  | 'lifetimeMaximumReached';

export type DrugCaution =
  | 'monitorCalciumSevereRenalImpairment'
  | 'neverStopWithoutFollowOn'
  | 'cautionInYoungerPatients'
  | 'followWithAntiresorptive'
  | 'checkPriorTeriparatideUse';

/** R10.3: conditions to meet before any antiresorptive or romosozumab is started. */
export type StartPrerequisite =
  'albuminCorrectedCalciumNormal' | 'vitaminDDeficiencyCorrected' | 'eGFRChecked';

export interface DrugEligibilityInput {
  readonly drug: DrugCode;
  readonly sex: Sex;
  /** eGFR or Cockcroft-Gault CrCl in ml/min; `null` = not measured. */
  readonly renalFunctionMlMin?: number | null;
  readonly postmenopausal?: boolean | null;
  readonly canStayUpright30Min?: boolean | null;
  readonly oesophagealEmptyingDisorder?: boolean | null;
  readonly hypocalcaemia?: boolean | null;
  readonly historyMyocardialInfarctionOrStroke?: boolean | null;
  readonly hypercalcaemia?: boolean | null;
  readonly metabolicBoneDiseaseOtherThanPrimaryOsteoporosis?: boolean | null;
  readonly unexplainedRaisedAlkalinePhosphatase?: boolean | null;
  readonly priorSkeletalRadiotherapy?: boolean | null;
  readonly skeletalMalignancyOrMetastases?: boolean | null;
  readonly pregnantOrLactating?: boolean | null;
  readonly teriparatideMonthsUsed?: number | null;
}

export interface DrugEligibilityResult {
  readonly status: 'ok';
  readonly drug: DrugCode;
  /** `null` = no block found, but inputs needed to clear the drug are missing (see `missing`). */
  readonly allowed: boolean | null;
  readonly reasons: readonly DrugBlockReason[];
  readonly cautions: readonly DrugCaution[];
  readonly prerequisites: readonly StartPrerequisite[];
  readonly missing: readonly string[];
  /**
   * Facts behind [UNCONFIRMED] contraindications that were not recorded: they do not hold the verdict back, but the
   * prescriber checks them (teriparatide's list is background knowledge, not a cited source).
   */
  readonly toCheck: readonly string[];
  readonly explanation: Explanation;
}

type RenalBlockKey =
  | 'drugs.alendronateMinRenalMlMin'
  | 'drugs.zoledronicAcidMinRenalMlMin'
  | 'drugs.risedronateMinRenalMlMin'
  | 'drugs.teriparatideMinRenalMlMin';

const RENAL_KEYS: Readonly<Partial<Record<DrugCode, RenalBlockKey>>> = {
  alendronate: 'drugs.alendronateMinRenalMlMin',
  zoledronicAcid: 'drugs.zoledronicAcidMinRenalMlMin',
  risedronate: 'drugs.risedronateMinRenalMlMin',
  teriparatide: 'drugs.teriparatideMinRenalMlMin',
};

const RENAL_RULES: Readonly<Record<DrugCode, RuleTrace>> = {
  alendronate: rule('R10.2', ['S12'], 'SOURCE', 'alendronate: avoid below 35 ml/min (C7)'),
  zoledronicAcid: rule('R10.2', ['S14'], 'SOURCE', 'zoledronic acid: do not use below 35 ml/min'),
  risedronate: rule('R10.2', ['S41'], 'UNCONFIRMED', 'risedronate: contraindicated below 30 ml/min (SmPC)'),
  teriparatide: rule(
    'R10.2',
    ['S43'],
    'UNCONFIRMED',
    'teriparatide: contraindicated in severe renal impairment',
  ),
  denosumab: rule(
    'R10.2',
    ['RULES.md'],
    'UNCONFIRMED',
    'denosumab: no renal block; eGFR < 30 → monitor calcium',
  ),
  romosozumab: rule('R10.2', ['S13-dk'], 'INFERRED', 'romosozumab: severe CKD → monitor calcium'),
};

const R10_2_ORAL = rule('R10.2', ['S12', 'S22/001', 'S40'], 'SOURCE', 'oesophagus, upright 30 minutes');
const R10_2_ORAL_RISEDRONATE = rule('R10.2', ['S41'], 'UNCONFIRMED', 'risedronate: cautions as alendronate');
const R10_3 = rule(
  'R10.3',
  ['S12', 'S14', 'S42', 'S13-dk'],
  'SOURCE',
  'correct hypocalcaemia and vitamin-D deficiency first; check eGFR',
);
const R10_3_DENOSUMAB = rule('R10.3', ['RULES.md'], 'UNCONFIRMED', 'denosumab: correct hypocalcaemia first');
const R10_2_ROMO = rule(
  'R10.2',
  ['S13'],
  'SOURCE',
  'romosozumab: no MI/stroke; registered for postmenopausal women only',
);
const R10_2_TERIPARATIDE = rule(
  'R10.2',
  ['S43'],
  'UNCONFIRMED',
  'teriparatide contraindications and 24-month lifetime maximum',
);
const R10_5 = rule(
  'R10.5',
  ['S41', 'S13'],
  'UNCONFIRMED',
  'registration for men (only risedronate and romosozumab confirmed)',
);
const R11_4 = rule('R11.4', ['S15', 'S16']);

/** The recorded fact, or `null` after noting it as missing. */
function need(value: boolean | null | undefined, field: string, missing: string[]): boolean | null {
  if (value === undefined || value === null) {
    missing.push(field);
    return null;
  }
  return value;
}

function renalReason(threshold: number): DrugBlockReason {
  if (threshold === 35) return 'renalFunctionBelow35';
  if (threshold === 30) return 'renalFunctionBelow30';
  return 'renalFunctionBelowThreshold';
}

const ANTIRESORPTIVE_PREREQUISITES: readonly StartPrerequisite[] = [
  'albuminCorrectedCalciumNormal',
  'vitaminDDeficiencyCorrected',
  'eGFRChecked',
];

interface ExplanationBranches {
  readonly drug: DrugCode;
  readonly oralChecks: boolean;
  readonly calciumCheck: boolean;
  readonly male: boolean;
  readonly teriparatideChecks: boolean;
}

function buildExplanation(b: ExplanationBranches): Explanation {
  const rules: RuleTrace[] = [RENAL_RULES[b.drug]];
  const keys: ConfigKey[] = [];
  const renalKey = RENAL_KEYS[b.drug];
  if (renalKey !== undefined) keys.push(renalKey);
  else
    keys.push(
      b.drug === 'denosumab'
        ? 'drugs.denosumabCalciumMonitoringBelowMlMin'
        : 'drugs.romosozumabCalciumMonitoringBelowMlMin',
    );
  if (b.oralChecks) {
    rules.push(b.drug === 'alendronate' ? R10_2_ORAL : R10_2_ORAL_RISEDRONATE);
    if (b.drug === 'risedronate') keys.push('drugs.risedronateSharesAlendronateCautions');
  }
  if (b.calciumCheck) {
    rules.push(b.drug === 'denosumab' ? R10_3_DENOSUMAB : R10_3);
    if (b.drug === 'denosumab') keys.push('drugs.denosumabCorrectHypocalcaemiaFirst');
  }
  if (b.drug === 'romosozumab') rules.push(R10_2_ROMO);
  else if (b.male) {
    keys.push('drugs.registeredForMen');
    rules.push(R10_5);
  }
  if (b.teriparatideChecks) {
    rules.push(R10_2_TERIPARATIDE);
    keys.push('drugs.teriparatideContraindicationsApply', 'drugs.teriparatideMaxLifetimeMonths');
  }
  if (b.drug === 'denosumab') rules.push(R11_4);
  return explain(rules, keys, b.drug === 'alendronate' ? ['C7'] : []);
}

// The explanation depends only on which checks ran, so each combination is built once (numeric key: no
// string building on the hot path).
const DRUG_INDEX: Readonly<Record<DrugCode, number>> = {
  alendronate: 0,
  risedronate: 1,
  zoledronicAcid: 2,
  denosumab: 3,
  teriparatide: 4,
  romosozumab: 5,
};
const explanations: (Explanation | undefined)[] = [];

function explanationFor(b: ExplanationBranches): Explanation {
  const key =
    DRUG_INDEX[b.drug] * 16 +
    (b.oralChecks ? 1 : 0) +
    (b.calciumCheck ? 2 : 0) +
    (b.male ? 4 : 0) +
    (b.teriparatideChecks ? 8 : 0);
  let found = explanations[key];
  if (found === undefined) {
    found = buildExplanation(b);
    explanations[key] = found;
  }
  return found;
}

const TERIPARATIDE_CHECKS = [
  ['hypercalcaemia', 'hypercalcaemia'],
  ['metabolicBoneDiseaseOtherThanPrimaryOsteoporosis', 'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis'],
  ['unexplainedRaisedAlkalinePhosphatase', 'unexplainedRaisedAlkalinePhosphatase'],
  ['priorSkeletalRadiotherapy', 'priorSkeletalRadiotherapy'],
  ['skeletalMalignancyOrMetastases', 'skeletalMalignancyOrMetastases'],
  ['pregnantOrLactating', 'pregnancyOrLactation'],
] as const satisfies readonly (readonly [keyof DrugEligibilityInput, DrugBlockReason])[];

/** R10.2–R10.5 on clean input. */
export function drugEligibilityUnchecked(
  input: DrugEligibilityInput,
  config: ClinicalConfig,
): DrugEligibilityResult {
  const drug = input.drug;
  const reasons: DrugBlockReason[] = [];
  const cautions: DrugCaution[] = [];
  const missing: string[] = [];
  const toCheck: string[] = [];
  const renal = input.renalFunctionMlMin ?? null;

  const renalKey = RENAL_KEYS[drug];
  if (renalKey !== undefined) {
    const threshold = configValue(config, renalKey);
    if (renal === null) missing.push('renalFunctionMlMin');
    else if (renal < threshold) reasons.push(renalReason(threshold));
  } else {
    const monitorKey =
      drug === 'denosumab'
        ? 'drugs.denosumabCalciumMonitoringBelowMlMin'
        : 'drugs.romosozumabCalciumMonitoringBelowMlMin';
    if (renal !== null && renal < configValue(config, monitorKey))
      cautions.push('monitorCalciumSevereRenalImpairment');
  }

  // Oral bisphosphonates: oesophagus and posture.
  const oralChecks =
    drug === 'alendronate' ||
    (drug === 'risedronate' && config.entries['drugs.risedronateSharesAlendronateCautions'].value);
  if (oralChecks) {
    if (need(input.canStayUpright30Min, 'canStayUpright30Min', missing) === false)
      reasons.push('cannotStayUpright30Min');
    if (need(input.oesophagealEmptyingDisorder, 'oesophagealEmptyingDisorder', missing) === true)
      reasons.push('oesophagealEmptyingDisorder');
  }

  // R10.3: calcium before antiresorptives and romosozumab.
  const calciumCheck =
    drug === 'zoledronicAcid' ||
    drug === 'romosozumab' ||
    oralChecks ||
    (drug === 'denosumab' && config.entries['drugs.denosumabCorrectHypocalcaemiaFirst'].value);
  if (calciumCheck && need(input.hypocalcaemia, 'hypocalcaemia', missing) === true)
    reasons.push('correctHypocalcaemiaFirst');

  const male = input.sex === 'male';
  if (drug === 'romosozumab') {
    if (
      need(input.historyMyocardialInfarctionOrStroke, 'historyMyocardialInfarctionOrStroke', missing) === true
    ) {
      reasons.push('historyMyocardialInfarctionOrStroke');
    }
    if (male || need(input.postmenopausal, 'postmenopausal', missing) === false)
      reasons.push('registeredForPostmenopausalWomenOnly');
    cautions.push('followWithAntiresorptive');
  } else if (male && !config.entries['drugs.registeredForMen'].value.includes(drug)) {
    reasons.push('notRegisteredForMen');
  }

  const teriparatideChecks =
    drug === 'teriparatide' && config.entries['drugs.teriparatideContraindicationsApply'].value;
  if (teriparatideChecks) {
    for (const [field, reason] of TERIPARATIDE_CHECKS) {
      if (need(input[field], field, toCheck) === true) reasons.push(reason);
    }
    const used = input.teriparatideMonthsUsed;
    if (used === undefined || used === null) cautions.push('checkPriorTeriparatideUse');
    else if (used >= config.entries['drugs.teriparatideMaxLifetimeMonths'].value)
      reasons.push('lifetimeMaximumReached');
  }

  if (drug === 'denosumab') cautions.push('neverStopWithoutFollowOn', 'cautionInYoungerPatients');

  return {
    status: 'ok',
    drug,
    allowed: reasons.length > 0 ? false : missing.length > 0 ? null : true,
    reasons,
    cautions,
    prerequisites: drug === 'teriparatide' ? [] : ANTIRESORPTIVE_PREREQUISITES,
    missing,
    toCheck,
    explanation: explanationFor({ drug, oralChecks, calciumCheck, male, teriparatideChecks }),
  };
}

const ELIGIBILITY_KEYS = new Set([
  'drug',
  'sex',
  'renalFunctionMlMin',
  'postmenopausal',
  'canStayUpright30Min',
  'oesophagealEmptyingDisorder',
  'hypocalcaemia',
  'historyMyocardialInfarctionOrStroke',
  'hypercalcaemia',
  'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
  'unexplainedRaisedAlkalinePhosphatase',
  'priorSkeletalRadiotherapy',
  'skeletalMalignancyOrMetastases',
  'pregnantOrLactating',
  'teriparatideMonthsUsed',
]);

const BOOLEAN_FIELDS = [
  'postmenopausal',
  'canStayUpright30Min',
  'oesophagealEmptyingDisorder',
  'hypocalcaemia',
  'historyMyocardialInfarctionOrStroke',
  'hypercalcaemia',
  'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
  'unexplainedRaisedAlkalinePhosphatase',
  'priorSkeletalRadiotherapy',
  'skeletalMalignancyOrMetastases',
  'pregnantOrLactating',
] as const;

function nullableNumberField(
  record: InputRecord,
  key: string,
  prefix: string,
  range: { min: number; max: number },
): number | null {
  return record[key] === null ? null : (optionalNumber(record, key, prefix, range) ?? null);
}

export function validateDrugEligibilityInput(value: unknown, prefix = ''): DrugEligibilityInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, ELIGIBILITY_KEYS, prefix);
  const result: Record<string, unknown> = {
    drug: requireOneOf(record, 'drug', prefix, DRUG_CODES),
    sex: requireOneOf(record, 'sex', prefix, SEXES),
    renalFunctionMlMin: nullableNumberField(record, 'renalFunctionMlMin', prefix, { min: 0, max: 300 }),
    teriparatideMonthsUsed: nullableNumberField(record, 'teriparatideMonthsUsed', prefix, {
      min: 0,
      max: 600,
    }),
  };
  for (const field of BOOLEAN_FIELDS) result[field] = nullableBoolean(record, field, prefix) ?? null;
  return result as unknown as DrugEligibilityInput;
}

/**
 * R10.2–R10.5: whether a drug may be started, with every block reason (renal thresholds per drug — alendronate
 * and zoledronic acid < 35, risedronate < 30 [UNCONFIRMED] —, upright 30 minutes, oesophagus, hypocalcaemia,
 * MI/stroke and registration for romosozumab, teriparatide contraindications), cautions and R10.3 prerequisites.
 * @throws ClinicalInputError for out-of-range input or unknown fields.
 */
export function drugEligibility(
  input: DrugEligibilityInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): DrugEligibilityResult {
  return drugEligibilityUnchecked(validateDrugEligibilityInput(input), config);
}
