// The import jobs' rows: queued by the upload (with their queue entry, in one transaction), claimed and
// moved on by the worker, read by the uploader's screen. What the job did is the import's own record;
// this row says where the job stands and how far its current attempt has read.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  FractureImportFormat,
  FractureImportSummary,
  ImportEncoding,
  ImportJob,
  ImportJobStatus,
} from '@osteopad/contract';
import { FINISHED_IMPORT_JOB_STATUSES, IMPORT_ENCODINGS } from '@osteopad/contract';
import type { Database, SchemaDatabase } from '../../db/connection';
import { importJobs } from '../../db/schema';
import { inOrganization, recordAuditEvents } from '../../audit/auditedTransaction';
import type { AuditSubject } from '../../audit/auditLog';
import { inOrganizationWithCopy } from '../../db/copyingTransaction';
import { REQUEST_TIMEOUTS } from '../../db/timeouts';
import { IMPORT_FILE, type ImportFileJob } from '../../jobs/jobNames';
import type { JobSender } from '../../jobs/jobSender';

type ImportJobRow = typeof importJobs.$inferSelect;

export interface NewImportJob {
  readonly id: string;
  readonly organizationId: string;
  readonly format: FractureImportFormat;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly totalBytes: number;
  readonly encoding: ImportEncoding;
  readonly sourceSystem: string;
  readonly skipInvalid: boolean;
  readonly importDay: string;
  readonly requestedBy: AuditSubject;
}

/** A job as the worker runs it: the upload's settings and the attempt it now holds. */
export interface ClaimedImportJob {
  readonly id: string;
  readonly organizationId: string;
  readonly format: FractureImportFormat;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly encoding: ImportEncoding;
  readonly sourceSystem: string;
  readonly skipInvalid: boolean;
  readonly importDay: string;
  readonly requestedBy: AuditSubject;
  readonly attempt: number;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function answerOf(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    status: row.status as ImportJobStatus,
    format: row.format,
    fileName: row.fileName,
    totalBytes: row.totalBytes,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    problem: row.problemCode === '' ? null : { code: row.problemCode, message: row.problemMessage },
    summary: row.summary === null ? null : (row.summary as FractureImportSummary),
  };
}

/**
 * The job's row, its audit event and its queue entry, in one transaction: a job is queued exactly when
 * its row exists (a failure of either leaves neither).
 */
export async function queueImportJob(db: Database, sender: JobSender, job: NewImportJob): Promise<ImportJob> {
  return inOrganizationWithCopy(
    db,
    { organizationId: job.organizationId, timeouts: REQUEST_TIMEOUTS },
    async (t) => {
      const [row] = await t.tx
        .insert(importJobs)
        .values({
          id: job.id,
          organizationId: job.organizationId,
          format: job.format,
          fileName: job.fileName,
          fileSha256: job.fileSha256,
          totalBytes: job.totalBytes,
          encoding: job.encoding,
          sourceSystem: job.sourceSystem,
          skipInvalid: job.skipInvalid,
          importDay: job.importDay,
          requestedBy: job.requestedBy,
          userId: job.requestedBy.userId,
        })
        .returning();
      if (row === undefined) throw new Error('The import job was not inserted');
      await recordAuditEvents(t.tx, job.requestedBy, [
        {
          action: 'create',
          objectType: 'import_job',
          objectId: job.id,
          details: { format: job.format, fileName: job.fileName, totalBytes: job.totalBytes },
        },
      ]);
      const data: ImportFileJob = { importJobId: job.id, organizationId: job.organizationId };
      await sender.sendInTransaction(IMPORT_FILE, data, job.id, t);
      return answerOf(row);
    },
  );
}

export async function findImportJob(
  db: Database,
  organizationId: string,
  id: string,
): Promise<ImportJob | null> {
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx.select().from(importJobs).where(eq(importJobs.id, id)),
  );
  const row = rows[0];
  return row === undefined ? null : answerOf(row);
}

/** The organisation's latest import jobs, newest first. */
export async function listImportJobs(
  db: Database,
  organizationId: string,
  limit: number,
): Promise<ImportJob[]> {
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx.select().from(importJobs).orderBy(desc(importJobs.createdAt), desc(importJobs.id)).limit(limit),
  );
  return rows.map(answerOf);
}

