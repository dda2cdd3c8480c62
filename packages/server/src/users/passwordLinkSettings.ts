// How long an administrator's one-time password link works. Not a clinical fact: the installation's
// security policy, set in the environment (docs/OPERATIONS.md, "Users").
import { z } from 'zod';

export const DEFAULT_PASSWORD_LINK_HOURS = 72;

const envSchema = z.object({
  PASSWORD_LINK_HOURS: z.coerce.number().int().positive().max(720).optional(),
});

/** `PASSWORD_LINK_HOURS` (1–720, default 72); a value that does not validate stops the start. */
export function readPasswordLinkHours(env: NodeJS.ProcessEnv): number {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data.PASSWORD_LINK_HOURS ?? DEFAULT_PASSWORD_LINK_HOURS;
}
