import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ClinicalInputError, type ClinicalConfig } from '@osteopad/clinical';
import type { Database } from '../db/connection';
import { inOrganizationWithCopy, type CopyingTransaction } from '../db/copyingTransaction';
import { newPortalCode } from '../patients/portalCode';
import { timeOrderedIdFactory } from '../db/timeOrderedId';
import { imports } from '../db/schema';
import { writeAudit, type AuditSubject } from '../audit/auditLog';
import { inOrganization } from '../audit/auditedTransaction';
import { isConnectionFailure, isDatabaseTimeout, sqlStateOf } from '../db/databaseErrors';
import { IMPORT_TIMEOUTS } from '../db/timeouts';
import type { Executor } from '../db/connection';
import { DomainError } from '../domain/errors';
import {
  ImportFileError,
  isPatientUpdate,
  isSkipped,
  type ImportItem,
  type ImportRowError,
  type ImportRowWarning,
} from '../imports/types';
import { unstorableTextErrors } from '../imports/registrationChecks';
import { classifyRegistration } from './classifyRegistration';
import { planBatch, type BatchPlan, type StagedPatientUpdate, type StagedRegistration } from './importPlan';
import {
  DEFAULT_STAGING_ABOVE_ROWS,
  carriedFacts,
  lookUpKnownFacts,
  writePlan,
  type WriteContext,
} from './importWriter';

export type ImportChannel = 'cli' | 'upload' | 'mllp' | 'review';

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

/** Formats Osteopad parses; `reports` are radiology findings a person confirmed. */
export type ImportFormatName = 'csv' | 'hl7v2' | 'fhir';
export type RegistrationOrigin = ImportFormatName | 'reports';

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
}

export interface ImportSummary {
  importId: string;
  status: 'succeeded' | 'rejected';
  rows: number;
  imported: number;
  eligible: number;
  excluded: number;
  manualReview: number;
  duplicates: number;
  /** Known patients whose name, address, phone or GP newer details changed. */
  patientsUpdated: number;
  /** Known patients whose death this import recorded (their open episodes closed, open tasks cancelled). */
  deathsRecorded: number;
  invalid: number;
  errors: ImportRowError[];
  /** Errors beyond the listed ones (the list is capped). */
  errorsNotListed: number;
  /**
   * Rows that were taken but deserve a look (site not placed, conflicting columns, a date or time from a
   * fallback, a malformed AGB code …): the first thousand, and how many more there were.
   */
  warnings: ImportRowWarning[];
  warningsNotListed: number;
}

/** Thrown inside the transaction so that nothing of an invalid file stays behind. */
class InvalidInput extends Error {}

/** Thrown inside the transaction to leave no trace of an import that changed nothing. */
class NothingChanged extends Error {}

