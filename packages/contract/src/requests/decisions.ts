// Requests of the decision routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time.
import { z } from 'zod/mini';
import { DECISION_CHOICES, DECISION_ITEM_CODES } from '../decisions';
import { checked, shortText } from '../fields';

const code = checked(z.string(), z.maxLength(60));

/**
 * `POST /api/episodes/:episodeId/decision`. `fingerprint`: of the assessment the clinician saw;
 * `basedOnDecisionId`: the latest decision they saw (null for the first), so that of two clinicians
 * deciding at once the second is refused. An override needs a `reason` (and a `value`); the plan (drug,
 * referrals) follows from the items' decided values.
 */
export const decisionBody = z.strictObject({
  fingerprint: checked(z.string(), z.minLength(1), z.maxLength(128)),
  basedOnDecisionId: z.nullable(z.uuid()),
  /** Compared with the episode's version where the episode has one. */
  episodeVersion: z.optional(checked(z.int(), z.minimum(0))),
  items: checked(
    z.array(
      z.strictObject({
        code: z.enum(DECISION_ITEM_CODES),
        choice: z.enum(DECISION_CHOICES),
        value: z.optional(z.nullable(z.union([code, checked(z.array(code), z.maxLength(20))]))),
        reason: z._default(shortText(1000), ''),
      }),
    ),
    z.minLength(1),
    z.maxLength(DECISION_ITEM_CODES.length),
  ),
});
export type DecisionBody = z.input<typeof decisionBody>;
