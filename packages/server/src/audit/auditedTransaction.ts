// The one unit of work: every read and write of patient, user and organisation data runs here, in one
// transaction scoped to an organisation (row-level security: `osteopad.organization_id`), with the audit
// events of that work inserted in the same transaction (NEN 7513: who, when, which patient, what, why).
// Only this module sets the organisation or writes audit rows (a lint rule says so, eslint.config.js).
import { sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db/connection';
import type { Actor } from '../auth/actor';
import { DomainError, notFound } from '../domain/errors';
import type { CopyCell } from '../db/copyText';
import { subjectOf, writeAudit, type AuditEntry, type AuditSubject } from './auditLog';
import { accessDeniedEntry, ownershipCondition, type NamedRecords } from './namedRecords';

/** Collects the audit events of one unit of work; they are written with it, in the same transaction. */
export class AuditTrail {
  readonly entries: AuditEntry[] = [];

  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }

  recordMany(entries: readonly AuditEntry[]): void {
    this.entries.push(...entries);
  }
}

/** The statement that scopes a transaction to an organisation, for connections set up by hand ($1: the id). */
export const ORGANIZATION_SCOPE_SQL = "set_config('osteopad.organization_id', $1, true)";

/** Scopes the transaction `tx` runs in to an organisation. */
export async function scopeToOrganization(tx: Executor, organizationId: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('osteopad.organization_id', ${organizationId}, true)`);
}

/**
 * Runs work inside one transaction scoped to an organisation: row-level security sees only that
 * organisation's rows. For work that touches no patient, user or organisation data (the import
 * history, the demo set-up); everything else goes through `auditedTransaction` or `auditedWork`.
 */
export async function inOrganization<T>(
  db: Database,
  organizationId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeToOrganization(tx, organizationId);
    return work(tx);
  });
}

/**
 * The first statement of a unit of work: scopes the transaction to the organisation and, in the same
 * statement, checks that the records the request names are the organisation's. The check compares the
 * organisation the statement has just set (the scope's row), so it cannot run before it is set.
 */
async function scopeAndCheck(
  tx: Executor,
  organizationId: string,
  named: NamedRecords | null,
): Promise<boolean> {
  if (named === null) {
    await scopeToOrganization(tx, organizationId);
    return true;
  }
  const result = await tx.execute<{ owned: boolean }>(sql`
    WITH scope AS MATERIALIZED (
      SELECT set_config('osteopad.organization_id', ${organizationId}, true)::uuid AS organization_id
    )
    SELECT ${ownershipCondition(named, organizationId, sql`scope.organization_id`)} AS owned FROM scope`);
  return result.rows[0]?.owned === true;
}

/**
 * Whether the named records are the organisation's, in one statement of its own (its own implicit
 * transaction): the authenticate hook's check, for routes that do not leave it to their unit of work.
 */
export async function namedRecordsAreOwn(
  db: Database,
  organizationId: string,
  named: NamedRecords,
): Promise<boolean> {
  return scopeAndCheck(db, organizationId, named);
}

/** The records the actor's request names that no one has checked yet (null: none, or checked). */
export function pendingNamedRecords(actor: Actor): NamedRecords | null {
  const named = actor.namedRecords;
  return named === undefined || named.checked ? null : named;
}

type Outcome<T> = { denied: true } | { denied: false; result: T };

async function unitOfWork<T>(
  db: Database,
  subject: AuditSubject,
  organizationId: string,
  named: NamedRecords | null,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  const trail = new AuditTrail();
  let outcome: Outcome<T>;
  try {
    outcome = await db.transaction(async (tx): Promise<Outcome<T>> => {
      const owned = await scopeAndCheck(tx, organizationId, named);
      if (named !== null) {
        if (!owned) {
          // Nothing was read or written: the refusal is the transaction's only row.
          await writeAudit(tx, subject, [accessDeniedEntry(named)]);
          return { denied: true };
        }
        named.checked = true;
      }
      const result = await work(tx, trail);
      await writeAudit(tx, subject, trail.entries);
      return { denied: false, result };
    });
  } catch (error) {
    if (trail.entries.length > 0) {
      const code = error instanceof DomainError ? error.code : 'error';
      await writeAudit(
        db,
        subject,
        trail.entries.map((e) => ({ ...e, outcome: 'failure', details: { ...e.details, error: code } })),
      );
    }
    throw error;
  }
  if (outcome.denied) throw notFound('Record');
  return outcome.result;
}

/**
 * Work done for `subject` in `organizationId`, with its audit events in the same transaction. When the
 * work fails, what it attempted is still logged, marked as failed, outside the rolled-back transaction.
 */
export async function auditedWork<T>(
  db: Database,
  subject: AuditSubject,
  organizationId: string,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  return unitOfWork(db, subject, organizationId, null, work);
}

/**
 * The one way repositories touch data for a logged-in user: scoped to their organisation, audited.
 * The records the user's request names in its path (`:patientId` …) are checked in the transaction's
 * first statement, unless the request has had them checked already: one of another organisation is
 * logged as access_denied and raises DomainError not_found, before the work runs.
 */
export function auditedTransaction<T>(
  db: Database,
  actor: Actor,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  return unitOfWork(db, subjectOf(actor), actor.organizationId, pendingNamedRecords(actor), work);
}

/**
 * Events that change no data of their own — a login, a failed login, a logout, a refused request —
 * written at once. `occurredAt` when the event's moment is the caller's clock.
 */
export async function recordAuditEvents(
  executor: Executor,
  subject: AuditSubject,
  entries: readonly AuditEntry[],
  occurredAt?: Date,
): Promise<void> {
  await writeAudit(executor, subject, entries, occurredAt);
}

/** The columns of an audit event as a bulk import COPYs them, in the order of `auditEventCells`. */
export const AUDIT_EVENT_COLUMNS = [
  'user_id',
  'username',
  'role',
  'organization_id',
  'client_address',
  'reason',
  'patient_id',
  'action',
  'object_type',
  'object_id',
  'details',
] as const;

/** One audit event as COPY cells: the import writes its per-patient events through its own batches. */
export function auditEventCells(
  subject: AuditSubject,
  organizationId: string,
  entry: AuditEntry,
): CopyCell[] {
  return [
    subject.userId,
    subject.username,
    subject.role,
    organizationId,
    subject.clientAddress,
    subject.reason,
    entry.patientId ?? null,
    entry.action,
    entry.objectType,
    entry.objectId ?? '',
    entry.details ?? {},
  ];
}
