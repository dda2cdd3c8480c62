import { z } from 'zod/mini';
import { checked } from './fields';
import { ROLES } from './codes';

/** Passwords: at least this long (NIST 800-63B), at most this long (argon2 input bound). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** `POST /api/auth/login`. */
export const loginBody = z.strictObject({
  username: checked(z.string(), z.trim(), z.minLength(1), z.maxLength(100)),
  password: checked(z.string(), z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type LoginBody = z.input<typeof loginBody>;

/** `POST /api/auth/password`: the user's own password. */
export const passwordChangeBody = z.strictObject({
  currentPassword: checked(z.string(), z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
  newPassword: checked(z.string(), z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});

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
