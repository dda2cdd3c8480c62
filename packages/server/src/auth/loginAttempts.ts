import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations, users } from '../db/schema';

export interface LockoutPolicy {
  /** The failure that engages the lock (the count starts again from zero after it). */
  lockoutAfterFailures: number;
  lockoutMinutes: number;
}

/** What one wrong password did to the account. */
export type FailedLoginOutcome =
  /** Counted; the account stays open. */
  | 'counted'
  /** Counted, and it was the failure that engaged the lock. */
  | 'locked_now'
  /** Not counted: a concurrent login had already engaged the lock. */
  | 'already_locked';

const notLockedAt = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

/**
 * Counts a wrong password and decides the lock in one statement: the increment reads the stored
 * count under the row lock, so concurrent failures cannot overwrite each other's increments, and
 * exactly one of them engages the lock. A failure that arrives while the account is locked does
 * not count (the lock does not grow by being hammered).
 */
export async function recordFailedLogin(
  db: Database,
  userId: string,
  now: Date,
  policy: LockoutPolicy,
): Promise<FailedLoginOutcome> {
  const lockUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString();
  const reachesLock = sql`${users.failedLoginCount} + 1 >= ${policy.lockoutAfterFailures}`;
  const rows = await db
    .update(users)
    .set({
      failedLoginCount: sql`CASE WHEN ${reachesLock} THEN 0 ELSE ${users.failedLoginCount} + 1 END`,
      lockedUntil: sql`CASE WHEN ${reachesLock} THEN ${lockUntil}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ lockedUntil: users.lockedUntil });
  const row = rows[0];
  if (row === undefined) return 'already_locked';
  return row.lockedUntil !== null && row.lockedUntil > now ? 'locked_now' : 'counted';
}

/**
 * Clears the failure count after a right password — unless a concurrent wrong password engaged the
 * lock in the meantime; then it answers false and the login must be refused.
 */
export async function recordSuccessfulLogin(db: Database, userId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** The account a login names (any letter case), with what the login needs to decide; undefined if none. */
export async function findLoginAccount(db: Database, username: string) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      patientId: users.patientId,
      passwordHash: users.passwordHash,
      active: users.active,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return rows[0];
}

/** The name of the organisation a session belongs to (shown in the app's header). */
export async function nameOfOrganization(db: Database, organizationId: string): Promise<string> {
  const rows = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return rows[0]?.name ?? '';
}
