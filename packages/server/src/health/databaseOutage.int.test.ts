// PostgreSQL dies (kill -9) under a running web server and MLLP listener, and comes back on the same
// port. The affected work fails, the process stays up, health says 503 while the database is gone,
// and everything works again once it is back — without restarting anything.
//
// This file runs a throw-away PostgreSQL of its own: the shared test cluster is never killed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { openAppDatabase, type DatabaseHandle } from '../db/connection';
import { buildApp } from '../http/app';
import { DEFAULT_APP_CONFIG } from '../http/config';
import { SESSION_COOKIE } from '../auth/authenticate';
import type { MllpListener } from '../caseFinding/channels/mllp/mllpListener';
import { createOrganization, type TestOrganization } from '../../test/appHarness';
import { rawConnect, requestHead, waitFor } from '../../test/rawHttp';
import { startTestMllpListener } from '../../test/mllpTestListener';

let dataDir: string;
let server: EmbeddedDatabase;
let owner: pg.Pool;
let database: DatabaseHandle;
let org: TestOrganization;
let app: FastifyInstance;
let port: number;
let listener: MllpListener;
let hl7: Hl7Client;
let session: { cookie: string; csrfToken: string };
const mllpLog: string[] = [];
let serverRunning = false;

const CSV_HEADER =
  'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism,pathological\n';
const csvRow = (i: number): string =>
  `K${String(i)},,Outage${String(i)},1950-01-01,V,2026-10-01,heupfractuur,SEH,laag,nee\n`;

async function startServer(atPort?: number): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({
    dataDir,
    database: 'osteopad',
    durable: false,
    ...(atPort === undefined ? {} : { port: atPort }),
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'osteopad-outage-'));
  server = await startServer();
  serverRunning = true;
  await runMigrations(server.url);
  owner = new pg.Pool({ connectionString: server.url, max: 2 });
  owner.on('error', () => undefined);
  database = openAppDatabase(server.url, { max: 5 });
  org = await createOrganization(
    { ownerUrl: server.url, owner, app: database, drop: () => Promise.resolve() },
    'Outage Hospital',
    0,
  );
  app = await buildApp({
    db: database.db,
    clock: () => new Date('2026-11-10T10:00:00Z'),
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent', cookieSecure: false },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address !== 'object') throw new Error('not listening');
  port = address.port;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: org.users.admin.username, password: 'correct horse battery staple' },
  });
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (cookie === undefined) throw new Error(`login failed: ${login.body}`);
  session = { cookie, csrfToken: login.json<{ csrfToken: string }>().csrfToken };
  listener = await startTestMllpListener(database.db, org.id, {
    now: new Date('2026-11-10T10:00:00Z'),
    log: (line) => mllpLog.push(line),
  });
  hl7 = new Hl7Client({ host: '127.0.0.1', port: listener.port });
}, 120_000);

afterAll(async () => {
  try {
    await hl7.close();
    await listener.close();
    await app.close();
    await database.close();
    await owner.end();
    // A killed server has nothing left to stop (and its stop() would wait for an exit already past).
    if (serverRunning) await server.stop();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);

/** SIGKILL to the postmaster, as the OOM killer or `kill -9` would; its backends follow. */
async function killPostgres(): Promise<void> {
  const pidFile = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  const pid = Number(pidFile.split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  serverRunning = false;
  await waitFor('the postmaster to be gone', () => {
    try {
      process.kill(pid, 0);
      return Promise.resolve(false);
    } catch {
      return Promise.resolve(true);
    }
  });
}

/** Starts PostgreSQL again on the same folder and port, once its killed backends have let go. */
async function restartPostgres(atPort: number): Promise<EmbeddedDatabase> {
  const started = Date.now();
  for (;;) {
    try {
      return await startServer(atPort);
    } catch (error) {
      if (Date.now() - started > 30_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function health(): Promise<number> {
  return (await app.inject({ method: 'GET', url: '/api/health' })).statusCode;
}

async function ackOf(controlId: string, patientNumber: string): Promise<{ code: string; text: string }> {
  const ack = await hl7.sendAndWait(
    Hl7Message.parse(
      [
        `MSH|^~\\&|HIX|ZKH|OSTEOPAD|FLS|20261101101500||ADT^A01^ADT_A01|${controlId}|P|2.5`,
        `PID|1||${patientNumber}^^^ZKH^PI||Storing^Sanne||19500314|F`,
        'PV1|1|E',
        'DG1|1|I10|S72.0^Heupfractuur^I10||20261101',
      ].join('\r'),
    ),
  );
  return {
    code: ack.getSegment('MSA')?.getField(1).toString() ?? '',
    text: ack.getSegment('MSA')?.getField(3).toString() ?? '',
  };
}

function uploadHead(fileName: string, contentLength: number): string {
  return requestHead({
    path: '/api/imports?format=csv',
    headers: {
      'X-File-Name': encodeURIComponent(fileName),
      Cookie: `${SESSION_COOKIE}=${session.cookie}`,
      'X-CSRF-Token': session.csrfToken,
      'Content-Type': 'text/csv',
      'Content-Length': contentLength,
    },
  });
}

describe('PostgreSQL is killed and comes back', () => {
  it('fails the upload in flight, keeps serving, answers 503/AE while down and 200/AA after', async () => {
    expect(await health()).toBe(200);
    expect(await ackOf('OUT1', '88801')).toMatchObject({ code: 'AA' });

    // What was committed so far is on disk (this throw-away server runs without synchronous commit,
    // so a kill could otherwise take the last commits, the login's session among them, along).
    await owner.query('CHECKPOINT');

    // An upload is under way: its transaction holds the organisation's import lock.
    const upload = await rawConnect(port);
    await upload.write(uploadHead('outage.csv', 5_000_000));
    await upload.write(CSV_HEADER + csvRow(1));
    await waitFor('the upload to hold the import lock', async () => {
      const r = await owner.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted`);
      return (r.rowCount ?? 0) > 0;
    });
    const answer = upload.nextResponse();

    const atPort = server.port;
    await killPostgres();

    const failed = await answer;
    expect(failed.status).toBe(503);
    expect(JSON.parse(failed.body)).toMatchObject({ error: 'database_unavailable' });
    expect(failed.headers.connection).toBe('close');
    upload.destroy();

    await waitFor('health to say 503', async () => (await health()) === 503);
    expect(await ackOf('OUT2', '88802')).toEqual({
      code: 'AE',
      text: 'Temporary failure while storing the message; send it again.',
    });

    server = await restartPostgres(atPort);
    serverRunning = true;

    await waitFor('health to say 200 again', async () => (await health()) === 200);
    expect(await ackOf('OUT2', '88802')).toMatchObject({ code: 'AA' });
    const body = CSV_HEADER + csvRow(2);
    const again = await rawConnect(port);
    try {
      await again.write(uploadHead('after-outage.csv', Buffer.byteLength(body)));
      await again.write(body);
      const r = await again.nextResponse();
      expect(r.status, r.body).toBe(200);
    } finally {
      again.destroy();
    }
    // Nothing of the interrupted upload was kept; the message answered AE was stored once resent.
    const patients = await owner.query<{ source_id: string; family_name: string }>(
      `SELECT source_id, family_name FROM patients WHERE organization_id = $1 ORDER BY source_id`,
      [org.id],
    );
    expect(patients.rows).toEqual([
      { source_id: '88801', family_name: 'Storing' },
      { source_id: '88802', family_name: 'Storing' },
      { source_id: 'K2', family_name: 'Outage2' },
    ]);
    expect(mllpLog.some((line) => line.includes('OUT2'))).toBe(true);
  }, 120_000);
});
