// Which failures mean "the database is not there right now" (retry later, 503) and which mean "the
// database gave up waiting" — as opposed to a bug or a constraint, which stay a 500 or a 4xx.

/** SQLSTATEs after which the connection is gone: connection exceptions, shutdowns, idle timeouts. */
const CONNECTION_LOST_STATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, server stopping)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a lost or closed connection with these messages and no code. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/** Thrown by our own code when it saw its connection fail (the driver's error may come later or not at all). */
export class DatabaseConnectionLost extends Error {
  override readonly name = 'DatabaseConnectionLost';
}

function* causes(error: unknown): Generator {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The database cannot be reached, or the connection the work ran on broke. */
export function isConnectionFailure(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e instanceof DatabaseConnectionLost) return true;
    const code = codeOf(e);
    if (code !== undefined && (code.startsWith('08') || CONNECTION_LOST_STATES.has(code))) return true;
    if (code !== undefined && NETWORK_CODES.has(code)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isConnectionFailure(inner))) return true;
    if (e instanceof Error && DRIVER_MESSAGES.some((m) => e.message.startsWith(m))) return true;
  }
  return false;
}

/** A statement ran longer than `statement_timeout` or waited longer than `lock_timeout`. */
export function isDatabaseTimeout(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code === '57014' || code === '55P03') return true;
  }
  return false;
}

/** The SQLSTATE of a PostgreSQL error, looking through wrappers (Drizzle's "Failed query: …"). */
export function sqlStateOf(error: unknown): string | undefined {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code !== undefined && /^[0-9A-Z]{5}$/.test(code) && !NETWORK_CODES.has(code)) return code;
  }
  return undefined;
}
