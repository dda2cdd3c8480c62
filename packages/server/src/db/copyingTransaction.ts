// A transaction on one dedicated connection that can also stream COPY data: bulk imports load
// their rows with COPY into session-local staging tables and move them on with INSERT … SELECT,
// so row-level security and every constraint still apply to the rows that land.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema';
import type { Database, SchemaDatabase } from './connection';
import { DatabaseConnectionLost } from './databaseErrors';
import { IMPORT_TIMEOUTS, type SessionTimeouts } from './timeouts';
import { ORGANIZATION_SCOPE_SQL } from '../audit/auditedTransaction';

export interface CopyingTransaction {
  /** Statements through the schema, on the transaction's connection. */
  tx: SchemaDatabase;
  /** Runs `COPY … FROM STDIN` and sends `text` (COPY text format) as its data. */
  copyIn: (statement: string, text: string) => Promise<void>;
  /**
   * Runs one statement with positional parameters ($1 …) on the transaction's connection. Like
   * `copyIn` and `rows`, it is queued on the connection when called: statements called one after the
   * other without awaiting run in that order.
   */
  query: (statement: string, params: readonly unknown[]) => Promise<void>;
  /** `query`, answering the rows. */
  rows: <R extends object>(statement: string, params: readonly unknown[]) => Promise<R[]>;
  /**
   * Aborted when the connection fails or the caller's signal aborts (its reason says which): work
   * that waits for something other than the database (the next rows of an upload) must give up then.
   */
  signal: AbortSignal;
  /** Registers statements that run while the work goes on (the next batch is read meanwhile). */
  inBackground: <R>(statements: Promise<R>) => Promise<R>;
}

export interface TransactionScope {
  organizationId: string;
  /** Limits of this transaction (SET LOCAL); the default suits a bulk import. */
  timeouts?: SessionTimeouts;
  /** The caller's reason to stop (an uploader who went away). */
  signal?: AbortSignal;
}

/**
 * Runs work in one transaction scoped to an organisation (see `inOrganization`), with COPY at hand.
 * Statements the work leaves running on its own (`inBackground`) are awaited before COMMIT or
 * ROLLBACK: the connection goes back to the pool right after, and a statement still in flight
 * would run outside the transaction, or inside someone else's.
 */
export async function inOrganizationWithCopy<T>(
  db: Database,
  scope: TransactionScope,
  work: (t: CopyingTransaction) => Promise<T>,
): Promise<T> {
  scope.signal?.throwIfAborted();
  const timeouts = scope.timeouts ?? IMPORT_TIMEOUTS;
  const client: pg.PoolClient = await db.$client.connect();
  const lost = new AbortController();
  const onConnectionError = (error: Error): void => {
    if (!lost.signal.aborted)
      lost.abort(new DatabaseConnectionLost('The connection to the database was lost.', { cause: error }));
  };
  client.on('error', onConnectionError);
  const signal = scope.signal === undefined ? lost.signal : AbortSignal.any([scope.signal, lost.signal]);
  const pending = new Set<Promise<unknown>>();
  const inBackground = <R>(statements: Promise<R>): Promise<R> => {
    pending.add(statements);
    const forget = (): void => {
      pending.delete(statements);
    };
    statements.then(forget, forget);
    return statements;
  };
  const settle = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT ${ORGANIZATION_SCOPE_SQL}, set_config('statement_timeout', $2, true),
              set_config('lock_timeout', $3, true), set_config('idle_in_transaction_session_timeout', $4, true)`,
      [
        scope.organizationId,
        String(Math.round(timeouts.statementMs)),
        String(Math.round(timeouts.lockMs)),
        String(Math.round(timeouts.idleInTransactionMs)),
      ],
    );
    const copyIn = async (statement: string, text: string): Promise<void> => {
      await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
    };
    const query = async (statement: string, params: readonly unknown[]): Promise<void> => {
      await client.query(statement, [...params]);
    };
    const rows = async <R extends object>(statement: string, params: readonly unknown[]): Promise<R[]> =>
      (await client.query<R>(statement, [...params])).rows;
    const result = await work({ tx: drizzle(client, { schema }), copyIn, query, rows, signal, inBackground });
    await settle();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await settle();
    if (lost.signal.aborted) {
      // The server has rolled the transaction back with the connection; this one is done for.
      broken = lost.signal.reason instanceof Error ? lost.signal.reason : new Error('connection lost');
    } else {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable: the pool must not hand it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
    }
    throw error;
  } finally {
    client.removeListener('error', onConnectionError);
    client.release(broken);
  }
}
