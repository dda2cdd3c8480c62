import { z } from 'zod/mini';
import { checked } from './fields';

/** Answers keyed by linkId (contract intakeQuestionnaire.ts): yes/no, a number, or an option code. */
export const intakeAnswersSchema = z.record(
  checked(z.string(), z.minLength(1), z.maxLength(80)),
  z.union([z.boolean(), z.number(), checked(z.string(), z.maxLength(80))]),
);

export const INTAKE_RESPONSE_STATUSES = ['in_progress', 'completed'] as const;
export type IntakeResponseStatus = (typeof INTAKE_RESPONSE_STATUSES)[number];

/** GET /api/episodes/:episodeId/intake and the answer of a save. */
export const intakeSchema = z.object({
  /** The episode's patient (for the link back to the patient page). */
  patientId: z.uuid(),
  /** The questionnaire version a new response is answered with. */
  questionnaireVersion: z.string(),
  response: z.nullable(
    z.object({
      questionnaireVersion: z.string(),
      answers: intakeAnswersSchema,
      status: z.enum(INTAKE_RESPONSE_STATUSES),
      /** Send this back with the next save (optimistic concurrency). */
      version: z.number(),
      updatedAt: z.string(),
      /** The display name of who saved last. */
      updatedBy: z.nullable(z.string()),
      /** Saved last by the patient in the portal (online), not by staff. */
      byPatient: z.boolean(),
      completedAt: z.nullable(z.string()),
    }),
  ),
});
export type Intake = z.infer<typeof intakeSchema>;
