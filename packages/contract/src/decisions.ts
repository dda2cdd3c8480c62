import { z } from 'zod/mini';
import { ruleTraceSchema } from './ruleTrace';
import { knownCode } from './fields';
import { BMD_CATEGORIES, RULE_MARKERS } from './codes';

/*
 * The decision screen (issue 11, items 5 and 6): the engine's assessment as items the clinician accepts
 * or overrides, and the decision as stored. The code lists below are what the web words in the user's
 * language (its decision screen catalogue); they are this area's own, so the shell's bundle carries none
 * of them (only the decision screen imports this module).
 */

/** One item per question the clinician answers, in the order the screen shows them. */
export const DECISION_ITEM_CODES = [
  'diagnosis',
  'vertebral_fractures',
  'treatment_indication',
  'drug',
  'referral_fall_clinic',
  'referral_physiotherapy',
  'referral_secondary_osteoporosis',
  'referral_dentist',
  'lifestyle',
  'follow_up',
  'calcium',
  'vitamin_d',
] as const;
export type DecisionItemCode = (typeof DECISION_ITEM_CODES)[number];

export const DECISION_ITEM_GROUPS = ['diagnosis', 'treatment', 'referrals', 'advice'] as const;
export type DecisionItemGroup = (typeof DECISION_ITEM_GROUPS)[number];

export const GROUP_OF_ITEM: Readonly<Record<DecisionItemCode, DecisionItemGroup>> = {
  diagnosis: 'diagnosis',
  vertebral_fractures: 'diagnosis',
  treatment_indication: 'treatment',
  drug: 'treatment',
  referral_fall_clinic: 'referrals',
  referral_physiotherapy: 'referrals',
  referral_secondary_osteoporosis: 'referrals',
  referral_dentist: 'referrals',
  lifestyle: 'advice',
  follow_up: 'advice',
  calcium: 'advice',
  vitamin_d: 'advice',
};

export const DECISION_CHOICES = ['accept', 'override'] as const;
export type DecisionChoice = (typeof DECISION_CHOICES)[number];

/** R5 VFA categories. */
export const VFA_CATEGORY_CODES = ['none', 'grade1', 'grade2_single', 'grade2_multiple', 'grade3'] as const;
export const TREATMENT_INDICATION_VALUES = ['treat', 'no_treatment'] as const;
/** R10 drugs (the engine's codes), and `none`: no fracture-prevention drug. */
export const DECISION_DRUG_CODES = [
  'alendronate',
  'risedronate',
  'zoledronicAcid',
  'denosumab',
  'teriparatide',
  'romosozumab',
  'none',
] as const;
export type DecisionDrugCode = (typeof DECISION_DRUG_CODES)[number];
export const REFERRAL_VALUES = ['refer', 'no_referral'] as const;
/** R14 lifestyle advice codes (the engine's). */
export const LIFESTYLE_CODES = [
  'calcium_diet',
  'vitamin_d',
  'exercise_weight_bearing',
  'stop_smoking',
  'limit_alcohol',
  'fall_prevention_home',
  'medication_review_falls',
  'dental_hygiene',
  'pain_management',
  'work_and_load',
  'hip_protector',
] as const;
/** R11.3 who follows the patient up after the diagnosis. */
export const CARE_OWNERS = ['none', 'gp', 'hospitalSpecialist'] as const;
export const SUPPLEMENT_VALUES = ['supplement', 'no_supplement'] as const;

/** The values an item may take; `lifestyle` takes a list of them. */
export const VALUES_OF_ITEM: Readonly<Record<DecisionItemCode, readonly string[]>> = {
  diagnosis: BMD_CATEGORIES,
  vertebral_fractures: VFA_CATEGORY_CODES,
  treatment_indication: TREATMENT_INDICATION_VALUES,
  drug: DECISION_DRUG_CODES,
  referral_fall_clinic: REFERRAL_VALUES,
  referral_physiotherapy: REFERRAL_VALUES,
  referral_secondary_osteoporosis: REFERRAL_VALUES,
  referral_dentist: REFERRAL_VALUES,
  lifestyle: LIFESTYLE_CODES,
  follow_up: CARE_OWNERS,
  calcium: SUPPLEMENT_VALUES,
  vitamin_d: SUPPLEMENT_VALUES,
};
export const MULTI_VALUE_ITEMS: readonly DecisionItemCode[] = ['lifestyle'];

