import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/connection';
import { organizations, sessions, users } from '../db/schema';
import type { Role } from '@osteopad/contract';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRecord {
  tokenHash: string;
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  patientId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Database,
  user: { id: string; organizationId: string },
  clientAddress: string,
  now: Date,
  policy: SessionPolicy,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    organizationId: user.organizationId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
    clientAddress,
  });
  return { token, csrfToken };
}

function sessionLookup(db: Database) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      patientId: users.patientId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('osteopad_find_session');
}

/**
 * The look-up runs on every request, so it is a named prepared statement: each connection parses and
 * plans it once, and Node builds its SQL once per database instead of per request. It reads the
 * database every time — a logged-out session or a deactivated user stops at the next request, whichever
 * server process answers it.
 */
const sessionLookups = new WeakMap<Database, ReturnType<typeof sessionLookup>>();

/**
 * Looks a session up by its cookie token. Sessions end at their absolute expiry or after the idle
 * time; the last-seen time is refreshed at most once a minute to keep reads cheap.
 */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<SessionRecord | null> {
  const tokenHash = hashToken(token);
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000);
  let lookup = sessionLookups.get(db);
  if (lookup === undefined) {
    lookup = sessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const rows = await lookup.execute({ tokenHash, now, idleCutoff });
  const row = rows[0];
  if (row === undefined) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const { lastSeenAt: _lastSeen, ...record } = row;
  return record;
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteOtherSessionsOfUser(
  db: Executor,
  userId: string,
  keepTokenHash: string,
): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function purgeExpiredSessions(db: Database, now: Date): Promise<number> {
  const result = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ t: sql`1` });
  return result.length;
}
