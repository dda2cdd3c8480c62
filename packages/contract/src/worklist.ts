import { z } from 'zod/mini';
import {
  ASSUMPTIONS,
  ELIGIBILITY_OUTCOMES,
  EPISODE_STATES,
  FRACTURE_SOURCES,
  PATIENT_GROUPS,
  SEXES,
  TASK_KINDS,
} from './codes';
import { knownCode } from './fields';

export const worklistItemSchema = z.object({
  /** null on the excluded view: an excluded fracture opens no episode. */
  episodeId: z.nullable(z.uuid()),
  episodeState: z.nullable(knownCode(EPISODE_STATES)),
  patientId: z.uuid(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  bsn: z.nullable(z.string()),
  birthDate: z.string(),
  /** The hospital's own number of the patient (source id), or null. */
  hospitalNumber: z.nullable(z.string()),
  sex: knownCode(SEXES),
  ageAtFracture: z.int(),
  fractureId: z.uuid(),
  fractureDate: z.string(),
  siteCode: z.nullable(z.string()),
  siteText: z.string(),
  icd10Code: z.string(),
  patientGroup: z.nullable(knownCode(PATIENT_GROUPS)),
  eligibility: knownCode(ELIGIBILITY_OUTCOMES),
  eligibilityReason: z.string(),
  assumptions: z.array(knownCode(ASSUMPTIONS)),
  source: knownCode(FRACTURE_SOURCES),
  taskId: z.nullable(z.uuid()),
  taskKind: z.nullable(knownCode(TASK_KINDS)),
  taskDueDate: z.nullable(z.string()),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

/** One page: `total` is counted up to 10,000 (`totalIsCapped` when there are more); `nextCursor` null on the last page. */
export const worklistSchema = z.object({
  items: z.array(worklistItemSchema),
  total: z.number().check(z.int()),
  totalIsCapped: z.boolean(),
  nextCursor: z.nullable(z.string()),
});
export type Worklist = z.infer<typeof worklistSchema>;
