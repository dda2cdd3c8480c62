// The job queue's own schema (pg-boss) is created and upgraded by the migration step, as the database
// owner, like every other table: the application role never runs DDL. It gets only what the queue needs
// at run time — its tables' rows and its functions — in the queue's own schema.
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { APP_ROLE } from '../db/connection';
import { QUEUE_NAMES, QUEUE_SCHEMA } from './jobNames';
import { QUEUE_OPTIONS } from './queueOptions';

/**
 * Installs or upgrades pg-boss's schema and creates Osteopad's queues (idempotent), as the owner in
 * `ownerUrl`; then grants the application role the use of them. Called by `runMigrations`.
 */
export async function installQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    migrate: true,
    createSchema: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
    max: 2,
    application_name: 'osteopad-migrate',
  });
  const errors: Error[] = [];
  boss.on('error', (error: Error) => errors.push(error));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of QUEUE_NAMES) {
      if (existing.has(name)) await boss.updateQueue(name, QUEUE_OPTIONS[name]);
      else await boss.createQueue(name, QUEUE_OPTIONS[name]);
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  const first = errors[0];
  if (first !== undefined) throw first;
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'osteopad-migrate' });
  await client.connect();
  try {
    const schema = client.escapeIdentifier(QUEUE_SCHEMA);
    await client.query(`
      GRANT USAGE ON SCHEMA ${schema} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APP_ROLE};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APP_ROLE};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${APP_ROLE};`);
  } finally {
    await client.end();
  }
}
