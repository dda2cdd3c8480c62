// R10.1 — which drug first (Farmacotherapeutisch Kompas, current text citing NIV 2022; older text as C12 option).
import type { DrugCode } from '../codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from '../config';
import { explain, notCovered, rule, type Explanation, type NotCovered } from '../explanation';
import { asRecord, nullableNumber, optionalBoolean, rejectUnknownKeys, requireBoolean } from '../validation';

/** The oral solution of alendronate is a formulation, not another drug; R10.1 step 3 names it separately. */
export type DrugOption = DrugCode | 'alendronateOralSolution';

export interface DrugChoiceInput {
  readonly hipFracture: boolean;
  /** Days since the most recent hip fracture; `null` when there is none. */
  readonly daysSinceHipFracture: number | null;
  readonly contraindicationOralBisphosphonate: boolean;
  /** Postmenopausal woman with severe osteoporosis (R10.1 step 4); absent = not assessed. */
  readonly severeOsteoporosisPostmenopausalWoman?: boolean;
}

export interface DrugChoiceResult {
  readonly status: 'ok';
  readonly preferredFirstLine: readonly DrugCode[];
  /** Step 3: after contraindication, intolerance or poor adherence (excluding what is already preferred). */
  readonly alternatives: readonly DrugOption[];
  /** Step 4: consider starting with an anabolic drug. */
  readonly considerAnabolic: readonly DrugCode[];
  /** The NIV criteria for anabolic therapy ("zeer hoog fractuurrisico") are a gap. */
  readonly anabolicCriteria: NotCovered | null;
  /** Older FK alternatives the engine does not model (C12). */
  readonly notModelledAlternatives: readonly string[];
  readonly explanation: Explanation;
}

const R10_1_STEP1 = rule('R10.1', ['S11'], 'SOURCE', 'first choice alendronic or risedronic acid');
const R10_1_STEP2 = rule(
  'R10.1',
  ['S11', 'S31'],
  'UNCONFIRMED',
  'zoledronic acid after a recent hip fracture (recent = < 90 days, secondary summary)',
);
const R10_1_STEP3 = rule(
  'R10.1',
  ['S11', 'S22/001'],
  'SOURCE',
  'alternatives: alendronate oral solution, zoledronic acid, denosumab',
);
const R10_1_STEP4 = rule(
  'R10.1',
  ['S11', 'S13'],
  'SOURCE',
  'severe postmenopausal osteoporosis: consider teriparatide or romosozumab',
);
const R10_1_OLD = rule('R10.1', ['S11-old'], 'SOURCE', 'older FK sequence (C12)');
const ANABOLIC_GAP = notCovered(
  'R10.1',
  'NIV 2022 criteria for anabolic therapy (very high fracture risk) were not available',
  explain([R10_1_STEP4]),
);
const STEP3: readonly DrugOption[] = ['alendronateOralSolution', 'zoledronicAcid', 'denosumab'];

/** R10.1 on clean input. */
export function drugChoiceUnchecked(input: DrugChoiceInput, config: ClinicalConfig): DrugChoiceResult {
  const sequence = config.entries['drugs.choiceSequence'].value;
  const severe = input.severeOsteoporosisPostmenopausalWoman === true;
  if (sequence === 'olderFK') {
    const preferred: DrugCode[] = input.contraindicationOralBisphosphonate
      ? ['zoledronicAcid', 'denosumab']
      : ['alendronate', 'risedronate'];
    return {
      status: 'ok',
      preferredFirstLine: preferred,
      alternatives: (['zoledronicAcid', 'denosumab', 'teriparatide'] as const).filter(
        (d) => !preferred.includes(d),
      ),
      considerAnabolic: severe ? ['teriparatide'] : [],
      anabolicCriteria: null,
      notModelledAlternatives: ['ibandronate', 'raloxifene', 'strontiumRanelate'],
      explanation: explain([R10_1_OLD], ['drugs.choiceSequence'], ['C12']),
    };
  }
  const recentHip =
    input.hipFracture &&
    input.daysSinceHipFracture !== null &&
    input.daysSinceHipFracture < config.entries['drugs.recentHipFractureDays'].value;
  const rules = [R10_1_STEP1];
  let preferred: DrugCode[];
  if (recentHip) {
    preferred = ['zoledronicAcid'];
    rules.push(R10_1_STEP2);
  } else if (input.contraindicationOralBisphosphonate) {
    // An oral contraindication usually rules out the oral solution as well; it stays listed as an alternative.
    preferred = ['zoledronicAcid', 'denosumab'];
    rules.push(R10_1_STEP3);
  } else {
    preferred = ['alendronate', 'risedronate'];
  }
  if (severe) rules.push(R10_1_STEP4);
  return {
    status: 'ok',
    preferredFirstLine: preferred,
    alternatives: STEP3.filter((d) => !(preferred as readonly DrugOption[]).includes(d)),
    considerAnabolic: severe ? ['teriparatide', 'romosozumab'] : [],
    anabolicCriteria: severe ? ANABOLIC_GAP : null,
    notModelledAlternatives: [],
    explanation: explain(rules, ['drugs.choiceSequence', 'drugs.recentHipFractureDays'], ['C12']),
  };
}

export function validateDrugChoiceInput(value: unknown, prefix = ''): DrugChoiceInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(
    record,
    [
      'hipFracture',
      'daysSinceHipFracture',
      'contraindicationOralBisphosphonate',
      'severeOsteoporosisPostmenopausalWoman',
    ],
    prefix,
  );
  const severe = optionalBoolean(record, 'severeOsteoporosisPostmenopausalWoman', prefix);
  return {
    hipFracture: requireBoolean(record, 'hipFracture', prefix),
    daysSinceHipFracture: nullableNumber(record, 'daysSinceHipFracture', prefix, {
      min: 0,
      max: 50000,
      integer: true,
    }),
    contraindicationOralBisphosphonate: requireBoolean(record, 'contraindicationOralBisphosphonate', prefix),
    ...(severe === undefined ? {} : { severeOsteoporosisPostmenopausalWoman: severe }),
  };
}

/**
 * R10.1 drug choice: alendronate or risedronate first; zoledronic acid after a hip fracture < 90 days ago
 * [UNCONFIRMED window]; with a contraindication for oral bisphosphonates zoledronic acid or denosumab (step 3);
 * teriparatide or romosozumab to consider in severe postmenopausal osteoporosis (criteria: gap).
 * @throws ClinicalInputError for out-of-range input.
 */
export function drugChoice(
  input: DrugChoiceInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): DrugChoiceResult {
  return drugChoiceUnchecked(validateDrugChoiceInput(input), config);
}
