// Sending the outbox: claim one delivery, send it through its channel, mark it sent at once.
//
//  claim   UPDATE … SET status 'sending', attempts + 1, lease … WHERE it is due … FOR UPDATE SKIP LOCKED
//          (two workers never claim the same delivery; its audit event — the message leaves the hospital —
//          is written with the claim)
//  send    the channel's provider accepts the message (SMTP: 250 after the data)
//  mark    one autocommit statement (osteopad_reminder_mark_sent): sent, sent_at, the provider's id
//
// A failure marks the delivery failed with the error and the next attempt after an exponential back-off;
// after `maxAttempts` it stays failed with no next attempt, for staff to see and retry. A worker that dies
// between claim and mark leaves the delivery `sending`: once its lease has run out it is claimed again.
// If it died after the provider accepted the message and before the mark committed, the message goes out
// a second time, with the same Message-ID (docs/OPERATIONS.md, "Reminders": the one window SMTP cannot
// close). Nothing is ever marked sent that the provider did not accept.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { auditedWork } from '../audit/auditedTransaction';
import { workerSubject } from '../jobs/workerSubject';
import type { ChannelRegistry, ReminderMessage } from './channels';
import { retryDelaySeconds, type ReminderSettings } from './reminderSettings';
import {
  isReminderLanguage,
  reminderText,
  type DigestContent,
  type PatientReminderContent,
} from './reminderTexts';

interface ClaimedDelivery extends Record<string, unknown> {
  id: string;
  channel: string;
  recipient: string;
  language: string;
  reminder_kind: string;
  occasion_on: string;
  content: { taskKind?: string; overdueCount?: number };
  message_id: string;
  attempts: number;
  organization: string;
}

export interface SendOutcome {
  readonly sent: number;
  readonly failed: number;
}

export interface SendOptions {
  /** Stop after this many deliveries (a job's share of the work); default: until none is due. */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

async function claimOne(
  db: Database,
  organizationId: string,
  channels: readonly string[],
  settings: ReminderSettings,
): Promise<ClaimedDelivery | null> {
  return auditedWork(db, workerSubject(organizationId, 'send'), organizationId, async (tx, trail) => {
    const result = await tx.execute<ClaimedDelivery & { patient_id: string | null }>(sql`
      UPDATE reminder_deliveries d
         SET status = 'sending', attempts = d.attempts + 1,
             lease_until = now() + make_interval(secs => ${settings.leaseSeconds}),
             version = d.version + 1, updated_at = now()
       WHERE d.id = (
         SELECT c.id FROM reminder_deliveries c
          WHERE c.organization_id = ${organizationId}
            AND c.channel = ANY(${`{${channels.join(',')}}`}::text[])
            AND ((c.status IN ('queued', 'failed') AND c.next_attempt_at <= now())
                 OR (c.status = 'sending' AND c.lease_until < now()))
          ORDER BY c.next_attempt_at NULLS LAST, c.id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.channel, d.recipient, d.language, d.reminder_kind, d.occasion_on::text AS occasion_on,
                d.content, d.message_id, d.attempts, d.patient_id,
                (SELECT o.name FROM organizations o WHERE o.id = d.organization_id) AS organization`);
    const row = result.rows[0];
    if (row === undefined) return null;
    trail.record({
      action: 'export',
      objectType: 'reminder_delivery',
      objectId: row.id,
      patientId: row.patient_id,
      details: { channel: row.channel, kind: row.reminder_kind, attempt: row.attempts },
    });
    return row;
  });
}

/** The message a claimed delivery sends. */
export function messageOf(d: ClaimedDelivery): ReminderMessage {
  const language = isReminderLanguage(d.language) ? d.language : 'nl';
  const content: PatientReminderContent | DigestContent =
    d.reminder_kind === 'staff_digest'
      ? { kind: 'staff_digest', day: d.occasion_on, overdueCount: d.content.overdueCount ?? 0 }
      : {
          kind: d.reminder_kind === 'overdue' ? 'overdue' : 'upcoming',
          taskKind: d.content.taskKind ?? '',
          dueOn: d.occasion_on,
          organization: d.organization,
        };
  const text = reminderText(content, language);
  return { messageId: d.message_id, to: d.recipient, subject: text.subject, text: text.text, language };
}

async function markSent(db: Database, d: ClaimedDelivery, providerMessageId: string): Promise<void> {
  await db.$client.query('SELECT osteopad_reminder_mark_sent($1, $2, $3)', [
    d.id,
    d.attempts,
    providerMessageId,
  ]);
}

/** A failure in the words staff see: the provider's code and message, bounded. */
export function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const code = (error as Error & { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, 500);
}

async function markFailed(
  db: Database,
  organizationId: string,
  d: ClaimedDelivery,
  error: unknown,
  settings: ReminderSettings,
): Promise<void> {
  const givingUp = d.attempts >= settings.maxAttempts;
  const delay = retryDelaySeconds(settings, d.attempts);
  await auditedWork(db, workerSubject(organizationId, 'send'), organizationId, (tx) =>
    tx.execute(sql`
      UPDATE reminder_deliveries
         SET status = 'failed', last_error = ${describeSendError(error)}, lease_until = NULL,
             next_attempt_at = ${givingUp ? null : sql`now() + make_interval(secs => ${delay})`},
             version = version + 1, updated_at = now()
       WHERE id = ${d.id} AND status = 'sending' AND attempts = ${d.attempts}`),
  );
}

/**
 * Sends the organisation's due deliveries through the channels given, one at a time, until none is due
 * (or `limit`). Deliveries of a channel that is not configured stay queued.
 */
export async function sendDueReminders(
  db: Database,
  organizationId: string,
  channels: ChannelRegistry,
  settings: ReminderSettings,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const names = [...channels.keys()];
  let sent = 0;
  let failed = 0;
  if (names.length === 0) return { sent, failed };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  while (sent + failed < limit && options.signal?.aborted !== true) {
    const delivery = await claimOne(db, organizationId, names, settings);
    if (delivery === null) break;
    const channel = channels.get(delivery.channel);
    let providerMessageId: string;
    try {
      if (channel === undefined) throw new Error(`The channel ${delivery.channel} is not configured`);
      ({ providerMessageId } = await channel.send(messageOf(delivery)));
    } catch (error) {
      await markFailed(db, organizationId, delivery, error, settings);
      failed += 1;
      continue;
    }
    // Accepted: mark it before anything else. If this fails (the database went away), the delivery stays
    // `sending` and is sent again after its lease — never marked failed for a message that went out.
    await markSent(db, delivery, providerMessageId);
    sent += 1;
  }
  return { sent, failed };
}
