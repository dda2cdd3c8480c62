import {
  episodeReasonSchema,
  type DeclineReason,
  type EpisodeReasonCode,
  type NotEligibleReason,
  type StoredEpisodeReason,
} from '@osteopad/contract';

/**
 * Why an episode is in its state, or why it moved (episodes.state_reason_*, episode_events.reason_code
 * / details / note). The server stores a code with structured details and the user's own note, never
 * prose: the web app words each code in the user's language. The codes and the details each carries
 * are the API's (@osteopad/contract: EPISODE_REASON_CODES, episodeReasonSchema); this module makes and
 * reads them.
 * `legacy`: a transition recorded as English text before migration 0008 that could not be read back
 * into a code; the text is kept as the note.
 */
export type EpisodeReason = StoredEpisodeReason;

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
  investigationsRecorded: () => checked({ code: 'investigations_recorded', details: {}, note: '' }),
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
