// Requests of the advice calculators (R12 calcium, R13 vitamin D): answers to a few questions, no patient
// record. Impossible values are refused at their field (400): portions below 0 or above
// MAX_PORTIONS_PER_FOOD, an age no person has. Whether the rules cover an age is the engine's to say
// (the server refuses a calcium age outside R12.1's table at `body.ageYears`).
import { z } from 'zod/mini';
import { CALCIUM_FOOD_CODES } from '../advice';
import { checked } from '../fields';

/**
 * Portions of one food a day the calculator accepts (ours, not RULES.md's: an input bound that refuses
 * typing errors such as 200; 20 glasses of milk is already far above the upper limit of R12.1).
 */
export const MAX_PORTIONS_PER_FOOD = 20;
/** Portions are counted in halves (half a glass, half a slice). */
export const PORTION_STEP = 0.5;

/** The sexes the rules know (R12, R13: the clinical engine's). */
export const ADVICE_SEXES = ['female', 'male'] as const;

const ageYears = checked(z.int(), z.minimum(0), z.maximum(130));
const portions = checked(
  z.number(),
  z.minimum(0, 'Portions cannot be negative.'),
  z.maximum(MAX_PORTIONS_PER_FOOD, `At most ${String(MAX_PORTIONS_PER_FOOD)} portions a day.`),
  z.multipleOf(PORTION_STEP, 'Portions are counted in halves.'),
);

/** `POST /api/advice/calcium`: portions per food per day, the person's age, sex and situation. */
export const calciumAdviceBody = z.strictObject({
  ageYears,
  sex: z.enum(ADVICE_SEXES),
  pregnant: z._default(z.boolean(), false),
  breastfeeding: z._default(z.boolean(), false),
  /** Portions a day per food code; a food left out counts as none. */
  servings: z.partialRecord(z.enum(CALCIUM_FOOD_CODES), portions),
  /** Calcium from tablets, mg a day (0 to 5000, the engine's bound; counts for the upper limit). */
  supplementMgPerDay: z._default(checked(z.number(), z.minimum(0), z.maximum(5000)), 0),
});
export type CalciumAdviceBody = z.input<typeof calciumAdviceBody>;

/** `POST /api/advice/vitamin-d`: the questions of R13.1 (and R13.2 when the clinic uses GR 2008), R13.3. */
export const vitaminDAdviceBody = z.strictObject({
  ageYears,
  sex: z.enum(ADVICE_SEXES),
  /** Dark skin (skin type IV or darker). */
  darkSkin: z.boolean(),
  /** Outdoors every day for 15–30 minutes around midday with face and hands uncovered. */
  outdoorsSufficient: z.boolean(),
  /** Clothing that covers the body (and head, such as a veil). */
  bodyCovering: z.boolean(),
  pregnant: z._default(z.boolean(), false),
  breastfeeding: z._default(z.boolean(), false),
  /** GR 2008 only: lives in a nursing or care home. */
  nursingHome: z._default(z.boolean(), false),
  /** GR 2008 only: has osteoporosis. */
  osteoporosis: z._default(z.boolean(), false),
  /** Takes (or has an indication for) fracture-prevention medication: R13.3. */
  onFracturePreventionMedication: z.boolean(),
  /** Vitamin D taken now, IU a day (optional): checked against the fall-risk dose of R13.3. */
  currentDailyIU: z.optional(checked(z.number(), z.minimum(0), z.maximum(100_000))),
});
export type VitaminDAdviceBody = z.input<typeof vitaminDAdviceBody>;
