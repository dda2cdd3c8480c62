// R11 — follow-up during treatment: control visits, re-evaluation, stopping denosumab, new fractures, and who
// follows the patient up afterwards. Dated schedules turn these rules into the pathway's tasks.
import {
  addCalendarMonths,
  addCalendarMonthsToCivil,
  addDays,
  monthEndRuleOf,
  parseIsoDate,
  type IsoDate,
} from './calendarDate';
import { DRUG_CODES, type DrugCode } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from './config';
import { ClinicalInputError } from './errors';
import {
  EMPTY_EXPLANATION,
  explain,
  notCovered,
  rule,
  type ConfidenceMarker,
  type Explanation,
  type NotCovered,
  type SourceTag,
} from './explanation';
import {
  asRecord,
  checkIsoDate,
  checkNumber,
  checkOneOf,
  optionalOneOf,
  rejectUnknownKeys,
  requireBoolean,
  requireIsoDate,
  requireOneOf,
} from './validation';

export type ReevaluationContent = 'newFracturesAndRiskFactors' | 'DXA' | 'VFA' | 'boneMarkersIfAvailable';
export const REEVALUATION_CONTENTS: readonly ReevaluationContent[] = [
  'newFracturesAndRiskFactors',
  'DXA',
  'VFA',
  'boneMarkersIfAvailable',
];

const R11_1 = rule('R11.1', ['S4']);
const R11_1_NHG = rule('R11.1', ['S31'], 'SOURCE', 'control visits at 4, 13 and 26 weeks, then yearly (C17)');
const R11_2 = rule('R11.2', ['S4']);
const R11_4 = rule('R11.4', ['S15', 'S16']);
const R11_5 = rule('R11.5', ['S11', 'S13']);
const R11_3 = rule('R11.3', ['S22/003', 'S22/001', 'S7']);

// ── Event: start ─────────────────────────────────────────────────────────────────────────────────────────────

export interface FollowUpOnStart {
  readonly status: 'ok';
  readonly drug: DrugCode;
  readonly evaluationMonths: readonly number[];
  /** Only with the NHG-summary scheme (C17): 4, 13 and 26 weeks. */
  readonly evaluationWeeks: readonly number[];
  readonly thenEveryMonths: number;
  readonly standardReevaluationAfterYears: number;
  readonly reevaluationContents: readonly ReevaluationContent[];
  /** R11.5: after anabolic therapy continue with an antiresorptive. */
  readonly followWithAntiresorptive: boolean;
  readonly explanation: Explanation;
}

const START_KEYS: readonly ConfigKey[] = [
  'followUp.visitScheme',
  'followUp.firstEvaluationMonths',
  'followUp.thenEveryMonths',
  'followUp.standardReevaluationYears',
];
const NHG_WEEKS: readonly number[] = [4, 13, 26];
// Indexed by (NHG scheme ? 2 : 0) + (anabolic ? 1 : 0).
const START_EXPLANATIONS: readonly Explanation[] = [
  explain([R11_1, R11_2], START_KEYS, ['C11', 'C17']),
  explain([R11_1, R11_2, R11_5], START_KEYS, ['C11', 'C17']),
  explain([R11_1_NHG, R11_2], START_KEYS, ['C11', 'C17']),
  explain([R11_1_NHG, R11_2, R11_5], START_KEYS, ['C11', 'C17']),
];

/**
 * R11.1–R11.2, R11.5: evaluate 3 months after the start and yearly (NIV; C17 alternative configurable); standard
 * re-evaluation after 5 (alendronate, risedronate), 3 (zoledronic acid, denosumab), 2 (teriparatide) or 1
 * (romosozumab) years (C11), covering new fractures and risk factors, DXA, VFA and bone markers.
 * @throws ClinicalInputError for an unknown drug.
 */
