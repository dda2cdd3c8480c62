import { and, eq } from 'drizzle-orm';
import type { Role } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { users } from '../db/schema';
import type { Actor } from '../auth/actor';
import { inOrganization } from '../audit/auditedTransaction';

/** The demo organisation's first account of a role, as the actor the demo's steps run as; null when none. */
export async function demoActor(db: Database, organizationId: string, role: Role): Promise<Actor | null> {
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.role, role)))
      .limit(1),
  );
  const user = rows[0];
  if (user === undefined) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    organizationId,
    patientId: null,
    clientAddress: '127.0.0.1',
    sessionTokenHash: '',
    csrfToken: '',
    accessReason: 'demo data',
  };
}
