// Requests of the patient portal's access routes (issue 13). The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time.
import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth';
import { checked, isoDate, queryInt } from '../fields';

/** The code as typed from the letter: letters and digits, spaces and hyphens allowed (`K7QM-3XPD-9RTW`). */
export const portalCodeInput = checked(
  z.string(),
  z.trim(),
  z.minLength(1, 'Required.'),
  z.maxLength(40),
  z.regex(/^[A-Za-z0-9 -]+$/, 'Only letters, digits, spaces and hyphens.'),
);

/** `POST /api/portal/activate`: the letter's code, the date of birth, and the account the patient chooses. */
export const portalActivateBody = z.strictObject({
  code: portalCodeInput,
  birthDate: isoDate,
  /** The username to sign in with later; ignored when the patient has an account already (it is kept). */
  username: checked(
    z.string(),
    z.trim(),
    z.minLength(3, 'At least 3 characters.'),
    z.maxLength(100),
    z.regex(/^[A-Za-z0-9._@-]+$/, 'Only letters, digits and . _ @ -'),
  ),
  password: checked(z.string(), z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type PortalActivateBody = z.input<typeof portalActivateBody>;

/** `POST /api/portal/magic-link`: the e-mail address the hospital has for the patient. */
export const portalMagicLinkBody = z.strictObject({
  email: checked(
    z.string(),
    z.trim(),
    z.maxLength(254),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Not an e-mail address.'),
  ),
  locale: z._default(z.enum(['nl', 'en']), 'nl'),
});
export type PortalMagicLinkBody = z.input<typeof portalMagicLinkBody>;

/** `POST /api/portal/magic-link/redeem`: the token from the e-mailed link (sent from the page, never in a URL to the API). */
export const portalMagicLinkRedeemBody = z.strictObject({
  token: checked(z.string(), z.minLength(20), z.maxLength(100), z.regex(/^[A-Za-z0-9_-]+$/)),
});
export type PortalMagicLinkRedeemBody = z.input<typeof portalMagicLinkRedeemBody>;

/** `GET /api/portal/access-log`: a page of at most 50, older than the event `before` when given. */
export const PORTAL_ACCESS_LOG_MAX = 50;
export const portalAccessLogQuery = z.strictObject({
  before: z.optional(queryInt(1, Number.MAX_SAFE_INTEGER)),
  limit: z._default(queryInt(1, PORTAL_ACCESS_LOG_MAX), 20),
});
export type PortalAccessLogQuery = z.input<typeof portalAccessLogQuery>;
