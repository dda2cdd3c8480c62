// Which audit events a filter selects, and each as the audit log shows it: the actor by display name
// and the patient by name and hospital number, joined in the same query (never a look-up per row). The
// search (auditQueries.ts) pages the selection; the export (auditExport.ts) takes it whole.
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditEvent, AuditOutcome } from '@osteopad/contract';
import type { Transaction } from '../db/connection';
import { auditEvents, patients, users } from '../db/schema';
import type { AuditEntry } from './auditLog';

/** What the search and the export filter on (the contract's bodies, defaults applied). */
export interface AuditSelectionFilter {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  username?: string | undefined;
  patientId?: string | undefined;
  action?: AuditAction | undefined;
  objectType?: string | undefined;
  outcome?: AuditOutcome | undefined;
}

/** Dates are whole days in the Netherlands' time zone, `to` inclusive. */
function dayStart(date: string): SQL {
  return sql`(${date}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
}

export function auditSelectionCondition(
  organizationId: string,
  filter: AuditSelectionFilter,
): SQL | undefined {
  return and(
    eq(auditEvents.organizationId, organizationId),
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
  );
}

/** The filter as it is logged: only the fields given (a username or patient id the admin searched on). */
export function loggedFilter(filter: AuditSelectionFilter): Record<string, string> {
  const logged: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string') logged[key] = value;
  return logged;
}

/**
 * The selected events, newest first, with names. Users and patients are joined on the organisation as
 * well as the id, so a name never comes from another organisation's row.
 */
export function selectNamedAuditEvents(tx: Transaction, organizationId: string, where: SQL | undefined) {
  return tx
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      userId: auditEvents.userId,
      username: auditEvents.username,
      role: auditEvents.role,
      patientId: auditEvents.patientId,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      outcome: auditEvents.outcome,
      reason: auditEvents.reason,
      clientAddress: auditEvents.clientAddress,
      details: auditEvents.details,
      actorName: users.displayName,
      patientRowId: patients.id,
      familyName: patients.familyName,
      givenNames: patients.givenNames,
      initials: patients.initials,
      hospitalNumber: patients.sourceId,
      birthDate: patients.birthDate,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.id, auditEvents.userId), eq(users.organizationId, organizationId)))
    .leftJoin(
      patients,
      and(eq(patients.id, auditEvents.patientId), eq(patients.organizationId, organizationId)),
    )
    .where(where)
    .orderBy(sql`${auditEvents.occurredAt} DESC, ${auditEvents.id} DESC`);
}

export type NamedAuditRow = Awaited<ReturnType<typeof selectNamedAuditEvents>>[number];

/** A row as the search answers it (`auditEventSchema`). */
export function auditEventOf(row: NamedAuditRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    userId: row.userId,
    username: row.username,
    role: row.role,
    patientId: row.patientId,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    reason: row.reason,
    clientAddress: row.clientAddress,
    actorName: row.actorName,
    patient:
      row.patientRowId === null
        ? null
        : {
            familyName: row.familyName ?? '',
            givenNames: row.givenNames ?? '',
            initials: row.initials ?? '',
            hospitalNumber: row.hospitalNumber,
            birthDate: row.birthDate ?? '',
          },
  };
}

/**
 * Seeing a patient's name in the audit log is access to that record: one read event per patient the
 * answer names (each once), written with the unit of work's other events in one insert.
 */
export function patientReadsOf(rows: readonly NamedAuditRow[], view: string): AuditEntry[] {
  const seen = new Set<string>();
  for (const row of rows) if (row.patientRowId !== null) seen.add(row.patientRowId);
  return [...seen].map((patientId) => ({
    action: 'read' as const,
    objectType: 'patient',
    objectId: patientId,
    patientId,
    details: { view },
  }));
}
