import { z } from 'zod/mini';
import { IMPORT_CHANNELS, IMPORT_FORMATS, IMPORT_OUTCOMES, IMPORT_STATUSES } from './codes';
import { knownCode, pageOf } from './fields';

/** How far an upload has come while its request is still open. */
export const uploadProgressSchema = z.object({
  rowsRead: z.int(),
  bytesRead: z.int(),
  totalBytes: z.nullable(z.int()),
  done: z.boolean(),
});
export type UploadProgress = z.infer<typeof uploadProgressSchema>;

/** One problem in the input: which row (0: the file as a whole), which field, a stable code and the reason. */
const importErrorSchema = z.object({
  row: z.int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

/** Every import's answer starts with which import it was and whether it went through. */
const importOutcomeFields = {
  importId: z.uuid(),
  status: z.enum(IMPORT_OUTCOMES),
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

/** The answer of `POST /api/imports`: 200 when it went through, 422 (same shape) when it was refused. */
export const fractureImportSummarySchema = z.object({
  ...importOutcomeFields,
  ...fractureImportCountFields,
  errors: z.array(importErrorSchema),
  errorsNotListed: z.int(),
  /** Rows taken that deserve a look; same shape as an error. */
  warnings: z.array(importErrorSchema),
  warningsNotListed: z.int(),
});
export type FractureImportSummary = z.infer<typeof fractureImportSummarySchema>;

/** The answer of `POST /api/report-imports` (200, or 422 when refused). */
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

export const importHistoryItemSchema = z.object({
  id: z.uuid(),
  format: knownCode(IMPORT_FORMATS),
  fileName: z.string(),
  channel: knownCode(IMPORT_CHANNELS),
  status: knownCode(IMPORT_STATUSES),
  ...fractureImportCountFields,
  /** How many rows were taken but deserve a look. */
  warnings: z.int(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportHistoryItem = z.infer<typeof importHistoryItemSchema>;

export const importHistorySchema = pageOf(importHistoryItemSchema);
export type ImportHistory = z.infer<typeof importHistorySchema>;
