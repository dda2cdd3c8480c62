// The upload route over a real socket: a client that vanishes or stalls mid-body, a database
// connection killed mid-upload, and a keep-alive connection after an upload failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appWithUploads, createHarness, type Harness, type Session } from '../../../../test/appHarness';
import { SESSION_COOKIE } from '../../../auth/authenticate';
import { rawConnect, requestHead, waitFor, type RawConnection } from '../../../../test/rawHttp';

let h: Harness;
let admin: Session;
let port: number;

const HEADER =
  'patient_id,bsn,family_name,birth_date,sex,fracture_date,fracture_site,encounter_type,trauma_mechanism,pathological\n';
const row = (i: number): string =>
  `U${String(i).padStart(6, '0')},,Lifetime${i},1950-01-01,V,2026-10-01,heupfractuur,SEH,laag,nee\n`;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.login(h.orgA.users.admin.username);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  if (address === null || typeof address !== 'object') throw new Error('not listening');
  port = address.port;
});
afterAll(async () => {
  await h.close();
});

function uploadHead(fileName: string, contentLength: number): string {
  return requestHead({
    path: '/api/imports?format=csv',
    headers: {
      'X-File-Name': encodeURIComponent(fileName),
      Cookie: `${SESSION_COOKIE}=${admin.cookie}`,
      'X-CSRF-Token': admin.csrfToken,
      'Content-Type': 'text/csv',
      'Content-Length': contentLength,
    },
  });
}

const LOCK_KEY = (organizationId: string): string => `osteopad-import:${organizationId}`;

/** Backend pid holding the organisation's import lock, if any. */
async function lockHolder(organizationId: string): Promise<number | null> {
  const r = await h.db.owner.query<{ pid: number }>(
    `SELECT l.pid FROM pg_locks l
      WHERE l.locktype = 'advisory' AND l.granted
        AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1, 0)`,
    [LOCK_KEY(organizationId)],
  );
  return r.rows[0]?.pid ?? null;
}

async function startUpload(fileName: string): Promise<{ c: RawConnection; pid: number }> {
  const c = await rawConnect(port);
  const body = HEADER + row(1) + row(2);
  await c.write(uploadHead(fileName, 10_000_000));
  await c.write(body);
  const holder = { pid: 0 };
  await waitFor('the upload to hold the import lock', async () => {
    holder.pid = (await lockHolder(h.orgA.id)) ?? 0;
    return holder.pid !== 0;
  });
  return { c, pid: holder.pid };
}

async function uploadSucceeds(fileName: string): Promise<void> {
  const r = await h.app.inject({
    method: 'POST',
    url: '/api/imports?format=csv',
    cookies: { [SESSION_COOKIE]: admin.cookie },
    headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv', 'x-file-name': fileName },
    payload: HEADER + row(900),
  });
  expect(r.statusCode, r.body).toBe(200);
}

async function historyOf(fileName: string): Promise<{ status: string; errors: { code: string }[] }[]> {
  const r = await h.db.owner.query<{ status: string; errors: { code: string }[] }>(
    `SELECT status, errors FROM imports WHERE organization_id = $1 AND file_name = $2`,
    [h.orgA.id, fileName],
  );
  return r.rows;
}

describe('an upload whose client goes away', () => {
  it('rolls back and releases the lock at once; the next upload proceeds; the attempt shows as failed', async () => {
    const { c } = await startUpload('vanished.csv');
    c.destroy();
    await waitFor('the import lock to be released', async () => (await lockHolder(h.orgA.id)) === null);
    await uploadSucceeds('after-vanished.csv');
    expect(await historyOf('vanished.csv')).toEqual([
      { status: 'failed', errors: [expect.objectContaining({ code: 'upload.aborted' })] },
    ]);
    const fractures = await h.db.owner.query(`SELECT 1 FROM patients WHERE family_name LIKE 'Lifetime1'`);
    expect(fractures.rows).toEqual([]);
  });
});

