import { z } from 'zod/mini';
import {
  ASSUMPTIONS,
  ELIGIBILITY_OUTCOMES,
  EPISODE_STATES,
  FRACTURE_SOURCES,
  PATIENT_GROUPS,
  SEXES,
  SORT_ORDERS,
  TASK_KINDS,
  WORKLIST_SORTS,
  WORKLIST_SOURCE_FILTERS,
  WORKLIST_VIEWS,
} from './codes';
import { isoDate, knownCode, pageOf, pagination, queryInt, checked } from './fields';

/** `GET /api/worklist`: one view of the open work, filtered, sorted and paged. No patient data. */
export const worklistQuery = z.strictObject({
  view: z.enum(WORKLIST_VIEWS),
  site: z.optional(checked(z.string(), z.maxLength(50))),
  group: z.optional(z.enum(PATIENT_GROUPS)),
  ageMin: z.optional(queryInt(0, 130)),
  ageMax: z.optional(queryInt(0, 130)),
  fractureFrom: z.optional(isoDate),
  fractureTo: z.optional(isoDate),
  source: z.optional(z.enum(WORKLIST_SOURCE_FILTERS)),
  sort: z._default(z.enum(WORKLIST_SORTS), 'fractureDate'),
  order: z._default(z.enum(SORT_ORDERS), 'asc'),
  ...pagination,
});
/** The query as the server has read it (defaults applied). */
export type WorklistQuery = z.output<typeof worklistQuery>;

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

export const worklistSchema = pageOf(worklistItemSchema);
export type Worklist = z.infer<typeof worklistSchema>;
