// The reminder outbox as staff see it: the deliveries of a status (one statement, a read event per patient
// shown) and sending a delivery again (failed or waiting: back to queued, now, with a fresh set of attempts).
import { sql } from 'drizzle-orm';
import type { ReminderDelivery, ReminderStatus } from '@osteopad/contract';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedRead } from '../audit/auditInStatement';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, notFound } from '../domain/errors';

interface DeliveryRow extends Record<string, unknown> {
  id: string;
  status: ReminderStatus;
  kind: string;
  channel: string;
  recipient: string;
  occasion_on: string;
  task_kind: string | null;
  patient_id: string | null;
  patient_name: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string;
  sent_at: string | null;
  version: number;
  has_patient: boolean;
}

function deliveryOf(r: DeliveryRow): ReminderDelivery {
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    occasionOn: r.occasion_on,
    taskKind: r.task_kind,
    patientId: r.patient_id,
    patientName: r.patient_name,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    givenUp: r.status === 'failed' && r.next_attempt_at === null,
    version: r.version,
  };
}

function columns(organizationId: string) {
  return sql`
    d.id, d.status, d.reminder_kind AS kind, d.channel, d.recipient, d.occasion_on::text AS occasion_on,
    t.kind AS task_kind, d.patient_id,
    CASE WHEN p.id IS NULL THEN NULL ELSE trim(p.given_names || ' ' || p.family_name) END AS patient_name,
    d.attempts, to_char(d.next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS next_attempt_at,
    d.last_error, to_char(d.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at, d.version,
    d.patient_id IS NOT NULL AS has_patient
    FROM reminder_deliveries d
    LEFT JOIN tasks t ON t.id = d.task_id AND t.organization_id = ${organizationId}
    LEFT JOIN patients p ON p.id = d.patient_id AND p.organization_id = ${organizationId}`;
}

export async function listReminders(
  db: Database,
  actor: Actor,
  status: ReminderStatus,
  limit: number,
): Promise<ReminderDelivery[]> {
  const org = actor.organizationId;
  const rows = await auditedRead<DeliveryRow>(db, actor, {
    rows: sql`SELECT ${columns(org)}
               WHERE d.organization_id = ${org} AND d.status = ${status}
               ORDER BY d.id DESC LIMIT ${limit}`,
    reads: {
      patientIdColumn: 'patient_id',
      objectType: 'patient',
      details: { view: 'reminders' },
      shownColumn: 'has_patient',
    },
  });
  return rows.map(deliveryOf);
}

export async function retryReminder(
  db: Database,
  actor: Actor,
  reminderId: string,
  expectedVersion: number,
): Promise<ReminderDelivery> {
  const org = actor.organizationId;
  return auditedTransaction(db, actor, async (tx, trail) => {
    const current = await tx.execute<{ status: string; version: number; patient_id: string | null }>(sql`
      SELECT status, version, patient_id FROM reminder_deliveries
       WHERE id = ${reminderId} AND organization_id = ${org} FOR UPDATE`);
    const row = current.rows[0];
    if (row === undefined) throw notFound('Reminder');
    if (row.version !== expectedVersion)
      throw conflict('stale_version', 'The reminder was changed since you read it; reload and try again.', {
        currentVersion: row.version,
      });
    if (row.status === 'sent' || row.status === 'sending')
      throw conflict(
        'reminder_not_retryable',
        `The reminder is ${row.status}: only a failed or waiting reminder can be sent again.`,
      );
    await tx.execute(sql`
      UPDATE reminder_deliveries
         SET status = 'queued', attempts = 0, next_attempt_at = now(), lease_until = NULL,
             version = version + 1, updated_at = now()
       WHERE id = ${reminderId} AND organization_id = ${org}`);
    const after = await tx.execute<DeliveryRow>(sql`SELECT ${columns(org)} WHERE d.id = ${reminderId}`);
    const updated = after.rows[0];
    if (updated === undefined) throw notFound('Reminder');
    trail.record({
      action: 'update',
      objectType: 'reminder_delivery',
      objectId: reminderId,
      patientId: row.patient_id,
      details: { retry: true },
    });
    return deliveryOf(updated);
  });
}
