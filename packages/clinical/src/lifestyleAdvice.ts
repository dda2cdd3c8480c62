// R14 — lifestyle advice codes for patient information, each with the condition under which it is selected.
import { BISPHOSPHONATES, type DrugCode } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { explain, rule, type ConfidenceMarker, type Explanation, type SourceTag } from './explanation';
import { alcoholIsRiskFactor } from './riskScore';

export const LIFESTYLE_ADVICE_CODES = [
  'calcium_diet',
  'vitamin_d',
  'exercise_weight_bearing',
  'stop_smoking',
  'limit_alcohol',
  'fall_prevention_home',
  'medication_review_falls',
  'dental_hygiene',
  'pain_management',
  'work_and_load',
  'hip_protector',
] as const;
export type LifestyleAdviceCode = (typeof LIFESTYLE_ADVICE_CODES)[number];

/** Facts the selection needs; `null` = not recorded. */
export interface LifestyleContext {
  readonly calciumIntakeBelowRequirement: boolean | null;
  readonly vitaminDAdvised: boolean | null;
  readonly smoker: boolean | null;
  readonly alcoholUnitsPerDay: number | null;
  readonly fallPreventionIndicated: boolean | null;
  readonly fallRiskIncreasingMedication: boolean | null;
  readonly drug: DrugCode | null;
  readonly vertebralFracture: boolean | null;
  readonly recentFracture: boolean | null;
  readonly inPaidWork: boolean | null;
  readonly frail: boolean | null;
}

export interface LifestyleAdviceCondition {
  readonly code: LifestyleAdviceCode;
  readonly ruleId: string;
  readonly sources: readonly SourceTag[];
  /** Marker of the selection condition (the advice text itself is from the sources). */
  readonly marker: ConfidenceMarker;
  readonly condition: string;
}

/** The selection condition of every code, in R14 order (also used by the safety document). */
export const LIFESTYLE_ADVICE_CONDITIONS: readonly LifestyleAdviceCondition[] = [
  {
    code: 'calcium_diet',
    ruleId: 'R14.1',
    sources: ['S22/004', 'S11', 'S20'],
    marker: 'SOURCE',
    condition: 'calcium intake below the R12 requirement',
  },
  {
    code: 'vitamin_d',
    ruleId: 'R14.2',
    sources: ['S22/004', 'S20', 'S47'],
    marker: 'SOURCE',
    condition:
      'R13 advises extra vitamin D (population scheme > 0 µg, medication indication, or low 25(OH)D)',
  },
  {
    code: 'exercise_weight_bearing',
    ruleId: 'R14.3',
    sources: ['S22/001', 'S22/004'],
    marker: 'SOURCE',
    condition: 'every patient (the leaflets advise it to all)',
  },
  {
    code: 'stop_smoking',
    ruleId: 'R14.4',
    sources: ['S22', 'S11'],
    marker: 'SOURCE',
    condition: 'patient smokes',
  },
  {
    code: 'limit_alcohol',
    ruleId: 'R14.5',
    sources: ['S22/001', 'S11'],
    marker: 'SOURCE',
    condition: 'alcohol above 3 units a day (C13)',
  },
  {
    code: 'fall_prevention_home',
    ruleId: 'R14.6',
    sources: ['S22/001', 'S22/004'],
    marker: 'INFERRED',
    condition: 'fall screen positive per fallRisk.adviceTrigger (C16)',
  },
  {
    code: 'medication_review_falls',
    ruleId: 'R14.7',
    sources: ['S11', 'S22/001'],
    marker: 'INFERRED',
    condition: 'fall screen positive and fall-risk-increasing drugs not known to be absent',
  },
  {
    code: 'dental_hygiene',
    ruleId: 'R14.8',
    sources: ['S22/001', 'S12', 'S26'],
    marker: 'SOURCE',
    condition: 'bisphosphonate, denosumab or romosozumab chosen or started',
  },
  {
    code: 'pain_management',
    ruleId: 'R14.9',
    sources: ['S22/001'],
    marker: 'SOURCE',
    condition: 'vertebral fracture (registered or on VFA)',
  },
  {
    code: 'work_and_load',
    ruleId: 'R14.10',
    sources: ['S22/001'],
    marker: 'INFERRED',
    condition: 'recent fracture in a patient with paid work',
  },
  {
    code: 'hip_protector',
    ruleId: 'R14.11',
    sources: ['S38'],
    marker: 'SOURCE',
    condition: 'frail older patient (recorded as frail)',
  },
];

