// Requests of the user routes that the web only types (`z.input<typeof …>`), kept out of its bundle.
import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth';
import { checked } from '../fields';

/**
 * `POST /api/auth/password-link`: the token of a one-time link and the new password (the same length rules
 * as every password, `passwordChangeBody`).
 */
export const passwordLinkRedeemBody = z.strictObject({
  token: checked(z.string(), z.minLength(1), z.maxLength(200)),
  password: checked(z.string(), z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type PasswordLinkRedeemBody = z.input<typeof passwordLinkRedeemBody>;
