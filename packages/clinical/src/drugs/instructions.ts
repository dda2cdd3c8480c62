// R10.2, R10.4, R10.6 — how a drug is given, what to tell the patient, and dental / jaw advice.
import { DRUG_CODES, type DrugCode } from '../codes';
import { DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from '../config';
import { explain, rule, type Explanation, type RuleTrace } from '../explanation';
import { checkOneOf } from '../validation';

export type Route = 'oral' | 'intravenous' | 'subcutaneous';
export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

export interface Dose {
  readonly amount: number;
  readonly unit: 'mg' | 'µg';
  readonly route: Route;
  readonly every: { readonly count: number; readonly unit: IntervalUnit };
  /** e.g. "2 × 105 mg", "on 2 consecutive days". */
  readonly note?: string;
}

export type AdministrationCode =
  | 'emptyStomachInTheMorning'
  | 'beforeBreakfast'
  | 'swallowWholeWithAtLeast200mlTapWater'
  | 'takeWithGlassOfPlainWaterAtLeast120ml'
  | 'standOrSitUpright30Min'
  | 'noFoodDrinkOrOtherMedicines30Min'
  | 'avoidMineralRichWater'
  | 'sameWeekdayEachWeek'
  | 'intravenousInfusionAtLeast15Min'
  | 'dayCareInfusionAboutOneHour'
  | 'bloodTestCreatinineAndCalciumBeforeEachDose'
  | 'drinkWellOnInfusionDay'
  | 'paracetamolForAcutePhaseReaction'
  | 'ensureCalciumAndVitaminD'
  | 'subcutaneousInjectionByGp'
  | 'dailySelfInjection'
  | 'givenByOrUnderSpecialist'
  | 'continueWithAntiresorptiveAfterwards'
  | 'neverStopWithoutFollowOn';

export type SideEffectCode =
  | 'occasionalGastrointestinalComplaints'
  | 'musclePainOnIntakeDay'
  | 'acutePhaseReactionAfterFirstDose'
  | 'musculoskeletalPain'
  | 'painInLimbs'
  | 'rash'
  | 'eczema'
  | 'flatulence';

export type DentalAdviceCode =
  | 'keepMouthAndTeethHealthy'
  | 'seeDentistRegularly'
  | 'tellDentistBeforeAnyProcedure'
  | 'checkFitOfDentures'
  | 'preventiveDentalCheckIfPoorOralHygieneOrCancer'
  | 'avoidInvasiveDentalWorkCloseToInfusion';

export type LongTermRiskAdvice = 'reportNewThighOrGroinPain' | 'rareRisksIncreaseWithDuration';

export interface DrugInstructions {
  readonly status: 'ok';
  readonly drug: DrugCode;
  readonly dutchName: string;
  readonly brandExamples: readonly string[];
  readonly dose: Dose;
  readonly alternativeDoses: readonly Dose[];
  readonly administration: readonly AdministrationCode[];
  readonly sideEffectsToTell: readonly SideEffectCode[];
  readonly dentalAdvice: readonly DentalAdviceCode[];
  readonly longTermRiskAdvice: readonly LongTermRiskAdvice[];
  readonly standardDurationYears: number;
  readonly maxDurationMonths: number | null;
  readonly explanation: Explanation;
}

const JAW_BISPHOSPHONATE: readonly DentalAdviceCode[] = [
  'keepMouthAndTeethHealthy',
  'seeDentistRegularly',
  'tellDentistBeforeAnyProcedure',
  'checkFitOfDentures',
  'preventiveDentalCheckIfPoorOralHygieneOrCancer',
];
const LONG_TERM: readonly LongTermRiskAdvice[] = [
  'reportNewThighOrGroinPain',
  'rareRisksIncreaseWithDuration',
];

const R10_4 = rule(
  'R10.4',
  ['S22/001', 'S12', 'S31'],
  'SOURCE',
  'dental care / ONJ; dentist yearly per secondary summary [S31]',
);
const R10_4_ROMO = rule(
  'R10.4',
  ['S26'],
  'SOURCE',
  'ONJ and atypical femoral fracture also reported with romosozumab',
);
const R10_6 = rule('R10.6', ['S22/001']);
const R14_8 = rule('R14', ['S22'], 'SOURCE', 'dental hygiene advice for bisphosphonate / denosumab users');

interface StaticInstructions {
  readonly dutchName: string;
  readonly brandExamples: readonly string[];
  readonly dose: Dose;
  readonly alternativeDoses: readonly Dose[];
  readonly administration: readonly AdministrationCode[];
  readonly sideEffectsToTell: readonly SideEffectCode[];
  readonly dentalAdvice: readonly DentalAdviceCode[];
  readonly longTermRiskAdvice: readonly LongTermRiskAdvice[];
  readonly rules: readonly RuleTrace[];
}

const STATIC: Readonly<Record<Exclude<DrugCode, 'teriparatide'>, StaticInstructions>> = {
  alendronate: {
    dutchName: 'alendroninezuur',
    brandExamples: ['Fosamax'],
    dose: { amount: 70, unit: 'mg', route: 'oral', every: { count: 1, unit: 'week' } },
    alternativeDoses: [
      { amount: 10, unit: 'mg', route: 'oral', every: { count: 1, unit: 'day' } },
      { amount: 70, unit: 'mg', route: 'oral', every: { count: 1, unit: 'week' }, note: 'oral solution' },
    ],
    administration: [
      'emptyStomachInTheMorning',
      'swallowWholeWithAtLeast200mlTapWater',
      'standOrSitUpright30Min',
      'noFoodDrinkOrOtherMedicines30Min',
      'avoidMineralRichWater',
    ],
    sideEffectsToTell: ['occasionalGastrointestinalComplaints', 'musclePainOnIntakeDay'],
    dentalAdvice: JAW_BISPHOSPHONATE,
    longTermRiskAdvice: LONG_TERM,
    rules: [rule('R10.2', ['S12', 'S22/001']), R10_4, R10_6],
  },
  risedronate: {
    dutchName: 'risedroninezuur',
    brandExamples: ['Actonel'],
    dose: { amount: 35, unit: 'mg', route: 'oral', every: { count: 1, unit: 'week' } },
    alternativeDoses: [
      { amount: 5, unit: 'mg', route: 'oral', every: { count: 1, unit: 'day' } },
      {
        amount: 75,
        unit: 'mg',
        route: 'oral',
        every: { count: 1, unit: 'month' },
        note: 'on 2 consecutive days',
      },
    ],
    administration: [
      'beforeBreakfast',
      'noFoodDrinkOrOtherMedicines30Min',
      'takeWithGlassOfPlainWaterAtLeast120ml',
      'standOrSitUpright30Min',
      'sameWeekdayEachWeek',
    ],
    sideEffectsToTell: [],
    dentalAdvice: JAW_BISPHOSPHONATE,
    longTermRiskAdvice: LONG_TERM,
    rules: [
      rule('R10.2', ['S41']),
      R10_4,
      rule('R10.6', ['S22/001'], 'SOURCE', 'the leaflet lists no side effects for risedronate'),
    ],
  },
  zoledronicAcid: {
    dutchName: 'zoledroninezuur',
    brandExamples: ['Aclasta'],
    dose: { amount: 5, unit: 'mg', route: 'intravenous', every: { count: 1, unit: 'year' } },
    alternativeDoses: [],
    administration: [
      'intravenousInfusionAtLeast15Min',
      'dayCareInfusionAboutOneHour',
      'bloodTestCreatinineAndCalciumBeforeEachDose',
      'drinkWellOnInfusionDay',
      'ensureCalciumAndVitaminD',
      'paracetamolForAcutePhaseReaction',
    ],
    sideEffectsToTell: ['acutePhaseReactionAfterFirstDose'],
    dentalAdvice: [...JAW_BISPHOSPHONATE, 'avoidInvasiveDentalWorkCloseToInfusion'],
    longTermRiskAdvice: LONG_TERM,
    rules: [
      rule('R10.2', ['S14', 'S42', 'S22/001']),
      rule('R10.2', ['S31'], 'SOURCE', 'hydration: 1.5–2 l on the infusion day (secondary summary)'),
      R10_4,
      R10_6,
    ],
  },
  denosumab: {
    dutchName: 'denosumab',
    brandExamples: ['Prolia'],
    dose: { amount: 60, unit: 'mg', route: 'subcutaneous', every: { count: 6, unit: 'month' } },
    alternativeDoses: [],
    administration: ['subcutaneousInjectionByGp', 'neverStopWithoutFollowOn', 'ensureCalciumAndVitaminD'],
    sideEffectsToTell: ['musculoskeletalPain', 'painInLimbs', 'rash', 'eczema', 'flatulence'],
    dentalAdvice: JAW_BISPHOSPHONATE,
    longTermRiskAdvice: LONG_TERM,
    rules: [rule('R10.2', ['S22/001', 'S15', 'S16']), R14_8, R10_6, rule('R11.4', ['S15', 'S16'])],
  },
  romosozumab: {
    dutchName: 'romosozumab',
    brandExamples: ['Evenity'],
    dose: {
      amount: 210,
      unit: 'mg',
      route: 'subcutaneous',
      every: { count: 1, unit: 'month' },
      note: '2 × 105 mg, for 12 months',
    },
    alternativeDoses: [],
    administration: [
      'givenByOrUnderSpecialist',
      'continueWithAntiresorptiveAfterwards',
      'ensureCalciumAndVitaminD',
    ],
    sideEffectsToTell: [],
    dentalAdvice: JAW_BISPHOSPHONATE,
    longTermRiskAdvice: LONG_TERM,
    rules: [rule('R10.2', ['S13', 'S11']), R10_4_ROMO, rule('R11.5', ['S11', 'S13'])],
  },
};

/** R10.2, R10.4, R10.6 instructions on a validated drug code. */
export function drugInstructionsUnchecked(drug: DrugCode, config: ClinicalConfig): DrugInstructions {
  const standardDurationYears = config.entries['followUp.standardReevaluationYears'].value[drug];
  const keys: ConfigKey[] = ['followUp.standardReevaluationYears'];
  if (drug === 'teriparatide') {
    keys.push('drugs.teriparatideDoseMicrogramPerDay', 'drugs.teriparatideMaxLifetimeMonths');
    return {
      status: 'ok',
      drug,
      dutchName: 'teriparatide',
      brandExamples: ['Forsteo'],
      dose: {
        amount: config.entries['drugs.teriparatideDoseMicrogramPerDay'].value,
        unit: 'µg',
        route: 'subcutaneous',
        every: { count: 1, unit: 'day' },
      },
      alternativeDoses: [],
      administration: ['dailySelfInjection', 'continueWithAntiresorptiveAfterwards'],
      sideEffectsToTell: [],
      dentalAdvice: [],
      longTermRiskAdvice: [],
      standardDurationYears,
      maxDurationMonths: config.entries['drugs.teriparatideMaxLifetimeMonths'].value,
      explanation: explain(
        [
          rule(
            'R10.2',
            ['S43'],
            'UNCONFIRMED',
            'dose and 24-month lifetime maximum from a secondary summary',
          ),
          rule('R11.5', ['S11']),
        ],
        keys,
        ['C11'],
      ),
    };
  }
  const data = STATIC[drug];
  return {
    status: 'ok',
    drug,
    dutchName: data.dutchName,
    brandExamples: data.brandExamples,
    dose: data.dose,
    alternativeDoses: data.alternativeDoses,
    administration: data.administration,
    sideEffectsToTell: data.sideEffectsToTell,
    dentalAdvice: data.dentalAdvice,
    longTermRiskAdvice: data.longTermRiskAdvice,
    standardDurationYears,
    maxDurationMonths:
      drug === 'romosozumab' ? config.entries['followUp.romosozumabCourseMonths'].value : null,
    explanation: explain(
      [...data.rules, rule('R11.2', ['S4'])],
      drug === 'romosozumab' ? [...keys, 'followUp.romosozumabCourseMonths'] : keys,
      ['C11'],
    ),
  };
}

/**
 * R10.2 / R10.4 / R10.6: dose, interval and route, administration instructions, side effects to tell the patient,
 * dental / osteonecrosis-of-the-jaw advice and the standard duration before re-evaluation (R11.2).
 * @throws ClinicalInputError for an unknown drug code.
 */
export function drugInstructions(drug: DrugCode, config: ClinicalConfig = DEFAULT_CONFIG): DrugInstructions {
  return drugInstructionsUnchecked(checkOneOf(drug, 'drug', DRUG_CODES), config);
}