export function followUpOnStart(drug: DrugCode, config: ClinicalConfig = DEFAULT_CONFIG): FollowUpOnStart {
  const checked = checkOneOf(drug, 'drug', DRUG_CODES);
  const nhg = config.entries['followUp.visitScheme'].value === 'NHGsummary';
  const anabolic = checked === 'romosozumab' || checked === 'teriparatide';
  return {
    status: 'ok',
    drug: checked,
    evaluationMonths: nhg ? [] : [config.entries['followUp.firstEvaluationMonths'].value],
    evaluationWeeks: nhg ? NHG_WEEKS : [],
    thenEveryMonths: config.entries['followUp.thenEveryMonths'].value,
    standardReevaluationAfterYears: config.entries['followUp.standardReevaluationYears'].value[checked],
    reevaluationContents: REEVALUATION_CONTENTS,
    followWithAntiresorptive: anabolic,
    explanation: START_EXPLANATIONS[(nhg ? 2 : 0) + (anabolic ? 1 : 0)] ?? EMPTY_EXPLANATION,
  };
}

// ── Event: stop denosumab ───────────────────────────────────────────────────────────────────────────────────

export interface DenosumabStopPlan {
  readonly status: 'ok';
  readonly startAlternativeAntiresorptiveOn: IsoDate;
  readonly neverStopWithoutFollowOn: true;
  /** A bisphosphonate, for example zoledronic acid (ECTS 2021). */
  readonly suggestedFollowOn: readonly DrugCode[];
  readonly explanation: Explanation;
}

/**
 * R11.4: never stop denosumab without follow-on therapy; start an alternative antiresorptive 6 calendar months
 * after the last injection (2024-01-15 → 2024-07-15; month ends per `calendar.monthEndRule`).
 * @throws ClinicalInputError for an invalid date.
 */
export function denosumabStopPlan(
  lastInjectionDate: IsoDate,
  config: ClinicalConfig = DEFAULT_CONFIG,
): DenosumabStopPlan {
  const date = checkIsoDate(lastInjectionDate, 'lastInjectionDate');
  return {
    status: 'ok',
    startAlternativeAntiresorptiveOn: addCalendarMonths(
      date,
      config.entries['followUp.denosumabFollowOnAfterMonths'].value,
      config,
    ),
    neverStopWithoutFollowOn: true,
    suggestedFollowOn: ['zoledronicAcid', 'alendronate', 'risedronate'],
    explanation: explain([R11_4], ['followUp.denosumabFollowOnAfterMonths', 'calendar.monthEndRule']),
  };
}

/** R11.2 gap: stopping or pausing a bisphosphonate (drug holiday) — the criteria were not available. */
export function drugHolidayCriteria(): NotCovered {
  return notCovered(
    'R11.2',
    'criteria for continuing or pausing a bisphosphonate (drug holiday) after the standard duration',
    explain([R11_2]),
  );
}

// ── Event: new fracture during treatment ────────────────────────────────────────────────────────────────────

export interface NewFractureDuringTreatment {
  readonly status: 'ok';
  readonly checkAdherenceBoneLossNewRiskFactors: true;
  /** From 12 months of antiresorptive treatment: standard re-evaluation to decide continue or switch. */
  readonly standardReevaluation: boolean;
  readonly explanation: Explanation;
}

/**
 * R11.1: a new fracture during treatment → check adherence, bone loss and new risk factors; after ≥ 12 months of
 * antiresorptive treatment also a standard re-evaluation (12 months exactly counts).
 * @throws ClinicalInputError for a negative or non-numeric duration.
 */
export function newFractureDuringTreatment(
  monthsOnAntiresorptive: number,
  config: ClinicalConfig = DEFAULT_CONFIG,
): NewFractureDuringTreatment {
  const months = checkNumber(monthsOnAntiresorptive, 'monthsOnAntiresorptive', { min: 0, max: 600 });
  return {
    status: 'ok',
    checkAdherenceBoneLossNewRiskFactors: true,
    standardReevaluation: months >= config.entries['followUp.newFractureReevaluationMinMonths'].value,
    explanation: explain([R11_1, R11_2], ['followUp.newFractureReevaluationMinMonths']),
  };
}

// ── Who follows the patient up ──────────────────────────────────────────────────────────────────────────────

