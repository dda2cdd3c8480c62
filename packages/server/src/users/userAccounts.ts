import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import type { UserRole } from '../auth/roles';
import { conflict } from '../domain/errors';

export interface NewUser {
  organizationId: string;
  username: string;
  displayName: string;
  role: UserRole;
  password: string;
  patientId?: string | null;
}

export async function usernameTaken(db: Database, username: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return rows.length > 0;
}

export async function createUser(db: Database, input: NewUser): Promise<typeof users.$inferSelect> {
  if (await usernameTaken(db, input.username)) {
    throw conflict('duplicate_username', 'This username is taken.', {}, [
      { field: 'body.username', message: 'This username is taken.', code: 'duplicate' },
    ]);
  }
  const inserted = await db
    .insert(users)
    .values({
      organizationId: input.organizationId,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      patientId: input.patientId ?? null,
    })
    .returning();
  const user = inserted[0];
  if (user === undefined) throw new Error('insert returned no row');
  return user;
}
