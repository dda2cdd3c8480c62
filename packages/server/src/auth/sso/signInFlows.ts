// A hospital sign-in under way (table sso_sign_in_flows): what the callback must check — state, nonce,
// PKCE verifier — kept on the server between the start and the callback, found through the browser's
// flow cookie (`<organisation id>.<token>`; only the token's SHA-256 is stored). Single use.
import { randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { ssoSignInFlows } from '../../db/schema';
import { inOrganization } from '../../audit/auditedTransaction';
import { hashToken } from '../sessionStore';

export const SSO_FLOW_COOKIE = 'osteopad_sso_flow';

export interface SignInChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectPath: string;
}

export interface SignInFlow extends SignInChecks {
  readonly organizationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Stores a new flow (and drops the organisation's expired ones); answers the flow cookie's value. */
export async function startSignInFlow(
  db: Database,
  organizationId: string,
  checks: SignInChecks,
  now: Date,
  minutes: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await inOrganization(db, organizationId, async (tx) => {
    await tx
      .delete(ssoSignInFlows)
      .where(and(eq(ssoSignInFlows.organizationId, organizationId), lt(ssoSignInFlows.expiresAt, now)));
    await tx.insert(ssoSignInFlows).values({
      flowHash: hashToken(token),
      organizationId,
      ...checks,
      createdAt: now,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
    });
  });
  return `${organizationId}.${token}`;
}

/** Takes (and deletes) the flow the cookie names; null when there is none or it has expired. */
export async function takeSignInFlow(
  db: Database,
  cookieValue: string | undefined,
  now: Date,
): Promise<SignInFlow | null> {
  if (cookieValue === undefined) return null;
  const dot = cookieValue.indexOf('.');
  const organizationId = cookieValue.slice(0, dot);
  const token = cookieValue.slice(dot + 1);
  if (dot === -1 || !UUID.test(organizationId) || token === '') return null;
  const rows = await inOrganization(db, organizationId, (tx) =>
    tx
      .delete(ssoSignInFlows)
      .where(
        and(eq(ssoSignInFlows.organizationId, organizationId), eq(ssoSignInFlows.flowHash, hashToken(token))),
      )
      .returning(),
  );
  const row = rows[0];
  if (row === undefined || row.expiresAt <= now) return null;
  return {
    organizationId: row.organizationId,
    state: row.state,
    nonce: row.nonce,
    codeVerifier: row.codeVerifier,
    redirectPath: row.redirectPath,
  };
}
