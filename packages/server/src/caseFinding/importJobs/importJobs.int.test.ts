// Uploads that run as jobs, end to end on a real queue: POST /api/import-jobs spools the file and queues
// its import (202), the worker (pg-boss, in this process) imports it as the uploader, and GET
// /api/import-jobs/:id follows it to its summary. A refused file, another organisation's job and a server
// without a queue each get their answer.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { storedClinicalConfigs } from '../../clinicalConfig/clinicalConfigs';
import type { ImportJob } from '@osteopad/contract';
import type { App } from '../../http/app';
import { SESSION_COOKIE } from '../../auth/authenticate';
import { startJobWorker, type JobWorker } from '../../jobs/jobWorker';
import { pgBossSender } from '../../jobs/jobSender';
import { DEFAULT_REMINDER_SETTINGS } from '../../reminders/reminderSettings';
import { localIsoDate } from '../../time/localDate';
import { fractureCsvStream } from '../parsers/csv/generateFixture';
import { appWithUploads, createHarness, type Harness, type Session } from '../../../test/appHarness';

let h: Harness;
let app: App;
let worker: JobWorker;
let spoolDir: string;
let admin: Session;
let adminB: Session;

async function csvText(rows: number, seed: number): Promise<string> {
  let text = '';
  for await (const chunk of fractureCsvStream(rows, { seed, today: localIsoDate(h.clock.now()) }))
    text += (chunk as Buffer).toString('utf8');
  return text;
}

function upload(session: Session, body: string, query = 'format=csv', target: App = app) {
  return target.inject({
    method: 'POST',
    url: `/api/import-jobs?${query}`,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: {
      'x-csrf-token': session.csrfToken,
      'content-type': 'text/csv',
      'x-file-name': encodeURIComponent('fracturen-november.csv'),
    },
    payload: body,
  });
}

function get(session: Session, url: string) {
  return app.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: session.cookie } });
}

async function finished(session: Session, id: string): Promise<ImportJob> {
  const end = Date.now() + 60_000;
  for (;;) {
    const job = (await get(session, `/api/import-jobs/${id}`)).json<ImportJob>();
    if (job.status === 'succeeded' || job.status === 'rejected' || job.status === 'failed') return job;
    if (Date.now() > end) throw new Error(`import job ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  h = await createHarness();
  spoolDir = await mkdtemp(join(tmpdir(), 'osteopad-spool-'));
  worker = await startJobWorker({
    databaseUrl: h.db.ownerUrl,
    db: h.db.app.db,
    clock: h.clock.now,
    channels: new Map(),
    settings: DEFAULT_REMINDER_SETTINGS,
    log: () => undefined,
    pollingIntervalSeconds: 0.5,
    imports: { clinicalConfigs: storedClinicalConfigs(h.db.app.db, DEFAULT_CONFIG), spoolDir },
  });
  app = await appWithUploads(h, { spoolDir }, { jobs: pgBossSender(worker.queue) });
  await app.ready();
  admin = await h.login(h.orgA.users.admin.username);
  adminB = await h.login(h.orgB.users.admin.username);
}, 120_000);

afterAll(async () => {
  await app.close();
  await worker.stop();
  await h.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe('POST /api/import-jobs', () => {
  it('spools the file, queues its import and answers 202; the worker imports it as the uploader', async () => {
    const body = await csvText(300, 5);
    const answer = await upload(admin, body);
    expect(answer.statusCode, answer.body).toBe(202);
    const queued = answer.json<ImportJob>();
    expect(queued).toMatchObject({
      format: 'csv',
      fileName: 'fracturen-november.csv',
      totalBytes: Buffer.byteLength(body),
      summary: null,
    });
    expect(['queued', 'running', 'succeeded']).toContain(queued.status);

    const job = await finished(admin, queued.id);
    expect(job.status).toBe('succeeded');
    expect(job.attempts).toBe(1);
    expect(job.problem).toBeNull();
    expect(job.summary?.rows).toBe(300);
    expect(job.rowsRead).toBe(300);
    expect(job.summary?.imported).toBeGreaterThan(0);

    // What landed is the import's: in the history, under the uploader's name, the job pointing at it.
    const stored = await h.db.owner.query<{
      import_id: string;
      channel: string;
      imported: number;
      user_id: string | null;
    }>(
      `SELECT j.import_id, i.channel, i.imported, i.user_id FROM import_jobs j JOIN imports i ON i.id = j.import_id
        WHERE j.id = $1`,
      [job.id],
    );
    expect(stored.rows[0]).toMatchObject({
      import_id: job.summary?.importId,
      channel: 'upload',
      imported: job.summary?.imported,
      user_id: h.orgA.users.admin.id,
    });
    const audit = await h.db.owner.query<{ action: string; object_type: string; username: string }>(
      `SELECT action, object_type, username FROM audit_events
        WHERE organization_id = $1 AND object_id IN ($2, $3) ORDER BY id`,
      [h.orgA.id, job.id, job.summary?.importId],
    );
    expect(audit.rows).toEqual([
      { action: 'create', object_type: 'import_job', username: h.orgA.users.admin.username },
      { action: 'import', object_type: 'import', username: h.orgA.users.admin.username },
    ]);
    // The spooled copy is gone once the job has ended.
    expect(await readdir(spoolDir)).toEqual([]);

    // The list shows it; the same file again adds nothing (the import's own matching).
    const list = (await get(admin, '/api/import-jobs')).json<{ items: ImportJob[] }>();
    expect(list.items.map((j) => j.id)).toContain(job.id);
    const again = await finished(admin, (await upload(admin, body)).json<ImportJob>().id);
    expect(again.status).toBe('succeeded');
    expect(again.summary?.imported).toBe(0);
    expect(again.summary?.duplicates).toBe(job.summary?.imported);
  });

  it('ends as rejected with the rows and fields that were wrong, and imports nothing of the file', async () => {
    const good = await csvText(20, 9);
    const lines = good.split('\n');
    // Row 3 gets a birth date that is no date.
    const header = (lines[0] ?? '').split(',');
    const birth = header.indexOf('birth_date');
    const cells = (lines[3] ?? '').split(',');
    cells[birth] = '31-02-19x5';
    lines[3] = cells.join(',');
    const before = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM fracture_events WHERE organization_id = $1`,
      [h.orgA.id],
    );
    const job = await finished(admin, (await upload(admin, lines.join('\n'))).json<ImportJob>().id);
    expect(job.status).toBe('rejected');
    expect(job.summary?.status).toBe('rejected');
    expect(job.summary?.errors[0]).toMatchObject({ row: 3, field: 'birth_date' });
    const after = await h.db.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM fracture_events WHERE organization_id = $1`,
      [h.orgA.id],
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it("answers 404 for another organisation's job, and lists only the organisation's own", async () => {
    const job = (await upload(admin, await csvText(5, 13))).json<ImportJob>();
    expect((await get(adminB, `/api/import-jobs/${job.id}`)).statusCode).toBe(404);
    const listB = (await get(adminB, '/api/import-jobs')).json<{ items: ImportJob[] }>();
    expect(listB.items).toEqual([]);
    await finished(admin, job.id);
  });

  it('answers 503 and keeps nothing on a server without a job queue', async () => {
    const plain = await appWithUploads(h, { spoolDir });
    try {
      const answer = await upload(admin, await csvText(5, 17), 'format=csv', plain);
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({ error: 'job_queue_unavailable' });
      expect(await readdir(spoolDir)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
