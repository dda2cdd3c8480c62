import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';

/** Typed access to the schema, over any connection. */
export type SchemaDatabase = NodePgDatabase<typeof schema>;
/** The application's pool-backed database. */
export type Database = SchemaDatabase & { $client: pg.Pool };
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that runs statements: the pool-backed database, a transaction, or a dedicated connection. */
export type Executor = SchemaDatabase | Transaction;

/** The role every application connection runs as (see migration 0003_security.sql). */
export const APP_ROLE = 'osteopad_app';

export interface DatabaseHandle {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
}

// Dates stay ISO strings (YYYY-MM-DD) end to end: no time-zone shifts through JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/**
 * Opens a pool whose connections all run as the restricted application role,
 * set at connection start-up so no query can run before it.
 */
export function openAppDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    options: `-c role=${APP_ROLE}`,
    application_name: 'osteopad',
  });
  pool.on('error', (err: Error & { code?: string }) => {
    // An idle client lost its server: the pool replaces it; a request in flight gets its own error.
    // 57P01 is the server shutting down (Ctrl+C stops the embedded server too): expected, not news.
    if (err.code === '57P01') return;
    console.error('PostgreSQL pool error:', err.code ?? err.name);
  });
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
