/** Drizzle wraps driver errors ("Failed query: …"); tests assert on the PostgreSQL error underneath. */
export async function pgErrorOf(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, message: current.message };
      current = current.cause;
    }
    throw new Error('not a PostgreSQL error', { cause: error });
  }
  throw new Error('expected the statement to fail, but it succeeded');
}
