// Adapters from the vector contract (RULES.md section V: rule-set names and input fields, never renamed) to the
// domain functions. Each adapter takes only the contract fields it knows, validates them like the public entry
// points do, and returns the domain output, whose field names are the contract's output names.
import { assessCalciumUnchecked, validateCalciumAssessmentInput } from '../calcium';
import { DRUG_CODES, SEXES, type MenopausalStatus } from '../codes';
import { type ClinicalConfig } from '../config';
import {
  BMD_SITES,
  classifyBmd,
  scoreFromBmd,
  tScoreLeqMinus1ForNhgAndLab,
  usesZScore,
  whoCategory,
  youngAdultReference,
  zScoreCategory,
  type BmdPopulation,
  type BmdSiteScores,
  type ReferenceValues,
} from '../densitometry';
import { drugChoiceUnchecked, validateDrugChoiceInput } from '../drugs/choice';
import { drugEligibilityUnchecked, validateDrugEligibilityInput } from '../drugs/eligibility';
import { assessEligibilityUnchecked, validateEligibilityInput } from '../eligibility';
import { ClinicalInputError } from '../errors';
import { mergeExplanations, type Explanation } from '../explanation';
import { fallRiskUnchecked, validateFallRiskInput } from '../fallRisk';
import {
  careAfterDiagnosisUnchecked,
  denosumabStopPlan,
  drugHolidayCriteria,
  followUpOnStart,
  newFractureDuringTreatment,
  validateCareAfterDiagnosisInput,
} from '../followUp';
import { giopRecommendationUnchecked, validateGiopInput } from '../glucocorticoids';
import { labPanelUnchecked, validateLabPanelInput } from '../labPanel';
import {
  nhgAgePoints,
  nhgRiskGroupsUnchecked,
  validateAgePointsInput,
  validateRiskGroupInput,
} from '../riskGroups';
import { riskScoreCbo2011Unchecked, validateRiskScoreCbo2011Input } from '../riskScore';
import { treatmentIndicationUnchecked, validateTreatmentIndicationInput } from '../treatmentIndication';
import {
  AGE_RANGE,
  checkBoolean,
  checkIsoDate,
  checkNumber,
  checkOneOf,
  T_SCORE_RANGE,
  type InputRecord,
} from '../validation';
import { genantGrade, validateGenantGrades, vfaCategoryResultUnchecked } from '../vertebralFractures';
import {
  lowVitaminDBeforeTreatmentUnchecked,
  validateGr2008Input,
  validateGr2012Input,
  validateLowVitaminDInput,
  validateVitaminDDoseInput,
  vitaminDDoseCheckUnchecked,
  vitaminDGr2008Unchecked,
  vitaminDGr2012Unchecked,
  vitaminDWithMedication,
} from '../vitaminD';

export type VectorOutput = Readonly<Record<string, unknown>>;
export type RuleSetAdapter = (input: InputRecord, config: ClinicalConfig) => VectorOutput;

function output(value: object): VectorOutput {
  return value as VectorOutput;
}

/** The contract fields present in the input (absent and `undefined` fields are left out). */
function pick(input: InputRecord, keys: readonly string[]): InputRecord {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (input[key] !== undefined) picked[key] = input[key];
  return picked;
}

function has(input: InputRecord, key: string): boolean {
  return input[key] !== undefined;
}

const BMD_RANGE = { min: 0.05, max: 3 } as const;

function population(input: InputRecord, requireKnownStatus: boolean): BmdPopulation | undefined {
  if (!has(input, 'sex') || !has(input, 'ageYears')) return undefined;
  const sex = checkOneOf(input.sex, 'sex', SEXES);
  const ageYears = checkNumber(input.ageYears, 'ageYears', AGE_RANGE);
  let menopausalStatus: MenopausalStatus = 'unknown';
  if (sex === 'female') {
    if (has(input, 'premenopausal') && checkBoolean(input.premenopausal, 'premenopausal'))
      menopausalStatus = 'premenopausal';
    else if (has(input, 'postmenopausal') && checkBoolean(input.postmenopausal, 'postmenopausal'))
      menopausalStatus = 'postmenopausal';
    // A woman of unknown status with T-scores: the contract describes the WHO population, so no population is set.
    if (menopausalStatus === 'unknown' && requireKnownStatus) return undefined;
  }
  return { sex, ageYears, menopausalStatus };
}

