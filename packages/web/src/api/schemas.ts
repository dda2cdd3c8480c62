import { z } from 'zod/mini';
import { ROLES, SEXES } from './codes';

// zod/mini: the same schemas as zod, tree-shakable, so the login page does not carry all of zod.

/*
 * Response shapes of the server API. Fields the server types as free strings (episode state, audit
 * action …) stay strings here: a code added on the server must not break a screen, it is shown as
 * its code until the catalogues know it (see i18n/labels.ts).
 */

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organization: z.object({ id: z.string(), name: z.string() }),
  patientId: z.nullable(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const patientSummarySchema = z.object({
  id: z.string(),
  bsn: z.nullable(z.string()),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  birthDate: z.string(),
  sex: z.enum(SEXES),
  city: z.string(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** One page of a list: its items, and how many the whole list holds. */
function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), total: z.int() });
}

export const patientListSchema = pageSchema(patientSummarySchema);
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
  deceased: z.boolean(),
  deceasedDate: z.nullable(z.string()),
  /** When the name, address, phone and GP shown were true (ISO instant). */
  demographicsAsOf: z.string(),
});
export type PatientDetail = z.infer<typeof patientDetailSchema>;

export const fractureSchema = z.object({
  id: z.string(),
  fractureDate: z.string(),
  siteCode: z.nullable(z.string()),
  siteText: z.string(),
  icd10Code: z.string(),
  encounterType: z.string(),
  traumaMechanism: z.string(),
  pathological: z.nullable(z.boolean()),
  eligibility: z.string(),
  eligibilityReason: z.string(),
  sourceFormat: z.string(),
});
export type Fracture = z.infer<typeof fractureSchema>;

/**
 * Why an episode is where it is: a code (EPISODE_REASON_CODES), its details, and the user's own note.
 * The details stay loose here so a new code cannot break the screen; labels.ts reads them by code.
 */
export const episodeReasonSchema = z.object({
  code: z.string(),
  details: z.record(z.string(), z.unknown()),
  note: z.string(),
});
export type EpisodeReason = z.infer<typeof episodeReasonSchema>;

export const episodeSchema = z.object({
  id: z.string(),
  state: z.string(),
  stateReason: z.nullable(episodeReasonSchema),
  patientGroup: z.nullable(z.string()),
  openedOn: z.string(),
  closedOn: z.nullable(z.string()),
  indexFractureId: z.nullable(z.string()),
});
export type Episode = z.infer<typeof episodeSchema>;

