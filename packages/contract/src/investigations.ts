// Answers of the investigations routes (DXA and VFA): the stored exams and what the clinical engine
// makes of them (R4 classification with the lowest-site rule, R5 category), with the rule IDs,
// sources and confidence markers behind each answer.
import { z } from 'zod/mini';
import {
  BMD_CATEGORIES,
  DXA_SITES,
  EPISODE_STATES,
  VFA_CATEGORIES,
  VFA_LEVELS,
  Z_SCORE_CATEGORIES,
} from './codes';
import { knownCode } from './fields';
import { ruleTraceSchema } from './ruleTrace';

export const explanationSchema = z.object({
  rules: z.array(ruleTraceSchema),
  /** Conflicts of RULES.md the answer touches (`C5`, `C18` …). */
  conflicts: z.array(z.string()),
});

export const dxaSiteValuesSchema = z.object({
  bmdGcm2: z.nullable(z.number()),
  tScore: z.nullable(z.number()),
  zScore: z.nullable(z.number()),
  evaluable: z.boolean(),
  vertebraeEvaluable: z.nullable(z.number()),
});
export type DxaSiteValues = z.infer<typeof dxaSiteValuesSchema>;

/** One site as the engine sees it: its T-score rounded (R4.3) and that score's WHO category (R4.2). */
export const dxaSiteClassificationSchema = z.object({
  site: knownCode(DXA_SITES),
  tScoreRounded: z.nullable(z.number()),
  category: z.nullable(knownCode(BMD_CATEGORIES)),
  /** Whether the lowest-site rule used this site (R4.1). */
  used: z.boolean(),
});

/** R4: the lowest valid site and its category for the patient, or what is missing to decide. */
export const dxaClassificationSchema = z.object({
  status: knownCode(['ok', 'insufficientData']),
  lowestSite: z.nullable(knownCode(DXA_SITES)),
  lowestTScore: z.nullable(z.number()),
  category: z.nullable(knownCode(BMD_CATEGORIES)),
  useZScore: z.nullable(z.boolean()),
  lowestZScore: z.nullable(z.number()),
  zCategory: z.nullable(knownCode(Z_SCORE_CATEGORIES)),
  /** Inputs the engine needs to decide (`dxa.tScore`, `menopausalStatus` …). */
  missing: z.array(z.string()),
  sites: z.array(dxaSiteClassificationSchema),
  explanation: explanationSchema,
});
export type DxaClassification = z.infer<typeof dxaClassificationSchema>;

/** R5: the VFA category (R5.4) from each vertebra's grade (R5.2), or not assessable (R5.1). */
export const vfaResultSchema = z.object({
  status: knownCode(['ok', 'notAssessable', 'insufficientData']),
  category: z.nullable(knownCode(VFA_CATEGORIES)),
  fracturedVertebraCount: z.nullable(z.int()),
  highestGrade: z.nullable(z.int()),
  /** Each vertebra listed, with the grade the engine used (from the grade or the height loss). */
  grades: z.array(z.object({ level: knownCode(VFA_LEVELS), grade: z.int() })),
  explanation: explanationSchema,
});
export type VfaResult = z.infer<typeof vfaResultSchema>;

export const vfaVertebraValuesSchema = z.object({
  level: knownCode(VFA_LEVELS),
  genantGrade: z.nullable(z.int()),
  heightLossPercent: z.nullable(z.number()),
});

export const dxaExamSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  examDate: z.string(),
  device: z.string(),
  sites: z.object({
    lumbarSpine: z.nullable(dxaSiteValuesSchema),
    totalHip: z.nullable(dxaSiteValuesSchema),
    femoralNeck: z.nullable(dxaSiteValuesSchema),
    radius33: z.nullable(dxaSiteValuesSchema),
  }),
  version: z.int(),
  recordedBy: z.nullable(z.string()),
  recordedAt: z.string(),
  updatedAt: z.string(),
  classification: dxaClassificationSchema,
});
export type DxaExam = z.infer<typeof dxaExamSchema>;

export const vfaExamSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  examDate: z.string(),
  assessable: z.boolean(),
  vertebrae: z.array(vfaVertebraValuesSchema),
  version: z.int(),
  recordedBy: z.nullable(z.string()),
  recordedAt: z.string(),
  updatedAt: z.string(),
  result: vfaResultSchema,
});
export type VfaExam = z.infer<typeof vfaExamSchema>;

/** `GET /api/episodes/:episodeId/investigations`: newest exam first. */
export const investigationsSchema = z.object({
  episodeId: z.uuid(),
  patientId: z.uuid(),
  episodeState: z.enum(EPISODE_STATES),
  dxaExams: z.array(dxaExamSchema),
  vfaExams: z.array(vfaExamSchema),
});
export type Investigations = z.infer<typeof investigationsSchema>;

export const dxaPreviewSchema = z.object({ classification: dxaClassificationSchema });
export const vfaPreviewSchema = z.object({ result: vfaResultSchema });

/** A saved DXA and the episode's state after it (moved to `investigated` from intake). */
export const dxaSavedSchema = z.object({ exam: dxaExamSchema, episodeState: z.enum(EPISODE_STATES) });
export const vfaSavedSchema = z.object({ exam: vfaExamSchema, episodeState: z.enum(EPISODE_STATES) });