export type Diagnosis = 'normal' | 'osteopenia' | 'osteoporosis' | 'severeOsteoporosis';
export const DIAGNOSES: readonly Diagnosis[] = ['normal', 'osteopenia', 'osteoporosis', 'severeOsteoporosis'];
export type SecondaryCause = 'vitaminDDeficiency' | 'longTermGlucocorticoids' | 'other';
export const SECONDARY_CAUSES: readonly SecondaryCause[] = [
  'vitaminDDeficiency',
  'longTermGlucocorticoids',
  'other',
];
export type CareOwner = 'none' | 'gp' | 'hospitalSpecialist';

export interface CareAfterDiagnosisInput {
  readonly diagnosis: Diagnosis;
  readonly treatmentStarted: boolean;
  readonly secondaryOsteoporosis: boolean;
  readonly secondaryCause?: SecondaryCause;
}

export interface CareAfterDiagnosis {
  readonly status: 'ok';
  readonly furtherFollowUp: boolean;
  readonly careOwner: CareOwner;
  readonly explanation: Explanation;
}

const CARE_KEYS: readonly ConfigKey[] = ['followUp.gpKeepsVitaminDAndGlucocorticoidCauses'];

function careResult(
  furtherFollowUp: boolean,
  careOwner: CareOwner,
  explanation: Explanation,
): CareAfterDiagnosis {
  return { status: 'ok', furtherFollowUp, careOwner, explanation };
}

function careExplanation(note: string): Explanation {
  return explain([rule('R11.3', ['S22/003', 'S7'], 'SOURCE', note)], CARE_KEYS);
}

const CARE_GP_KEEPS = careExplanation(
  'NHG 2012: the GP keeps vitamin-D deficiency and long-term glucocorticoid use',
);
const CARE_SPECIALIST = careExplanation(
  'secondary osteoporosis → hospital specialist, depending on the cause',
);
const CARE_GP = careExplanation('medication for primary osteoporosis started → care passes to the GP');
const CARE_NONE = careExplanation('normal BMD or osteopenia without treatment → no further follow-up');
const CARE_UNTREATED = notCovered(
  'R11.3',
  'follow-up of primary osteoporosis when no treatment was started (for example declined)',
  explain([R11_3], CARE_KEYS),
);

/** R11.3 on clean input. */
export function careAfterDiagnosisUnchecked(
  input: CareAfterDiagnosisInput,
  config: ClinicalConfig,
): CareAfterDiagnosis | NotCovered {
  if (input.secondaryOsteoporosis) {
    const gpCause =
      input.secondaryCause === 'vitaminDDeficiency' || input.secondaryCause === 'longTermGlucocorticoids';
    if (gpCause && config.entries['followUp.gpKeepsVitaminDAndGlucocorticoidCauses'].value)
      return careResult(true, 'gp', CARE_GP_KEEPS);
    return careResult(true, 'hospitalSpecialist', CARE_SPECIALIST);
  }
  if (input.treatmentStarted) return careResult(true, 'gp', CARE_GP);
  if (input.diagnosis === 'normal' || input.diagnosis === 'osteopenia')
    return careResult(false, 'none', CARE_NONE);
  return CARE_UNTREATED;
}

/**
 * R11.3: secondary osteoporosis → hospital specialist; medication for primary osteoporosis started → GP; normal
 * BMD or osteopenia without treatment → no further follow-up (`none`); untreated osteoporosis → not covered.
 * @throws ClinicalInputError for unknown values.
 */
export function careAfterDiagnosis(
  input: CareAfterDiagnosisInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): CareAfterDiagnosis | NotCovered {
  return careAfterDiagnosisUnchecked(validateCareAfterDiagnosisInput(input), config);
}

export function validateCareAfterDiagnosisInput(value: unknown): CareAfterDiagnosisInput {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['diagnosis', 'treatmentStarted', 'secondaryOsteoporosis', 'secondaryCause'], '');
  const secondaryCause = optionalOneOf(record, 'secondaryCause', '', SECONDARY_CAUSES);
  return {
    diagnosis: requireOneOf(record, 'diagnosis', '', DIAGNOSES),
    treatmentStarted: requireBoolean(record, 'treatmentStarted', ''),
    secondaryOsteoporosis: requireBoolean(record, 'secondaryOsteoporosis', ''),
    ...(secondaryCause === undefined ? {} : { secondaryCause }),
  };
}