function bmdFromBmd(input: InputRecord, fragility: boolean, config: ClinicalConfig): VectorOutput {
  const site = checkOneOf(input.site ?? 'femoralNeck', 'site', BMD_SITES);
  let reference: ReferenceValues;
  let referenceExplanation: Explanation | null = null;
  if (has(input, 'youngAdultMeanGcm2') || has(input, 'youngAdultSdGcm2')) {
    reference = {
      meanGcm2: checkNumber(input.youngAdultMeanGcm2, 'youngAdultMeanGcm2', BMD_RANGE),
      sdGcm2: checkNumber(input.youngAdultSdGcm2, 'youngAdultSdGcm2', { min: 0.001, max: 1 }),
    };
  } else {
    const sex = has(input, 'sex') ? checkOneOf(input.sex, 'sex', SEXES) : undefined;
    const found = youngAdultReference(site, sex, config);
    if (found.status !== 'ok') return output(found);
    reference = found.reference;
    referenceExplanation = found.explanation;
  }
  const computed = scoreFromBmd(checkNumber(input.bmdGcm2, 'bmdGcm2', BMD_RANGE), reference);
  return output({
    status: 'ok',
    site,
    tScoreRaw: computed.scoreRaw,
    tScoreRounded: computed.scoreRounded,
    category: whoCategory(computed.scoreRounded, fragility, config),
    tScoreLeqMinus1ForNhgAndLab: tScoreLeqMinus1ForNhgAndLab(computed.scoreRounded, config),
    explanation:
      referenceExplanation === null
        ? computed.explanation
        : mergeExplanations(computed.explanation, referenceExplanation),
  });
}

const T_SCORE_FIELDS = {
  tScoreLumbarSpine: 'lumbarSpine',
  tScoreTotalHip: 'totalHip',
  tScoreFemoralNeck: 'femoralNeck',
  tScoreRadius33: 'radius33',
} as const;

function bmdClassification(input: InputRecord, config: ClinicalConfig): VectorOutput {
  const fragility = has(input, 'hasFragilityFracture')
    ? checkBoolean(input.hasFragilityFracture, 'hasFragilityFracture')
    : false;
  if (has(input, 'bmdGcm2')) return bmdFromBmd(input, fragility, config);
  const tScores: Partial<Record<(typeof T_SCORE_FIELDS)[keyof typeof T_SCORE_FIELDS], number>> = {};
  for (const [field, site] of Object.entries(T_SCORE_FIELDS)) {
    if (has(input, field)) tScores[site] = checkNumber(input[field], field, T_SCORE_RANGE);
  }
  const zScore = has(input, 'zScore') ? checkNumber(input.zScore, 'zScore', T_SCORE_RANGE) : undefined;
  if (zScore !== undefined && Object.keys(tScores).length === 0) {
    const who = population(input, false);
    const useZ = who === undefined ? null : usesZScore(who, config);
    return output({
      status: 'ok',
      useZScore: useZ,
      whoTScoreCategoryApplicable: useZ === null ? null : !useZ,
      zCategory: zScoreCategory(zScore, config),
      lowestZScore: zScore,
    });
  }
  const who = population(input, true);
  const zScores: BmdSiteScores | undefined = zScore === undefined ? undefined : { lumbarSpine: zScore };
  return output(
    classifyBmd(
      {
        tScores,
        ...(zScores === undefined ? {} : { zScores }),
        hasFragilityFracture: fragility,
        ...(who === undefined ? {} : { population: who }),
      },
      config,
    ),
  );
}

function vfaGenant(input: InputRecord): VectorOutput {
  const result: Record<string, unknown> = {};
  if (has(input, 'heightLossPercent'))
    Object.assign(
      result,
      genantGrade(checkNumber(input.heightLossPercent, 'heightLossPercent', { min: 0, max: 100 })),
    );
  if (has(input, 'vertebralFractureGrades'))
    Object.assign(result, vfaCategoryResultUnchecked(validateGenantGrades(input.vertebralFractureGrades)));
  if (Object.keys(result).length === 0)
    throw new ClinicalInputError(
      'heightLossPercent',
      'required',
      'give heightLossPercent or vertebralFractureGrades',
    );
  return result;
}

