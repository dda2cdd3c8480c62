// The installation's settings of the hospital sign-in (issue 14): not the providers (those are per
// organisation, in `organization_sso`), but how this server talks to them. Set in the environment
// (docs/OPERATIONS.md, "Hospital sign-in").
import { z } from 'zod';

export interface SsoAppSettings {
  /**
   * The address users reach Osteopad at (`https://osteopad.hospital.nl`): the redirect URI registered at
   * the provider is `<publicUrl>/api/auth/sso/callback`. Null: taken from the request (protocol and host).
   */
  readonly publicUrl: string | null;
  /** Each call to the provider (discovery, token, userinfo) gives up after this long. */
  readonly providerTimeoutMs: number;
  /** How long a user may take at the provider between the start and the callback. */
  readonly flowMinutes: number;
}

export const DEFAULT_SSO_APP_SETTINGS: SsoAppSettings = {
  publicUrl: null,
  providerTimeoutMs: 10_000,
  flowMinutes: 10,
};

const ssoEnvSchema = z.object({
  OSTEOPAD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SSO_PROVIDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).optional(),
  SSO_FLOW_MINUTES: z.coerce.number().int().min(1).max(60).optional(),
});

/** The sign-in settings from the environment; a value that does not validate stops the start. */
export function readSsoAppSettings(env: NodeJS.ProcessEnv): SsoAppSettings {
  const parsed = ssoEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const d = DEFAULT_SSO_APP_SETTINGS;
  return {
    publicUrl: e.OSTEOPAD_PUBLIC_URL === undefined ? null : e.OSTEOPAD_PUBLIC_URL.replace(/\/+$/, ''),
    providerTimeoutMs:
      e.SSO_PROVIDER_TIMEOUT_SECONDS === undefined
        ? d.providerTimeoutMs
        : e.SSO_PROVIDER_TIMEOUT_SECONDS * 1000,
    flowMinutes: e.SSO_FLOW_MINUTES ?? d.flowMinutes,
  };
}
