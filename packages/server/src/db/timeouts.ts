// How long PostgreSQL lets one piece of work run, wait for a lock, or sit idle inside a transaction.
// Without limits a stuck client or a runaway query holds its locks until someone restarts the server.

export interface SessionTimeouts {
  /** Longest single statement (`statement_timeout`). */
  statementMs: number;
  /** Longest wait for a row or table lock (`lock_timeout`). */
  lockMs: number;
  /** Longest pause between two statements of one open transaction (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
}

/**
 * Every application connection starts with these: a request's queries answer in well under a second,
 * so a minute means something is wrong; a request never waits for anything but the database inside
 * its transaction.
 */
export const REQUEST_TIMEOUTS: SessionTimeouts = {
  statementMs: 60_000,
  lockMs: 15_000,
  idleInTransactionMs: 60_000,
};

/**
 * An import's transaction (set with SET LOCAL): one statement moves a batch of 10,000 rows (about 2 s
 * measured), and between statements the transaction waits while the next batch is read — from a
 * file, or from an uploader's network connection, whose stalls the upload route catches sooner.
 */
export const IMPORT_TIMEOUTS: SessionTimeouts = {
  statementMs: 300_000,
  lockMs: 60_000,
  idleInTransactionMs: 300_000,
};

/** The three settings as `-c name=value` start-up options of a connection. */
export function startupOptions(t: SessionTimeouts): string {
  return [
    `-c statement_timeout=${Math.round(t.statementMs)}`,
    `-c lock_timeout=${Math.round(t.lockMs)}`,
    `-c idle_in_transaction_session_timeout=${Math.round(t.idleInTransactionMs)}`,
  ].join(' ');
}
