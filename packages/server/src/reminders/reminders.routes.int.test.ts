import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/appHarness';
import { seedTasks } from './test-support/reminderFixtures';

let h: Harness;
let failedId: string;

beforeAll(async () => {
  h = await createHarness();
  const [taskId] = await seedTasks(h.db.owner, {
    organizationId: h.orgA.id,
    count: 1,
    kind: 'denosumab_injection',
    dueDate: '2026-11-25',
    email: 'anna{i}@example.org',
  });
  const r = await h.db.owner.query<{ id: string }>(
    `INSERT INTO reminder_deliveries (organization_id, task_id, patient_id, channel, reminder_kind, recipient,
       occasion_on, message_id, status, attempts, next_attempt_at, last_error)
     SELECT organization_id, id, patient_id, 'email', 'upcoming', 'anna1@example.org', due_date,
            '<reminder.x@osteopad.invalid>', 'failed', 8, NULL, 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525'
       FROM tasks WHERE id = $1 RETURNING id`,
    [taskId],
  );
  failedId = r.rows[0]?.id ?? '';
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('GET /api/reminders and POST /api/reminders/:reminderId/retry', () => {
  it('shows staff the failed deliveries with their error, logging each patient shown as read', async () => {
    const nurse = await h.login(h.orgA.users.nurse.username);
    const response = await h.as(nurse, 'GET', '/api/reminders?status=failed');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      items: { id: string; lastError: string; givenUp: boolean; patientName: string; taskKind: string }[];
    }>();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: failedId, givenUp: true, taskKind: 'denosumab_injection' });
    expect(body.items[0]?.lastError).toMatch(/ECONNREFUSED/);
    const reads = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'read' AND details->>'view' = 'reminders'`,
    );
    expect(reads.rows[0]?.n).toBe(1);
    // Another organisation sees none of them.
    const other = await h.login(h.orgB.users.nurse.username);
    expect(
      (await h.as(other, 'GET', '/api/reminders?status=failed')).json<{ items: unknown[] }>().items,
    ).toEqual([]);
  });

  it('retries a failed delivery once for the version read, and refuses a stale one', async () => {
    const secretary = await h.login(h.orgA.users.secretary.username);
    const retried = await h.as(secretary, 'POST', `/api/reminders/${failedId}/retry`, { expectedVersion: 1 });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0, givenUp: false, version: 2 });
    const stale = await h.as(secretary, 'POST', `/api/reminders/${failedId}/retry`, { expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'stale_version' });
    const specialist = await h.login(h.orgA.users.specialist.username);
    expect((await h.as(specialist, 'GET', '/api/reminders')).statusCode).toBe(403);
  });
});
