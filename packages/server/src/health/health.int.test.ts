import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { buildApp } from '../http/app';
import { DEFAULT_APP_CONFIG } from '../http/config';
import { openAppDatabase } from '../db/connection';
import { freePort } from '../db/embedded';
import { createTestDatabase, type TestDatabase } from '../../test/testDatabase';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const config = { ...DEFAULT_APP_CONFIG, logLevel: 'silent' as const };

describe('GET /api/health', () => {
  it('answers 200 with database ok, without authentication', async () => {
    const app = await buildApp({ db: db.app.db, clock: () => new Date(), config, clinical: DEFAULT_CONFIG });
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: 'ok' });
    await app.close();
  });

  it('answers 503 when the database is unreachable', async () => {
    const port = await freePort();
    const dead = openAppDatabase(`postgres://nobody:x@127.0.0.1:${port}/none`, { max: 1 });
    const app = await buildApp({ db: dead.db, clock: () => new Date(), config, clinical: DEFAULT_CONFIG });
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    await app.close();
    await dead.close();
  });
});
