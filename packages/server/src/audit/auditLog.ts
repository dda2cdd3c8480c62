import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import type { Actor } from '../auth/actor';
import { purposeOfUse } from '../auth/roles';
import type { AuditAction, AuditOutcome } from '@osteopad/contract';

export interface AuditEntry {
  action: AuditAction;
  objectType: string;
  objectId?: string;
  patientId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** Who did it, as the audit log records it (NEN 7513: who, role, organisation, from where, why). */
export interface AuditSubject {
  userId: string | null;
  username: string;
  role: string;
  organizationId: string | null;
  clientAddress: string | null;
  reason: string;
}

export function subjectOf(actor: Actor): AuditSubject {
  const purpose = purposeOfUse(actor.role);
  return {
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    organizationId: actor.organizationId,
    clientAddress: actor.clientAddress,
    reason: actor.accessReason === '' ? purpose : `${purpose}: ${actor.accessReason}`,
  };
}

/**
 * Appends audit events; the table is append-only for the application role (migration 0003). One
 * statement with the entries as one JSON parameter: a worklist page logs 50 reads per request, and
 * building a 50-row VALUES list of 13 parameters each cost more than the page's own query.
 */
export async function writeAudit(
  executor: Executor,
  subject: AuditSubject,
  entries: readonly AuditEntry[],
  occurredAt?: Date,
): Promise<void> {
  if (entries.length === 0) return;
  const rows = JSON.stringify(
    entries.map((e) => ({
      patient_id: e.patientId ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId ?? '',
      outcome: e.outcome ?? 'success',
      details: e.details ?? {},
    })),
  );
  await executor.execute(sql`
    INSERT INTO audit_events (occurred_at, user_id, username, role, organization_id, client_address, reason,
                              patient_id, action, object_type, object_id, outcome, details)
    SELECT coalesce(${occurredAt?.toISOString() ?? null}::timestamptz, now()), ${subject.userId}::uuid,
           ${subject.username}, ${subject.role}, ${subject.organizationId}::uuid, ${subject.clientAddress}::inet,
           ${subject.reason}, e.patient_id, e.action, e.object_type, e.object_id, e.outcome, e.details
      FROM json_to_recordset(${rows}::json)
        AS e(patient_id uuid, action text, object_type text, object_id text, outcome text, details jsonb)`);
}
