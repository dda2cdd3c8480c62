import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openAppDatabase, type DatabaseHandle } from '../src/db/connection';

export interface TestDatabase {
  /** Owner connection (migrations role): bypasses row-level security, for assertions only. */
  ownerUrl: string;
  owner: pg.Pool;
  /** What the application uses: the restricted osteopad_app role. */
  app: DatabaseHandle;
  drop: () => Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated database for one test file, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplateDatabase');
  const name = `osteopad_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, name);
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 3 });
  const app = openAppDatabase(ownerUrl, { max: 5 });
  return {
    ownerUrl,
    owner,
    app,
    drop: async () => {
      await app.close();
      await owner.end();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
