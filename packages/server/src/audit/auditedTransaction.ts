import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import type { Actor } from '../auth/actor';
import { DomainError } from '../domain/errors';
import { subjectOf, writeAudit, type AuditEntry } from './auditLog';

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

/**
 * Runs work inside one transaction scoped to an organisation: row-level security sees only that
 * organisation's rows (`osteopad.organization_id`).
 */
export async function inOrganization<T>(
  db: Database,
  organizationId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('osteopad.organization_id', ${organizationId}, true)`);
    return work(tx);
  });
}

/**
 * The one way repositories touch patient data: scoped to the actor's organisation, and every read
 * and write recorded in the audit log. When the work fails, what it attempted is still logged,
 * marked as failed, outside the rolled-back transaction.
 */
export async function auditedTransaction<T>(
  db: Database,
  actor: Actor,
  work: (tx: Transaction, trail: AuditTrail) => Promise<T>,
): Promise<T> {
  const trail = new AuditTrail();
  try {
    return await inOrganization(db, actor.organizationId, async (tx) => {
      const result = await work(tx, trail);
      await writeAudit(tx, subjectOf(actor), trail.entries);
      return result;
    });
  } catch (error) {
    if (trail.entries.length > 0) {
      const code = error instanceof DomainError ? error.code : 'error';
      await writeAudit(
        db,
        subjectOf(actor),
        trail.entries.map((e) => ({ ...e, outcome: 'failure', details: { ...e.details, error: code } })),
      );
    }
    throw error;
  }
}
