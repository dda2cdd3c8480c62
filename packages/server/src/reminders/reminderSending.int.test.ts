import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../test/appHarness';
import { runSchedulerPass } from '../jobs/schedulerPass';
import { channelRegistry } from './channels';
import { emailChannel } from './emailChannel';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './reminderSettings';
import { sendDueReminders } from './reminderSending';
import { closedPort, seedTasks, startLoopbackSmtp, type LoopbackSmtp } from './test-support/reminderFixtures';

const TODAY = '2026-11-21';
const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, batchSize: 7, retryBaseSeconds: 60 };

let db: TestDatabase;
let org: TestOrganization;
let smtp: LoopbackSmtp;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganization(db, 'Reminder Hospital', 0);
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  await smtp.close();
  await db.drop();
});

async function deliveries(status?: string) {
  const r = await db.owner.query<{
    id: string;
    status: string;
    attempts: number;
    message_id: string;
    last_error: string;
    next_attempt_at: Date | null;
    reminder_kind: string;
    sent_at: Date | null;
  }>(
    `SELECT id, status, attempts, message_id, last_error, next_attempt_at, reminder_kind, sent_at
       FROM reminder_deliveries WHERE organization_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY id`,
    [org.id, status ?? null],
  );
  return r.rows;
}

describe('scheduler pass and e-mail reminders', () => {
  it('flags overdue tasks in batches and creates each reminder once, however often the pass runs', async () => {
    // 10 injections due in 3 days (upcoming), 5 control visits 2 days overdue, 4 without e-mail, 6 staff tasks overdue.
    await seedTasks(db.owner, {
      organizationId: org.id,
      count: 10,
      kind: 'denosumab_injection',
      dueDate: '2026-11-24',
      email: 'p{i}@example.org',
    });
    await seedTasks(db.owner, {
      organizationId: org.id,
      count: 5,
      kind: 'control_visit',
      dueDate: '2026-11-19',
      email: 'v{i}@example.org',
    });
    await seedTasks(db.owner, {
      organizationId: org.id,
      count: 4,
      kind: 'denosumab_injection',
      dueDate: '2026-11-23',
      email: '',
    });
    await seedTasks(db.owner, {
      organizationId: org.id,
      count: 6,
      kind: 'invite',
      dueDate: '2026-11-01',
      email: 'x{i}@example.org',
    });
    await db.owner.query(`UPDATE organizations SET email = 'fls@example.org' WHERE id = $1`, [org.id]);

    const first = await runSchedulerPass(db.app.db, TODAY, settings);
    expect(first.tasksSeen).toBe(25);
    expect(first.batches).toBe(4); // 7 + 7 + 7 + 4
    expect(first.flaggedOverdue).toBe(11);
    expect(first.overdueTasks).toBe(11);
    expect(first.remindersCreated).toBe(15);
    expect(first.digestsCreated).toBe(1);
    expect(first.organizationsToSend).toEqual([org.id]);

    const again = await runSchedulerPass(db.app.db, TODAY, settings);
    expect(again.flaggedOverdue).toBe(0);
    expect(again.remindersCreated).toBe(0);
    expect(again.digestsCreated).toBe(0);
    const all = await deliveries();
    expect(all).toHaveLength(16);
    expect(all.filter((d) => d.reminder_kind === 'upcoming')).toHaveLength(10);
    expect(all.filter((d) => d.reminder_kind === 'overdue')).toHaveLength(5);
    const flagged = await db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE organization_id = $1 AND overdue_since = $2`,
      [org.id, TODAY],
    );
    expect(flagged.rows[0]?.n).toBe(11);
    const audited = await db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND object_type IN ('task', 'reminder_delivery')`,
      [org.id],
    );
    expect(audited.rows[0]?.n).toBe(11 + 15);
  });

  it('while SMTP is down: retried with back-off, the error kept, nothing marked sent', async () => {
    const down = channelRegistry([
      emailChannel({
        smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
        from: 'fls@example.org',
        timeoutMs: 2000,
      }),
    ]);
    const outcome = await sendDueReminders(db.app.db, org.id, down, settings);
    expect(outcome).toEqual({ sent: 0, failed: 16 });
    const failed = await deliveries('failed');
    expect(failed).toHaveLength(16);
    for (const d of failed) {
      expect(d.attempts).toBe(1);
      expect(d.sent_at).toBeNull();
      expect(d.last_error).toMatch(/ECONNREFUSED/);
      expect(d.next_attempt_at).not.toBeNull();
      expect(d.next_attempt_at?.getTime()).toBeGreaterThan(Date.now() + 50_000);
    }
    // Not due again yet: a second run sends nothing and touches nothing.
    expect(await sendDueReminders(db.app.db, org.id, down, settings)).toEqual({ sent: 0, failed: 0 });
    // The second failure waits twice as long.
    await db.owner.query(
      `UPDATE reminder_deliveries SET next_attempt_at = now() WHERE organization_id = $1`,
      [org.id],
    );
    await sendDueReminders(db.app.db, org.id, down, settings);
    const second = await deliveries('failed');
    expect(second.every((d) => d.attempts === 2)).toBe(true);
    expect(second.every((d) => (d.next_attempt_at?.getTime() ?? 0) > Date.now() + 110_000)).toBe(true);
    for (const c of down.values()) c.close?.();
  });

  it('gives up after the last attempt and leaves the delivery failed for staff', async () => {
    const down = channelRegistry([
      emailChannel({
        smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
        from: 'fls@example.org',
        timeoutMs: 2000,
      }),
    ]);
    const [one] = await deliveries('failed');
    await db.owner.query(
      `UPDATE reminder_deliveries SET next_attempt_at = now(), attempts = $2 WHERE id = $1`,
      [one?.id, settings.maxAttempts - 1],
    );
    await sendDueReminders(db.app.db, org.id, down, settings, { limit: 1 });
    const after = (await deliveries()).find((d) => d.id === one?.id);
    expect(after?.status).toBe('failed');
    expect(after?.attempts).toBe(settings.maxAttempts);
    expect(after?.next_attempt_at).toBeNull();
    for (const c of down.values()) c.close?.();
  });

  it('sends through a real SMTP server with a stable Message-ID, once each, and marks each sent', async () => {
    await db.owner.query(
      `UPDATE reminder_deliveries SET next_attempt_at = now() WHERE organization_id = $1 AND next_attempt_at IS NOT NULL`,
      [org.id],
    );
    const up = channelRegistry([emailChannel({ smtpUrl: smtp.url, from: 'fls@example.org' })]);
    const outcome = await sendDueReminders(db.app.db, org.id, up, settings);
    expect(outcome).toEqual({ sent: 15, failed: 0 });
    const sent = await deliveries('sent');
    expect(sent).toHaveLength(15);
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(sent.map((d) => d.message_id).sort());
    const upcoming = smtp.received.find((m) => m.to.startsWith('p'));
    expect(upcoming?.raw).toMatch(/Subject: Herinnering: uw injectie op 24 november 2026/);
    expect(upcoming?.raw).not.toMatch(/denosumab/i);
    const digest = smtp.received.find((m) => m.to === 'fls@example.org');
    expect(digest?.raw).toMatch(/11 taken over datum/);
    // Nothing left to send: a second run sends nothing.
    expect(await sendDueReminders(db.app.db, org.id, up, settings)).toEqual({ sent: 0, failed: 0 });
    for (const c of up.values()) c.close?.();
  });
});
