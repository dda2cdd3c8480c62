// The Osteopad account a hospital sign-in names: an existing account of that organisation (no account is
// made by a sign-in), found by username in any letter case.
import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@osteopad/contract';
import type { Database } from '../../db/connection';
import { organizations, users } from '../../db/schema';

export async function findSsoAccount(db: Database, organizationId: string, username: string) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      patientId: users.patientId,
      active: users.active,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(sql`lower(${users.username})`, username.toLowerCase()),
      ),
    )
    .limit(1);
  return rows[0];
}

export type SsoAccount = NonNullable<Awaited<ReturnType<typeof findSsoAccount>>>;

/**
 * Records the sign-in on the account: when it was, and — when the role comes from the provider's claim —
 * the role the claim gave, which the session then carries (sessions read the account's role).
 */
export async function recordSsoSignIn(db: Database, userId: string, role: Role, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now, role, updatedAt: now }).where(eq(users.id, userId));
}
