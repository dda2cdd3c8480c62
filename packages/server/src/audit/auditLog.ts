import type { Executor } from '../db/connection';
import { auditEvents } from '../db/schema';
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

/** Appends audit events; the table is append-only for the application role (migration 0003). */
export async function writeAudit(
  executor: Executor,
  subject: AuditSubject,
  entries: readonly AuditEntry[],
  occurredAt?: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await executor.insert(auditEvents).values(
    entries.map((e) => ({
      ...(occurredAt === undefined ? {} : { occurredAt }),
      userId: subject.userId,
      username: subject.username,
      role: subject.role,
      organizationId: subject.organizationId,
      clientAddress: subject.clientAddress,
      reason: subject.reason,
      patientId: e.patientId ?? null,
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId ?? '',
      outcome: e.outcome ?? 'success',
      details: e.details ?? {},
    })),
  );
}