function auditSubjectOf(value: unknown, organizationId: string): AuditSubject {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string): string | null => (typeof v[key] === 'string' ? v[key] : null);
  return {
    userId: text('userId'),
    username: text('username') ?? 'unknown',
    role: text('role') ?? 'unknown',
    organizationId,
    clientAddress: text('clientAddress'),
    reason: text('reason') ?? '',
  };
}

function encodingOf(value: string): ImportEncoding {
  return (IMPORT_ENCODINGS as readonly string[]).includes(value) ? (value as ImportEncoding) : 'auto';
}

/**
 * The worker takes the job for a new attempt: null when it has already ended (a queue entry run again
 * after its import committed finds nothing left to do). The attempt's progress starts again from 0.
 */
export async function claimImportJob(
  db: Database,
  job: ImportFileJob,
  now: Date,
): Promise<ClaimedImportJob | null> {
  const rows = await inOrganization(db, job.organizationId, (tx) =>
    tx
      .update(importJobs)
      .set({
        status: 'running',
        attempts: sql`${importJobs.attempts} + 1`,
        rowsRead: 0,
        bytesRead: 0,
        startedAt: sql`coalesce(${importJobs.startedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(
        and(
          eq(importJobs.id, job.importJobId),
          inArray(importJobs.status, ['queued', 'running', 'retrying']),
        ),
      )
      .returning(),
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    format: row.format as FractureImportFormat,
    fileName: row.fileName,
    fileSha256: row.fileSha256,
    encoding: encodingOf(row.encoding),
    sourceSystem: row.sourceSystem,
    skipInvalid: row.skipInvalid,
    importDay: row.importDay,
    requestedBy: auditSubjectOf(row.requestedBy, row.organizationId),
    attempt: row.attempts,
  };
}

/** How far the attempt has read (from outside the import's transaction, which is still open). */
export async function recordImportJobProgress(
  db: Database,
  job: ClaimedImportJob,
  rowsRead: number,
  bytesRead: number,
): Promise<void> {
  await db.execute(
    sql`SELECT osteopad_import_job_progress(${job.id}::uuid, ${job.attempt}::int, ${rowsRead}::int, ${bytesRead}::int)`,
  );
}

/** Inside the import's transaction: the job has succeeded exactly when the import commits. */
export async function markImportJobSucceeded(
  tx: SchemaDatabase,
  job: ClaimedImportJob,
  summary: FractureImportSummary,
  now: Date,
): Promise<void> {
  await tx
    .update(importJobs)
    .set({
      status: 'succeeded',
      importId: summary.importId,
      summary,
      rowsRead: summary.rows,
      problemCode: '',
      problemMessage: '',
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.attempts, job.attempt)));
}

export type ImportJobEnd =
  | { readonly status: 'rejected'; readonly summary: FractureImportSummary }
  | { readonly status: 'retrying' | 'failed'; readonly code: string; readonly message: string };

/**
 * Ends the attempt: the import refused the file (`rejected`, its summary says why), or the attempt
 * stopped and the queue tries again (`retrying`) or has given up (`failed`).
 */
export async function endImportJobAttempt(
  db: Database,
  job: ClaimedImportJob,
  end: ImportJobEnd,
  now: Date,
): Promise<void> {
  const finished = (FINISHED_IMPORT_JOB_STATUSES as readonly string[]).includes(end.status);
  await inOrganization(db, job.organizationId, (tx) =>
    tx
      .update(importJobs)
      .set({
        status: end.status,
        ...(end.status === 'rejected'
          ? {
              summary: end.summary,
              importId: end.summary.importId,
              rowsRead: end.summary.rows,
              problemCode: '',
              problemMessage: '',
            }
          : { problemCode: end.code, problemMessage: end.message.slice(0, 1000) }),
        ...(finished ? { finishedAt: now } : {}),
        updatedAt: now,
      })
      .where(
        and(
          eq(importJobs.id, job.id),
          eq(importJobs.attempts, job.attempt),
          eq(importJobs.status, 'running'),
        ),
      ),
  );
}
