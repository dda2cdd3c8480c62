// Answers of the import-job routes: a fracture file that was spooled and is imported by the job queue's
// worker (POST /api/import-jobs, GET /api/import-jobs/:importJobId, GET /api/import-jobs).
import { z } from 'zod/mini';
import { FRACTURE_IMPORT_FORMATS, IMPORT_JOB_STATUSES } from './codes';
import { knownCode } from './fields';
import { fractureImportSummarySchema } from './imports';

/**
 * Files larger than this go through the job queue from the upload screen: the upload ends when the
 * file is spooled, and the screen follows the job. Smaller files are imported within the request.
 */
export const IMPORT_JOB_ABOVE_BYTES = 4 * 1024 * 1024;

export const importJobSchema = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_JOB_STATUSES),
  format: knownCode(FRACTURE_IMPORT_FORMATS),
  fileName: z.string(),
  /** The spooled file's size. */
  totalBytes: z.int(),
  /** How far the running (or last) attempt has read. */
  bytesRead: z.int(),
  rowsRead: z.int(),
  /** Attempts started so far (a worker that was stopped mid-import leaves the job to the next attempt). */
  attempts: z.int(),
  createdAt: z.string(),
  startedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  /** Why the last attempt stopped, or why the job failed for good; null when none did. */
  problem: z.nullable(z.object({ code: z.string(), message: z.string() })),
  /** The import's summary once it has ended (succeeded or rejected). */
  summary: z.nullable(fractureImportSummarySchema),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
export type ImportJobList = z.infer<typeof importJobListSchema>;
