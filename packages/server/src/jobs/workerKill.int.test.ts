// THE kill -9 test: `osteopad worker` (a real child process on the test database) sends a few hundred
// reminders to a real SMTP server on loopback and is killed with SIGKILL at random moments, several
// times, and started again. At the end every delivery is sent and the server received every Message-ID;
// each exactly once, except where a kill fell into the one window SMTP cannot close (the server accepted
// the message, the worker died before its `sent` committed; docs/OPERATIONS.md "Reminders") — the test
// shows that any second copy is exactly that, and says how often it happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { startWorkerProcess, until, type WorkerProcess } from '../../test/workerProcess';
import { createOrganization } from '../../test/appHarness';
import { localIsoDate } from '../time/localDate';
import { seedTasks, startLoopbackSmtp, type LoopbackSmtp } from '../reminders/test-support/reminderFixtures';

const REMINDERS = 300;
const KILLS = 5;
const SLOW = 240_000;

let db: TestDatabase;
let smtp: LoopbackSmtp;
let organizationId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startLoopbackSmtp();
  organizationId = (await createOrganization(db, 'Kill Hospital', 0)).id;
  const inThreeDays = localIsoDate(new Date(Date.now() + 3 * 86_400_000));
  await seedTasks(db.owner, {
    organizationId,
    count: REMINDERS,
    kind: 'denosumab_injection',
    dueDate: inThreeDays,
    email: 'patient{i}@example.org',
  });
}, SLOW);
afterAll(async () => {
  await smtp.close();
  await db.drop();
});

function startWorker(): WorkerProcess {
  return startWorkerProcess(db.ownerUrl, {
    SMTP_URL: smtp.url,
    SMTP_FROM: 'fls@example.org',
    REMINDER_LEASE_SECONDS: '2',
    OSTEOPAD_JOB_POLL_SECONDS: '0.5',
  });
}

async function sentCount(): Promise<number> {
  const r = await db.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reminder_deliveries WHERE organization_id = $1 AND status = 'sent'`,
    [organizationId],
  );
  return r.rows[0]?.n ?? 0;
}

describe('the worker killed with SIGKILL while it sends', () => {
  it(
    'sends every reminder, each Message-ID once (but for the documented window), across kills and restarts',
    async () => {
      // Per kill: the position in `smtp.received` of the last message the killed worker got accepted.
      const lastOfKilled: number[] = [];
      for (let k = 0; k < KILLS; k++) {
        const worker = startWorker();
        const before = smtp.received.length;
        // Wait until it is sending, then kill it at a random moment in the next 0–400 ms.
        await until(() => smtp.received.length > before || worker.child.exitCode !== null, 60_000, 'sending');
        expect(worker.child.exitCode, worker.output()).toBeNull();
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
        worker.child.kill('SIGKILL');
        await worker.exited;
        // Whatever the dead worker's socket still carried has been read by the server after a moment.
        await new Promise((r) => setTimeout(r, 300));
        lastOfKilled.push(smtp.received.length - 1);
      }
      expect(smtp.received.length).toBeLessThan(REMINDERS); // the kills did interrupt the sending

      const last = startWorker();
      try {
        await until(async () => (await sentCount()) === REMINDERS, 120_000, 'every delivery sent');
      } finally {
        last.child.kill('SIGTERM');
        await last.exited;
      }

      const deliveries = await db.owner.query<{ message_id: string; status: string; attempts: number }>(
        `SELECT message_id, status, attempts FROM reminder_deliveries WHERE organization_id = $1`,
        [organizationId],
      );
      expect(deliveries.rows).toHaveLength(REMINDERS);
      expect(deliveries.rows.every((d) => d.status === 'sent')).toBe(true);
      const copies = new Map<string, number[]>();
      for (const m of smtp.received) copies.set(m.messageId, [...(copies.get(m.messageId) ?? []), m.at]);
      // None skipped: every delivery's Message-ID reached the server.
      expect([...copies.keys()].sort()).toEqual(deliveries.rows.map((d) => d.message_id).sort());
      // None twice — unless the first copy was the last message a killed worker got accepted (the window:
      // it sends one at a time and marks each sent right after acceptance, so the kill fell in between).
      // Judged by order, not by time: on a loaded machine the window can last longer than any fixed bound.
      const twice = [...copies.entries()].filter(([, at]) => at.length > 1);
      for (const [messageId, at] of twice) {
        expect(at, messageId).toHaveLength(2);
        const first = smtp.received.findIndex((m) => m.messageId === messageId);
        expect(
          lastOfKilled.includes(first),
          `${messageId} was received twice, the first time not as the last message of a killed worker`,
        ).toBe(true);
      }
      expect(twice.length).toBeLessThanOrEqual(KILLS);
      expect(smtp.connectionErrors).toEqual([]);
      console.log(
        `kill -9 test: ${REMINDERS} reminders, ${KILLS} kills, ${smtp.received.length} messages received, ` +
          `${twice.length} sent twice (kill inside the accepted-but-not-yet-marked window)`,
      );
    },
    SLOW * 2,
  );
});
