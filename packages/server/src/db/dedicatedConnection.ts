import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, SchemaDatabase } from './connection';
import * as schema from './schema';

/**
 * One transaction on a connection of its own, scoped to an organisation for row-level security.
 * Bulk work needs the raw client (COPY); everything else goes through the typed `tx`.
 */
export async function inDedicatedTransaction<T>(
  db: Database,
  organizationId: string,
  work: (connection: { client: pg.PoolClient; tx: SchemaDatabase }) => Promise<T>,
): Promise<T> {
  const client = await db.$client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('osteopad.organization_id', $1, true)`, [organizationId]);
    const result = await work({ client, tx: drizzle(client, { schema }) });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
