// What every answer says about caching, and what the server answers for paths that look like files.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/appHarness';

const INDEX_HTML = '<!doctype html><title>Osteopad test shell</title><div id="root"></div>';
const SCRIPT = 'console.log("app");';

let h: Harness;
let nurse: Session;
let webDist: string;

beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'osteopad-web-'));
  await mkdir(join(webDist, 'assets'));
  await writeFile(join(webDist, 'index.html'), INDEX_HTML);
  await writeFile(join(webDist, 'assets', 'index-abc123.js'), SCRIPT);
  await writeFile(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  h = await createHarness({ webDistDir: webDist });
  nurse = await h.login(h.orgA.users.nurse.username);
});
afterAll(async () => {
  await h.close();
  await rm(webDist, { recursive: true, force: true });
});

describe('Cache-Control: no-store on every API answer', () => {
  it('on a patient record, a list, a public route, and on refusals and errors', async () => {
    const patientId = h.orgA.patientIds[0] ?? '';
    const answers = {
      record: await h.as(nurse, 'GET', `/api/patients/${patientId}`),
      worklist: await h.as(nurse, 'GET', '/api/worklist?view=to_invite'),
      session: await h.as(nurse, 'GET', '/api/auth/session'),
      health: await h.app.inject({ method: 'GET', url: '/api/health' }),
      anonymous: await h.app.inject({ method: 'GET', url: `/api/patients/${patientId}` }),
      invalid: await h.as(nurse, 'GET', '/api/worklist?view=nope'),
      unknownRoute: await h.as(nurse, 'GET', '/api/no-such-thing'),
      failedLogin: await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
      }),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.statusCode]));
    expect(statuses).toEqual({
      record: 200,
      worklist: 200,
      session: 200,
      health: 200,
      anonymous: 401,
      invalid: 400,
      unknownRoute: 404,
      failedLogin: 401,
    });
    for (const [name, r] of Object.entries(answers))
      expect(r.headers['cache-control'], name).toBe('no-store');
  });
});

describe('static files and the single-page app', () => {
  it('serves a built asset as itself (its caching is left as it was)', async () => {
    const r = await h.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.body).toBe(SCRIPT);
    expect(r.headers['cache-control']).not.toBe('no-store');
  });

  it('answers the app shell for client-side routes', async () => {
    for (const url of [
      '/',
      '/patients',
      `/patients/${h.orgA.patientIds[0] ?? ''}`,
      '/worklist?view=toInvite',
    ]) {
      const r = await h.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.body, url).toContain('Osteopad test shell');
    }
  });

  it('answers 404, not the app shell, for missing files', async () => {
    for (const url of [
      '/assets/index-gone99.js',
      '/assets/index-gone99.css',
      '/assets/logo',
      '/assets/',
      '/favicon.ico',
      '/index-abc123.js.map',
      '/patients/app.js',
      '/robots.txt',
      '/assets/index-gone99.js?v=2',
    ]) {
      const r = await h.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'] ?? '', url).not.toMatch(/text\/html/);
      expect(r.body, url).not.toContain('Osteopad test shell');
    }
  });
});
