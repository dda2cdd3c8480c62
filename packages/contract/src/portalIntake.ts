import { z } from 'zod/mini';
import { SEXES } from './codes';
import { isoDate } from './fields';
import { intakeSchema } from './intake';

/*
 * The intake questionnaire online (issue 13, item 2): the patient fills in the same definition as the staff
 * form (intakeQuestionnaire.ts) for their episode in the consult, saved as they go and submitted once.
 */

/** `GET /api/portal/intake`: the episode the patient answers for, or null when none asks for an intake now. */
export const portalIntakeSchema = z.object({
  episode: z.nullable(z.object({ id: z.uuid(), openedOn: isoDate })),
  /** The patient's sex as registered: the portal leaves out the questions asked of women only. */
  sex: z.enum(SEXES),
  /** True while the patient may still change and submit their answers (not yet submitted). */
  open: z.boolean(),
  intake: z.nullable(intakeSchema),
});
export type PortalIntake = z.infer<typeof portalIntakeSchema>;
