// A restart mid-import leaves nothing half-written: `osteopad worker` (a real child process) imports a
// large spooled file as a job and is killed with SIGKILL half-way. Its transaction dies with it: none of
// the file's patients, fractures, episodes or import records are there, only the job's own progress. A
// worker started again takes the job back once the dead one has stopped beating, imports the whole file
// from the spool, and the import is recorded once.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/testDatabase';
import { createOrganization } from '../../../test/appHarness';
import { startWorkerProcess, until, type WorkerProcess } from '../../../test/workerProcess';
import { openJobQueue } from '../../jobs/jobWorker';
import { pgBossSender } from '../../jobs/jobSender';
import { IMPORT_FILE } from '../../jobs/jobNames';
import { localIsoDate } from '../../time/localDate';
import { fractureCsvStream } from '../parsers/csv/generateFixture';
import { writeSpoolFile } from '../channels/upload/spoolFile';
import { queueImportJob } from './importJobRecords';

const ROWS = 40_000;
/** Killed once the job reports at least this many rows read (progress comes every 10,000). */
const KILL_AFTER_ROWS = 10_000;
const SLOW = 420_000;

let db: TestDatabase;
let queue: PgBoss;
let spoolDir: string;
let organizationId: string;
const jobId = randomUUID();

beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = (await createOrganization(db, 'Restart Hospital', 0)).id;
  spoolDir = await mkdtemp(join(tmpdir(), 'osteopad-spool-'));
  const today = localIsoDate(new Date());
  const spooled = await writeSpoolFile(spoolDir, jobId, fractureCsvStream(ROWS, { seed: 21, today }));
  queue = openJobQueue(db.ownerUrl, { supervise: false, schedule: false });
  await queue.start();
  await queueImportJob(db.app.db, pgBossSender(queue), {
    id: jobId,
    organizationId,
    format: 'csv',
    fileName: 'fracturen-groot.csv',
    fileSha256: 'not-checked-here',
    totalBytes: spooled.bytes,
    encoding: 'auto',
    sourceSystem: 'hospital',
    skipInvalid: false,
    importDay: today,
    requestedBy: {
      userId: null,
      username: 'test:uploader',
      role: 'admin',
      organizationId,
      clientAddress: null,
      reason: 'care coordination',
    },
  });
}, SLOW);

afterAll(async () => {
  await queue.stop({ graceful: false, close: true });
  await db.drop();
  await rm(spoolDir, { recursive: true, force: true });
});

function startWorker(): WorkerProcess {
  return startWorkerProcess(db.ownerUrl, {
    OSTEOPAD_SPOOL_DIR: spoolDir,
    OSTEOPAD_JOB_POLL_SECONDS: '0.5',
    OSTEOPAD_JOB_SUPERVISE_SECONDS: '1',
  });
}

interface JobRow {
  status: string;
  attempts: number;
  rows_read: number;
  import_id: string | null;
  summary: { rows: number; imported: number } | null;
}

async function jobRow(): Promise<JobRow> {
  const r = await db.owner.query<JobRow>(
    `SELECT status, attempts, rows_read, import_id, summary FROM import_jobs WHERE id = $1`,
    [jobId],
  );
  const row = r.rows[0];
  if (row === undefined) throw new Error('the import job is gone');
  return row;
}

async function organizationCounts() {
  const r = await db.owner.query<{ patients: number; fractures: number; episodes: number; imports: number }>(
    `SELECT (SELECT count(*)::int FROM patients WHERE organization_id = $1) AS patients,
            (SELECT count(*)::int FROM fracture_events WHERE organization_id = $1) AS fractures,
            (SELECT count(*)::int FROM episodes WHERE organization_id = $1) AS episodes,
            (SELECT count(*)::int FROM imports WHERE organization_id = $1) AS imports`,
    [organizationId],
  );
  const row = r.rows[0];
  if (row === undefined) throw new Error('no counts');
  return row;
}

/** The database sessions with a transaction that has written (the import's, while it runs). */
async function writingSessions(): Promise<number[]> {
  const r = await db.owner.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL
        AND pid <> pg_backend_pid()`,
  );
  return r.rows.map((row) => row.pid);
}

describe('an import job whose worker is killed with SIGKILL mid-import', () => {
  it(
    'leaves nothing of the file behind, and the next worker imports all of it once',
    async () => {
      const first = startWorker();
      await until(
        async () => (await jobRow()).rows_read >= KILL_AFTER_ROWS || first.child.exitCode !== null,
        120_000,
        'the import to be under way',
      ).catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}; job ${JSON.stringify(await jobRow())}; worker said: ${first.output()}`,
        );
      });
      expect(first.child.exitCode, first.output()).toBeNull();
      const importing = await writingSessions();
      expect(importing.length).toBeGreaterThan(0);
      first.child.kill('SIGKILL');
      await first.exited;
      // The server notices the closed connection and rolls the import's transaction back.
      await until(
        async () => (await writingSessions()).every((pid) => !importing.includes(pid)),
        30_000,
        "the killed worker's transaction to end",
      );

      const halfway = await jobRow();
      expect(halfway).toMatchObject({ status: 'running', attempts: 1, import_id: null, summary: null });
      expect(halfway.rows_read).toBeGreaterThanOrEqual(KILL_AFTER_ROWS);
      expect(halfway.rows_read).toBeLessThan(ROWS);
      expect(await organizationCounts()).toEqual({ patients: 0, fractures: 0, episodes: 0, imports: 0 });
      expect(await readdir(spoolDir)).toEqual([`${jobId}.upload`]);

      const second = startWorker();
      try {
        await until(async () => (await jobRow()).status === 'succeeded', 240_000, 'the retried import').catch(
          async (error: unknown) => {
            throw new Error(
              `${String(error)}; job ${JSON.stringify(await jobRow())}; worker said: ${second.output()}`,
            );
          },
        );
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      const done = await jobRow();
      expect(done.attempts).toBe(2);
      expect(done.summary?.rows).toBe(ROWS);
      const counts = await organizationCounts();
      expect(counts.imports).toBe(1);
      expect(counts.fractures).toBe(done.summary?.imported);
      expect(counts.patients).toBeGreaterThan(0);
      const audited = await db.owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'import'`,
        [organizationId],
      );
      expect(audited.rows[0]?.n).toBe(1);
      expect((await queue.findJobs(IMPORT_FILE, { id: jobId })).map((j) => j.state)).toEqual(['completed']);
      expect(await readdir(spoolDir)).toEqual([]);
    },
    SLOW,
  );
});
