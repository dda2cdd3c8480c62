// The one unit of work: every read and write of patient, user and organisation data runs here, in one
// transaction scoped to an organisation (row-level security: `osteopad.organization_id`), with the audit
// events of that work inserted in the same transaction (NEN 7513: who, when, which patient, what, why).
// Only this module sets the organisation or writes audit rows (a lint rule says so, eslint.config.js).
import { sql } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db/connection';
import type { Actor } from '../auth/actor';
import { DomainError } from '../domain/errors';
import type { CopyCell } from '../db/copyText';
import { subjectOf, writeAudit, type AuditEntry, type AuditSubject } from './auditLog';

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
 * Work done for `subject` in `organizationId`, with its audit events in the same transaction. When the
 * work fails, what it attempted is still logged, marked as failed, outside the rolled-back transaction.
 */
export async function auditedWork<T>(
  db: Database,
  subject: AuditSubject,
  organizationId: string,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  const trail = new AuditTrail();
  try {
    return await inOrganization(db, organizationId, async (tx) => {
      const result = await work(tx, trail);
      await writeAudit(tx, subject, trail.entries);
      return result;
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
}

/** The one way repositories touch data for a logged-in user: scoped to their organisation, audited. */
export function auditedTransaction<T>(
  db: Database,
  actor: Actor,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  return auditedWork(db, subjectOf(actor), actor.organizationId, work);
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
