import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { patients, users } from '../db/schema';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { Actor } from '../auth/actor';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from '../auth/sessionStore';
import { auditedTransaction } from '../audit/auditedTransaction';
import type { Database } from '../db/connection';
import type { Role } from '@osteopad/contract';
import { conflict, invalid, invalidFields, notFound } from '../domain/errors';
import { lastAdminRefused, removesAnAdmin, removesLastAdmin } from './lastAdmin';

export interface NewUser {
  organizationId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Absent: a random one no one knows, until the user sets theirs through a password link. */
  password?: string | undefined;
  patientId?: string | null;
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return rows.length > 0;
}

export async function createUser(db: Executor, input: NewUser): Promise<typeof users.$inferSelect> {
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
      passwordHash: await hashPassword(input.password ?? randomBytes(32).toString('base64url')),
      patientId: input.patientId ?? null,
    })
    .returning();
  const user = inserted[0];
  if (user === undefined) throw new Error('insert returned no row');
  return user;
}

/** An administrator adds an account to their organisation; a patient account names its patient. */
export function addUser(
  db: Database,
  actor: Actor,
  input: Omit<NewUser, 'organizationId'>,
): Promise<typeof users.$inferSelect> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const patientId = input.patientId ?? null;
    if (patientId !== null) {
      const found = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, patientId));
      if (found.length === 0) throw invalid('body.patientId', 'No such patient in your organisation.');
    }
    const user = await createUser(tx, { ...input, organizationId: actor.organizationId });
    trail.record({
      action: 'create',
      objectType: 'user',
      objectId: user.id,
      patientId: user.patientId,
      details: { role: user.role },
    });
    return user;
  });
}

export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  unlock?: boolean | undefined;
  password?: string | undefined;
}

/** A staff account cannot become a patient's, nor a patient's a staff account: the patient link decides. */
function checkRoleChange(from: Role, to: Role | undefined): void {
  if (to === undefined || to === from) return;
  if (from === 'patient' || to === 'patient') {
    throw invalid(
      'body.role',
      'A patient account stays a patient account, and a staff account cannot become one.',
      'patient_role',
    );
  }
}

/** What changed, for the audit log: field names, and the old and new role and status (never a password). */
function changeDetails(
  before: typeof users.$inferSelect,
  after: typeof users.$inferSelect,
  change: UserChange,
): Record<string, unknown> {
  return {
    fields: Object.keys(change),
    ...(before.role === after.role ? {} : { role: { from: before.role, to: after.role } }),
    ...(before.active === after.active ? {} : { active: { from: before.active, to: after.active } }),
  };
}

/**
 * An administrator changes an account; a deactivated account, a new role or password ends its sessions in
 * the same transaction. The organisation keeps an active administrator (lastAdmin.ts): when the change
 * could remove one, its active administrators are locked first (in id order, so concurrent changes wait
 * instead of deadlocking) and counted as they are after any change committed meanwhile.
 */
export function changeUser(
  db: Database,
  actor: Actor,
  userId: string,
  change: UserChange,
  now: Date,
): Promise<typeof users.$inferSelect> {
  const { unlock, password, ...fields } = change;
  return auditedTransaction(db, actor, async (tx, trail) => {
    const mayRemoveAdmin = (fields.role !== undefined && fields.role !== 'admin') || fields.active === false;
    const activeAdminIds = mayRemoveAdmin
      ? (
          await tx
            .select({ id: users.id })
            .from(users)
            .where(
              and(
                eq(users.organizationId, actor.organizationId),
                eq(users.role, 'admin'),
                eq(users.active, true),
              ),
            )
            .orderBy(asc(users.id))
            .for('update')
        ).map((r) => r.id)
      : [];
    const before = (
      await tx
        .select()
        .from(users)
        .where(and(eq(users.id, userId), eq(users.organizationId, actor.organizationId)))
        .for('update')
    )[0];
    if (before === undefined) throw notFound('User');
    checkRoleChange(before.role, fields.role);
    if (removesLastAdmin(before, fields, activeAdminIds)) throw lastAdminRefused(fields);
    if (before.id === actor.userId && removesAnAdmin(before, fields)) {
      throw invalid('body', 'You cannot deactivate yourself or remove your own admin role.', 'own_account');
    }
    const rows = await tx
      .update(users)
      .set({
        ...(fields.displayName === undefined ? {} : { displayName: fields.displayName }),
        ...(fields.role === undefined ? {} : { role: fields.role }),
        ...(fields.active === undefined ? {} : { active: fields.active }),
        ...(unlock === true ? { lockedUntil: null, failedLoginCount: 0 } : {}),
        ...(password === undefined ? {} : { passwordHash: await hashPassword(password) }),
        updatedAt: now,
      })
      .where(eq(users.id, before.id))
      .returning();
    const user = rows[0];
    if (user === undefined) throw notFound('User');
    if (fields.active === false || fields.role !== undefined || password !== undefined) {
      await deleteSessionsOfUser(tx, user.id);
    }
    trail.record({
      action: 'update',
      objectType: 'user',
      objectId: user.id,
      patientId: user.patientId,
      details: changeDetails(before, user, change),
    });
    return user;
  });
}

/** The accounts of the actor's organisation, by username (a read of user data: audited). */
export function listUsers(db: Database, actor: Actor): Promise<(typeof users.$inferSelect)[]> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const rows = await tx
      .select()
      .from(users)
      .where(eq(users.organizationId, actor.organizationId))
      .orderBy(asc(sql`lower(${users.username})`));
    trail.record({ action: 'read', objectType: 'user', details: { list: rows.length } });
    return rows;
  });
}

/** A user changes their own password (the current one first); their other sessions end, this one goes on. */
export function changeOwnPassword(
  db: Database,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const row = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
    const current = row[0];
    if (current === undefined || !(await verifyPassword(current.hash, currentPassword))) {
      throw invalidFields('The current password is wrong.', [
        { field: 'body.currentPassword', message: 'Wrong password.', code: 'wrong_password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, actor.userId));
    await deleteOtherSessionsOfUser(tx, actor.userId, actor.sessionTokenHash);
    trail.record({
      action: 'update',
      objectType: 'user',
      objectId: actor.userId,
      details: { fields: ['password'] },
    });
  });
}
