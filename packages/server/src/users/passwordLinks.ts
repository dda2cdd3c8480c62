// One-time links to set a password (issue 14, users). An administrator makes one for an account of their
// organisation and hands it over (no mail); the account's user follows it and chooses a password. The
// token exists in plain text only in that one answer: the table keeps its SHA-256 (auth/sessionStore.ts's
// `hashToken`), like the portal's sign-in links. Single use, expiring; a newer link revokes the older
// unused ones of the account.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { userPasswordLinks, users } from '../db/schema';
import type { Actor } from '../auth/actor';
import type { AuditSubject } from '../audit/auditLog';
import { auditedTransaction, auditedWork } from '../audit/auditedTransaction';
import { hashToken, deleteSessionsOfUser } from '../auth/sessionStore';
import { hashPassword } from '../auth/passwords';
import { conflict, DomainError, notFound } from '../domain/errors';

/** The web page that takes the token; it travels in the fragment, so no server or proxy log keeps it. */
export const SET_PASSWORD_PAGE = '/set-password';

/** The link the administrator hands over: the web app's address with the token in the fragment. */
export function passwordLinkUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${SET_PASSWORD_PAGE}#token=${token}`;
}

export interface IssuedPasswordLink {
  readonly token: string;
  readonly expiresAt: Date;
}

/** Makes a link for an active account of the administrator's organisation, valid `validHours` from `now`. */
export function issuePasswordLink(
  db: Database,
  actor: Actor,
  userId: string,
  now: Date,
  validHours: number,
): Promise<IssuedPasswordLink> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const account = (
      await tx
        .select({ id: users.id, active: users.active, patientId: users.patientId })
        .from(users)
        .where(and(eq(users.id, userId), eq(users.organizationId, actor.organizationId)))
        .for('update')
    )[0];
    if (account === undefined) throw notFound('User');
    if (!account.active) {
      throw conflict('user_inactive', 'This account is deactivated. Reactivate it before making a link.');
    }
    await tx
      .update(userPasswordLinks)
      .set({ revokedAt: now })
      .where(
        and(
          eq(userPasswordLinks.userId, account.id),
          isNull(userPasswordLinks.usedAt),
          isNull(userPasswordLinks.revokedAt),
        ),
      );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + validHours * 3_600_000);
    await tx.insert(userPasswordLinks).values({
      tokenHash: hashToken(token),
      organizationId: actor.organizationId,
      userId: account.id,
      createdBy: actor.userId,
      createdAt: now,
      expiresAt,
    });
    trail.record({
      action: 'create',
      objectType: 'password_link',
      objectId: account.id,
      patientId: account.patientId,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return { token, expiresAt };
  });
}

const INVALID_MESSAGE = 'This link no longer works. Ask your administrator for a new one.';

/** Unknown, used, replaced or expired: one answer, so the caller learns nothing about other links. */
export const passwordLinkInvalid = (): DomainError =>
  new DomainError('invalid', 'password_link_invalid', INVALID_MESSAGE, [
    { field: 'body.token', message: INVALID_MESSAGE, code: 'password_link_invalid' },
  ]);

type LinkVerdict = 'valid' | 'used' | 'revoked' | 'expired' | 'inactive';

function judgeLink(
  link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; active: boolean },
  now: Date,
): LinkVerdict {
  if (link.usedAt !== null) return 'used';
  if (link.revokedAt !== null) return 'revoked';
  if (link.expiresAt <= now) return 'expired';
  return link.active ? 'valid' : 'inactive';
}

function subjectFor(organizationId: string, clientAddress: string): AuditSubject {
  return {
    userId: null,
    username: 'password-link',
    role: '',
    organizationId,
    clientAddress,
    reason: 'authentication',
  };
}

/**
 * Sets the account's password with a live link and uses the link up; the account's sessions end and a
 * lockout is lifted. Answers the account's username (for the sign-in page). A refused link is audited as
 * a failure when it was found.
 */
export async function redeemPasswordLink(
  db: Database,
  token: string,
  password: string,
  clientAddress: string,
  now: Date,
): Promise<{ username: string }> {
  const tokenHash = hashToken(token);
  const found = await db.execute<{ organization_id: string | null }>(
    sql`SELECT osteopad_password_link_organization(${tokenHash}) AS organization_id`,
  );
  const organizationId = found.rows[0]?.organization_id ?? null;
  if (organizationId === null) throw passwordLinkInvalid();
  const passwordHash = await hashPassword(password);
  const outcome = await auditedWork(
    db,
    subjectFor(organizationId, clientAddress),
    organizationId,
    async (tx, trail) => {
      const link = (
        await tx
          .select({
            userId: userPasswordLinks.userId,
            usedAt: userPasswordLinks.usedAt,
            revokedAt: userPasswordLinks.revokedAt,
            expiresAt: userPasswordLinks.expiresAt,
            active: users.active,
            username: users.username,
            patientId: users.patientId,
          })
          .from(userPasswordLinks)
          .innerJoin(users, eq(users.id, userPasswordLinks.userId))
          .where(eq(userPasswordLinks.tokenHash, tokenHash))
          .for('update', { of: userPasswordLinks })
      )[0];
      if (link === undefined) return null;
      const verdict = judgeLink(link, now);
      const entry = {
        action: 'update' as const,
        objectType: 'user',
        objectId: link.userId,
        patientId: link.patientId,
      };
      if (verdict !== 'valid') {
        trail.record({ ...entry, outcome: 'failure', details: { via: 'password_link', why: verdict } });
        return null;
      }
      await tx
        .update(users)
        .set({ passwordHash, lockedUntil: null, failedLoginCount: 0, updatedAt: now })
        .where(eq(users.id, link.userId));
      await tx
        .update(userPasswordLinks)
        .set({ usedAt: now })
        .where(eq(userPasswordLinks.tokenHash, tokenHash));
      await deleteSessionsOfUser(tx, link.userId);
      trail.record({ ...entry, details: { fields: ['password'], via: 'password_link' } });
      return { username: link.username };
    },
  );
  if (outcome === null) throw passwordLinkInvalid();
  return outcome;
}
