// The organisation profile (what letters print): read and changed through the one unit of work.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { conflict, notFound } from '../domain/errors';

export type OrganizationRow = typeof organizations.$inferSelect;
export type ProfileChange = Partial<
  Omit<typeof organizations.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>
>;

export function readOrganizationProfile(db: Database, actor: Actor): Promise<OrganizationRow> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const org = (await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId)))[0];
    if (org === undefined) throw notFound('Organisation');
    trail.record({ action: 'read', objectType: 'organization', objectId: org.id });
    return org;
  });
}

/**
 * Changes the fields given; the others keep their value. With `expectedVersion` (the profile screen sends the version
 * it read) a profile changed since is refused with 409 `stale_version`, so one administrator's save does not silently
 * undo another's.
 */
export function changeOrganizationProfile(
  db: Database,
  actor: Actor,
  change: ProfileChange,
  now: Date,
  expectedVersion?: number,
): Promise<OrganizationRow> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    // Recorded before the work, so a refused save (a stale version) is audited as a failed update.
    trail.record({
      action: 'update',
      objectType: 'organization',
      objectId: actor.organizationId,
      details: { fields: Object.keys(change) },
    });
    const rows = await tx
      .update(organizations)
      .set({ ...change, version: sql`${organizations.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(organizations.id, actor.organizationId),
          expectedVersion === undefined ? undefined : eq(organizations.version, expectedVersion),
        ),
      )
      .returning();
    const org = rows[0];
    if (org === undefined) {
      if (expectedVersion === undefined) throw notFound('Organisation');
      const current = await tx
        .select({ version: organizations.version })
        .from(organizations)
        .where(eq(organizations.id, actor.organizationId));
      if (current[0] === undefined) throw notFound('Organisation');
      throw conflict(
        'stale_version',
        'The organisation profile was changed since it was read; load it again.',
        { currentVersion: current[0].version },
        [
          {
            field: 'expectedVersion',
            message: 'The profile was changed since it was read.',
            code: 'stale_version',
          },
        ],
      );
    }
    return org;
  });
}
