import { z } from 'zod/mini';
import { intakeAnswersSchema } from '../intake';

/**
 * `PUT /api/portal/intake`: the patient's answers so far (`submit: false`, kept in progress) or their
 * submission (`submit: true`, every required question answered; then no more changes from the portal).
 */
export const portalIntakeSaveBody = z.strictObject({
  /** The episode the questionnaire was loaded for (GET /api/portal/intake). */
  episodeId: z.uuid(),
  answers: intakeAnswersSchema,
  /** The version the form was loaded with; 0 for a response not saved before. */
  version: z.int().check(z.minimum(0)),
  submit: z.boolean(),
});
