import { z } from 'zod/mini';
import { ROLES } from './codes';

/** Passwords: at least this long (NIST 800-63B), at most this long (argon2 input bound). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organization: z.object({ id: z.uuid(), name: z.string() }),
  /** Set for role `patient`: the one record the account may see. */
  patientId: z.nullable(z.uuid()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** The answer of login and `GET /api/auth/session`: who, and the CSRF token to send back. */
export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** The answer of a request that has nothing to say (204). */
export const noContent = z.null();
