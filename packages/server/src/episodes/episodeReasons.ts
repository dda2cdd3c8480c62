import { z } from 'zod';
import { isoDate } from '../http/validation';
import {
  DECLINE_REASONS,
  NOT_ELIGIBLE_REASONS,
  type DeclineReason,
  type NotEligibleReason,
} from './declineReasons';

/**
 * Why an episode is in its state, or why it moved (episodes.state_reason_*, episode_events.reason_code
 * / details / note). The server stores a code with structured details and the user's own note, never
 * prose: the web app words each code in the user's language.
 * `legacy`: a transition recorded as English text before migration 0008 that could not be read back
 * into a code; the text is kept as the note.
 */
export const EPISODE_REASON_CODES = [
  'imported',
  'invitation_sent',
  'reminder_sent',
  'declined',
  'not_eligible_after_review',
  'patient_deceased',
  'legacy',
] as const;
export type EpisodeReasonCode = (typeof EPISODE_REASON_CODES)[number];

/** The details each code carries. */
const DETAILS = {
  imported: z.strictObject({ importId: z.uuid() }),
  invitation_sent: z.strictObject({ sentOn: isoDate }),
  reminder_sent: z.strictObject({ sentOn: isoDate }),
  declined: z.strictObject({ reason: z.enum(DECLINE_REASONS) }),
  not_eligible_after_review: z.strictObject({
    reason: z.enum(NOT_ELIGIBLE_REASONS),
    reviewedBy: z.string().min(1),
  }),
  /** A source reported the death (deceasedOn when it gave the date); importId names the import. */
  patient_deceased: z.strictObject({ deceasedOn: isoDate.nullable(), importId: z.uuid() }),
  legacy: z.strictObject({}),
} as const satisfies Record<EpisodeReasonCode, z.ZodType>;

const variant = <C extends EpisodeReasonCode>(code: C) =>
  z.object({ code: z.literal(code), details: DETAILS[code], note: z.string() });

/** A reason as stored and as the API answers with it: `{ code, details, note }`, details checked by code. */
export const episodeReasonSchema = z.discriminatedUnion('code', [
  variant('imported'),
  variant('invitation_sent'),
  variant('reminder_sent'),
  variant('declined'),
  variant('not_eligible_after_review'),
  variant('patient_deceased'),
  variant('legacy'),
]);
export type EpisodeReason = z.infer<typeof episodeReasonSchema>;

/** The typed constructors: the only way the server makes a reason. */
export const episodeReason = {
  imported: (importId: string) => checked({ code: 'imported', details: { importId }, note: '' }),
  invitationSent: (sentOn: string) => checked({ code: 'invitation_sent', details: { sentOn }, note: '' }),
  reminderSent: (sentOn: string) => checked({ code: 'reminder_sent', details: { sentOn }, note: '' }),
  declined: (reason: DeclineReason, note: string) => checked({ code: 'declined', details: { reason }, note }),
  notEligibleAfterReview: (reason: NotEligibleReason, reviewedBy: string, note: string) =>
    checked({ code: 'not_eligible_after_review', details: { reason, reviewedBy }, note }),
  patientDeceased: (deceasedOn: string | null, importId: string) =>
    checked({ code: 'patient_deceased', details: { deceasedOn, importId }, note: '' }),
};

/** Validates a reason against its code's details; throws on a malformed one (a programming error). */
function checked<R extends EpisodeReason>(reason: R): R {
  episodeReasonSchema.parse(reason);
  return reason;
}

/**
 * Reads a stored reason (code, details and note columns) back into its typed form; null when the row
 * has no reason (an episode still in its first state).
 */
export function storedEpisodeReason(
  code: EpisodeReasonCode | null,
  details: unknown,
  note: string,
): EpisodeReason | null {
  if (code === null) return null;
  return episodeReasonSchema.parse({ code, details, note });
}
