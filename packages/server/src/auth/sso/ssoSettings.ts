// The organisation's hospital sign-in (table organization_sso): read and changed by its administrator
// through the one unit of work; read for a sign-in, scoped to the organisation it is for.
import { eq, sql } from 'drizzle-orm';
import {
  LOCAL_PASSWORD_MODES,
  ROLES,
  SSO_ROLE_SOURCES,
  type LocalPasswordMode,
  type Role,
  type SsoRoleSource,
  type SsoSettingsChange,
} from '@osteopad/contract';
import type { Database, Executor } from '../../db/connection';
import { organizationSso } from '../../db/schema';
import type { Actor } from '../actor';
import { auditedTransaction, inOrganization } from '../../audit/auditedTransaction';
import { conflict, invalid } from '../../domain/errors';

/** One organisation's provider, as a sign-in uses it. */
export interface OrganizationSso {
  readonly organizationId: string;
  readonly slug: string;
  readonly enabled: boolean;
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecretRef: string;
  readonly accountClaim: string;
  readonly roleSource: SsoRoleSource;
  readonly roleClaim: string | null;
  readonly roleMap: Readonly<Record<string, Role>>;
  readonly localPasswords: LocalPasswordMode;
}

type Row = typeof organizationSso.$inferSelect;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function fromRow(row: Row): OrganizationSso {
  const roleMap: Record<string, Role> = {};
  for (const [value, role] of Object.entries(row.roleMap)) {
    if (isOneOf(ROLES, role)) roleMap[value] = role;
  }
  return {
    organizationId: row.organizationId,
    slug: row.slug,
    enabled: row.enabled,
    issuerUrl: row.issuerUrl,
    clientId: row.clientId,
    clientSecretRef: row.clientSecretRef,
    accountClaim: row.accountClaim,
    roleSource: isOneOf(SSO_ROLE_SOURCES, row.roleSource) ? row.roleSource : 'account',
    roleClaim: row.roleClaim,
    roleMap,
    localPasswords: isOneOf(LOCAL_PASSWORD_MODES, row.localPasswords) ? row.localPasswords : 'allowed',
  };
}

async function rowOf(tx: Executor, organizationId: string): Promise<OrganizationSso | null> {
  const rows = await tx
    .select()
    .from(organizationSso)
    .where(eq(organizationSso.organizationId, organizationId));
  const row = rows[0];
  return row === undefined ? null : fromRow(row);
}

/** An issuer on another machine is spoken to over HTTPS only; plain HTTP is for a provider on loopback. */
export function isLoopbackIssuer(issuerUrl: string): boolean {
  const url = new URL(issuerUrl);
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The administrator's view of the organisation's provider (null: none configured). */
export function readSsoSettings(db: Database, actor: Actor): Promise<OrganizationSso | null> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const settings = await rowOf(tx, actor.organizationId);
    trail.record({
      action: 'read',
      objectType: 'organization',
      objectId: actor.organizationId,
      details: { area: 'sso' },
    });
    return settings;
  });
}

/** Sets the organisation's provider (the first time or again); the client secret stays where it is named. */
export async function changeSsoSettings(
  db: Database,
  actor: Actor,
  body: SsoSettingsChange,
  now: Date,
): Promise<OrganizationSso> {
  const issuer = new URL(body.issuerUrl);
  if (issuer.protocol !== 'https:' && !isLoopbackIssuer(body.issuerUrl)) {
    throw invalid('body.issuerUrl', 'The provider must be reached over HTTPS.', 'https_required');
  }
  if (body.roleSource === 'claim' && body.roleClaim === null) {
    throw invalid('body.roleClaim', 'Name the claim that holds the role.', 'required');
  }
  if (body.roleSource === 'claim' && Object.keys(body.roleMap).length === 0) {
    throw invalid('body.roleMap', 'Map at least one claim value to a role.', 'required');
  }
  const taken = await db.execute<{ id: string | null }>(
    sql`SELECT osteopad_sso_organization(${body.slug}) AS id`,
  );
  const owner = taken.rows[0]?.id ?? null;
  if (owner !== null && owner !== actor.organizationId) {
    throw conflict('sso_slug_taken', 'Another organisation signs in under this name.', {}, [
      { field: 'body.slug', message: 'Another organisation uses this name.', code: 'taken' },
    ]);
  }
  return auditedTransaction(db, actor, async (tx, trail) => {
    const values = {
      slug: body.slug,
      enabled: body.enabled,
      issuerUrl: body.issuerUrl,
      clientId: body.clientId,
      clientSecretRef: body.clientSecretRef,
      accountClaim: body.accountClaim,
      roleSource: body.roleSource,
      roleClaim: body.roleClaim,
      roleMap: body.roleMap,
      localPasswords: body.localPasswords,
      updatedAt: now,
    };
    const rows = await tx
      .insert(organizationSso)
      .values({ organizationId: actor.organizationId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: organizationSso.organizationId, set: values })
      .returning();
    const row = rows[0];
    if (row === undefined) throw new Error('organization_sso was not written');
    trail.record({
      action: 'update',
      objectType: 'organization',
      objectId: actor.organizationId,
      details: { area: 'sso', fields: Object.keys(body) },
    });
    return fromRow(row);
  });
}

/** The provider of an organisation for a sign-in (null: none, or switched off). */
export async function ssoForSignIn(db: Database, organizationId: string): Promise<OrganizationSso | null> {
  const settings = await inOrganization(db, organizationId, (tx) => rowOf(tx, organizationId));
  return settings?.enabled === true ? settings : null;
}

/** Whether staff of the organisation may sign in with a password (patients always may). */
export async function localPasswordsOf(db: Database, organizationId: string): Promise<LocalPasswordMode> {
  return (await ssoForSignIn(db, organizationId))?.localPasswords ?? 'allowed';
}

/** The organisation a sign-in URL names (its URL name or id), if it has the hospital sign-in switched on. */
export async function findSsoOrganization(db: Database, slugOrId: string): Promise<string | null> {
  const rows = await db.execute<{ id: string | null }>(
    sql`SELECT osteopad_sso_organization(${slugOrId}) AS id`,
  );
  return rows.rows[0]?.id ?? null;
}

export interface SignInOption {
  readonly organizationId: string;
  readonly slug: string;
  readonly organizationName: string;
  readonly localPasswords: LocalPasswordMode;
}

/** The login page's buttons: the organisations with the hospital sign-in switched on. */
export async function signInOptions(db: Database): Promise<SignInOption[]> {
  const rows = await db.execute<{
    organization_id: string;
    slug: string;
    organization_name: string;
    local_passwords: string;
  }>(sql`SELECT * FROM osteopad_sso_sign_in_options()`);
  return rows.rows.map((r) => ({
    organizationId: r.organization_id,
    slug: r.slug,
    organizationName: r.organization_name,
    localPasswords: isOneOf(LOCAL_PASSWORD_MODES, r.local_passwords) ? r.local_passwords : 'allowed',
  }));
}
