// Requests of the episodes routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { DECLINE_REASONS, NOT_ELIGIBLE_REASONS, type EpisodeReasonCode } from '../codes';
import { checked, isoDate, shortText } from '../fields';

/**
 * The details each reason code carries, as stored (episodes.state_reason_*, episode_events) and as the
 * server's typed constructors make them (packages/server/src/episodes/episodeReasons.ts).
 */
const DETAILS = {
  imported: z.strictObject({ importId: z.uuid() }),
  invitation_sent: z.strictObject({ sentOn: isoDate }),
  reminder_sent: z.strictObject({ sentOn: isoDate }),
  declined: z.strictObject({ reason: z.enum(DECLINE_REASONS) }),
  not_eligible_after_review: z.strictObject({
    reason: z.enum(NOT_ELIGIBLE_REASONS),
    reviewedBy: checked(z.string(), z.minLength(1)),
  }),
  /** A source reported the death (deceasedOn when it gave the date); importId names the import. */
  patient_deceased: z.strictObject({ deceasedOn: z.nullable(isoDate), importId: z.uuid() }),
  legacy: z.strictObject({}),
  /** A DXA or VFA was recorded while the episode was in intake. */
  investigations_recorded: z.strictObject({}),
} as const satisfies Record<EpisodeReasonCode, z.ZodMiniType>;

/* @__NO_SIDE_EFFECTS__ */
function variant<C extends EpisodeReasonCode>(code: C) {
  return z.object({ code: z.literal(code), details: DETAILS[code], note: z.string() });
}

/** A reason with its details checked by code: `{ code, details, note }`. */
export const episodeReasonSchema = z.discriminatedUnion('code', [
  variant('imported'),
  variant('invitation_sent'),
  variant('reminder_sent'),
  variant('declined'),
  variant('not_eligible_after_review'),
  variant('patient_deceased'),
  variant('legacy'),
  variant('investigations_recorded'),
]);
export type StoredEpisodeReason = z.infer<typeof episodeReasonSchema>;

export const episodeParams = z.strictObject({ episodeId: z.uuid() });

/** `POST /api/episodes/:episodeId/invitation` and `…/reminder`: the day the letter went out (default today). */
export const letterSentBody = z.strictObject({ sentOn: z.optional(isoDate) });

/** `POST /api/invitations`: several patients invited at once, after printing a batch of letters. */
export const invitationsBody = z.strictObject({
  episodeIds: checked(z.array(z.uuid()), z.minLength(1), z.maxLength(500)),
  sentOn: z.optional(isoDate),
});

/** `POST /api/episodes/:episodeId/decline`. */
export const declineBody = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  note: z._default(shortText(500), ''),
});

/** `POST /api/episodes/:episodeId/eligibility-review`: the decision on a fracture sent to manual review. */
export const eligibilityReviewBody = z.discriminatedUnion('eligible', [
  z.strictObject({ eligible: z.literal(true), note: z._default(shortText(500), '') }),
  z.strictObject({
    eligible: z.literal(false),
    reason: z.enum(NOT_ELIGIBLE_REASONS),
    note: z._default(shortText(500), ''),
  }),
]);
export type EligibilityDecision = z.input<typeof eligibilityReviewBody>;
