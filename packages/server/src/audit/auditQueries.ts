import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditOutcome } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { auditEvents } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from './auditedTransaction';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  username?: string | undefined;
  patientId?: string | undefined;
  action?: AuditAction | undefined;
  objectType?: string | undefined;
  outcome?: AuditOutcome | undefined;
  limit: number;
  offset: number;
}

/** Dates are whole days in the Netherlands' time zone, `to` inclusive. */
function dayStart(date: string): SQL {
  return sql`(${date}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
}

export async function listAuditEvents(db: Database, actor: Actor, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(auditEvents.organizationId, actor.organizationId),
    filter.from === undefined ? undefined : gte(auditEvents.occurredAt, dayStart(filter.from)),
    filter.to === undefined
      ? undefined
      : lt(auditEvents.occurredAt, sql`${dayStart(filter.to)} + interval '1 day'`),
    filter.userId === undefined ? undefined : eq(auditEvents.userId, filter.userId),
    filter.username === undefined
      ? undefined
      : eq(sql`lower(${auditEvents.username})`, filter.username.toLowerCase()),
    filter.patientId === undefined ? undefined : eq(auditEvents.patientId, filter.patientId),
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
    filter.objectType === undefined ? undefined : eq(auditEvents.objectType, filter.objectType),
    filter.outcome === undefined ? undefined : eq(auditEvents.outcome, filter.outcome),
  ];
  const where = and(...conditions);
  // Reading the audit log is itself logged: who looked, and with which filter.
  const [rows, totals] = await auditedTransaction(db, actor, (tx, trail) => {
    trail.record({
      action: 'read',
      objectType: 'audit_events',
      patientId: filter.patientId ?? null,
      details: { filter: { ...filter } },
    });
    return Promise.all([
      tx
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(filter.limit)
        .offset(filter.offset),
      tx.select({ n: count() }).from(auditEvents).where(where),
    ]);
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt.toISOString(),
      userId: r.userId,
      username: r.username,
      role: r.role,
      patientId: r.patientId,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      outcome: r.outcome,
      reason: r.reason,
      clientAddress: r.clientAddress,
    })),
    total: totals[0]?.n ?? 0,
  };
}
