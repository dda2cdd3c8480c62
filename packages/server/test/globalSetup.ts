// Starts one throw-away PostgreSQL for the whole server test run (or uses TEST_DATABASE_URL),
// migrates a template database once, and lets every test file clone it into its own database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { runMigrations } from '../src/db/migrate';

export const TEMPLATE_DATABASE = 'osteopad_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (adminUrl === undefined || adminUrl === '') {
    dataDir = await mkdtemp(join(tmpdir(), 'osteopad-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', durable: false });
    adminUrl = embedded.url;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDatabase', TEMPLATE_DATABASE);
  return async () => {
    if (stop !== null) await stop();
    if (dataDir !== null) await rm(dataDir, { recursive: true, force: true });
  };
}