describe('an upload whose database connection is killed', () => {
  it('fails that request with a 503 problem, the process keeps serving, and the lock is free', async () => {
    const { c, pid } = await startUpload('terminated.csv');
    const response = c.nextResponse();
    await h.db.owner.query('SELECT pg_terminate_backend($1)', [pid]);
    const r = await response;
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'database_unavailable' });
    c.destroy();
    const health = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    await uploadSucceeds('after-terminated.csv');
    expect(await historyOf('terminated.csv')).toEqual([
      { status: 'failed', errors: [expect.objectContaining({ code: 'import.databaseUnavailable' })] },
    ]);
  });

  it('does not leave a keep-alive client hanging: the connection closes after the error response', async () => {
    const { c, pid } = await startUpload('keepalive.csv');
    const first = c.nextResponse();
    await h.db.owner.query('SELECT pg_terminate_backend($1)', [pid]);
    const r = await first;
    expect(r.status).toBe(503);
    // The client goes on as if nothing happened: more body, then a second request on the same socket.
    await c.write(row(3)).catch(() => undefined);
    await c.write(requestHead({ method: 'GET', path: '/api/health', headers: {} })).catch(() => undefined);
    const second = c.nextResponse().then(
      (res) => ({ answered: res.status }),
      () => ({ answered: 'closed' as const }),
    );
    try {
      expect(r.headers.connection).toBe('close');
      expect(await second).toEqual({ answered: 'closed' });
      await c.closed;
    } finally {
      c.destroy();
    }
  });
});

describe('an upload whose client stops sending', () => {
  let quick: FastifyInstance;
  let quickPort: number;
  beforeAll(async () => {
    quick = await appWithUploads(h, { idleTimeoutMs: 400, lockWaitMs: 10_000 });
    await quick.listen({ port: 0, host: '127.0.0.1' });
    const address = quick.server.address();
    if (address === null || typeof address !== 'object') throw new Error('not listening');
    quickPort = address.port;
  });
  afterAll(async () => {
    await quick.close();
  });

  it('is stopped after the idle time: 408, connection closed, rolled back, lock free, attempt failed', async () => {
    const c = await rawConnect(quickPort);
    try {
      await c.write(uploadHead('stalled.csv', 10_000_000));
      await c.write(HEADER + row(10));
      const r = await c.nextResponse();
      expect(r.status).toBe(408);
      expect(JSON.parse(r.body)).toEqual({
        error: 'upload_stalled',
        message: 'No data arrived for 0.4 s; the upload was stopped and nothing was imported.',
      });
      expect(r.headers.connection).toBe('close');
      await c.closed;
    } finally {
      c.destroy();
    }
    expect(await lockHolder(h.orgA.id)).toBeNull();
    expect(await historyOf('stalled.csv')).toEqual([
      { status: 'failed', errors: [expect.objectContaining({ code: 'upload.stalled' })] },
    ]);
  });

  it('does not count the time the import itself is not reading (waiting for the lock, writing)', async () => {
    // The whole file is sent at once, but the import first waits for another import's lock for
    // longer than the idle time; the bytes wait in the socket meanwhile.
    const holder = await h.db.owner.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_KEY(h.orgA.id)]);
    const c = await rawConnect(quickPort);
    try {
      const body = HEADER + row(20) + row(21);
      await c.write(uploadHead('waited.csv', Buffer.byteLength(body)));
      await c.write(body);
      const response = c.nextResponse();
      await waitFor('the upload to wait for the lock', async () => {
        const r = await h.db.owner.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        return (r.rowCount ?? 0) > 0;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await holder.query('ROLLBACK');
      const r = await response;
      expect(r.status, r.body).toBe(200);
      expect(JSON.parse(r.body)).toMatchObject({ status: 'succeeded', rows: 2 });
    } finally {
      c.destroy();
      holder.release();
    }
  });
});
