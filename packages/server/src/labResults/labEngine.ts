import {
  fallRisk,
  type ClinicalConfig,
  type FallRiskResult,
  type FallsInput,
  type InsufficientData,
  type LabPanelResult,
  type RuleTrace,
  type Explanation,
} from '@osteopad/clinical';
import type { FallRiskAdvice, LabOrderItem, LabPanel, RuleTraceView } from '@osteopad/contract';

/*
 * The engine's R6 and R7 answers as the screen shows them: codes, rule IDs, sources and markers. No rule is
 * decided here; the order list is the engine's `labPanel` part, the advice its `fallRisk`.
 */

export function ruleViews(explanation: Explanation): RuleTraceView[] {
  return explanation.rules.map((r: RuleTrace) => ({
    ruleId: r.ruleId,
    sources: [...r.sources],
    marker: r.marker,
    note: r.note ?? null,
  }));
}

/** The R6 part of an assessment (assessPatient's `labPanel`) as an order list. */
export function labPanelView(part: LabPanelResult | InsufficientData): LabPanel {
  if (part.status === 'insufficientData') {
    return {
      status: 'insufficientData',
      missing: [...part.missing],
      items: [],
      basicPanelTrigger: null,
      referSecondaryCare: false,
      referralReasons: [],
      rules: ruleViews(part.explanation),
      conflicts: [...part.explanation.conflicts],
    };
  }
  const items: LabOrderItem[] = [
    ...part.basicPanel.map((test) => ({ test, group: 'basic', ruleId: 'R6.1' })),
    ...(part.considerTestosterone ? [{ test: 'testosterone', group: 'testosterone', ruleId: 'R6.2' }] : []),
    ...part.extendedPanel.map((test) => ({ test, group: 'extended', ruleId: 'R6.3' })),
    ...part.testsOnIndication.map((test) => ({ test, group: 'onIndication', ruleId: 'R6.3' })),
  ];
  return {
    status: 'ok',
    missing: [],
    items,
    basicPanelTrigger: part.basicPanelTrigger,
    referSecondaryCare: part.referSecondaryCare,
    referralReasons: [...part.referralReasons],
    rules: ruleViews(part.explanation),
    conflicts: [...part.explanation.conflicts],
  };
}

export function fallAdviceView(result: FallRiskResult): FallRiskAdvice {
  return {
    nhgFallRiskInventory: result.nhgFallRiskInventory,
    threeQuestionScreenPositive: result.threeQuestionScreenPositive,
    fallPreventionIndicated: result.fallPreventionIndicated,
    inventoryItems: [...result.inventoryItems],
    interventions: [...result.interventions],
    fallClinicReferral: {
      status: result.fallClinicReferral.status,
      ruleId: result.fallClinicReferral.ruleId,
      gap: result.fallClinicReferral.gap,
    },
    rules: ruleViews(result.explanation),
    conflicts: [...result.explanation.conflicts],
  };
}

export interface FallAnswers {
  fallsPastYear: number;
  worriedAboutFalling: boolean;
  difficultyWalkingOrBalance: boolean;
  fallRiskIncreasingMedication: boolean | null;
}

/** The engine's FallsInput for stored or entered answers (unknown medication: left out). */
export function fallsInputOf(a: FallAnswers): FallsInput {
  return {
    fallsPastYear: a.fallsPastYear,
    worriedAboutFalling: a.worriedAboutFalling,
    difficultyWalkingOrBalance: a.difficultyWalkingOrBalance,
    ...(a.fallRiskIncreasingMedication === null
      ? {}
      : { fallRiskIncreasingMedication: a.fallRiskIncreasingMedication }),
  };
}

/** R7 for these answers (validated before: fallsIssues). */
export function fallAdvice(a: FallAnswers, config: ClinicalConfig): FallRiskAdvice {
  return fallAdviceView(fallRisk(fallsInputOf(a), config));
}