export const taskSchema = z.object({
  id: z.string(),
  episodeId: z.string(),
  kind: z.string(),
  dueDate: z.string(),
  status: z.string(),
  assigneeRole: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const patientRecordSchema = z.object({
  patient: patientDetailSchema,
  fractures: z.array(fractureSchema),
  episodes: z.array(episodeSchema),
  openTasks: z.array(taskSchema),
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const auditEventSchema = z.object({
  id: z.int(),
  occurredAt: z.string(),
  userId: z.nullable(z.string()),
  username: z.string(),
  role: z.string(),
  patientId: z.nullable(z.string()),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  outcome: z.string(),
  reason: z.string(),
  clientAddress: z.nullable(z.string()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = pageSchema(auditEventSchema);
export type AuditList = z.infer<typeof auditListSchema>;

export const worklistItemSchema = z.object({
  /** null on the excluded view: an excluded fracture opens no episode. */
  episodeId: z.nullable(z.string()),
  episodeState: z.nullable(z.string()),
  patientId: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  bsn: z.nullable(z.string()),
  birthDate: z.string(),
  sex: z.string(),
  ageAtFracture: z.int(),
  fractureId: z.string(),
  fractureDate: z.string(),
  siteCode: z.nullable(z.string()),
  siteText: z.string(),
  icd10Code: z.string(),
  patientGroup: z.nullable(z.string()),
  eligibility: z.string(),
  eligibilityReason: z.string(),
  assumptions: z.array(z.string()),
  source: z.string(),
  taskId: z.nullable(z.string()),
  taskKind: z.nullable(z.string()),
  taskDueDate: z.nullable(z.string()),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

/** A worklist page: counted up to 10,000 (`totalIsCapped` beyond), and the cursor of the next page (null on the last). */
export const worklistSchema = z.object({
  items: z.array(worklistItemSchema),
  total: z.int(),
  totalIsCapped: z.boolean(),
  nextCursor: z.nullable(z.string()),
});
export type Worklist = z.infer<typeof worklistSchema>;

/** The answer to every episode action: the new state and the task that now waits, if any. */
export const episodeActionSchema = z.object({
  episodeId: z.string(),
  state: z.string(),
  nextTask: z.nullable(z.object({ kind: z.string(), dueDate: z.string() })),
});
export type EpisodeActionResult = z.infer<typeof episodeActionSchema>;

export const invitationsSchema = z.object({
  results: z.array(
    z.object({
      episodeId: z.string(),
      ok: z.boolean(),
      error: z.nullable(z.string()),
      result: z.nullable(episodeActionSchema),
    }),
  ),
});
export type InvitationResults = z.infer<typeof invitationsSchema>;

export const reportFindingSchema = z.object({
  id: z.string(),
  patientId: z.nullable(z.string()),
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
  certainty: z.enum(['definite', 'uncertain']),
  certaintyCue: z.nullable(z.string()),
  status: z.string(),
});
export type ReportFinding = z.infer<typeof reportFindingSchema>;

export const reportFindingListSchema = pageSchema(reportFindingSchema);
export type ReportFindingList = z.infer<typeof reportFindingListSchema>;

export const findingReviewSchema = z.object({
  status: z.string(),
  imported: z.int(),
  duplicates: z.int(),
  vertebralLevels: z.array(z.string()),
  /** An open episode whose unplaced fracture of the same date the confirmed fracture now stands for. */
  linkedEpisodeId: z.nullable(z.string()),
});
export type FindingReviewResult = z.infer<typeof findingReviewSchema>;

const importErrorSchema = z.object({
  row: z.int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** Every import's answer starts with which import it was and whether it went through. */
const importOutcomeFields = {
  importId: z.string(),
  status: z.enum(['succeeded', 'rejected']),
};

/** What a fracture import did with its rows, in its answer and in the import history alike. */
const fractureImportCountFields = {
  rows: z.int(),
  imported: z.int(),
  eligible: z.int(),
  excluded: z.int(),
  manualReview: z.int(),
  duplicates: z.int(),
  /** Known patients whose name, address, phone or GP newer details (HL7) changed. */
  patientsUpdated: z.int(),
  /** Known patients whose death the import recorded. */
  deathsRecorded: z.int(),
  invalid: z.int(),
};

export const fractureImportSummarySchema = z.object({
  ...importOutcomeFields,
  ...fractureImportCountFields,
  errors: z.array(importErrorSchema),
  errorsNotListed: z.int(),
  warnings: z.array(importErrorSchema),
  warningsNotListed: z.int(),
});
export type FractureImportSummary = z.infer<typeof fractureImportSummarySchema>;

export const reportImportSummarySchema = z.object({
  ...importOutcomeFields,
  reports: z.int(),
  findings: z.int(),
  matched: z.int(),
  duplicates: z.int(),
  negatedMentions: z.int(),
  errors: z.array(importErrorSchema),
});
export type ReportImportSummary = z.infer<typeof reportImportSummarySchema>;

/** How far an upload has come while its request is still open (`GET /api/imports/progress`). */
export const uploadProgressSchema = z.object({
  rowsRead: z.int(),
  bytesRead: z.int(),
  totalBytes: z.nullable(z.int()),
  done: z.boolean(),
});
export type UploadProgress = z.infer<typeof uploadProgressSchema>;

export const importHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      format: z.string(),
      fileName: z.string(),
      channel: z.string(),
      status: z.string(),
      ...fractureImportCountFields,
      /** How many rows were taken but deserve a look. */
      warnings: z.int(),
      startedAt: z.string(),
      finishedAt: z.string(),
    }),
  ),
});
export type ImportHistory = z.infer<typeof importHistorySchema>;
export type ImportHistoryItem = ImportHistory['items'][number];

/**
 * The clinical configuration this server runs with, and every value in it that no source confirms
 * yet (`GET /api/clinical-config`). `value` is whatever the configuration holds (a number, a code, a
 * list …); `marker` stays a string like other codes (see `CONFIG_MARKERS`).
 */
export const clinicalConfigSchema = z.object({
  engineVersion: z.string(),
  configVersion: z.string(),
  configFingerprint: z.string(),
  unconfirmed: z.array(
    z.object({
      key: z.string(),
      value: z.unknown(),
      marker: z.string(),
      source: z.string(),
      description: z.string(),
      conflicts: z.array(z.string()),
    }),
  ),
});
export type ClinicalConfig = z.infer<typeof clinicalConfigSchema>;
export type UnconfirmedValue = ClinicalConfig['unconfirmed'][number];

export const problemSchema = z.object({
  error: z.string(),
  message: z.optional(z.string()),
  issues: z.optional(
    z.array(z.object({ field: z.string(), message: z.string(), code: z.optional(z.string()) })),
  ),
});