const MAX_LISTED_ERRORS = 1000;
const DEFAULT_BATCH = 10_000;

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
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const newId = timeOrderedIdFactory();
  const summary: ImportSummary = {
    importId,
    status: 'succeeded',
    rows: 0,
    imported: 0,
    eligible: 0,
    excluded: 0,
    manualReview: 0,
    duplicates: 0,
    patientsUpdated: 0,
    deathsRecorded: 0,
    invalid: 0,
    errors: [],
    errorsNotListed: 0,
    warnings: [],
    warningsNotListed: 0,
  };
  const addWarnings = (warnings: readonly ImportRowWarning[]): void => {
    for (const warning of warnings) {
      if (summary.warnings.length < MAX_LISTED_ERRORS) summary.warnings.push(warning);
      else summary.warningsNotListed++;
    }
  };
  const invalidRows = new Set<number>();
  const addErrors = (errors: readonly ImportRowError[]): void => {
    for (const error of errors) {
      invalidRows.add(error.row);
      if (summary.errors.length < MAX_LISTED_ERRORS) summary.errors.push(error);
      else summary.errorsNotListed++;
    }
    summary.invalid = invalidRows.size;
  };
  const ctx: WriteContext = {
    stagingAboveRows: options.stagingAboveRows ?? DEFAULT_STAGING_ABOVE_ROWS,
    organizationId: options.organizationId,
    importId,
    today: options.today,
    subject: options.subject,
    sourceFormat: options.format,
    sourceRef,
  };
  const acceptsRows = (): boolean => options.skipInvalid || summary.invalid === 0;

  const importedAt = startedAt.toISOString();
  let wroteRows = false;
  interface Batch {
    registrations: StagedRegistration[];
    updates: StagedPatientUpdate[];
  }
  /**
   * A batch is looked up, planned, and its writes held back until the next batch's look-up is queued:
   * that look-up then runs on the connection before those writes, while Node plans, and the held plan
   * is laid over its answer (`carriedFacts`). Node prepares one batch while PostgreSQL writes the one
   * before.
   */
  let held: BatchPlan | undefined;
  let writing: Promise<void> = Promise.resolve();
  const sendHeld = (t: CopyingTransaction): Promise<void> => {
    if (held === undefined) return Promise.resolve();
    const written = t.inBackground(writePlan(t, held, ctx));
    held = undefined;
    // A failed write surfaces when `writing` is awaited; it must not go unhandled meanwhile.
    written.catch(() => undefined);
    writing = Promise.all([writing, written]).then(() => undefined);
    return written;
  };
  const flush = async (t: CopyingTransaction, batch: Batch): Promise<void> => {
    if ((batch.registrations.length === 0 && batch.updates.length === 0) || !acceptsRows()) return;
    const lookedUp = lookUpKnownFacts(t, options.organizationId, [
      ...batch.registrations.map((s) => s.registration.patient),
      ...batch.updates.map((u) => u.update.patient),
    ]);
    const carried = held;
    const written = sendHeld(t);
    // Closing the episodes of the deceased waits for an answer mid-way; later look-ups must see all of it.
    if (carried !== undefined && carried.deaths.length > 0) await written;
    const known = carriedFacts(await lookedUp, carried);
    const plan = planBatch(
      batch.registrations,
      known,
      { today: options.today, importedAt, newId, newPortalCode },
      batch.updates,
    );
    held = plan;
    if (
      plan.patients.length > 0 ||
      plan.fractures.length > 0 ||
      plan.patientUpdates.length > 0 ||
      plan.deaths.length > 0
    )
      wroteRows = true;
    summary.patientsUpdated += plan.patientUpdates.filter((u) => u.changed.length > 0).length;
    summary.deathsRecorded += plan.deaths.length;
    for (const f of plan.fractures) {
      const outcome = f.staged.classification.outcome;
      if (outcome === 'eligible') summary.eligible++;
      else if (outcome === 'excluded') summary.excluded++;
      else summary.manualReview++;
    }
    summary.imported += plan.fractures.length;
    summary.duplicates += plan.duplicates;
    addErrors(plan.conflicts);
    addWarnings(plan.warnings);
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
      let batch: Batch = { registrations: [], updates: [] };
      // While one batch is looked up and planned, the next is parsed and classified.
      let planning: Promise<void> = Promise.resolve();
      const handOver = async (): Promise<void> => {
        const full = batch;
        batch = { registrations: [], updates: [] };
        await planning;
        // Settled before the transaction ends, however the reading ends.
        planning = t.inBackground(flush(t, full));
        // A failure must surface even if no later batch awaits it.
        planning.catch(() => undefined);
      };
      let seq = 0;
      for await (const parsed of untilAborted(rows, t.signal)) {
        summary.rows++;
        if (summary.rows % 10_000 === 0) options.onProgress?.(summary.rows);
        if (isSkipped(parsed)) {
          addWarnings(parsed.warnings);
          continue;
        }
        if (isPatientUpdate(parsed)) {
          const unstorable = unstorableTextErrors(parsed.source.row, { patient: parsed.patient });
          if (unstorable.length > 0) {
            addErrors(unstorable);
            continue;
          }
          if (!acceptsRows()) continue;
          batch.updates.push({ seq: seq++, update: parsed });
          if (batch.updates.length >= batchSize) await handOver();
          continue;
        }
        if (!parsed.ok) {
          addErrors(parsed.errors);
          continue;
        }
        const { patient, fracture } = parsed.record;
        const unstorable = unstorableTextErrors(parsed.record.source.row, { patient, fracture });
        if (unstorable.length > 0) {
          addErrors(unstorable);
          continue;
        }
        let classification;
        try {
          classification = classifyRegistration(parsed.record, options.today, options.config);
        } catch (error) {
          if (!(error instanceof ClinicalInputError)) throw error;
          addErrors([
            {
              row: parsed.record.source.row,
              field: error.field,
              code: `clinical.${error.reason}`,
              message: error.message,
            },
          ]);
          continue;
        }
        addWarnings(parsed.warnings);
        if (!acceptsRows()) continue; // keep reading to report every error, but write nothing more
        batch.registrations.push({ seq: seq++, registration: parsed.record, classification });
        if (batch.registrations.length >= batchSize) await handOver();
      }
      await handOver();
      await planning;
      await sendHeld(t);
      await writing;
      options.onProgress?.(summary.rows);
      if (!acceptsRows()) throw new InvalidInput();
      if (
        options.discardIfNothingChanged === true &&
        !wroteRows &&
        summary.duplicates === 0 &&
        summary.invalid === 0
      )
        throw new NothingChanged();
      await tx.execute(sql`
        UPDATE imports SET status = 'succeeded', rows = ${summary.rows}, imported = ${summary.imported},
          eligible = ${summary.eligible}, excluded = ${summary.excluded}, manual_review = ${summary.manualReview},
          duplicates = ${summary.duplicates}, patients_updated = ${summary.patientsUpdated}, deaths_recorded = ${summary.deathsRecorded}, invalid = ${summary.invalid}, errors = ${JSON.stringify(summary.errors)}::jsonb,
          warnings = ${JSON.stringify(summary.warnings)}::jsonb, warnings_count = ${summary.warnings.length + summary.warningsNotListed},
          file_sha256 = ${options.fileSha256?.() ?? ''}, finished_at = ${options.clock()}
        WHERE id = ${importId}`);
      await writeAudit(tx, options.subject, [
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
    });
    return summary;
  } catch (error) {
    if (error instanceof NothingChanged) return summary;
    if (error instanceof ImportFileError) {
      addErrors([
        { row: 0, field: error.details.join(', ') || 'file', code: error.code, message: error.message },
      ]);
    } else if (!(error instanceof InvalidInput)) {
      // An MLLP message that failed changed nothing and is resent; the ACK and the log say why.
      if (options.discardIfNothingChanged !== true)
        await recordFailedImport(db, options, importId, startedAt, summary, error);
      throw error;
    }
    // Nothing of the file was kept; the attempt itself is remembered.
    const rejected: ImportSummary = { ...nothingKept(summary), status: 'rejected' };
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

/** The summary of an attempt that kept nothing: its rows, errors and warnings, and no counts of what landed. */
function nothingKept(summary: ImportSummary): ImportSummary {
  return {
    ...summary,
    imported: 0,
    eligible: 0,
    excluded: 0,
    manualReview: 0,
    duplicates: 0,
    patientsUpdated: 0,
    deathsRecorded: 0,
  };
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
  await inOrganization(db, options.organizationId, async (tx) => {
    await tx.insert(imports).values(importRow(options, importId, startedAt, attempt, status));
    await writeAudit(tx, options.subject, [
      {
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
      },
    ]);
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
  status: 'succeeded' | 'rejected' | 'failed',
): typeof imports.$inferInsert {
  return {
    id,
    organizationId: options.organizationId,
    format: options.format,
    fileName: options.fileName.slice(0, 300),
    fileSha256: options.fileSha256?.() ?? '',
    channel: options.channel,
    status,
    skipInvalid: options.skipInvalid,
    ...counts(s),
    errors: s.errors,
    warnings: s.warnings,
    warningsCount: s.warnings.length + s.warningsNotListed,
    userId: options.subject.userId,
    startedAt,
    finishedAt: options.clock(),
  };
}
