import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ClinicalConfig } from '@osteopad/clinical';
import type { ImportChannel, ImportFormat } from '@osteopad/contract';
import type { Database } from '../../db/connection';
import { inOrganizationWithCopy, type CopyingTransaction } from '../../db/copyingTransaction';
import { timeOrderedIdFactory } from '../../db/timeOrderedId';
import { imports } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { importRecord, type ImportRow, type ImportStatus } from './importRecord';
import type { AuditSubject } from '../../audit/auditLog';
import { auditedWork, recordAuditEvents } from '../../audit/auditedTransaction';
import { isConnectionFailure, isDatabaseTimeout, sqlStateOf } from '../../db/databaseErrors';
import { IMPORT_TIMEOUTS } from '../../db/timeouts';
import type { Executor, SchemaDatabase } from '../../db/connection';
import { DomainError } from '../../domain/errors';
import { ImportFileError, type ImportItem, type ImportRowError } from '../parsers/types';
import {
  ImportAccumulator,
  MAX_LISTED_ERRORS,
  nothingKept,
  type ImportBatch,
  type ImportSummary,
} from './importAccumulator';
import { planBatch, type BatchPlan, type StagedRegistration } from './importPlan';
import { reviewNewFracturesDuringTreatment } from './newFractureDuringTreatment';
import {
  DEFAULT_STAGING_ABOVE_ROWS,
  carriedFacts,
  lookUpKnownFacts,
  sendPlan,
  type PlanInFlight,
  type WriteContext,
} from './importWriter';

export type { ImportChannel } from '@osteopad/contract';

/**
 * How long an import waits for another import of the same organisation to finish before it gives up
 * (`ImportBusyError`). MLLP answers AE soon, so the sender resends instead of timing out on its ACK;
 * a person at the upload screen or a confirmed finding waits a little; a scheduled CLI import waits
 * out a large upload.
 */
export const IMPORT_LOCK_WAIT_MS: Readonly<Record<ImportChannel, number>> = {
  mllp: 5_000,
  upload: 30_000,
  review: 15_000,
  cli: 600_000,
};

/** Another import of the organisation held the import lock for longer than this one would wait. */
export class ImportBusyError extends DomainError {
  constructor(readonly waitedMs: number) {
    super(
      'busy',
      'import_busy',
      `Another import of this organisation is running (waited ${formatSeconds(waitedMs)}); nothing was imported. Try again when it has finished.`,
    );
    this.name = 'ImportBusyError';
  }
}

