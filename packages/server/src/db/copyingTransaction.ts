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

export interface CopyingTransaction {
  /** Statements through the schema, on the transaction's connection. */
  tx: SchemaDatabase;
  /** Runs `COPY … FROM STDIN` and sends `text` (COPY text format) as its data. */
  copyIn: (statement: string, text: string) => Promise<void>;
  /** Runs one statement with positional parameters ($1 …) on the transaction's connection. */
  query: (statement: string, params: readonly unknown[]) => Promise<void>;
}

/** Runs work in one transaction scoped to an organisation (see `inOrganization`), with COPY at hand. */
export async function inOrganizationWithCopy<T>(
  db: Database,
  organizationId: string,
  work: (t: CopyingTransaction) => Promise<T>,
): Promise<T> {
  const client: pg.PoolClient = await db.$client.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('osteopad.organization_id', $1, true)", [organizationId]);
    const copyIn = async (statement: string, text: string): Promise<void> => {
      await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
    };
    const query = async (statement: string, params: readonly unknown[]): Promise<void> => {
      await client.query(statement, [...params]);
    };
    const result = await work({ tx: drizzle(client, { schema }), copyIn, query });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is unusable: the pool must not hand it out again.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
