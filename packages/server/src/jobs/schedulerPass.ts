// The scheduler pass: over every organisation's open tasks, in keyset batches on the task id (never all
// tasks in memory), one statement per batch that
//  (a) flags the tasks that became overdue (`tasks.overdue_since` = today) and clears the flag of tasks
//      whose due date moved past today, and
//  (b) creates the reminder deliveries due (patient-facing kinds, patient with an e-mail address): an
//      `upcoming` reminder within `upcomingDaysBefore` days before the due date, an `overdue` one within
//      `overdueReminderWithinDays` after it — unique per task, channel and kind, so a pass run twice on
//      the same day (or a retried job) creates each once;
// then a daily digest to the organisation's own mailbox when it has overdue tasks. `today` is given: the
// pass never reads a clock.
import { allOrganizationIds } from '../organizations/organizationIds';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { auditedWork } from '../audit/auditedTransaction';
import type { AuditEntry, AuditSubject } from '../audit/auditLog';
import { EMAIL_CHANNEL } from '../reminders/emailChannel';
import { PATIENT_FACING_TASK_KINDS, type ReminderSettings } from '../reminders/reminderSettings';
import { workerSubject } from './workerSubject';

export interface SchedulerPassResult {
  readonly today: string;
  readonly organizations: number;
  readonly tasksSeen: number;
  readonly batches: number;
  readonly flaggedOverdue: number;
  readonly unflagged: number;
  readonly overdueTasks: number;
  readonly remindersCreated: number;
  readonly digestsCreated: number;
  /** Organisations with deliveries waiting to be sent: the caller enqueues a send job for each. */
  readonly organizationsToSend: readonly string[];
}