function followUp(input: InputRecord, config: ClinicalConfig): VectorOutput {
  if (has(input, 'event')) {
    const event = checkOneOf(input.event, 'event', ['start', 'stop', 'newFracture'] as const);
    const drug = checkOneOf(input.drug, 'drug', DRUG_CODES);
    switch (event) {
      case 'start':
        return output(followUpOnStart(drug, config));
      case 'stop':
        // Only denosumab has a stop rule; stopping another drug is the drug-holiday gap of R11.2.
        return output(
          drug === 'denosumab'
            ? denosumabStopPlan(checkIsoDate(input.lastInjectionDate, 'lastInjectionDate'), config)
            : drugHolidayCriteria(),
        );
      case 'newFracture':
        return output(
          newFractureDuringTreatment(
            checkNumber(input.monthsOnAntiresorptive, 'monthsOnAntiresorptive', { min: 0, max: 600 }),
            config,
          ),
        );
    }
  }
  if (has(input, 'diagnosis')) {
    return output(
      careAfterDiagnosisUnchecked(
        validateCareAfterDiagnosisInput(
          pick(input, ['diagnosis', 'treatmentStarted', 'secondaryOsteoporosis', 'secondaryCause']),
        ),
        config,
      ),
    );
  }
  throw new ClinicalInputError('event', 'required', 'give event (start/stop/newFracture) or diagnosis');
}

function vitaminD(input: InputRecord, config: ClinicalConfig): VectorOutput {
  if (has(input, 'scheme') || has(input, 'darkSkin')) {
    const scheme = has(input, 'scheme')
      ? checkOneOf(input.scheme, 'scheme', ['GR2012', 'GR2008'] as const)
      : config.entries['vitaminD.scheme'].value;
    if (scheme === 'GR2012') {
      return output(
        vitaminDGr2012Unchecked(
          validateGr2012Input(
            pick(input, ['ageYears', 'sex', 'darkSkin', 'outdoorsSufficient', 'bodyCovering', 'pregnant']),
          ),
        ),
      );
    }
    const fields = [
      'ageYears',
      'sex',
      'darkSkin',
      'outdoorsSufficient',
      'veil',
      'pregnantOrLactating',
      'nursingHome',
      'osteoporosis',
      'formulaOver500mlPerDay',
    ];
    return output(vitaminDGr2008Unchecked(validateGr2008Input(pick(input, fields)), config));
  }
  if (has(input, 'onFracturePreventionMedication')) {
    return checkBoolean(input.onFracturePreventionMedication, 'onFracturePreventionMedication')
      ? output(vitaminDWithMedication(config))
      : {
          status: 'notApplicable',
          reason: 'no fracture-prevention medication: see the population scheme (R13.1/R13.2)',
        };
  }
  if (has(input, 'serum25OHDNmolL')) {
    return output(
      lowVitaminDBeforeTreatmentUnchecked(
        validateLowVitaminDInput(
          pick(input, ['serum25OHDNmolL', 'albuminCorrectedCalciumLow', 'osteomalaciaSymptoms']),
        ),
        config,
      ),
    );
  }
  if (has(input, 'dailyIU') || has(input, 'monthlyBolusIU')) {
    return output(
      vitaminDDoseCheckUnchecked(
        validateVitaminDDoseInput(pick(input, ['dailyIU', 'monthlyBolusIU'])),
        config,
      ),
    );
  }
  throw new ClinicalInputError('scheme', 'required', 'no R13 route recognised in the input');
}

