// Requests of the invitation loop (issue 11, item 1): the patient's reply, the reminder call's
// outcome, reopening an episode, including an excluded fracture. Types only for the web (see
// requests/episodes.ts for why).
import { z } from 'zod/mini';
import {
  APPOINTMENT_KINDS,
  CALL_OUTCOMES,
  FRACTURE_INCLUSION_REASONS,
  REOPEN_REASONS,
  WRONG_NUMBER_NEXT_STEPS,
} from '../codes';
import { checked, isoDate, shortText } from '../fields';

/** A clock time as HH:MM (24 hours). */
export const clockTime = checked(
  z.string(),
  z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM (00:00–23:59).'),
);

/** The version of the record the user read: a save of an older one is refused (409 stale_version). */
export const expectedVersion = checked(z.int(), z.minimum(1), z.maximum(2_147_483_647));

const appointmentKinds = checked(
  z.array(z.enum(APPOINTMENT_KINDS)),
  z.minLength(1, 'Choose at least one: DXA/VFA, labs or consult.'),
  z.maxLength(APPOINTMENT_KINDS.length),
  z.refine((kinds) => new Set(kinds).size === kinds.length, 'Each kind at most once.'),
);

/** `POST /api/episodes/:episodeId/appointment`: the patient's reply — an appointment was planned. */
export const appointmentBody = z.strictObject({
  date: isoDate,
  time: clockTime,
  kinds: appointmentKinds,
  note: z._default(shortText(500), ''),
  expectedVersion,
});
export type AppointmentRequest = z.input<typeof appointmentBody>;

export const appointmentParams = z.strictObject({ appointmentId: z.uuid() });

/**
 * `POST /api/appointments/:appointmentId/status`: the appointment took place, the patient did not
 * come, it was cancelled, or it moved (a new date and time). `expectedVersion` is the appointment's.
 */
export const appointmentStatusBody = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.enum(['attended', 'no_show', 'cancelled']),
    note: z._default(shortText(500), ''),
    expectedVersion,
  }),
  z.strictObject({
    status: z.literal('rescheduled'),
    date: isoDate,
    time: clockTime,
    note: z._default(shortText(500), ''),
    expectedVersion,
  }),
]);
export type AppointmentStatusRequest = z.input<typeof appointmentStatusBody>;

export const taskParams = z.strictObject({ taskId: z.uuid() });

/**
 * `POST /api/tasks/:taskId/call-outcome`: how the reminder call went. `nextStep` only after a wrong
 * number (ask the GP for the number, or end the episode as lost). `expectedVersion`: the episode's.
 */
export const callOutcomeBody = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES),
  nextStep: z.optional(z.enum(WRONG_NUMBER_NEXT_STEPS)),
  note: z._default(shortText(500), ''),
  expectedVersion: z.optional(expectedVersion),
});
export type CallOutcomeRequest = z.input<typeof callOutcomeBody>;

/** `POST /api/episodes/:episodeId/reopen`: a declined or not-eligible episode taken up again. */
export const reopenBody = z.strictObject({
  reason: z.enum(REOPEN_REASONS),
  note: z._default(shortText(500), ''),
  expectedVersion,
});
export type ReopenRequest = z.input<typeof reopenBody>;

export const fractureParams = z.strictObject({ fractureId: z.uuid() });

/** `POST /api/fractures/:fractureId/include`: a clinician includes a fracture the rules excluded. */
export const includeFractureBody = z.strictObject({
  reason: z.enum(FRACTURE_INCLUSION_REASONS),
  note: z._default(shortText(500), ''),
});
export type IncludeFractureRequest = z.input<typeof includeFractureBody>;
