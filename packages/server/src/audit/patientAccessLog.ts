// The patient's access log for the portal (issue 13 item 6, NEN 7513): every audit event about their record in this
// organisation, newest first, with who it was in words a patient can be shown — themself, a staff member
// by name and role, or Osteopad's own work. Reading it is itself an audited read of the record.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { PortalAccessEntry, PortalAccessLog } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { auditEvents, users } from '../db/schema';
import { auditedTransaction } from './auditedTransaction';
import type { PortalPatient } from '../auth/requirePortalPatient';

function whoOf(row: { userId: string | null; role: string }, own: string): PortalAccessEntry['who'] {
  if (row.userId === own) return 'self';
  if (row.userId === null || row.role === 'system') return 'system';
  return 'staff';
}

export function readPortalAccessLog(
  db: Database,
  { actor, patientId }: PortalPatient,
  page: { before?: number | undefined; limit: number },
): Promise<PortalAccessLog> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select({
        id: auditEvents.id,
        at: sql<string>`to_char(${auditEvents.occurredAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        userId: auditEvents.userId,
        role: auditEvents.role,
        action: auditEvents.action,
        objectType: auditEvents.objectType,
        displayName: users.displayName,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .where(
        and(
          eq(auditEvents.organizationId, actor.organizationId),
          eq(auditEvents.patientId, patientId),
          eq(auditEvents.outcome, 'success'),
          page.before === undefined ? undefined : lt(auditEvents.id, page.before),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(page.limit + 1);
    const shown = rows.slice(0, page.limit);
    trail.record({
      action: 'read',
      objectType: 'access_log',
      objectId: patientId,
      patientId,
      details: { entries: shown.length },
    });
    const own = actor.userId;
    return {
      entries: shown.map((row) => {
        const who = whoOf(row, own);
        return {
          id: row.id,
          at: row.at,
          who,
          // A staff member by name; the patient and Osteopad's own work are worded by the screen.
          name: who === 'staff' ? (row.displayName ?? '') : '',
          role: who === 'staff' ? row.role : '',
          action: row.action,
          objectType: row.objectType,
        };
      }),
      nextBefore: rows.length > page.limit ? (shown.at(-1)?.id ?? null) : null,
    };
  });
}
