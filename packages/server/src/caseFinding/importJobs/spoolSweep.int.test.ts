// The spool sweep on a real database and directory: files of jobs that ended, or of jobs never
// committed, go once they are older than the grace period; files of waiting or running jobs (in any
// organisation), young files and other files stay. The worker sweeps after its start-up pass.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { storedClinicalConfigs } from '../../clinicalConfig/clinicalConfigs';
import { startJobWorker } from '../../jobs/jobWorker';
import { DEFAULT_REMINDER_SETTINGS } from '../../reminders/reminderSettings';
import { createHarness, type Harness } from '../../../test/appHarness';
import { SPOOL_GRACE_MS, sweepSpool } from './spoolSweep';

let h: Harness;
const dirs: string[] = [];
const NOW = new Date('2026-12-03T12:00:00Z');
const OLD = new Date(NOW.getTime() - SPOOL_GRACE_MS - 60_000);
const YOUNG = new Date(NOW.getTime() - SPOOL_GRACE_MS + 60_000);

async function spoolDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'osteopad-sweep-'));
  dirs.push(dir);
  return dir;
}

async function spooled(dir: string, jobId: string, modified: Date): Promise<void> {
  const path = join(dir, `${jobId}.upload`);
  await writeFile(path, 'patient_id\n');
  await utimes(path, modified, modified);
}

async function jobRow(organizationId: string, status: string): Promise<string> {
  const id = randomUUID();
  await h.db.owner.query(
    `INSERT INTO import_jobs (id, organization_id, format, file_name, file_sha256, total_bytes, encoding,
       source_system, skip_invalid, import_day, requested_by, status)
     VALUES ($1, $2, 'csv', 'f.csv', 'x', 11, 'utf-8', 'test', false, '2026-12-03', '{}', $3)`,
    [id, organizationId, status],
  );
  return id;
}

beforeAll(async () => {
  h = await createHarness();
}, 120_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  await h.close();
});

describe('sweepSpool', () => {
  it('removes old files of ended or never-committed jobs and keeps the rest', async () => {
    const dir = await spoolDir();
    const neverCommitted = randomUUID();
    const justSpooled = randomUUID();
    const queuedElsewhere = await jobRow(h.orgB.id, 'queued');
    const running = await jobRow(h.orgA.id, 'running');
    const retrying = await jobRow(h.orgA.id, 'retrying');
    const succeeded = await jobRow(h.orgA.id, 'succeeded');
    const failed = await jobRow(h.orgB.id, 'failed');
    for (const id of [neverCommitted, queuedElsewhere, running, retrying, succeeded, failed])
      await spooled(dir, id, OLD);
    await spooled(dir, justSpooled, YOUNG);
    await writeFile(join(dir, 'README.txt'), 'not a spooled upload');
    await utimes(join(dir, 'README.txt'), OLD, OLD);

    const result = await sweepSpool(h.db.app.db, dir, NOW);

    expect([...result.removed].sort()).toEqual([neverCommitted, succeeded, failed].sort());
    expect(result.kept).toBe(4);
    expect((await readdir(dir)).sort()).toEqual(
      ['README.txt', ...[queuedElsewhere, running, retrying, justSpooled].map((id) => `${id}.upload`)].sort(),
    );
    // A second sweep finds nothing more to do.
    expect((await sweepSpool(h.db.app.db, dir, NOW)).removed).toEqual([]);
  });

  it('answers an empty sweep for a spool directory that does not exist yet', async () => {
    const dir = join(await spoolDir(), 'not-yet');
    expect(await sweepSpool(h.db.app.db, dir, NOW)).toEqual({ removed: [], kept: 0 });
  });

  it('is run by the worker after its start-up scheduler pass', async () => {
    const dir = await spoolDir();
    const orphan = randomUUID();
    const live = await jobRow(h.orgA.id, 'retrying');
    // Hours before the wall clock: the worker measures the grace period against real time.
    const hoursAgo = new Date(Date.now() - SPOOL_GRACE_MS - 60_000);
    await spooled(dir, orphan, hoursAgo);
    await spooled(dir, live, hoursAgo);
    const lines: string[] = [];
    const worker = await startJobWorker({
      databaseUrl: h.db.ownerUrl,
      db: h.db.app.db,
      clock: h.clock.now,
      channels: new Map(),
      settings: DEFAULT_REMINDER_SETTINGS,
      log: (line) => lines.push(line),
      pollingIntervalSeconds: 0.5,
      imports: { clinicalConfigs: storedClinicalConfigs(h.db.app.db, DEFAULT_CONFIG), spoolDir: dir },
    });
    try {
      const end = Date.now() + 30_000;
      while ((await readdir(dir)).includes(`${orphan}.upload`)) {
        if (Date.now() > end)
          throw new Error(`the orphan is still spooled; worker said: ${lines.join(' | ')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await worker.stop();
    }
    expect(await readdir(dir)).toEqual([`${live}.upload`]);
    expect(lines).toContain('Spool: removed 1 file(s) of jobs that ended or never started.');
  }, 60_000);
});
