// Which API answers are compressed on the way out, and which never are.
import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';
import { fixturePath } from '../../test/fixtureFiles';
import { SESSION_COOKIE } from '../auth/authenticate';
import { ANSWERS_CARRYING_SECRETS } from './compression';

let h: Harness;
let admin: Session;
let nurse: Session;

const PROFILE = {
  name: 'Ziekenhuis Teststad',
  department: 'Osteoporosepolikliniek',
  street: 'Zorgweg',
  houseNumber: '10',
  postalCode: '1234 AB',
  city: 'Teststad',
  phoneGeneral: '012 345 67 00',
  phoneDepartment: '012 345 67 89',
  email: 'fls@teststad.example',
  openingHours: 'maandag tot en met vrijdag 8.30–16.30 uur',
  portalUrl: 'https://mijn.teststad.example',
};

beforeAll(async () => {
  h = await createHarness();
  h.clock.set('2025-08-01T09:00:00Z');
  admin = await h.login(h.orgA.users.admin.username);
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
});

function as(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, acceptEncoding?: string) {
  return h.app.inject({
    method,
    url,
    cookies: { [SESSION_COOKIE]: session.cookie },
    headers: {
      'x-csrf-token': session.csrfToken,
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
    },
  });
}

describe('JSON answers of the API', () => {
  it('compresses a large answer with brotli when the client accepts it, else gzip, else not', async () => {
    const plain = await as(nurse, 'GET', '/api/clinical-config');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(4096);

    const br = await as(nurse, 'GET', '/api/clinical-config', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    // Brotli's cheapest level (DYNAMIC_BROTLI_QUALITY) still takes this answer to less than 40 %.
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2.5);
    expect(String(br.headers.vary).toLowerCase()).toContain('accept-encoding');
    // Compressed or not, no copy of an API answer may be kept.
    expect(br.headers['cache-control']).toBe('no-store');

    const gzip = await as(nurse, 'GET', '/api/clinical-config', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);

    const identity = await as(nurse, 'GET', '/api/clinical-config', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(plain.body);
  });

  it('leaves small answers as they are', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
  });

  it('puts the compressed answer on a real socket', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (address === null || typeof address !== 'object') throw new Error('not listening');
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: address.port,
            path: '/api/clinical-config',
            headers: { 'accept-encoding': 'br', cookie: `${SESSION_COOKIE}=${nurse.cookie}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              resolve({ headers: res.headers, body: Buffer.concat(chunks) });
            });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(headers['content-encoding']).toBe('br');
    const decoded = JSON.parse(brotliDecompressSync(body).toString()) as { unconfirmed: unknown[] };
    expect(decoded.unconfirmed.length).toBeGreaterThan(0);
  });
});

describe('answers that are never compressed', () => {
  it('not the answers that carry the CSRF token (BREACH), however large they are', async () => {
    // A long organisation name takes the session answer well over the compression threshold.
    await h.db.owner.query('UPDATE organizations SET name = $1 WHERE id = $2', [
      `Alpha Hospital ${'en omstreken '.repeat(300)}`,
      h.orgA.id,
    ]);
    const session = await as(nurse, 'GET', '/api/auth/session', 'gzip, deflate, br');
    expect(session.statusCode).toBe(200);
    expect(session.rawPayload.length).toBeGreaterThan(2048);
    expect(session.headers['content-encoding']).toBeUndefined();
    expect(session.json<{ csrfToken: string }>().csrfToken).toBe(nurse.csrfToken);

    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      payload: { username: h.orgA.users.secretary.username, password: 'correct horse battery staple' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.rawPayload.length).toBeGreaterThan(2048);
    expect(login.headers['content-encoding']).toBeUndefined();
    expect(login.json<{ csrfToken: string }>().csrfToken).not.toBe('');
  });

  it('the exclusion list names every route whose answer can carry the CSRF token', () => {
    const document = h.app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const carrying: string[] = [];
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations))
        if (JSON.stringify(operation.responses ?? {}).includes('"csrfToken"'))
          carrying.push(`${method.toUpperCase()} ${path}`);
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.sort()).toEqual([...ANSWERS_CARRYING_SECRETS].sort());
  });

  it('not a PDF letter: it is compressed inside already', async () => {
    const upload = await h.app.inject({
      method: 'POST',
      url: '/api/imports?format=csv',
      cookies: { [SESSION_COOKIE]: admin.cookie },
      headers: { 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv', 'accept-encoding': 'br' },
      payload: await readFile(fixturePath('csv/valid-utf8-comma.csv')),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const profile = await h.app.inject({
      method: 'PUT',
      url: '/api/organization',
      cookies: { [SESSION_COOKIE]: admin.cookie },
      headers: { 'x-csrf-token': admin.csrfToken },
      payload: PROFILE,
    });
    expect(profile.statusCode, profile.body).toBe(200);
    const list = await as(nurse, 'GET', '/api/worklist?view=to_invite');
    const first = list.json<{ items: { episodeId: string }[] }>().items[0];

    const pdf = await as(
      nurse,
      'GET',
      `/api/episodes/${first?.episodeId ?? ''}/invitation-letter`,
      'br, gzip',
    );
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
