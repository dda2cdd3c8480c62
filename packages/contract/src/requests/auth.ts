// Requests of the auth routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth';
import { checked } from '../fields';

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
