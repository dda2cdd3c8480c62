// Queuing a job inside the caller's transaction: the job is inserted on the caller's connection, so it
// exists exactly when the caller's rows do (an import job's row and its queue entry commit together, or
// neither does). pg-boss takes any connection that can run a statement with parameters.
import type { PgBoss } from 'pg-boss';
import type { QueueName } from './jobNames';

/** A connection in the middle of a transaction, as pg-boss uses it. */
export interface TransactionStatements {
  rows: <R extends object>(statement: string, params: readonly unknown[]) => Promise<R[]>;
}

export interface JobSender {
  /** Queues `data` on `queue` under the id `id`, in the transaction `via` runs in. */
  sendInTransaction(queue: QueueName, data: object, id: string, via: TransactionStatements): Promise<void>;
}

export function pgBossSender(boss: PgBoss): JobSender {
  return {
    async sendInTransaction(queue, data, id, via) {
      const queued = await boss.send(queue, data, {
        id,
        db: {
          executeSql: async (text: string, values?: unknown[]) => ({
            rows: await via.rows<Record<string, unknown>>(text, values ?? []),
          }),
        },
      });
      if (queued === null) throw new Error(`The job ${id} was already queued on ${queue}`);
    },
  };
}
