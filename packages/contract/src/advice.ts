import { z } from 'zod/mini';
import { knownCode } from './fields';
import { ruleTraceSchema } from './ruleTrace';

// The advice's code lists live here, not in codes.ts: codes.ts is in the web's first load, and only the
// advice screen's chunk needs these (docs/WEB.md, "Size").
/**
 * The calcium food table of R12.2 (leaflet 004), by the clinical engine's food codes; the engine holds
 * the calcium per portion (its configuration), a server test keeps the two lists equal.
 */
export const CALCIUM_FOOD_CODES = [
  'milkGlass',
  'buttermilkGlass',
  'yoghurtPot',
  'porridgeBowl',
  'custardPot',
  'quarkPot',
  'cheeseSlice',
  'cookedVegetablesSpoon',
  'mixedNutsHandful',
  'wholemealBreadSlice',
] as const;
export type CalciumFoodCode = (typeof CALCIUM_FOOD_CODES)[number];
/** What a calcium requirement is for (R12.1): the age band, or the pregnancy or breastfeeding row. */
export const CALCIUM_REQUIREMENT_BASES = ['age', 'pregnant', 'breastfeeding'] as const;
/** The groups of the vitamin D schemes (R13.1 GR 2012, R13.2 GR 2008) a person can match. */
export const VITAMIN_D_GROUPS = [
  'everyoneAged70OrOlder',
  'childUnder4',
  'darkSkin',
  'littleTimeOutdoors',
  'bodyCoveringClothing',
  'pregnant',
  'womanAged50To70',
  'osteoporosis',
  'nursingOrCareHome',
  'woman4To50DarkSkin',
  'man4To70DarkSkin',
  'woman4To50LittleOutdoors',
  'man4To70LittleOutdoors',
  'woman50PlusLightSkinOutdoors',
  'man70PlusLightSkinOutdoors',
  'woman50PlusDarkSkinLittleOutdoors',
  'man70PlusDarkSkinLittleOutdoors',
  'womanUpTo50Veil',
  'woman50PlusVeil',
  'pregnantOrBreastfeeding',
] as const;
export type VitaminDGroup = (typeof VITAMIN_D_GROUPS)[number];

/*
 * Answers of the advice calculators (R12 calcium, R13 vitamin D). Numbers and codes only: the screens word
 * them (food names and portions, groups, reasons) in the user's language. Every answer names the rules it
 * rests on, with their sources and markers.
 */

/** `GET /api/advice/calcium/foods`: the engine's food table (R12.2), calcium per portion. */
export const calciumFoodsSchema = z.object({
  foods: z.array(z.object({ code: knownCode(CALCIUM_FOOD_CODES), mgPerPortion: z.number() })),
  /** The calculator's bounds for one food (MAX_PORTIONS_PER_FOOD, PORTION_STEP). */
  maxPortionsPerFood: z.number(),
  portionStep: z.number(),
  rules: z.array(ruleTraceSchema),
});
export type CalciumFoods = z.infer<typeof calciumFoodsSchema>;

/** The shortfall as portions of one food: `portions` of `food` cover it. */
export const shortfallPortionSchema = z.object({ food: knownCode(CALCIUM_FOOD_CODES), portions: z.int() });

/** `POST /api/advice/calcium`. */
export const calciumAdviceSchema = z.object({
  intakeMg: z.number(),
  requirementMgPerDay: z.number(),
  requirementBasis: z.enum(CALCIUM_REQUIREMENT_BASES),
  upperLimitMgPerDay: z.number(),
  meetsRequirement: z.boolean(),
  shortfallMg: z.number(),
  /** Empty when the requirement is met; else a few foods, most calcium per portion first. */
  shortfallPortions: z.array(shortfallPortionSchema),
  exceedsUpperLimit: z.boolean(),
  lowIntakeRiskFactor: z.boolean(),
  lowIntakeBelowMg: z.number(),
  /**
   * Only when the intake is short: a calcium tablet dose when the clinic configured one, otherwise not
   * covered (RULES.md section G: the dose is a gap; the doctor decides).
   */
  supplement: z.nullable(
    z.object({
      status: z.enum(['ok', 'notCovered']),
      supplementMgPerDay: z.nullable(z.number()),
      ruleId: z.string(),
      rules: z.array(ruleTraceSchema),
    }),
  ),
  rules: z.array(ruleTraceSchema),
  conflicts: z.array(z.string()),
});
export type CalciumAdvice = z.infer<typeof calciumAdviceSchema>;

/** `POST /api/advice/vitamin-d`. */
export const vitaminDAdviceSchema = z.object({
  /** The dose to take: with fracture-prevention medication R13.3's, else the population scheme's. */
  microgramPerDay: z.number(),
  iuPerDay: z.number(),
  basis: z.enum(['medication', 'population']),
  /** The clinic's population scheme (`vitaminD.scheme`, C8). */
  scheme: z.enum(['GR2012', 'GR2008']),
  population: z.object({
    microgramPerDay: z.number(),
    iuPerDay: z.number(),
    matchedGroups: z.array(knownCode(VITAMIN_D_GROUPS)),
    rules: z.array(ruleTraceSchema),
  }),
  withMedication: z.nullable(
    z.object({
      microgramPerDay: z.number(),
      iuPerDay: z.number(),
      weeklyAlternativeIU: z.number(),
      weeklyDropsAlternativeIU: z.number(),
      lifelong: z.boolean(),
      encourageDaylightOutdoors: z.boolean(),
      rules: z.array(ruleTraceSchema),
    }),
  ),
  /** Only when the current dose was given: whether it is at or above the fall-risk dose (R13.3). */
  doseCheck: z.nullable(
    z.object({ avoidFallRisk: z.boolean(), fallRiskDailyIU: z.number(), rules: z.array(ruleTraceSchema) }),
  ),
  rules: z.array(ruleTraceSchema),
  conflicts: z.array(z.string()),
});
export type VitaminDAdvice = z.infer<typeof vitaminDAdviceSchema>;
