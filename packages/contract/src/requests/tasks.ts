// Completing a task (issue 12): `POST /api/tasks/:taskId/complete`. Types only for the web (see
// requests/episodes.ts for why).
import { z } from 'zod/mini';
import { TASK_OUTCOMES, TREATMENT_DRUGS, TREATMENT_STOP_REASONS } from '../taskOutcomes';
import { isoDate, shortText } from '../fields';
import { expectedVersion } from './invitationLoop';

/**
 * The outcome of a task; `outcomeDate` when the outcome happened on a date (started, given),
 * `reasonCode` for a stop, `drug` for a switch or a follow-on; `expectedVersion` is the episode's.
 * Which outcomes fit which kind: OUTCOMES_BY_KIND (checked by the server, 400 naming the field).
 */
export const taskCompletionBody = z.strictObject({
  outcome: z.enum(TASK_OUTCOMES),
  outcomeDate: z.optional(isoDate),
  reasonCode: z.optional(z.enum(TREATMENT_STOP_REASONS)),
  drug: z.optional(z.enum(TREATMENT_DRUGS)),
  note: z._default(shortText(500), ''),
  expectedVersion: z.optional(expectedVersion),
});
export type TaskCompletionRequest = z.input<typeof taskCompletionBody>;
