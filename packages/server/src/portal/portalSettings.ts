// The patient portal's access settings (issue 13). None of them is a clinical fact: they are the
// installation's security policy, set in the environment (docs/OPERATIONS.md, "Patient portal").
import { z } from 'zod';

export interface PortalSettings {
  /** How long a letter's activation code stays valid after the letter was printed. */
  readonly codeValidDays: number;
  /** Wrong dates of birth for one code before it is locked, and for how long. */
  readonly codeLockoutAfterFailures: number;
  readonly codeLockoutMinutes: number;
  /** Activation and sign-in-link requests per client address per window (answers 429). */
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  /** How long an e-mailed sign-in link works. */
  readonly magicLinkMinutes: number;
  /** SMTP for the sign-in links (the follow-up's `SMTP_URL`/`SMTP_FROM`); null: no link is mailed. */
  readonly smtpUrl: string | null;
  readonly smtpFrom: string;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  codeValidDays: 90,
  codeLockoutAfterFailures: 5,
  codeLockoutMinutes: 15,
  rateLimitMax: 10,
  rateLimitWindowMs: 60_000,
  magicLinkMinutes: 15,
  smtpUrl: null,
  smtpFrom: 'Osteopad <osteopad@localhost>',
};

const positive = z.coerce.number().int().positive();

const portalEnvSchema = z.object({
  PORTAL_CODE_VALID_DAYS: positive.max(3650).optional(),
  PORTAL_CODE_LOCKOUT_AFTER: positive.max(100).optional(),
  PORTAL_CODE_LOCKOUT_MINUTES: positive.max(10_080).optional(),
  PORTAL_RATE_LIMIT_MAX: positive.optional(),
  PORTAL_MAGIC_LINK_MINUTES: positive.max(1440).optional(),
  SMTP_URL: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).optional(),
});

/** The portal settings from the environment; a value that does not validate stops the start. */
export function readPortalSettings(env: NodeJS.ProcessEnv): PortalSettings {
  const parsed = portalEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const d = DEFAULT_PORTAL_SETTINGS;
  return {
    ...d,
    codeValidDays: e.PORTAL_CODE_VALID_DAYS ?? d.codeValidDays,
    codeLockoutAfterFailures: e.PORTAL_CODE_LOCKOUT_AFTER ?? d.codeLockoutAfterFailures,
    codeLockoutMinutes: e.PORTAL_CODE_LOCKOUT_MINUTES ?? d.codeLockoutMinutes,
    rateLimitMax: e.PORTAL_RATE_LIMIT_MAX ?? d.rateLimitMax,
    magicLinkMinutes: e.PORTAL_MAGIC_LINK_MINUTES ?? d.magicLinkMinutes,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? d.smtpFrom,
  };
}
