// Requests of the episodes routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import {
  DECLINE_REASONS,
  EPISODE_STATES,
  FRACTURE_INCLUSION_REASONS,
  NOT_ELIGIBLE_REASONS,
  REOPEN_REASONS,
  type EpisodeReasonCode,
} from '../codes';
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
  /** Seeded consult steps (demo): the intake and the investigations were recorded. */
  intake_recorded: z.strictObject({}),
  investigations_recorded: z.strictObject({}),
  /** A decision was recorded (decisions.id); then the plan moved the episode on. */
  decision_recorded: z.strictObject({ decisionId: z.uuid() }),
  treatment_planned: z.strictObject({ decisionId: z.uuid(), drug: checked(z.string(), z.maxLength(60)) }),
  no_treatment_decided: z.strictObject({ decisionId: z.uuid() }),
  referred: z.strictObject({ decisionId: z.uuid() }),
  /** The patient's reply: an appointment was planned (appointments.id, its date). */
  appointment_planned: z.strictObject({ appointmentId: z.uuid(), date: isoDate }),
  /** A declined or not-eligible episode taken up again (REOPEN_REASONS), from the state it left. */
  reopened: z.strictObject({ reason: z.enum(REOPEN_REASONS), previousState: z.enum(EPISODE_STATES) }),
  /** The reminder calls reached no one: after this many attempts the episode ends as lost. */
  not_reached: z.strictObject({ attempts: z.int() }),
  /** The patient's number was wrong and the user ended the episode. */
  wrong_number: z.strictObject({}),
  /** A clinician included the fracture the rules excluded (FRACTURE_INCLUSION_REASONS): the episode opened. */
  fracture_included: z.strictObject({ fractureId: z.uuid(), reason: z.enum(FRACTURE_INCLUSION_REASONS) }),
  /** The planned drug was started (treatments.id, the drug, the date): follow-up by the rules (R11). */
  treatment_started: z.strictObject({
    treatmentId: z.uuid(),
    drug: checked(z.string(), z.maxLength(60)),
    startedOn: isoDate,
  }),
  /**
   * Nothing is left for the FLS to follow (the task that completed it): care lies with the GP or the
   * specialist it was handed to, or no further follow-up is indicated (R11.3).
   */
  follow_up_closed: z.strictObject({ taskId: z.uuid(), taskKind: checked(z.string(), z.maxLength(60)) }),
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
  variant('intake_recorded'),
  variant('investigations_recorded'),
  variant('decision_recorded'),
  variant('treatment_planned'),
  variant('no_treatment_decided'),
  variant('referred'),
  variant('appointment_planned'),
  variant('reopened'),
  variant('not_reached'),
  variant('wrong_number'),
  variant('fracture_included'),
  variant('treatment_started'),
  variant('follow_up_closed'),
]);
export type StoredEpisodeReason = z.infer<typeof episodeReasonSchema>;

export const episodeParams = z.strictObject({ episodeId: z.uuid() });

/** `POST /api/episodes/:episodeId/invitation` and `…/reminder`: the day the letter went out (default today). */
export const letterSentBody = z.strictObject({
  sentOn: z.optional(isoDate),
  /** The episode's version the user read (the episode page sends it): a stale one is a 409. */
  expectedVersion: z.optional(checked(z.int(), z.minimum(1))),
});

/** `POST /api/invitations`: several patients invited at once, after printing a batch of letters. */
export const invitationsBody = z.strictObject({
  episodeIds: checked(z.array(z.uuid()), z.minLength(1), z.maxLength(500)),
  sentOn: z.optional(isoDate),
});

/** `POST /api/episodes/:episodeId/decline`. */
export const declineBody = z.strictObject({
  reason: z.enum(DECLINE_REASONS),
  note: z._default(shortText(500), ''),
  expectedVersion: z.optional(checked(z.int(), z.minimum(1))),
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