/** R10.2–R10.5 why a drug is not allowed (the engine's codes). */
export const DRUG_BLOCK_REASONS = [
  'renalFunctionBelow35',
  'renalFunctionBelow30',
  'renalFunctionBelowThreshold',
  'cannotStayUpright30Min',
  'oesophagealEmptyingDisorder',
  'correctHypocalcaemiaFirst',
  'historyMyocardialInfarctionOrStroke',
  'registeredForPostmenopausalWomenOnly',
  'notRegisteredForMen',
  'hypercalcaemia',
  'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
  'unexplainedRaisedAlkalinePhosphatase',
  'priorSkeletalRadiotherapy',
  'skeletalMalignancyOrMetastases',
  'pregnancyOrLactation',
  'lifetimeMaximumReached',
] as const;

/** R10.2 how a drug is taken (the engine's codes), for the treatment plan. */
export const ADMINISTRATION_CODES = [
  'emptyStomachInTheMorning',
  'beforeBreakfast',
  'swallowWholeWithAtLeast200mlTapWater',
  'takeWithGlassOfPlainWaterAtLeast120ml',
  'standOrSitUpright30Min',
  'noFoodDrinkOrOtherMedicines30Min',
  'avoidMineralRichWater',
  'sameWeekdayEachWeek',
  'intravenousInfusionAtLeast15Min',
  'dayCareInfusionAboutOneHour',
  'bloodTestCreatinineAndCalciumBeforeEachDose',
  'drinkWellOnInfusionDay',
  'paracetamolForAcutePhaseReaction',
  'ensureCalciumAndVitaminD',
  'subcutaneousInjectionByGp',
  'dailySelfInjection',
  'givenByOrUnderSpecialist',
  'continueWithAntiresorptiveAfterwards',
  'neverStopWithoutFollowOn',
] as const;

/** R10.4 dental advice codes (the engine's). */
export const DENTAL_ADVICE_CODES = [
  'keepMouthAndTeethHealthy',
  'seeDentistRegularly',
  'tellDentistBeforeAnyProcedure',
  'checkFitOfDentures',
  'preventiveDentalCheckIfPoorOralHygieneOrCancer',
  'avoidInvasiveDentalWorkCloseToInfusion',
] as const;

/** R11 dated follow-up (the engine's kinds). */
export const FOLLOW_UP_KINDS = [
  'evaluation',
  'controlVisit',
  'yearlyCheck',
  'adherenceCheck',
  'denosumabInjection',
  'zoledronicAcidInfusion',
  'romosozumabInjection',
  'anabolicCourseEnd',
  'startFollowOnAntiresorptive',
  'standardReevaluation',
] as const;

/** Where the episode goes when the decision is recorded. */
export const DECISION_OUTCOMES = ['treating', 'no_treatment', 'referred'] as const;

/** The plan's dated tasks (task kinds of the contract's TASK_KINDS). */
export const DECISION_TASK_KINDS = [
  'start_treatment',
  'referral_fall_clinic',
  'referral_physiotherapy',
  'referral_secondary_osteoporosis',
  'referral_dentist',
  'send_result_letter',
  'send_gp_letter',
] as const;
export type DecisionTaskKind = (typeof DECISION_TASK_KINDS)[number];

/** The referral item whose `refer` makes each referral task. */
export const TASK_KIND_OF_REFERRAL = {
  referral_fall_clinic: 'referral_fall_clinic',
  referral_physiotherapy: 'referral_physiotherapy',
  referral_secondary_osteoporosis: 'referral_secondary_osteoporosis',
  referral_dentist: 'referral_dentist',
} as const satisfies Partial<Record<DecisionItemCode, DecisionTaskKind>>;

const MARKERS = RULE_MARKERS;

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const itemValue = z.nullable(z.union([z.string(), z.array(z.string())]));

/** One item of the engine's assessment, as the clinician sees it. */
const assessmentItemShape = {
  code: z.enum(DECISION_ITEM_CODES),
  group: z.enum(DECISION_ITEM_GROUPS),
  /** `insufficientData`: the engine could not decide; `missing` says which inputs it lacks. */
  status: z.enum(['proposed', 'insufficientData']),
  /** The engine's proposal (a code of VALUES_OF_ITEM, a list for lifestyle); null when undecided. */
  value: itemValue,
  details: z.record(z.string(), detailValue),
  /** The drug item: every drug, allowed or not, with the reasons. */
  drugOptions: z.array(
    z.object({
      drug: z.string(),
      allowed: z.nullable(z.boolean()),
      reasons: z.array(z.string()),
      missing: z.array(z.string()),
    }),
  ),
  rules: z.array(ruleTraceSchema),
  configKeys: z.array(z.string()),
  conflicts: z.array(z.string()),
  missing: z.array(z.string()),
  /** `UNCONFIRMED` / `INFERRED` when any rule behind the item carries it. */
  markers: z.array(knownCode(MARKERS)),
};
export const assessmentItemSchema = z.object(assessmentItemShape);
export type AssessmentItem = z.infer<typeof assessmentItemSchema>;

