import { z } from 'zod/mini';
import { ruleTraceSchema } from './ruleTrace';
import {
  EPISODE_STATES,
  FALL_INTERVENTIONS,
  FALL_INVENTORY_ITEMS,
  LAB_ANALYTES,
  LAB_ORDER_GROUPS,
  LAB_ORDER_TESTS,
  LAB_RESULT_FLAGS,
} from './codes';
import { knownCode } from './fields';

/*
 * Labs and fall risk of an episode (consult, R6/R7): the engine's order list, the results with their flags
 * against the laboratory's reference range, and the fall-risk screening with the engine's advice.
 */

/** One test the R6 panel asks for, and which part of R6 asks for it. */
export const labOrderItemSchema = z.object({
  test: knownCode(LAB_ORDER_TESTS),
  group: knownCode(LAB_ORDER_GROUPS),
  ruleId: z.string(),
});
export type LabOrderItem = z.infer<typeof labOrderItemSchema>;

/**
 * The R6 order list. `status` `insufficientData`: the engine cannot decide yet; `missing` names the input
 * it needs (`dxa.tScore`, `fractures`, `treatmentIndication` …) and `items` is empty.
 */
export const labPanelSchema = z.object({
  status: z.enum(['ok', 'insufficientData']),
  missing: z.array(z.string()),
  items: z.array(labOrderItemSchema),
  /** `recentFractureWithTLeqMinus1`, `medicationIndicationWithoutRecentFracture`, or null. */
  basicPanelTrigger: z.nullable(z.string()),
  referSecondaryCare: z.boolean(),
  /** `osteoporosisUnder50`, `multipleUnexplainedFractures`. */
  referralReasons: z.array(z.string()),
  rules: z.array(ruleTraceSchema),
  conflicts: z.array(z.string()),
});
export type LabPanel = z.infer<typeof labPanelSchema>;

/**
 * An analyte the screen takes results of: its one unit, its LOINC code where INTEROP.md gives one, and
 * the default reference range where RULES.md gives one (null: none — the laboratory's range is needed).
 */
export const labAnalyteSchema = z.object({
  code: z.enum(LAB_ANALYTES),
  unit: z.string(),
  loinc: z.nullable(z.string()),
  /** The R6 order code it answers. */
  orderTest: knownCode(LAB_ORDER_TESTS),
  defaultRangeLow: z.nullable(z.number()),
  defaultRangeHigh: z.nullable(z.number()),
  /** The rule that gives the default range (`R13.4`), or null. */
  defaultRangeRule: z.nullable(z.string()),
});
export type LabAnalyteView = z.infer<typeof labAnalyteSchema>;

export const labResultSchema = z.object({
  id: z.uuid(),
  analyte: z.enum(LAB_ANALYTES),
  value: z.number(),
  unit: z.string(),
  loinc: z.nullable(z.string()),
  rangeLow: z.nullable(z.number()),
  rangeHigh: z.nullable(z.number()),
  /** Against the range; null when no range was given (the screen says "range unconfirmed"). */
  flag: z.nullable(z.enum(LAB_RESULT_FLAGS)),
  sampledOn: z.string(),
  version: z.int(),
  recordedAt: z.string(),
  recordedBy: z.nullable(z.string()),
});
export type LabResult = z.infer<typeof labResultSchema>;

export const labResultsSavedSchema = z.object({ results: z.array(labResultSchema) });
export type LabResultsSaved = z.infer<typeof labResultsSavedSchema>;

/** The engine's R7 result for a set of screening answers. */
export const fallRiskAdviceSchema = z.object({
  nhgFallRiskInventory: z.boolean(),
  threeQuestionScreenPositive: z.boolean(),
  fallPreventionIndicated: z.boolean(),
  inventoryItems: z.array(knownCode(FALL_INVENTORY_ITEMS)),
  interventions: z.array(knownCode(FALL_INTERVENTIONS)),
  /** R7.3 fall clinic: the sources give no threshold for "very high fall risk" (not covered). */
  fallClinicReferral: z.object({ status: z.string(), ruleId: z.string(), gap: z.string() }),
  rules: z.array(ruleTraceSchema),
  conflicts: z.array(z.string()),
});
export type FallRiskAdvice = z.infer<typeof fallRiskAdviceSchema>;

export const fallRiskAssessmentSchema = z.object({
  id: z.uuid(),
  assessedOn: z.string(),
  fallsPastYear: z.int(),
  worriedAboutFalling: z.boolean(),
  difficultyWalkingOrBalance: z.boolean(),
  fallRiskIncreasingMedication: z.nullable(z.boolean()),
  version: z.int(),
  recordedAt: z.string(),
  recordedBy: z.nullable(z.string()),
  advice: fallRiskAdviceSchema,
});
export type FallRiskAssessment = z.infer<typeof fallRiskAssessmentSchema>;

/** `GET /api/episodes/:episodeId/labs-and-falls`. */
export const labsAndFallsSchema = z.object({
  episodeId: z.uuid(),
  patientId: z.uuid(),
  episodeState: knownCode(EPISODE_STATES),
  /** False for an ended episode (closed, declined, not eligible, lost): nothing can be saved. */
  writable: z.boolean(),
  panel: labPanelSchema,
  analytes: z.array(labAnalyteSchema),
  /** Newest sample first. */
  results: z.array(labResultSchema),
  /** The latest assessment (it counts), or null. */
  fallRisk: z.nullable(fallRiskAssessmentSchema),
  /** The version a new assessment is saved against (0: none yet). */
  fallRiskVersion: z.int(),
});
export type LabsAndFalls = z.infer<typeof labsAndFallsSchema>;
