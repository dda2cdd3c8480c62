// Sign-in by an e-mailed link (issue 13, access): single-use, short-lived, the token kept as its SHA-256.
// The request looks the address up among the patients' e-mail addresses (a SECURITY DEFINER function:
// the caller is not signed in and the organisation is not known), and its answer never depends on it.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { organizations, portalMagicLinks, users } from '../db/schema';
import { auditedWork } from '../audit/auditedTransaction';
import type { AuditSubject } from '../audit/auditLog';
import { DomainError } from '../domain/errors';
import { hashToken } from '../auth/sessionStore';
import type { ReminderChannel } from '../reminders/channels';
import { magicLinkText, type PortalMailLanguage } from './magicLinkText';
import type { PortalSettings } from './portalSettings';

/** The web page that redeems a link; the token travels in the fragment, so no server or proxy logs it. */
export const MAGIC_LINK_PAGE = '/portal/link';

export interface MagicLinkRequest {
  readonly email: string;
  readonly language: PortalMailLanguage;
  readonly clientAddress: string;
  readonly now: Date;
}

function subjectFor(organizationId: string, clientAddress: string, userId: string | null): AuditSubject {
  return {
    userId,
    username: 'portal-magic-link',
    role: 'patient',
    organizationId,
    clientAddress,
    reason: 'patient-access',
  };
}

/** The link in the e-mail: the organisation's portal address (its profile) with the token in the fragment. */
export function magicLinkUrl(portalUrl: string, token: string): string {
  return `${portalUrl.replace(/\/+$/, '')}${MAGIC_LINK_PAGE}#token=${token}`;
}

/**
 * Makes a link for every active patient account with this address and mails it; answers how many were
 * sent (for tests and the log only — the HTTP answer does not depend on it). An organisation without a
 * portal address in its profile gets no link (there would be nowhere to send the patient).
 */
export async function sendMagicLinks(
  db: Database,
  request: MagicLinkRequest,
  settings: PortalSettings,
  mailer: ReminderChannel | null,
): Promise<number> {
  if (mailer === null) return 0;
  const accounts = await db.execute<{ user_id: string; organization_id: string }>(
    sql`SELECT user_id, organization_id FROM osteopad_portal_accounts_by_email(${request.email})`,
  );
  let sent = 0;
  for (const account of accounts.rows) {
    const token = randomBytes(32).toString('base64url');
    const made = await auditedWork(
      db,
      subjectFor(account.organization_id, request.clientAddress, account.user_id),
      account.organization_id,
      async (tx, trail) => {
        const org = (
          await tx
            .select({ name: organizations.name, portalUrl: organizations.portalUrl })
            .from(organizations)
            .where(eq(organizations.id, account.organization_id))
        )[0];
        const user = (
          await tx.select({ patientId: users.patientId }).from(users).where(eq(users.id, account.user_id))
        )[0];
        if (org === undefined || org.portalUrl === '' || user === undefined) return null;
        await tx.insert(portalMagicLinks).values({
          tokenHash: hashToken(token),
          organizationId: account.organization_id,
          userId: account.user_id,
          createdAt: request.now,
          expiresAt: new Date(request.now.getTime() + settings.magicLinkMinutes * 60_000),
        });
        trail.record({
          action: 'create',
          objectType: 'portal_magic_link',
          objectId: account.user_id,
          patientId: user.patientId,
        });
        return org;
      },
    );
    if (made === null) continue;
    const { subject, text } = magicLinkText(request.language, {
      organization: made.name,
      link: magicLinkUrl(made.portalUrl, token),
      minutes: settings.magicLinkMinutes,
    });
    await mailer.send({
      messageId: `<portal-link.${randomBytes(12).toString('hex')}@osteopad.invalid>`,
      to: request.email,
      subject,
      text,
      language: request.language,
    });
    sent++;
  }
  return sent;
}

export const magicLinkInvalid = (): DomainError =>
  new DomainError('invalid', 'magic_link_invalid', 'This sign-in link no longer works; ask for a new one.', [
    {
      field: 'body.token',
      message: 'This sign-in link no longer works; ask for a new one.',
      code: 'magic_link_invalid',
    },
  ]);

export interface RedeemedLink {
  readonly userId: string;
  readonly organizationId: string;
  readonly username: string;
  readonly displayName: string;
  readonly patientId: string | null;
}

/** The account a live link signs in; the link is used up. Unknown, used or expired: `magic_link_invalid`. */
export async function redeemMagicLink(
  db: Database,
  token: string,
  clientAddress: string,
  now: Date,
): Promise<RedeemedLink> {
  const tokenHash = hashToken(token);
  const found = await db.execute<{ organization_id: string | null }>(
    sql`SELECT osteopad_portal_link_organization(${tokenHash}) AS organization_id`,
  );
  const organizationId = found.rows[0]?.organization_id ?? null;
  if (organizationId === null) throw magicLinkInvalid();
  const account = await auditedWork(
    db,
    subjectFor(organizationId, clientAddress, null),
    organizationId,
    async (tx, trail) => {
      const rows = await tx
        .select({
          userId: portalMagicLinks.userId,
          usedAt: portalMagicLinks.usedAt,
          expiresAt: portalMagicLinks.expiresAt,
          active: users.active,
          patientId: users.patientId,
          username: users.username,
          displayName: users.displayName,
        })
        .from(portalMagicLinks)
        .innerJoin(users, eq(users.id, portalMagicLinks.userId))
        .where(and(eq(portalMagicLinks.tokenHash, tokenHash), eq(users.role, 'patient')))
        .for('update', { of: portalMagicLinks });
      const link = rows[0];
      if (link === undefined || link.usedAt !== null || link.expiresAt <= now || !link.active) return null;
      await tx.update(portalMagicLinks).set({ usedAt: now }).where(eq(portalMagicLinks.tokenHash, tokenHash));
      trail.record({
        action: 'login',
        objectType: 'session',
        patientId: link.patientId,
        details: { via: 'portal_magic_link' },
      });
      return {
        userId: link.userId,
        organizationId,
        username: link.username,
        displayName: link.displayName,
        patientId: link.patientId,
      };
    },
  );
  if (account === null) throw magicLinkInvalid();
  return account;
}
