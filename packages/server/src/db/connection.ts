import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
import { REQUEST_TIMEOUTS, startupOptions, type SessionTimeouts } from './timeouts';

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

export interface AppDatabaseOptions {
  max?: number;
  /** Limits every connection starts with (a transaction may tighten or widen them with SET LOCAL). */
  timeouts?: SessionTimeouts;
  /** How long to wait for a new connection before the request fails. */
  connectTimeoutMs?: number;
}

/**
 * Opens a pool whose connections all run as the restricted application role, set at connection
 * start-up so no query can run before it, with the request timeouts (`db/timeouts.ts`).
 *
 * A connection can fail at any moment (the server restarts, an administrator ends the backend). The
 * pool watches its idle connections itself; a connection that is checked out — inside a transaction,
 * between two statements — would otherwise emit an `error` event nobody listens to, and Node ends the
 * process for that. So every connection gets a listener of its own when it is made: the work that
 * holds it learns of the failure from its next statement, and the pool discards the connection when
 * it comes back (node-postgres marks it not queryable).
 */
export function openAppDatabase(url: string, options: AppDatabaseOptions = {}): DatabaseHandle {
  const timeouts = options.timeouts ?? REQUEST_TIMEOUTS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    options: `-c role=${APP_ROLE} ${startupOptions(timeouts)}`,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    // Notice a database host that vanished without closing the connection (no FIN, no RST).
    keepAlive: true,
    keepAliveInitialDelayMillis: 30_000,
  });
  pool.on('connect', (client) => {
    client.on('error', ignoreHeldConnectionError);
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

/** Shown in pg_stat_activity for every application connection. */
export const APPLICATION_NAME = 'osteopad';

function ignoreHeldConnectionError(): void {
  // The holder's next statement fails with this error (or "not queryable"); see openAppDatabase.
}
