// Requests of the hospital single sign-on (issue 14). The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time.
import { z } from 'zod/mini';
import { checked, shortText } from '../fields';
import { LOCAL_PASSWORD_MODES, SSO_MAPPABLE_ROLES, SSO_ROLE_SOURCES } from '../sso';

const claimName = checked(
  z.string(),
  z.trim(),
  z.minLength(1, 'Required.'),
  z.maxLength(100),
  z.regex(/^[A-Za-z0-9_:./-]+$/, 'Only letters, digits and _ : . / -'),
);

/** `PUT /api/sso/settings`: the organisation's provider and how its sign-ins are matched. */
export const ssoSettingsBody = z.strictObject({
  slug: checked(
    z.string(),
    z.trim(),
    z.minLength(2, 'At least 2 characters.'),
    z.maxLength(40),
    z.regex(/^[a-z0-9-]+$/, 'Only lower-case letters, digits and hyphens.'),
  ),
  enabled: z._default(z.boolean(), true),
  issuerUrl: checked(z.url({ protocol: /^https?$/ }), z.maxLength(500)),
  clientId: checked(z.string(), z.trim(), z.minLength(1, 'Required.'), z.maxLength(200)),
  clientSecretRef: checked(
    z.string(),
    z.trim(),
    z.maxLength(500),
    z.regex(/^(env:[A-Z][A-Z0-9_]*|file:\/.+)$/, 'env:NAME (capitals, digits, _) or file:/absolute/path.'),
  ),
  accountClaim: z._default(claimName, 'preferred_username'),
  roleSource: z._default(z.enum(SSO_ROLE_SOURCES), 'account'),
  roleClaim: z._default(z.nullable(claimName), null),
  /** Claim value → Osteopad role; a value not in the map is refused, never given a default role. */
  roleMap: z._default(z.record(shortText(200), z.enum(SSO_MAPPABLE_ROLES)), {}),
  localPasswords: z._default(z.enum(LOCAL_PASSWORD_MODES), 'allowed'),
});
export type SsoSettingsBody = z.input<typeof ssoSettingsBody>;

/** `GET /api/auth/sso/:organization/start`: the organisation's URL name (or id). */
export const ssoStartParams = z.strictObject({ organization: checked(z.string(), z.maxLength(100)) });

/** `GET /api/auth/sso/:organization/start?redirect=/path`: where to go in the app afterwards. */
export const ssoStartQuery = z.strictObject({ redirect: z.optional(checked(z.string(), z.maxLength(500))) });

/** `GET /api/auth/sso/callback`: what the provider sends back (checked by openid-client, not here). */
export const ssoCallbackQuery = z.object({
  code: z.optional(checked(z.string(), z.maxLength(2000))),
  state: z.optional(checked(z.string(), z.maxLength(500))),
  error: z.optional(checked(z.string(), z.maxLength(200))),
  error_description: z.optional(checked(z.string(), z.maxLength(1000))),
  iss: z.optional(checked(z.string(), z.maxLength(500))),
  session_state: z.optional(checked(z.string(), z.maxLength(500))),
});
export type SsoSettingsChange = z.output<typeof ssoSettingsBody>;
