import { z } from 'zod/mini';
import { EPISODE_STATES, type Role } from './codes';
import { isoDate, knownCode } from './fields';
import { upcomingDateSchema } from './upcoming';

/** Who may call the patient portal's own routes (`/api/portal/…`): a patient, for their own record only. */
export const PORTAL_ROLES = ['patient'] as const satisfies readonly Role[];

/**
 * The codes of the portal's refusals a screen words (issue 13, access). `activation_failed` never says
 * whether the code or the date of birth was wrong; the others are answered only when both were right.
 */
export const PORTAL_ACTIVATION_PROBLEMS = [
  'activation_failed',
  'portal_code_expired',
  'portal_code_used',
  'portal_code_replaced',
  'username_taken',
] as const;
export type PortalActivationProblem = (typeof PORTAL_ACTIVATION_PROBLEMS)[number];

/** Details of an expired, used or replaced code: how to get a new one (the organisation profile's phone). */
export const portalCodeProblemDetails = z.object({
  clinicName: z.string(),
  clinicPhone: z.string(),
});
export type PortalCodeProblemDetails = z.infer<typeof portalCodeProblemDetails>;

/** `POST /api/portal/activate`: the account the code opened (the patient is signed in with it). */
export const portalActivationSchema = z.object({
  username: z.string(),
  /** True when the patient already had an account: its password was replaced, its username kept. */
  existingAccount: z.boolean(),
  csrfToken: z.string(),
});
export type PortalActivation = z.infer<typeof portalActivationSchema>;

/** `POST /api/portal/magic-link`: the same answer whether or not the address is known. */
export const portalMagicLinkRequestedSchema = z.object({ requested: z.literal(true) });

/** `GET /api/portal/me`: the signed-in patient's own record, as the portal shows it. */
export const portalMeSchema = z.object({
  patient: z.object({
    givenNames: z.string(),
    familyName: z.string(),
    birthDate: isoDate,
  }),
  /** The patient's episodes, newest first: their state only (a code, worded by the web). */
  episodes: z.array(z.object({ id: z.uuid(), state: knownCode(EPISODE_STATES), openedOn: isoDate })),
  upcoming: z.array(upcomingDateSchema),
  clinic: z.object({ name: z.string(), phone: z.string() }),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

/**
 * `GET /api/portal/access-log`: who looked at or changed the patient's record, and when (the audit log,
 * NEN 7513), newest first. `who`: the patient themself, a staff member (name and role), or Osteopad's own
 * work (the scheduler, imports). The screen words `action` and `objectType` through its catalogue; codes it
 * does not know get a general phrase.
 */
export const PORTAL_ACCESS_WHO = ['self', 'staff', 'system'] as const;
export const portalAccessEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  who: z.enum(PORTAL_ACCESS_WHO),
  name: z.string(),
  role: z.string(),
  action: z.string(),
  objectType: z.string(),
});
export type PortalAccessEntry = z.infer<typeof portalAccessEntrySchema>;
export const portalAccessLogSchema = z.object({
  entries: z.array(portalAccessEntrySchema),
  /** Pass as `before` for the next (older) page; null when this was the last. */
  nextBefore: z.nullable(z.number()),
});
export type PortalAccessLog = z.infer<typeof portalAccessLogSchema>;
