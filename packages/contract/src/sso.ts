// Hospital single sign-on (issue 14): what the login page and the administrator see of it.
import { z } from 'zod/mini';
import { ROLES, type Role } from './codes';

/**
 * Why a hospital sign-in ended on the login page (`/login?sso=<code>`), each worded by the login page:
 * the provider could not be reached or answered wrongly, the sign-in was not this browser's or took too
 * long, no active Osteopad account matched, the role claim had no mapped role, the account is a patient's,
 * or the organisation has no hospital sign-in.
 */
export const SSO_PROBLEMS = [
  'provider_unavailable',
  'sign_in_failed',
  'flow_expired',
  'unknown_account',
  'inactive_account',
  'unmapped_role',
  'patient_account',
  'not_configured',
] as const;
export type SsoProblem = (typeof SSO_PROBLEMS)[number];

/** Where the role of a hospital sign-in comes from. */
export const SSO_ROLE_SOURCES = ['account', 'claim'] as const;
export type SsoRoleSource = (typeof SSO_ROLE_SOURCES)[number];

/** Whether staff of the organisation may also sign in with an Osteopad password. */
export const LOCAL_PASSWORD_MODES = ['allowed', 'disabled'] as const;
export type LocalPasswordMode = (typeof LOCAL_PASSWORD_MODES)[number];

/** The roles a role claim may map to: staff roles only (patients never sign in by SSO). */
export const SSO_MAPPABLE_ROLES = [
  'admin',
  'specialist',
  'nurse',
  'secretary',
  'quality',
] as const satisfies readonly Role[];

/** `GET /api/auth/sso/options`: one sign-in button per organisation with SSO switched on. */
export const ssoOptionsSchema = z.object({
  options: z.array(
    z.object({
      organizationName: z.string(),
      /** The start of the sign-in, a path on this server. */
      startUrl: z.string(),
      /** `disabled`: the button comes first; staff of this organisation cannot use a password. */
      localPasswords: z.enum(LOCAL_PASSWORD_MODES),
    }),
  ),
});
export type SsoOptions = z.infer<typeof ssoOptionsSchema>;

/** `GET`/`PUT /api/sso/settings`: the organisation's provider. The secret itself is never answered. */
export const ssoSettingsSchema = z.object({
  slug: z.string(),
  enabled: z.boolean(),
  issuerUrl: z.string(),
  clientId: z.string(),
  /** Where the server reads the client secret: `env:NAME` or `file:/absolute/path`. */
  clientSecretRef: z.string(),
  accountClaim: z.string(),
  roleSource: z.enum(SSO_ROLE_SOURCES),
  roleClaim: z.nullable(z.string()),
  roleMap: z.record(z.string(), z.enum(ROLES)),
  localPasswords: z.enum(LOCAL_PASSWORD_MODES),
  /** The redirect URI to register at the provider. */
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;