// ── Dated schedule ──────────────────────────────────────────────────────────────────────────────────────────

export type FollowUpKind =
  | 'evaluation'
  | 'controlVisit'
  | 'yearlyCheck'
  | 'adherenceCheck'
  | 'denosumabInjection'
  | 'zoledronicAcidInfusion'
  | 'romosozumabInjection'
  | 'anabolicCourseEnd'
  | 'startFollowOnAntiresorptive'
  | 'standardReevaluation';

export interface FollowUpItem {
  readonly kind: FollowUpKind;
  readonly dueDate: IsoDate;
  readonly ruleId: string;
  readonly sources: readonly SourceTag[];
  readonly marker: ConfidenceMarker;
  readonly configKeys: readonly ConfigKey[];
  /** Dose number, check number or weeks, depending on the kind. */
  readonly sequence?: number;
  readonly weeksAfterAnchor?: number;
  readonly note?: string;
}

export interface FollowUpScheduleInput {
  readonly drug: DrugCode;
  readonly startDate: IsoDate;
  /** The FLS index fracture; anchors the adherence checks when so configured. */
  readonly indexFractureDate?: IsoDate;
}

export interface FollowUpSchedule {
  readonly status: 'ok';
  readonly drug: DrugCode;
  readonly startDate: IsoDate;
  readonly items: readonly FollowUpItem[];
  readonly explanation: Explanation;
}

const KIND_ORDER: Readonly<Record<FollowUpKind, number>> = {
  evaluation: 0,
  controlVisit: 1,
  adherenceCheck: 2,
  yearlyCheck: 3,
  denosumabInjection: 4,
  zoledronicAcidInfusion: 5,
  romosozumabInjection: 6,
  anabolicCourseEnd: 7,
  startFollowOnAntiresorptive: 8,
  standardReevaluation: 9,
};

const IOF_SOURCE: readonly SourceTag[] = ['QUALITY-KPIS §3 (IOF KPI set, Javaid 2020)'];

const SCHEDULE_EXPLANATION = explain(
  [
    R11_1,
    R11_2,
    rule('IOF-KPI', IOF_SOURCE, 'INFERRED', '16- and 52-week adherence checks from the IOF KPI windows'),
  ],
  [...START_KEYS, 'followUp.adherenceCheckWeeks', 'followUp.adherenceCheckAnchor', 'calendar.monthEndRule'],
  ['C11', 'C17'],
);

// Shared by every schedule item of that kind (no per-call allocation).
const SRC_S31: readonly SourceTag[] = ['S31'];
const KEYS_VISITSCHEME: readonly ConfigKey[] = ['followUp.visitScheme'];
const SRC_S4: readonly SourceTag[] = ['S4'];
const KEYS_VISITSCHEME_FIRSTEVALUATIONMONTHS: readonly ConfigKey[] = [
  'followUp.visitScheme',
  'followUp.firstEvaluationMonths',
];
const KEYS_THENEVERYMONTHS: readonly ConfigKey[] = ['followUp.thenEveryMonths'];
const KEYS_ADHERENCECHECKWEEKS_ADHERENCECHECKANCHOR: readonly ConfigKey[] = [
  'followUp.adherenceCheckWeeks',
  'followUp.adherenceCheckAnchor',
];
const SRC_S22001: readonly SourceTag[] = ['S22/001'];
const KEYS_DENOSUMABINTERVALMONTHS: readonly ConfigKey[] = ['followUp.denosumabIntervalMonths'];
const SRC_S14_S42: readonly SourceTag[] = ['S14', 'S42'];
const KEYS_ZOLEDRONICACIDINTERVALMONTHS: readonly ConfigKey[] = ['followUp.zoledronicAcidIntervalMonths'];
const SRC_S13: readonly SourceTag[] = ['S13'];
const KEYS_ROMOSOZUMABCOURSEMONTHS: readonly ConfigKey[] = ['followUp.romosozumabCourseMonths'];
const SRC_S11_S13: readonly SourceTag[] = ['S11', 'S13'];
const SRC_S43: readonly SourceTag[] = ['S43'];
const KEYS_TERIPARATIDEMAXLIFETIMEMONTHS: readonly ConfigKey[] = ['drugs.teriparatideMaxLifetimeMonths'];
const SRC_S11: readonly SourceTag[] = ['S11'];
const KEYS_STANDARDREEVALUATIONYEARS: readonly ConfigKey[] = ['followUp.standardReevaluationYears'];