/** The caller stopped the import (through `signal`): an uploader who went away or stopped sending. */
export class ImportInterrupted extends Error {
  constructor(
    /** Stable code, stored with the failed import (`upload.aborted`, `upload.stalled`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportInterrupted';
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Formats Osteopad parses (@osteopad/contract); `reports` are radiology findings a person confirmed. */
export type { FractureImportFormat as ImportFormatName } from '@osteopad/contract';
export type RegistrationOrigin = ImportFormat;

export interface ImportOptions {
  organizationId: string;
  subject: AuditSubject;
  format: RegistrationOrigin;
  channel: ImportChannel;
  fileName: string;
  /** Read when the import ends: an upload's digest is known only once the stream is consumed. */
  fileSha256?: () => string;
  skipInvalid: boolean;
  /** The hospital's calendar day (YYYY-MM-DD): what "recent" and "future" are measured against. */
  today: string;
  clock: () => Date;
  config: ClinicalConfig;
  batchSize?: number;
  /** See importWriter.ts: how many rows of a table a batch writes before COPY pays off. */
  stagingAboveRows?: number;
  onProgress?: (rowsDone: number) => void;
  /** Stops the import and rolls it back; its reason (an `ImportInterrupted`) is what the import throws. */
  signal?: AbortSignal;
  /** Longest wait for another import of the organisation; the channel's `IMPORT_LOCK_WAIT_MS` by default. */
  lockWaitMs?: number;
  /**
   * Keep no trace of an import that changed nothing (no fracture, no duplicate, no patient update, no
   * error): the MLLP feed passes every A08 on, and most concern people Osteopad does not know.
   */
  discardIfNothingChanged?: boolean;
  /**
   * Runs in the import's transaction once it has succeeded, just before COMMIT: what must be recorded
   * together with the import or not at all (an import job's outcome, imports/importJobs).
   */
  beforeCommit?: (tx: SchemaDatabase, summary: ImportSummary) => Promise<void>;
}

export type { ImportSummary } from './importAccumulator';

/** Thrown inside the transaction so that nothing of an invalid file stays behind. */
class InvalidInput extends Error {}

/** Thrown inside the transaction to leave no trace of an import that changed nothing. */
class NothingChanged extends Error {}

const DEFAULT_BATCH = 10_000;

/**
 * After an import that wrote more rows than this, the tables it wrote are analysed at once: until
 * autovacuum gets to them the planner would plan with the old sizes (the first worklist after a
 * 1,000,000-row import into an empty database planned nested loops: 19 s).
 */
export const ANALYZE_AFTER_ROWS = 10_000;

/**
 * ANALYZE of the tables an import writes (as the owner: migration 0013's function), after the commit.
 * Best effort: the import stands, and autovacuum analyses later if this fails.
 */
async function analyzeImportedTables(db: Database): Promise<void> {
  try {
    await db.execute(sql`SELECT osteopad_analyze_imported_tables()`);
  } catch (error) {
    console.error('ANALYZE after the import failed:', sqlStateOf(error) ?? 'unknown');
  }
}

function sourceRef(staged: StagedRegistration): string {
  const { format, row } = staged.registration.source;
  const unit = format === 'csv' ? 'row' : format === 'hl7v2' ? 'message' : 'entry';
  return `${unit} ${row}`;
}

/**
 * Imports fracture registrations in one transaction: either every valid row lands (and, unless
 * `skipInvalid`, only when no row was invalid) or nothing does. Re-importing the same registrations
 * adds nothing: patients are matched on BSN or hospital number, fractures on patient + date + site.
 */
export async function importRegistrations(
  db: Database,
  rows: AsyncIterable<ImportItem>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const importId = randomUUID();
  const startedAt = options.clock();
  const newId = timeOrderedIdFactory();
  const accumulator = new ImportAccumulator(importId, {
    batchSize: options.batchSize ?? DEFAULT_BATCH,
    skipInvalid: options.skipInvalid,
    today: options.today,
    config: options.config,
  });
  const summary = accumulator.summary;
  const ctx: WriteContext = {
    stagingAboveRows: options.stagingAboveRows ?? DEFAULT_STAGING_ABOVE_ROWS,
    organizationId: options.organizationId,
    importId,
    today: options.today,
    subject: options.subject,
    sourceFormat: options.format,
    sourceRef,
  };
  const importedAt = startedAt.toISOString();
  /**
   * A batch is looked up, planned, and its writes held back until the next batch's look-up is queued:
   * that look-up then runs on the connection before those writes, while Node plans, and the held plan
   * is laid over its answer (`carriedFacts`). Node prepares one batch while PostgreSQL writes the one
   * before.
   */
  let held: BatchPlan | undefined;
  let writing: Promise<void> = Promise.resolve();
  const sendHeld = (t: CopyingTransaction): PlanInFlight => {
    if (held === undefined) return { staged: Promise.resolve(), written: Promise.resolve() };
    const inFlight = sendPlan(t, held, ctx);
    const written = t.inBackground(inFlight.written);
    held = undefined;
    // A failed write surfaces when `writing` is awaited; it must not go unhandled meanwhile.
    written.catch(() => undefined);
    writing = Promise.all([writing, written]).then(() => undefined);
    return inFlight;
  };
  const flush = async (t: CopyingTransaction, batch: ImportBatch): Promise<void> => {
    if (!accumulator.acceptsRows()) return;
    const lookedUp = lookUpKnownFacts(t, options.organizationId, [
      ...batch.registrations.map((s) => s.registration.patient),
      ...batch.updates.map((u) => u.update.patient),
    ]);
    const carried = held;
    const inFlight = sendHeld(t);
    // Closing the episodes of the deceased waits for an answer mid-way; later look-ups must see all of it.
    if (carried !== undefined && carried.deaths.length > 0) await inFlight.written;
    const looked = await lookedUp;
    // The previous batch's rows go out (COPY, which needs this thread) before planning holds the
    // thread; its moves, the bulk of PostgreSQL's work, then run while this batch is planned.
    await inFlight.staged;
    const known = carriedFacts(looked, carried);
    const plan = planBatch(
      batch.registrations,
      known,
      { today: options.today, importedAt, newId, newPortalCode: noPlainPortalCode },
      batch.updates,
    );
    held = plan;
    accumulator.countPlan(plan);
  };

  try {
    const scope = {
      organizationId: options.organizationId,
      timeouts: IMPORT_TIMEOUTS,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    await inOrganizationWithCopy(db, scope, async (t) => {
      const { tx } = t;
      const lockWaitMs = options.lockWaitMs ?? IMPORT_LOCK_WAIT_MS[options.channel];
      await acquireImportLock(tx, options.organizationId, lockWaitMs);
      await tx.insert(imports).values(importRow(options, importId, startedAt, summary, 'failed'));
      // While one batch is looked up and planned, the next is parsed and classified.
      let planning: Promise<void> = Promise.resolve();
      const handOver = async (full: ImportBatch): Promise<void> => {
        await planning;
        // Settled before the transaction ends, however the reading ends.
        planning = t.inBackground(flush(t, full));
        // A failure must surface even if no later batch awaits it.
        planning.catch(() => undefined);
      };
      for await (const parsed of untilAborted(rows, t.signal)) {
        const full = accumulator.take(parsed);
        if (summary.rows % 10_000 === 0) options.onProgress?.(summary.rows);
        if (full !== undefined) await handOver(full);
      }
      const last = accumulator.rest();
      if (last !== undefined) await handOver(last);
      await planning;
      await sendHeld(t).written;
      await writing;
      options.onProgress?.(summary.rows);
      if (!accumulator.acceptsRows()) throw new InvalidInput();
      // R11.1: the fractures of patients under treatment, all batches at once (one statement).
      await reviewNewFracturesDuringTreatment(tx, {
        organizationId: options.organizationId,
        importId,
        today: options.today,
        subject: options.subject,
        config: options.config,
      });
      if (options.discardIfNothingChanged === true && accumulator.changedNothing())
        throw new NothingChanged();
      await tx
        .update(imports)
        .set(importRow(options, importId, startedAt, summary, 'succeeded'))
        .where(eq(imports.id, importId));
      await recordAuditEvents(tx, options.subject, [
        {
          action: 'import',
          objectType: 'import',
          objectId: importId,
          details: {
            format: options.format,
            channel: options.channel,
            fileName: options.fileName,
            ...counts(summary),
          },
        },
      ]);
      await options.beforeCommit?.(tx, summary);
    });
    if (summary.imported + summary.patientsUpdated > ANALYZE_AFTER_ROWS) await analyzeImportedTables(db);
    return summary;
  } catch (error) {
    if (error instanceof NothingChanged) return summary;
    if (error instanceof ImportFileError) {
      accumulator.addFileError(error);
    } else if (!(error instanceof InvalidInput)) {
      // An MLLP message that failed changed nothing and is resent; the ACK and the log say why.
      if (options.discardIfNothingChanged !== true)
        await recordFailedImport(db, options, importId, startedAt, summary, error);
      throw error;
    }
    // Nothing of the file was kept; the attempt itself is remembered.
    const rejected = accumulator.rejected();
    await recordAttempt(db, options, importId, startedAt, rejected, 'rejected');
    return rejected;
  }
}

/**
 * One import at a time per organisation: two imports deciding "new patient" for the same person at
 * once would collide. The wait is bounded by `lock_timeout` alone (no statement timeout during it);
 * then the import's own limits apply again.
 */
async function acquireImportLock(tx: Executor, organizationId: string, waitMs: number): Promise<void> {
  const wait = Math.max(1, Math.round(waitMs));
  await tx.execute(
    sql`SELECT set_config('lock_timeout', ${String(wait)}, true), set_config('statement_timeout', '0', true)`,
  );
  try {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`osteopad-import:${organizationId}`}, 0))`,
    );
  } catch (error) {
    if (sqlStateOf(error) === '55P03') throw new ImportBusyError(wait);
    throw error;
  }
  await tx.execute(
    sql`SELECT set_config('lock_timeout', ${String(IMPORT_TIMEOUTS.lockMs)}, true),
               set_config('statement_timeout', ${String(IMPORT_TIMEOUTS.statementMs)}, true)`,
  );
}

/**
 * The items of `rows` until `signal` aborts; then its reason is thrown at once, even while the source
 * is still waiting for input (an upload whose sender went quiet).
 */
async function* untilAborted<T>(rows: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = rows[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await nextUnlessAborted(iterator, signal);
      if (next.done === true) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // A source stopped early is closed; one stuck in a read is closed once that read settles (its
    // owner ends the read), so that is not awaited here.
    if (!finished) {
      const closing = iterator.return?.();
      if (signal.aborted) void closing?.catch(() => undefined);
      else await closing;
    }
  }
}

/** One step of the iterator, or the signal's reason if it aborts first (a listener per step, removed after it). */
function nextUnlessAborted<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Stable codes of a failed import, and words without row values (database messages quote them). */
function describeFailure(error: unknown): ImportRowError {
  const entry = (code: string, message: string): ImportRowError => ({ row: 0, field: 'file', code, message });
  if (error instanceof ImportBusyError) return entry('import.busy', error.message);
  if (error instanceof ImportInterrupted) return entry(error.code, error.message);
  if (isConnectionFailure(error))
    return entry(
      'import.databaseUnavailable',
      'The connection to the database was lost during the import; nothing was imported.',
    );
  if (isDatabaseTimeout(error))
    return entry('import.databaseTimeout', 'The database took too long; nothing was imported.');
  return entry('import.failed', 'The import failed on the server; nothing was imported.');
}

/**
 * Remembers an attempt that kept nothing — refused for its content (`rejected`) or failed for another
 * reason (`failed`, with the failure's code) — in the import history and, as a failure, in the audit log.
 */
async function recordAttempt(
  db: Database,
  options: ImportOptions,
  importId: string,
  startedAt: Date,
  attempt: ImportSummary,
  status: 'rejected' | 'failed',
  failureCode?: string,
): Promise<void> {
  await auditedWork(db, options.subject, options.organizationId, async (tx, trail) => {
    await tx.insert(imports).values(importRow(options, importId, startedAt, attempt, status));
    trail.record({
      action: 'import',
      objectType: 'import',
      objectId: importId,
      outcome: 'failure',
      details: {
        format: options.format,
        channel: options.channel,
        fileName: options.fileName,
        ...(failureCode === undefined ? {} : { error: failureCode }),
        ...counts(attempt),
      },
    });
  });
}

/**
 * Remembers an import that failed for another reason than its content, so that the history shows
 * the attempt. Best effort: when the database itself is gone this cannot be written either, and the
 * caller reports the original error.
 */
async function recordFailedImport(
  db: Database,
  options: ImportOptions,
  importId: string,
  startedAt: Date,
  summary: ImportSummary,
  error: unknown,
): Promise<void> {
  const failure = describeFailure(error);
  const failed: ImportSummary = {
    ...nothingKept(summary),
    errors: [failure, ...summary.errors].slice(0, MAX_LISTED_ERRORS),
  };
  try {
    await recordAttempt(db, options, importId, startedAt, failed, 'failed', failure.code);
  } catch {
    // See above: the original error is what the caller needs.
  }
}

function counts(s: ImportSummary) {
  return {
    rows: s.rows,
    imported: s.imported,
    eligible: s.eligible,
    excluded: s.excluded,
    manualReview: s.manualReview,
    duplicates: s.duplicates,
    patientsUpdated: s.patientsUpdated,
    deathsRecorded: s.deathsRecorded,
    invalid: s.invalid,
  };
}

function importRow(
  options: ImportOptions,
  id: string,
  startedAt: Date,
  s: ImportSummary,
  status: ImportStatus,
): ImportRow {
  return importRecord(
    {
      id,
      organizationId: options.organizationId,
      format: options.format,
      channel: options.channel,
      fileName: options.fileName,
      fileSha256: options.fileSha256?.() ?? '',
      skipInvalid: options.skipInvalid,
      userId: options.subject.userId,
      startedAt,
    },
    {
      status,
      finishedAt: options.clock(),
      ...counts(s),
      errors: s.errors,
      warnings: s.warnings,
      warningsCount: s.warnings.length + s.warningsNotListed,
    },
  );
}

/** Portal codes are made when a letter is printed and kept only as a hash (portal/activationCodes.ts). */
function noPlainPortalCode(): null {
  return null;
}
