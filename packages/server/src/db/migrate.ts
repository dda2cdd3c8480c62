import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { installQueueSchema } from '../jobs/queueSchema';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies the versioned SQL migrations as the database owner. Safe to run at every start:
 * applied migrations are recorded, and an advisory lock keeps two starting servers apart.
 */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'osteopad-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    // The job queue's schema, as the owner and under the same lock (jobs/queueSchema.ts).
    await installQueueSchema(ownerUrl);
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await client.end();
  }
}