/** R11 tasks on clean input. */
export function followUpScheduleUnchecked(
  input: FollowUpScheduleInput,
  config: ClinicalConfig,
): FollowUpSchedule {
  const { drug, startDate } = input;
  const items: FollowUpItem[] = [];
  const start = parseIsoDate(startDate, 'startDate');
  const monthEnd = monthEndRuleOf(config);
  const reevaluationMonths = config.entries['followUp.standardReevaluationYears'].value[drug] * 12;

  if (config.entries['followUp.visitScheme'].value === 'NHGsummary') {
    NHG_WEEKS.forEach((weeks, index) =>
      items.push({
        kind: 'controlVisit',
        dueDate: addDays(startDate, weeks * 7),
        ruleId: 'R11.1',
        sources: SRC_S31,
        marker: 'SOURCE',
        configKeys: KEYS_VISITSCHEME,
        sequence: index + 1,
        weeksAfterAnchor: weeks,
      }),
    );
  } else {
    const first = config.entries['followUp.firstEvaluationMonths'].value;
    items.push({
      kind: 'evaluation',
      dueDate: addCalendarMonthsToCivil(start, first, monthEnd),
      ruleId: 'R11.1',
      sources: SRC_S4,
      marker: 'SOURCE',
      configKeys: KEYS_VISITSCHEME_FIRSTEVALUATIONMONTHS,
      note: 'tolerance, adherence, motivation',
    });
  }
  const every = config.entries['followUp.thenEveryMonths'].value;
  for (let m = every, n = 1; m < reevaluationMonths; m += every, n += 1) {
    items.push({
      kind: 'yearlyCheck',
      dueDate: addCalendarMonthsToCivil(start, m, monthEnd),
      ruleId: 'R11.1',
      sources: SRC_S4,
      marker: 'SOURCE',
      configKeys: KEYS_THENEVERYMONTHS,
      sequence: n,
    });
  }

  const fractureAnchor =
    config.entries['followUp.adherenceCheckAnchor'].value === 'indexFracture'
      ? input.indexFractureDate
      : undefined;
  const anchorIsFracture = fractureAnchor !== undefined;
  const anchor = fractureAnchor ?? startDate;
  for (const weeks of config.entries['followUp.adherenceCheckWeeks'].value) {
    items.push({
      kind: 'adherenceCheck',
      dueDate: addDays(anchor, weeks * 7),
      ruleId: 'IOF-KPI',
      sources: IOF_SOURCE,
      marker: 'INFERRED',
      configKeys: KEYS_ADHERENCECHECKWEEKS_ADHERENCECHECKANCHOR,
      weeksAfterAnchor: weeks,
      note: anchorIsFracture ? 'counted from the index fracture' : 'counted from the start of the drug',
    });
  }

  switch (drug) {
    case 'denosumab': {
      const interval = config.entries['followUp.denosumabIntervalMonths'].value;
      for (let m = interval, dose = 2; m < reevaluationMonths; m += interval, dose += 1) {
        items.push({
          kind: 'denosumabInjection',
          dueDate: addCalendarMonthsToCivil(start, m, monthEnd),
          ruleId: 'R10.2',
          sources: SRC_S22001,
          marker: 'SOURCE',
          configKeys: KEYS_DENOSUMABINTERVALMONTHS,
          sequence: dose,
          note: 'given by the GP',
        });
      }
      break;
    }
    case 'zoledronicAcid': {
      const interval = config.entries['followUp.zoledronicAcidIntervalMonths'].value;
      for (let m = interval, dose = 2; m < reevaluationMonths; m += interval, dose += 1) {
        items.push({
          kind: 'zoledronicAcidInfusion',
          dueDate: addCalendarMonthsToCivil(start, m, monthEnd),
          ruleId: 'R10.2',
          sources: SRC_S14_S42,
          marker: 'SOURCE',
          configKeys: KEYS_ZOLEDRONICACIDINTERVALMONTHS,
          sequence: dose,
          note: 'creatinine and calcium before the dose',
        });
      }
      break;
    }
    case 'romosozumab': {
      const course = config.entries['followUp.romosozumabCourseMonths'].value;
      for (let m = 1; m < course; m += 1) {
        items.push({
          kind: 'romosozumabInjection',
          dueDate: addCalendarMonthsToCivil(start, m, monthEnd),
          ruleId: 'R10.2',
          sources: SRC_S13,
          marker: 'SOURCE',
          configKeys: KEYS_ROMOSOZUMABCOURSEMONTHS,
          sequence: m + 1,
        });
      }
      items.push({
        kind: 'startFollowOnAntiresorptive',
        dueDate: addCalendarMonthsToCivil(start, course, monthEnd),
        ruleId: 'R11.5',
        sources: SRC_S11_S13,
        marker: 'SOURCE',
        configKeys: KEYS_ROMOSOZUMABCOURSEMONTHS,
      });
      break;
    }
    case 'teriparatide': {
      const course = config.entries['drugs.teriparatideMaxLifetimeMonths'].value;
      items.push({
        kind: 'anabolicCourseEnd',
        dueDate: addCalendarMonthsToCivil(start, course, monthEnd),
        ruleId: 'R10.2',
        sources: SRC_S43,
        marker: 'UNCONFIRMED',
        configKeys: KEYS_TERIPARATIDEMAXLIFETIMEMONTHS,
      });
      items.push({
        kind: 'startFollowOnAntiresorptive',
        dueDate: addCalendarMonthsToCivil(start, course, monthEnd),
        ruleId: 'R11.5',
        sources: SRC_S11,
        marker: 'SOURCE',
        configKeys: KEYS_TERIPARATIDEMAXLIFETIMEMONTHS,
      });
      break;
    }
    case 'alendronate':
    case 'risedronate':
      break;
  }

  items.push({
    kind: 'standardReevaluation',
    dueDate: addCalendarMonthsToCivil(start, reevaluationMonths, monthEnd),
    ruleId: 'R11.2',
    sources: SRC_S4,
    marker: 'SOURCE',
    configKeys: KEYS_STANDARDREEVALUATIONYEARS,
    note:
      drug === 'denosumab'
        ? 'decide: next injection or follow-on antiresorptive (never stop without follow-on, R11.4)'
        : 'new fractures and risk factors, DXA, VFA, bone markers where available',
  });

  items.sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  return {
    status: 'ok',
    drug,
    startDate,
    items,
    explanation: SCHEDULE_EXPLANATION,
  };
}

