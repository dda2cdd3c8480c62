import type pg from 'pg';

/** What one pool's connections sent while counting: one entry per round trip (one `query` call). */
export interface CountedStatements {
  /** The SQL of each round trip, in order (a multi-statement simple query is one entry). */
  readonly texts: string[];
  /** Round trips that opened a transaction (`BEGIN`). */
  readonly transactions: () => number;
}

type QueryFunction = (...args: unknown[]) => unknown;

function textOf(first: unknown): string {
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && 'text' in first) {
    const text = first.text;
    if (typeof text === 'string') return text;
  }
  return '<unknown>';
}

/**
 * Counts the round trips the pool's connections make while `work` runs: every connection the
 * pool hands out (also to `pool.query`) has its `query` wrapped for the duration. The count is of
 * this pool only; the test's owner connections are not counted.
 */
export async function countStatements(
  pool: pg.Pool,
  work: () => Promise<unknown>,
): Promise<CountedStatements> {
  const texts: string[] = [];
  const wrapped = new Map<pg.PoolClient, QueryFunction>();
  const watch = (client: pg.PoolClient): void => {
    if (wrapped.has(client)) return;
    const original = client.query.bind(client) as QueryFunction;
    wrapped.set(client, original);
    (client as unknown as { query: QueryFunction }).query = (...args: unknown[]) => {
      texts.push(textOf(args[0]));
      return original(...args);
    };
  };
  const onAcquire = (client: pg.PoolClient): void => {
    watch(client);
  };
  pool.on('acquire', onAcquire);
  try {
    await work();
  } finally {
    pool.off('acquire', onAcquire);
    for (const [client, original] of wrapped) {
      (client as unknown as { query: QueryFunction }).query = original;
    }
  }
  return {
    texts,
    transactions: () => texts.filter((t) => /^\s*begin\b/i.test(t)).length,
  };
}