export interface LifestyleAdviceItem {
  readonly code: LifestyleAdviceCode;
  readonly condition: string;
  readonly explanation: Explanation;
}

export interface LifestyleAdviceResult {
  readonly status: 'ok';
  readonly codes: readonly LifestyleAdviceCode[];
  readonly items: readonly LifestyleAdviceItem[];
  /** Codes whose condition could not be evaluated, with the facts that were not recorded. */
  readonly undetermined: readonly {
    readonly code: LifestyleAdviceCode;
    readonly missing: readonly string[];
  }[];
  readonly explanation: Explanation;
}

const DENTAL_DRUGS: readonly DrugCode[] = [...BISPHOSPHONATES, 'denosumab', 'romosozumab'];

type Verdict = boolean | readonly string[];

function verdictFor(code: LifestyleAdviceCode, ctx: LifestyleContext, config: ClinicalConfig): Verdict {
  switch (code) {
    case 'calcium_diet':
      return ctx.calciumIntakeBelowRequirement ?? ['calciumIntake'];
    case 'vitamin_d':
      return ctx.vitaminDAdvised ?? ['vitaminD'];
    case 'exercise_weight_bearing':
      return true;
    case 'stop_smoking':
      return ctx.smoker ?? ['smoker'];
    case 'limit_alcohol':
      return ctx.alcoholUnitsPerDay === null
        ? ['alcoholUnitsPerDay']
        : alcoholIsRiskFactor(ctx.alcoholUnitsPerDay, config);
    case 'fall_prevention_home':
      return ctx.fallPreventionIndicated ?? ['falls'];
    case 'medication_review_falls':
      return ctx.fallPreventionIndicated === null
        ? ['falls']
        : ctx.fallPreventionIndicated && ctx.fallRiskIncreasingMedication !== false;
    case 'dental_hygiene':
      return ctx.drug !== null && DENTAL_DRUGS.includes(ctx.drug);
    case 'pain_management':
      return ctx.vertebralFracture ?? ['vfa'];
    case 'work_and_load':
      if (ctx.recentFracture === false) return false;
      if (ctx.recentFracture === null || ctx.inPaidWork === null) {
        return [
          ...(ctx.recentFracture === null ? ['fractures'] : []),
          ...(ctx.inPaidWork === null ? ['inPaidWork'] : []),
        ];
      }
      return ctx.inPaidWork;
    case 'hip_protector':
      return ctx.frail ?? ['frail'];
  }
}

const ITEM_EXPLANATIONS = new Map<LifestyleAdviceCode, Explanation>(
  LIFESTYLE_ADVICE_CONDITIONS.map((c) => [
    c.code,
    explain(
      [rule(c.ruleId, c.sources, c.marker, c.condition)],
      c.code === 'limit_alcohol'
        ? ['riskFactors.alcoholUnitsPerDay', 'riskFactors.alcoholComparison']
        : c.code.includes('fall')
          ? ['fallRisk.adviceTrigger']
          : [],
      c.code === 'limit_alcohol' ? ['C13'] : c.code.includes('fall') ? ['C16'] : [],
    ),
  ]),
);
const SUMMARY_EXPLANATION = explain([rule('R14', ['S22', 'S11', 'S38'])]);

/**
 * R14: selects the advice codes whose condition holds (see {@link LIFESTYLE_ADVICE_CONDITIONS}); codes whose
 * condition cannot be evaluated are listed as undetermined rather than guessed.
 */
export function selectLifestyleAdvice(
  context: LifestyleContext,
  config: ClinicalConfig = DEFAULT_CONFIG,
): LifestyleAdviceResult {
  const items: LifestyleAdviceItem[] = [];
  const undetermined: { code: LifestyleAdviceCode; missing: readonly string[] }[] = [];
  for (const condition of LIFESTYLE_ADVICE_CONDITIONS) {
    const verdict = verdictFor(condition.code, context, config);
    if (verdict === true) {
      items.push({
        code: condition.code,
        condition: condition.condition,
        explanation: ITEM_EXPLANATIONS.get(condition.code) ?? SUMMARY_EXPLANATION,
      });
    } else if (verdict !== false) {
      undetermined.push({ code: condition.code, missing: verdict });
    }
  }
  return {
    status: 'ok',
    codes: items.map((i) => i.code),
    items,
    undetermined,
    explanation: SUMMARY_EXPLANATION,
  };
}
