import { z } from 'zod/mini';
import { FINDING_CERTAINTIES, FINDING_STATUSES } from './codes';
import { knownCode, pageOf } from './fields';

export const reportFindingSchema = z.object({
  id: z.uuid(),
  patientId: z.nullable(z.uuid()),
  familyName: z.nullable(z.string()),
  givenNames: z.nullable(z.string()),
  birthDate: z.nullable(z.string()),
  patientRef: z.string(),
  reportId: z.string(),
  reportDate: z.string(),
  sentence: z.string(),
  highlightStart: z.int(),
  highlightEnd: z.int(),
  levels: z.array(z.string()),
  genantGrade: z.nullable(z.int()),
  known: z.boolean(),
  /** `uncertain` when the report hedges; `certaintyCue` is the hedge as written in the report. */
  certainty: z.enum(FINDING_CERTAINTIES),
  certaintyCue: z.nullable(z.string()),
  status: knownCode(FINDING_STATUSES),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

export const reportFindingListSchema = pageOf(reportFindingSchema);
export type ReportFindingList = z.infer<typeof reportFindingListSchema>;

export const findingReviewSchema = z.object({
  status: knownCode(FINDING_STATUSES),
  imported: z.int(),
  duplicates: z.int(),
  /** The vertebral fracture the confirmation recorded, with its levels and grade so far. */
  fractureId: z.nullable(z.uuid()),
  vertebralLevels: z.array(z.string()),
  genantGrade: z.nullable(z.int()),
  /** An open episode whose unplaced fracture of the same date the confirmed fracture now stands for. */
  linkedEpisodeId: z.nullable(z.uuid()),
});
export type FindingReviewResult = z.infer<typeof findingReviewSchema>;