/** Rule-set name (RULES.md section V) → adapter. */
export const RULE_SETS: Readonly<Record<string, RuleSetAdapter>> = {
  'R1-caseFinding': (input, config) =>
    output(
      assessEligibilityUnchecked(
        validateEligibilityInput(
          pick(input, [
            'ageYears',
            'sex',
            'fractureLocation',
            'fractureIsRecent',
            'isPathologicalFracture',
            'isHighEnergyTrauma',
            'lifeExpectancyUnder1Year',
            'nursingHomeResident',
            'complexMultimorbidityDeclined',
          ]),
        ),
        config,
      ),
    ),
  'R2-nhgRiskGroup': (input, config) =>
    output(
      nhgRiskGroupsUnchecked(
        validateRiskGroupInput(
          pick(input, [
            'ageYears',
            'fractureMonthsAgo',
            'gcBurstsPerYear',
            'systemicGcMonths',
            'hasFractureRiskQuestionOrRiskFactor',
          ]),
        ),
        config,
      ),
    ),
  'R2-nhgAgePoints': (input) => output(nhgAgePoints(validateAgePointsInput(pick(input, ['ageYears'])))),
  'R3-riskScoreCBO2011': (input, config) =>
    output(
      riskScoreCbo2011Unchecked(
        validateRiskScoreCbo2011Input(
          pick(input, [
            'ageYears',
            'weightKg',
            'heightM',
            'priorFractureAfter50',
            'parentHipFracture',
            'reducedMobility',
            'rheumatoidArthritis',
            'secondaryOsteoporosisCondition',
            'glucocorticoidMgPerDay',
            'glucocorticoidMonths',
            'recentFractureMonthsAgo',
          ]),
        ),
        config,
      ),
    ),
  'R4-bmdClassification': bmdClassification,
  'R5-vfaGenant': (input) => vfaGenant(input),
  'R6-labPanel': (input, config) =>
    output(
      labPanelUnchecked(
        validateLabPanelInput(
          pick(input, [
            'ageYears',
            'sex',
            'recentFracture',
            'lowestTScore',
            'indicationForFracturePreventionMedication',
            'severeOrUnexplainedOsteoporosis',
            'multipleFractures',
            'multipleUnexplainedFractures',
            'persistentPain',
          ]),
        ),
        config,
      ),
    ),
  'R7-fallRisk': (input, config) =>
    output(
      fallRiskUnchecked(
        validateFallRiskInput(
          pick(input, [
            'fallsPastYear',
            'worriedAboutFalling',
            'difficultyWalkingOrBalance',
            'fallRiskIncreasingMedication',
          ]),
        ),
        config,
      ),
    ),
  'R8-treatmentIndication': (input, config) =>
    output(
      treatmentIndicationUnchecked(
        validateTreatmentIndicationInput(pick(input, ['nhgRiskGroup', 'lowestTScore', 'vfaCategory'])),
        config,
      ),
    ),
  'R9-gcInducedOsteoporosis': (input, config) =>
    output(
      giopRecommendationUnchecked(
        validateGiopInput(
          pick(input, [
            'sex',
            'ageYears',
            'postmenopausal',
            'prednisoneEqMgPerDay',
            'expectedDurationMonths',
            'prevalentFracture',
          ]),
        ),
        config,
      ),
    ),
  'R10-drugEligibility': (input, config) =>
    output(
      drugEligibilityUnchecked(
        validateDrugEligibilityInput(
          pick(input, [
            'drug',
            'sex',
            'renalFunctionMlMin',
            'postmenopausal',
            'canStayUpright30Min',
            'oesophagealEmptyingDisorder',
            'hypocalcaemia',
            'historyMyocardialInfarctionOrStroke',
            'hypercalcaemia',
            'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
            'unexplainedRaisedAlkalinePhosphatase',
            'priorSkeletalRadiotherapy',
            'skeletalMalignancyOrMetastases',
            'pregnantOrLactating',
            'teriparatideMonthsUsed',
          ]),
        ),
        config,
      ),
    ),
  'R10-drugChoice': (input, config) =>
    output(
      drugChoiceUnchecked(
        validateDrugChoiceInput(
          pick(input, [
            'hipFracture',
            'daysSinceHipFracture',
            'contraindicationOralBisphosphonate',
            'severeOsteoporosisPostmenopausalWoman',
          ]),
        ),
        config,
      ),
    ),
  'R11-followUp': followUp,
  'R12-calcium': (input, config) =>
    output(
      assessCalciumUnchecked(
        validateCalciumAssessmentInput(
          pick(input, ['ageYears', 'pregnant', 'lactating', 'servings', 'supplementMg']),
        ),
        config,
      ),
    ),
  'R13-vitaminD': vitaminD,
};
