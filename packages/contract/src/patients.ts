import { z } from 'zod/mini';
import { SEXES } from './codes';
import { knownCode, pageOf } from './fields';
import { EPISODE_REASON_CODES, EPISODE_STATES, PATIENT_GROUPS, TASK_KINDS, TASK_STATUSES } from './codes';
import { ELIGIBILITY_OUTCOMES, ENCOUNTER_TYPES, IMPORT_FORMATS, ROLES, TRAUMA_MECHANISMS } from './codes';

export const sexSchema = z.enum(SEXES);

export const patientSummarySchema = z.object({
  id: z.uuid(),
  bsn: z.nullable(z.string()),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  birthDate: z.string(),
  sex: sexSchema,
  city: z.string(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientListSchema = pageOf(patientSummarySchema);
export type PatientList = z.infer<typeof patientListSchema>;

export const patientDetailSchema = z.extend(patientSummarySchema, {
  sourceSystem: z.nullable(z.string()),
  sourceId: z.nullable(z.string()),
  street: z.string(),
  houseNumber: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string(),
  email: z.string(),
  gpName: z.string(),
  gpAgbCode: z.string(),
  gpPracticeName: z.string(),
  gpAddress: z.string(),
  /** A source reported the death; the date when it gave one. */
  deceased: z.boolean(),
  deceasedDate: z.nullable(z.string()),
  /** When the name, address, phone and GP shown were true (ISO instant; docs/IMPORT.md §2). */
  demographicsAsOf: z.string(),
});
export type PatientDetail = z.infer<typeof patientDetailSchema>;

export const fractureSchema = z.object({
  id: z.uuid(),
  fractureDate: z.string(),
  siteCode: z.nullable(z.string()),
  siteText: z.string(),
  icd10Code: z.string(),
  encounterType: knownCode(ENCOUNTER_TYPES),
  traumaMechanism: knownCode(TRAUMA_MECHANISMS),
  pathological: z.nullable(z.boolean()),
  eligibility: knownCode(ELIGIBILITY_OUTCOMES),
  eligibilityReason: z.string(),
  sourceFormat: knownCode(IMPORT_FORMATS),
});
export type Fracture = z.infer<typeof fractureSchema>;

/**
 * Why an episode is where it is, as answers carry it: a code (EPISODE_REASON_CODES), its details
 * (episodes.ts: `episodeReasonSchema` is the stored shape per code, which the server checks when it
 * reads a reason) and the user's own note. Loose in answers so that a code added later cannot break
 * an open screen; the web's labels read the details by code.
 */
export const episodeReasonAnswer = z.object({
  code: knownCode(EPISODE_REASON_CODES),
  details: z.record(z.string(), z.unknown()),
  note: z.string(),
});
export type EpisodeReason = z.infer<typeof episodeReasonAnswer>;

export const episodeSchema = z.object({
  id: z.uuid(),
  state: knownCode(EPISODE_STATES),
  /** Why the episode is in its state: a code with details and the user's note; null when none yet. */
  stateReason: z.nullable(episodeReasonAnswer),
  patientGroup: z.nullable(knownCode(PATIENT_GROUPS)),
  openedOn: z.string(),
  closedOn: z.nullable(z.string()),
  indexFractureId: z.nullable(z.uuid()),
});
export type Episode = z.infer<typeof episodeSchema>;

export const taskSchema = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  kind: knownCode(TASK_KINDS),
  dueDate: z.string(),
  status: knownCode(TASK_STATUSES),
  assigneeRole: knownCode(ROLES),
});
export type Task = z.infer<typeof taskSchema>;

/** `GET /api/patients/:patientId`: the patient page. */
export const patientRecordSchema = z.object({
  patient: patientDetailSchema,
  fractures: z.array(fractureSchema),
  episodes: z.array(episodeSchema),
  openTasks: z.array(taskSchema),
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;