interface BatchRow extends Record<string, unknown> {
  seen: number;
  last_id: string | null;
  overdue: number;
  flagged: [string, string][];
  unflagged: number;
  created: [string, string][];
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function batchStatement(organizationId: string, after: string, today: string, settings: ReminderSettings) {
  const kinds = `{${PATIENT_FACING_TASK_KINDS.join(',')}}`;
  return sql<BatchRow>`
    WITH batch AS MATERIALIZED (
      SELECT t.id, t.patient_id, t.kind, t.due_date, t.overdue_since
        FROM tasks t
       WHERE t.organization_id = ${organizationId} AND t.status = 'open' AND t.id > ${after}::uuid
       ORDER BY t.id
       LIMIT ${settings.batchSize}
    ),
    changed AS (
      UPDATE tasks t SET overdue_since = CASE WHEN b.due_date < ${today}::date THEN ${today}::date END
        FROM batch b
       WHERE t.id = b.id
         AND (b.due_date < ${today}::date AND b.overdue_since IS NULL
              OR b.due_date >= ${today}::date AND b.overdue_since IS NOT NULL)
      RETURNING t.id, t.patient_id, t.overdue_since IS NOT NULL AS flagged
    ),
    due AS (
      SELECT gen_random_uuid() AS id, b.id AS task_id, b.patient_id, b.kind, b.due_date, p.email,
             CASE WHEN b.due_date >= ${today}::date THEN 'upcoming' ELSE 'overdue' END AS reminder_kind
        FROM batch b
        JOIN patients p ON p.id = b.patient_id AND p.organization_id = ${organizationId}
       WHERE b.kind = ANY(${kinds}::text[])
         AND p.email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND NOT p.deceased
         AND b.due_date BETWEEN ${today}::date - ${settings.overdueReminderWithinDays}::int
                            AND ${today}::date + ${settings.upcomingDaysBefore}::int
    ),
    created AS (
      INSERT INTO reminder_deliveries (id, organization_id, task_id, patient_id, channel, reminder_kind,
                                       recipient, language, occasion_on, content, message_id)
      SELECT d.id, ${organizationId}, d.task_id, d.patient_id, ${EMAIL_CHANNEL}, d.reminder_kind, d.email, 'nl',
             d.due_date, jsonb_build_object('taskKind', d.kind),
             '<reminder.' || d.id::text || '@' || ${settings.messageIdDomain} || '>'
        FROM due d
      ON CONFLICT (task_id, channel, reminder_kind) WHERE task_id IS NOT NULL DO NOTHING
      RETURNING id, patient_id
    )
    SELECT (SELECT count(*)::int FROM batch) AS seen,
           (SELECT id::text FROM batch ORDER BY id DESC LIMIT 1) AS last_id,
           (SELECT count(*)::int FROM batch WHERE due_date < ${today}::date) AS overdue,
           (SELECT coalesce(json_agg(json_build_array(id, patient_id)), '[]') FROM changed WHERE flagged)
             AS flagged,
           (SELECT count(*)::int FROM changed WHERE NOT flagged) AS unflagged,
           (SELECT coalesce(json_agg(json_build_array(id, patient_id)), '[]') FROM created) AS created`;
}

function digestStatement(
  organizationId: string,
  today: string,
  overdueCount: number,
  settings: ReminderSettings,
) {
  return sql<{ id: string }>`
    INSERT INTO reminder_deliveries (id, organization_id, channel, reminder_kind, recipient, language,
                                     occasion_on, content, message_id)
    SELECT d.id, o.id, ${EMAIL_CHANNEL}, 'staff_digest', o.email, 'nl', ${today}::date,
           jsonb_build_object('overdueCount', ${overdueCount}::int),
           '<digest.' || d.id::text || '@' || ${settings.messageIdDomain} || '>'
      FROM organizations o CROSS JOIN (SELECT gen_random_uuid() AS id) d
     WHERE o.id = ${organizationId} AND o.email ~ '^[^@[:space:]]+@[^@[:space:]]+$'
    ON CONFLICT (organization_id, channel, reminder_kind, occasion_on) WHERE task_id IS NULL DO NOTHING
    RETURNING id`;
}

function auditEntries(rows: BatchRow): AuditEntry[] {
  return [
    ...rows.flagged.map(([id, patientId]) => ({
      action: 'update' as const,
      objectType: 'task',
      objectId: id,
      patientId,
      details: { overdueFlagged: true },
    })),
    ...rows.created.map(([id, patientId]) => ({
      action: 'create' as const,
      objectType: 'reminder_delivery',
      objectId: id,
      patientId,
    })),
  ];
}

/**
 * One batch as its own unit of work. `answered` resolves as soon as the batch statement has answered —
 * before its audit events are written and it commits — so the next batch can start on another
 * connection meanwhile; `committed` resolves once the batch and its audit events are committed.
 */
function startBatch(
  db: Database,
  subject: AuditSubject,
  organizationId: string,
  after: string,
  today: string,
  settings: ReminderSettings,
) {
  let answer: (row: BatchRow) => void = () => undefined;
  const answered = new Promise<BatchRow>((resolve) => {
    answer = resolve;
  });
  const committed = auditedWork(db, subject, organizationId, async (tx, trail) => {
    const result = await tx.execute<BatchRow>(batchStatement(organizationId, after, today, settings));
    const row = result.rows[0];
    if (row === undefined) throw new Error('The scheduler batch answered no row');
    trail.recordMany(auditEntries(row));
    answer(row);
    return row;
  });
  // Awaited by the caller (or settled when the pass fails): never an unhandled rejection meanwhile.
  committed.catch(() => undefined);
  return { answered: Promise.race([answered, committed]), committed };
}

/**
 * One organisation's part of the pass. Two batches overlap at most: while one writes its audit events
 * and commits, the next one's statement runs (the batches hold disjoint tasks, so they never wait for
 * each other); the next but one starts only after the first has committed.
 */
async function passOverOrganization(
  db: Database,
  organizationId: string,
  today: string,
  settings: ReminderSettings,
) {
  const subject = workerSubject(organizationId, 'scheduler');
  let after = FIRST_ID;
  const totals = { seen: 0, batches: 0, overdue: 0, flagged: 0, unflagged: 0, created: 0, digests: 0 };
  let committing: Promise<BatchRow> | null = null;
  let latest: Promise<BatchRow> | null = null;
  try {
    for (;;) {
      const batch = startBatch(db, subject, organizationId, after, today, settings);
      latest = batch.committed;
      const rows = await batch.answered;
      if (committing !== null) await committing;
      committing = batch.committed;
      totals.batches += 1;
      totals.seen += rows.seen;
      totals.overdue += rows.overdue;
      totals.flagged += rows.flagged.length;
      totals.unflagged += rows.unflagged;
      totals.created += rows.created.length;
      if (rows.last_id === null || rows.seen < settings.batchSize) break;
      after = rows.last_id;
    }
    await committing;
  } catch (error) {
    // Neither unit of work is left running when the pass fails (each rolls back or commits whole).
    await Promise.allSettled([committing, latest]);
    throw error;
  }
  if (totals.overdue > 0) {
    const digest = await auditedWork(db, subject, organizationId, async (tx) =>
      tx.execute<{ id: string }>(digestStatement(organizationId, today, totals.overdue, settings)),
    );
    totals.digests = digest.rows.length;
  }
  return totals;
}

/** Organisations with deliveries that are due to be sent (queued, failed and due again, or lease run out). */
async function organizationsWithDueDeliveries(db: Database, organizationIds: readonly string[]) {
  const waiting: string[] = [];
  for (const organizationId of organizationIds) {
    const due = await auditedWork(db, workerSubject(organizationId, 'scheduler'), organizationId, (tx) =>
      tx.execute<{ due: boolean }>(sql`
        SELECT EXISTS (SELECT 1 FROM reminder_deliveries
                        WHERE organization_id = ${organizationId} AND status <> 'sent'
                          AND next_attempt_at IS NOT NULL) AS due`),
    );
    if (due.rows[0]?.due === true) waiting.push(organizationId);
  }
  return waiting;
}

export async function runSchedulerPass(
  db: Database,
  today: string,
  settings: ReminderSettings,
): Promise<SchedulerPassResult> {
  if (!ISO_DATE.test(today)) throw new Error(`The scheduler pass needs today as YYYY-MM-DD, not "${today}"`);
  const ids = await allOrganizationIds(db);
  const sum = { seen: 0, batches: 0, overdue: 0, flagged: 0, unflagged: 0, created: 0, digests: 0 };
  for (const id of ids) {
    const part = await passOverOrganization(db, id, today, settings);
    for (const key of Object.keys(sum) as (keyof typeof sum)[]) sum[key] += part[key];
  }
  return {
    today,
    organizations: ids.length,
    tasksSeen: sum.seen,
    batches: sum.batches,
    flaggedOverdue: sum.flagged,
    unflagged: sum.unflagged,
    overdueTasks: sum.overdue,
    remindersCreated: sum.created,
    digestsCreated: sum.digests,
    organizationsToSend: await organizationsWithDueDeliveries(db, ids),
  };
}
