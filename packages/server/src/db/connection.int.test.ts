// Application connections: the limits they start with, and what happens when the server ends one
// that a transaction holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';
import { createOrganization, type TestOrganization } from '../../test/appHarness';
import { waitFor } from '../../test/rawHttp';
import { inOrganization } from '../audit/auditedTransaction';
import { openAppDatabase } from './connection';
import { inOrganizationWithCopy } from './copyingTransaction';
import { isConnectionFailure } from './databaseErrors';
import { IMPORT_TIMEOUTS } from './timeouts';

let db: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  db = await createTestDatabase();
  org = await createOrganization(db, 'Connection Hospital', 0);
});
afterAll(async () => {
  await db.drop();
});

async function settings(run: (q: string) => Promise<{ rows: unknown[] }>): Promise<unknown> {
  const r = await run(
    `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
            current_setting('idle_in_transaction_session_timeout') AS idle`,
  );
  return r.rows[0];
}

const backendAlive = async (pid: number): Promise<boolean> =>
  ((await db.owner.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount ?? 0) > 0;

describe('limits', () => {
  it('every application connection starts with the request limits', async () => {
    expect(await settings((q) => db.app.pool.query(q))).toEqual({
      statement: '1min',
      lock: '15s',
      idle: '1min',
    });
  });

  it('an import transaction has its own, longer limits, and the connection returns with the request limits', async () => {
    const inside = await inOrganizationWithCopy(db.app.db, { organizationId: org.id }, async (t) => {
      const r = await t.tx.execute(
        sql`SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
                   current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      return r.rows[0];
    });
    expect(inside).toEqual({ statement: '5min', lock: '1min', idle: '5min' });
    expect(IMPORT_TIMEOUTS.statementMs).toBe(300_000);
    const client = await db.app.pool.connect();
    try {
      expect(await settings((q) => client.query(q))).toMatchObject({ statement: '1min' });
    } finally {
      client.release();
    }
  });

  it('a transaction left idle longer than its limit is ended by the server, and the process carries on', async () => {
    const quick = openAppDatabase(db.ownerUrl, {
      max: 1,
      timeouts: { statementMs: 5_000, lockMs: 1_000, idleInTransactionMs: 200 },
    });
    try {
      const failure = await inOrganization(quick.db, org.id, async (tx) => {
        const pid = (await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid;
        if (pid === undefined) throw new Error('no pid');
        await waitFor('the server to end the idle transaction', async () => !(await backendAlive(pid)));
        return tx.execute(sql`SELECT 1`).then(
          () => null,
          (error: unknown) => error,
        );
      }).catch((error: unknown) => error);
      expect(isConnectionFailure(failure)).toBe(true);
      // The broken connection was discarded: the pool's next one works.
      expect((await quick.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await quick.close();
    }
  });
});

describe('a connection ended while a transaction holds it', () => {
  it('fails only that work (no unhandled error event); the pool hands out a working connection next', async () => {
    let pid = 0;
    const failure = await inOrganization(db.app.db, org.id, async (tx) => {
      pid = (await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid ?? 0;
      await db.owner.query('SELECT pg_terminate_backend($1)', [pid]);
      await waitFor('the backend to be gone', async () => !(await backendAlive(pid)));
      // Between statements the client has no query to fail: the error arrives as an event.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await tx.execute(sql`SELECT 1`);
    }).catch((error: unknown) => error);
    expect(isConnectionFailure(failure)).toBe(true);
    const again = await inOrganization(db.app.db, org.id, (tx) => tx.execute(sql`SELECT 1 AS one`));
    expect(again.rows).toEqual([{ one: 1 }]);
  });

  it('a copying transaction learns of it at once through its signal, even while it waits for other input', async () => {
    const failure = await inOrganizationWithCopy(db.app.db, { organizationId: org.id }, async (t) => {
      const pid = (await t.tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid;
      await db.owner.query('SELECT pg_terminate_backend($1)', [pid]);
      // Waits for something that never comes (an uploader's next bytes), unless the signal says stop.
      await new Promise((_resolve, reject) => {
        const stop = (): void => {
          reject(t.signal.reason as Error);
        };
        if (t.signal.aborted) stop();
        else t.signal.addEventListener('abort', stop);
      });
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'DatabaseConnectionLost' });
    expect(isConnectionFailure(failure)).toBe(true);
  });

  it('statements the work left running are settled before ROLLBACK, never run after it', async () => {
    const marker = `leaked-${String(Date.now())}`;
    const failure = await inOrganizationWithCopy(db.app.db, { organizationId: org.id }, (t) => {
      // A batch still being written when reading the next one fails.
      void t
        .inBackground(
          (async () => {
            await t.tx.execute(sql`SELECT pg_sleep(0.3)`);
            // Session-wide, but undone by ROLLBACK when it runs inside the transaction.
            await t.tx.execute(sql`SELECT set_config('application_name', ${marker}, false)`);
          })(),
        )
        .catch(() => undefined);
      return Promise.reject(new Error('the input broke'));
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: 'the input broke' });
    const leaked = await db.owner.query('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [
      marker,
    ]);
    expect(leaked.rows).toEqual([]);
  });
});
