// Requests of the intake routes (the web types what it sends with z.input<typeof …>).
import { z } from 'zod/mini';
import { intakeAnswersSchema } from '../intake';

/** PUT /api/episodes/:episodeId/intake: a partial save keeps the form in progress; `complete` finishes it. */
export const intakeSaveBody = z.strictObject({
  answers: intakeAnswersSchema,
  /** The version the form was loaded with; 0 for a response not saved before. */
  version: z.int().check(z.minimum(0)),
  complete: z.boolean(),
});
