// The organisation profile (what letters print): read and changed through the one unit of work.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { notFound } from '../domain/errors';

export type OrganizationRow = typeof organizations.$inferSelect;
export type ProfileChange = Partial<
  Omit<typeof organizations.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>
>;

export function readOrganizationProfile(db: Database, actor: Actor): Promise<OrganizationRow> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const org = (await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId)))[0];
    if (org === undefined) throw notFound('Organisation');
    trail.record({ action: 'read', objectType: 'organization', objectId: org.id });
    return org;
  });
}

export function changeOrganizationProfile(
  db: Database,
  actor: Actor,
  change: ProfileChange,
  now: Date,
): Promise<OrganizationRow> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .update(organizations)
      .set({ ...change, updatedAt: now })
      .where(eq(organizations.id, actor.organizationId))
      .returning();
    const org = rows[0];
    if (org === undefined) throw notFound('Organisation');
    trail.record({
      action: 'update',
      objectType: 'organization',
      objectId: org.id,
      details: { fields: Object.keys(change) },
    });
    return org;
  });
}
