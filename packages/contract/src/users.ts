import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './auth';
import { ROLES } from './codes';
import { requiredText, checked } from './fields';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  locked: z.boolean(),
  patientId: z.nullable(z.uuid()),
  lastLoginAt: z.nullable(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });

const password = checked(z.string(), z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH));

/** `POST /api/users`; a patient account names its patient, other roles must not. */
export const newUserBody = z.strictObject({
  username: checked(
    z.string(),
    z.trim(),
    z.minLength(3),
    z.maxLength(100),
    z.regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits and . _ @ - only.'),
  ),
  displayName: requiredText(200),
  role: z.enum(ROLES),
  /** Optional: without one the account cannot sign in until its user follows a password link. */
  password: z.optional(password),
  patientId: z._default(z.nullable(z.uuid()), null),
});

/** `PATCH /api/users/:userId`: only what changes. */
export const userUpdateBody = z.strictObject({
  displayName: z.optional(requiredText(200)),
  role: z.optional(z.enum(ROLES)),
  active: z.optional(z.boolean()),
  unlock: z.optional(z.literal(true)),
  password: z.optional(password),
});

export const userParams = z.strictObject({ userId: z.uuid() });

/** `POST /api/users/:userId/password-link` (201): the link, answered once; only its hash is kept. */
export const passwordLinkSchema = z.object({
  /** The web page with the token in its fragment (`/set-password#token=…`), so no server log keeps it. */
  url: z.string(),
  expiresAt: z.string(),
});
export type PasswordLink = z.infer<typeof passwordLinkSchema>;

/** `POST /api/auth/password-link` (200): the password is set; the username to sign in with. */
export const passwordLinkRedeemedSchema = z.object({ username: z.string() });