const planTaskTemplateShape = {
  kind: z.enum(DECISION_TASK_KINDS),
  role: z.string(),
  dueDate: z.string(),
  /** The due date's source: `R11` when the rules give it, else the installation's setting (unconfirmed). */
  dueFrom: z.enum(['rules', 'setting']),
};
export const planTaskTemplateSchema = z.object(planTaskTemplateShape);
export type PlanTaskTemplate = z.infer<typeof planTaskTemplateSchema>;

/** `GET /api/episodes/:episodeId/assessment`: computed now, never stored. */
export const assessmentSchema = z.object({
  episodeId: z.uuid(),
  patientId: z.uuid(),
  episodeState: z.string(),
  assessedOn: z.string(),
  /** Of the engine's input, configuration and engine: a decision sent on another one is refused. */
  fingerprint: z.string(),
  engineVersion: z.string(),
  configVersion: z.string(),
  configFingerprint: z.string(),
  /** The sections of the engine's input that were recorded (`sex`, `fractures`, `dxa` …). */
  sections: z.array(z.string()),
  items: z.array(assessmentItemSchema),
  /** The task each plan choice makes (with its role and due date if recorded today). */
  taskTemplates: z.array(planTaskTemplateSchema),
  /** The latest stored decision of the episode: a new one is based on it. */
  latestDecisionId: z.nullable(z.uuid()),
  /** The episode's version as assessed: the decision sends it back, and a changed episode refuses it. */
  episodeVersion: z.int(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const decidedItemSchema = z.object({
  ...assessmentItemShape,
  choice: z.enum(DECISION_CHOICES),
  /** What was decided: the proposal when accepted, the clinician's value when overridden. */
  decidedValue: itemValue,
  reason: z.string(),
});
export type DecidedItem = z.infer<typeof decidedItemSchema>;

export const planSchema = z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  drug: z.nullable(
    z.object({
      code: z.string(),
      administration: z.array(z.string()),
      sideEffectsToTell: z.array(z.string()),
      dentalAdvice: z.array(z.string()),
      longTermRiskAdvice: z.array(z.string()),
      dose: z.object({
        amount: z.number(),
        unit: z.string(),
        route: z.string(),
        everyCount: z.number(),
        everyUnit: z.string(),
      }),
      standardDurationYears: z.number(),
      rules: z.array(ruleTraceSchema),
    }),
  ),
  calcium: z.object({ value: itemValue, supplementMgPerDay: z.nullable(z.number()) }),
  vitaminD: z.object({ value: itemValue, iuPerDay: z.nullable(z.number()) }),
  lifestyle: z.array(z.string()),
  tasks: z.array(z.object({ ...planTaskTemplateShape, id: z.uuid() })),
  followUp: z.array(
    z.object({ kind: z.string(), dueDate: z.string(), ruleId: z.string(), marker: knownCode(MARKERS) }),
  ),
});
export type DecisionPlan = z.infer<typeof planSchema>;

/** A decision as stored: read back exactly, never recomputed. */
export const storedDecisionShape = {
  id: z.uuid(),
  episodeId: z.uuid(),
  sequence: z.int(),
  supersedesId: z.nullable(z.uuid()),
  fingerprint: z.string(),
  assessedOn: z.string(),
  engineVersion: z.string(),
  configVersion: z.string(),
  configFingerprint: z.string(),
  decidedAt: z.string(),
  decidedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  items: z.array(decidedItemSchema),
  plan: planSchema,
};
export const storedDecisionSchema = z.object(storedDecisionShape);
export type StoredDecisionAnswer = z.infer<typeof storedDecisionSchema>;

/** `GET /api/episodes/:episodeId/decision`: the latest stored decision, or null. */
export const decisionAnswerSchema = z.object({ decision: z.nullable(storedDecisionSchema) });
export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;