/**
 * R11.1, R11.2, R11.4, R11.5 and the IOF KPI windows as dated tasks: 3-month evaluation, yearly checks, 16- and
 * 52-week adherence checks, denosumab every 6 months, zoledronic acid yearly, romosozumab monthly, and the
 * standard re-evaluation after 5/3/2/1 years by drug.
 * @throws ClinicalInputError for an unknown drug or an invalid date.
 */
export function followUpSchedule(
  input: FollowUpScheduleInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): FollowUpSchedule {
  const record = asRecord(input, '');
  rejectUnknownKeys(record, ['drug', 'startDate', 'indexFractureDate'], '');
  const drug = requireOneOf(record, 'drug', '', DRUG_CODES);
  const startDate = requireIsoDate(record, 'startDate', '');
  const indexFractureDate =
    record.indexFractureDate === undefined ? undefined : requireIsoDate(record, 'indexFractureDate', '');
  if (
    indexFractureDate !== undefined &&
    indexFractureDate > startDate &&
    config.entries['followUp.adherenceCheckAnchor'].value === 'indexFracture'
  ) {
    throw new ClinicalInputError(
      'indexFractureDate',
      'inconsistent',
      'index fracture after the start of treatment',
    );
  }
  return followUpScheduleUnchecked(
    { drug, startDate, ...(indexFractureDate === undefined ? {} : { indexFractureDate }) },
    config,
  );
}
