import { z } from 'zod/mini';
import { SEXES } from './codes';
import { knownCode, pageOf, pagination, isoDate, requiredText, shortText, checked } from './fields';
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

/** `POST /api/patients/search`: name, BSN or date of birth, in the body (never in a URL). */
export const patientSearchBody = z.strictObject({
  q: z._default(checked(z.string(), z.maxLength(100)), ''),
  ...pagination,
});
export type PatientSearchBody = z.input<typeof patientSearchBody>;

export const patientListSchema = pageOf(patientSummarySchema);
export type PatientList = z.infer<typeof patientListSchema>;

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The fields of `POST /api/patients`. `bsn` is only bounded here: the server replaces it with its
 * own field that checks the number (elfproef) and normalises it, and adds `newPatientChecks`.
 */
export const newPatientFields = {
  bsn: z._default(z.nullable(checked(z.string(), z.maxLength(20))), null),
  sourceSystem: z._default(z.nullable(shortText(100)), null),
  sourceId: z._default(z.nullable(shortText(100)), null),
  familyName: requiredText(200),
  givenNames: z._default(shortText(200), ''),
  initials: z._default(shortText(20), ''),
  birthDate: checked(
    isoDate,
    z.refine((d) => d <= today(), 'The date of birth lies in the future.'),
  ),
  sex: sexSchema,
  street: z._default(shortText(200), ''),
  houseNumber: z._default(shortText(20), ''),
  postalCode: z._default(shortText(10), ''),
  city: z._default(shortText(100), ''),
  phone: z._default(shortText(30), ''),
  email: z._default(z.union([checked(z.email(), z.maxLength(200)), z.literal('')]), ''),
  gpName: z._default(shortText(200), ''),
  gpAgbCode: z._default(
    checked(z.string(), z.trim(), z.regex(/^(\d{8})?$/, 'An AGB code has 8 digits.')),
    '',
  ),
  gpPracticeName: z._default(shortText(200), ''),
  gpAddress: z._default(shortText(300), ''),
};

interface PatientIdentity {
  bsn: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
}

/** The rules across fields of a new patient: how the hospital will find this patient again. */
export const newPatientChecks = [
  z.refine<PatientIdentity>((p) => p.bsn !== null || (p.sourceId !== null && p.sourceId !== ''), {
    message: 'Give a BSN or a hospital patient number.',
    path: ['bsn'],
  }),
  z.refine<PatientIdentity>(
    (p) => p.sourceSystem === null || p.sourceSystem === '' || (p.sourceId ?? '') !== '',
    {
      message: 'A source system needs the hospital patient number (sourceId) it issued.',
      path: ['sourceSystem'],
    },
  ),
] as const;

/** `POST /api/patients` as the web sends it (the server checks the BSN on top). */
export const newPatientBody = checked(z.strictObject(newPatientFields), ...newPatientChecks);
export type NewPatientBody = z.input<typeof newPatientBody>;

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

export const patientParams = z.strictObject({ patientId: z.uuid() });
