// The worker's part of an import job: claim the job for a new attempt, import the spooled file in one
// transaction (the job's success commits with the import), report progress from outside that
// transaction, and end the attempt. An attempt that stops half-way (the worker killed, the database
// gone, another import holding the lock) has written nothing: its transaction rolls back, and the queue
// runs the job again from the same spooled file until it succeeds or the last attempt has failed.
import { createReadStream } from 'node:fs';
import type { ClinicalConfigs } from '../../clinicalConfig/clinicalConfigs';
import type { FractureImportSummary } from '@osteopad/contract';
import type { Database } from '../../db/connection';
import { DomainError } from '../../domain/errors';
import { isConnectionFailure, isDatabaseTimeout } from '../../db/databaseErrors';
import type { ImportFileJob } from '../../jobs/jobNames';
import { ImportInterrupted, importRegistrations, IMPORT_LOCK_WAIT_MS } from '../pipeline/importRegistrations';
import { parseRegistrations } from '../pipeline/parseRegistrations';
import { removeSpoolFile, spoolFileExists, spoolPath } from '../channels/upload/spoolFile';
import {
  claimImportJob,
  endImportJobAttempt,
  markImportJobSucceeded,
  recordImportJobProgress,
  type ClaimedImportJob,
} from './importJobRecords';

export interface ImportJobDeps {
  readonly db: Database;
  /** The organisation's clinical configuration, read when the job runs (not when it was queued). */
  readonly clinicalConfigs: ClinicalConfigs;
  readonly spoolDir: string;
  readonly clock: () => Date;
  readonly log: (line: string) => void;
}

/** The queue's view of this run: which retry it is, how many it allows, and when it gives up on it. */
export interface ImportJobAttempt {
  readonly retryCount: number;
  readonly retryLimit: number;
  readonly signal: AbortSignal;
}

export type ImportJobRunOutcome = 'succeeded' | 'rejected' | 'failed' | 'already_ended';

/** Writes the latest progress, one statement at a time; never holds the import up. */
function progressReporter(db: Database, job: ClaimedImportJob, log: (line: string) => void) {
  let rows = 0;
  let bytes = 0;
  let writing: Promise<void> | null = null;
  let again = false;
  const write = (): void => {
    if (writing !== null) {
      again = true;
      return;
    }
    writing = recordImportJobProgress(db, job, rows, bytes)
      .catch((error: unknown) => {
        log(
          `Import job ${job.id}: progress not recorded (${error instanceof Error ? error.message : 'error'})`,
        );
      })
      .finally(() => {
        writing = null;
        if (again) {
          again = false;
          write();
        }
      });
  };
  return {
    rows(n: number) {
      rows = Math.max(rows, n);
      write();
    },
    bytes(n: number) {
      // Bytes come with every chunk read: written with the next row count, or every 4 MiB.
      const before = bytes;
      bytes = Math.max(bytes, n);
      if (Math.floor(bytes / 4_194_304) > Math.floor(before / 4_194_304)) write();
    },
    async settled() {
      while (writing !== null) await writing;
    },
  };
}

/** Why an attempt stopped, in words for the uploader (no internals). */
function problemOf(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError || error instanceof ImportInterrupted)
    return { code: error.code, message: error.message };
  if (isConnectionFailure(error))
    return {
      code: 'database_unavailable',
      message: 'The connection to the database was lost during the import.',
    };
  if (isDatabaseTimeout(error))
    return { code: 'database_timeout', message: 'The database did not answer in time during the import.' };
  return { code: 'import_error', message: 'The import stopped on an unexpected error (see the worker log).' };
}

export async function runImportJob(
  deps: ImportJobDeps,
  data: ImportFileJob,
  attempt: ImportJobAttempt,
): Promise<ImportJobRunOutcome> {
  const job = await claimImportJob(deps.db, data, deps.clock());
  if (job === null) {
    await removeSpoolFile(deps.spoolDir, data.importJobId);
    return 'already_ended';
  }
  const finalAttempt = attempt.retryCount >= attempt.retryLimit;
  if (!(await spoolFileExists(deps.spoolDir, job.id))) {
    await endImportJobAttempt(
      deps.db,
      job,
      {
        status: 'failed',
        code: 'spool_missing',
        message:
          'The uploaded file is not in the spool directory this worker reads (OSTEOPAD_SPOOL_DIR must be shared with the web server); upload it again.',
      },
      deps.clock(),
    );
    return 'failed';
  }
  const progress = progressReporter(deps.db, job, deps.log);
  let summary: FractureImportSummary;
  try {
    summary = await importRegistrations(
      deps.db,
      parseRegistrations(job.format, createReadStream(spoolPath(deps.spoolDir, job.id)), {
        today: job.importDay,
        encoding: job.encoding,
        sourceSystem: job.sourceSystem,
        onBytes: (n) => {
          progress.bytes(n);
        },
      }),
      {
        organizationId: job.organizationId,
        subject: job.requestedBy,
        format: job.format,
        channel: 'upload',
        fileName: job.fileName,
        fileSha256: () => job.fileSha256,
        skipInvalid: job.skipInvalid,
        today: job.importDay,
        clock: deps.clock,
        config: await deps.clinicalConfigs.forOrganization(job.organizationId),
        onProgress: (n) => {
          progress.rows(n);
        },
        signal: attempt.signal,
        // A job waits out a long import of the same organisation, like a scheduled CLI import.
        lockWaitMs: IMPORT_LOCK_WAIT_MS.cli,
        beforeCommit: (tx, done) => markImportJobSucceeded(tx, job, done, deps.clock()),
      },
    );
  } catch (error) {
    await progress.settled();
    const problem = problemOf(error);
    deps.log(
      `Import job ${job.id}, attempt ${job.attempt}: ${problem.code} (${error instanceof Error ? error.message : 'error'})`,
    );
    await endImportJobAttempt(
      deps.db,
      job,
      { status: finalAttempt ? 'failed' : 'retrying', ...problem },
      deps.clock(),
    );
    if (finalAttempt) {
      await removeSpoolFile(deps.spoolDir, job.id);
      return 'failed';
    }
    throw error;
  }
  await progress.settled();
  if (summary.status === 'rejected')
    await endImportJobAttempt(deps.db, job, { status: 'rejected', summary }, deps.clock());
  await removeSpoolFile(deps.spoolDir, job.id);
  return summary.status;
}
