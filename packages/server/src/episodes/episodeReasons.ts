import {
  episodeReasonSchema,
  type DeclineReason,
  type EpisodeReasonCode,
  type NotEligibleReason,
  type StoredEpisodeReason,
  type EpisodeState,
  type ReopenReason,
  type FractureInclusionReason,
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
  intakeRecorded: () => checked({ code: 'intake_recorded', details: {}, note: '' }),
  investigationsRecorded: () => checked({ code: 'investigations_recorded', details: {}, note: '' }),
  decisionRecorded: (decisionId: string) =>
    checked({ code: 'decision_recorded', details: { decisionId }, note: '' }),
  treatmentPlanned: (decisionId: string, drug: string) =>
    checked({ code: 'treatment_planned', details: { decisionId, drug }, note: '' }),
  noTreatmentDecided: (decisionId: string) =>
    checked({ code: 'no_treatment_decided', details: { decisionId }, note: '' }),
  referred: (decisionId: string) => checked({ code: 'referred', details: { decisionId }, note: '' }),
  appointmentPlanned: (appointmentId: string, date: string, note: string) =>
    checked({ code: 'appointment_planned', details: { appointmentId, date }, note }),
  reopened: (reason: ReopenReason, previousState: EpisodeState, note: string) =>
    checked({ code: 'reopened', details: { reason, previousState }, note }),
  notReached: (attempts: number, note: string) =>
    checked({ code: 'not_reached', details: { attempts }, note }),
  wrongNumber: (note: string) => checked({ code: 'wrong_number', details: {}, note }),
  fractureIncluded: (fractureId: string, reason: FractureInclusionReason, note: string) =>
    checked({ code: 'fracture_included', details: { fractureId, reason }, note }),
  treatmentStarted: (treatmentId: string, drug: string, startedOn: string) =>
    checked({ code: 'treatment_started', details: { treatmentId, drug, startedOn }, note: '' }),
  followUpClosed: (taskId: string, taskKind: string, note: string) =>
    checked({ code: 'follow_up_closed', details: { taskId, taskKind }, note }),
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
