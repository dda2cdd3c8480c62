import { count } from 'drizzle-orm';
import type { AuditList } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { auditEvents } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from './auditedTransaction';
import {
  auditEventOf,
  auditSelectionCondition,
  patientReadsOf,
  selectNamedAuditEvents,
  type AuditSelectionFilter,
} from './auditSelection';

export interface AuditFilter extends AuditSelectionFilter {
  limit: number;
  offset: number;
}

export async function listAuditEvents(db: Database, actor: Actor, filter: AuditFilter): Promise<AuditList> {
  const where = auditSelectionCondition(actor.organizationId, filter);
  // Reading the audit log is itself logged: who looked, and with which filter; and every patient the
  // page names is a read of that patient.
  return auditedTransaction(db, actor, async (tx, trail) => {
    trail.record({
      action: 'read',
      objectType: 'audit_events',
      patientId: filter.patientId ?? null,
      details: { filter: { ...filter } },
    });
    const [rows, totals] = await Promise.all([
      selectNamedAuditEvents(tx, actor.organizationId, where).limit(filter.limit).offset(filter.offset),
      tx.select({ n: count() }).from(auditEvents).where(where),
    ]);
    trail.recordMany(patientReadsOf(rows, 'audit_log'));
    return { items: rows.map(auditEventOf), total: totals[0]?.n ?? 0 };
  });
}
