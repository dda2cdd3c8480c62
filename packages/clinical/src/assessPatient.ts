// One call for the whole pathway: every rule set applied to one patient on one date, each part with its own
// explanation, plus the engine and configuration identity for the decision record.
import { assessCalciumUnchecked, type CalciumAssessment } from './calcium';
import { completedMonths, completedYears, daysBetween, type IsoDate } from './calendarDate';
import { ANTIRESORPTIVES, DRUG_CODES, type DrugCode, type MenopausalStatus } from './codes';
import { configIdentity, DEFAULT_CONFIG, type ClinicalConfig } from './config';
import {
  classifyBmdUnchecked,
  scoreFromBmdUnchecked,
  withComputedScoreExplanation,
  youngAdultReference,
  type BmdClassification,
  type BmdSite,
  BMD_SITES,
} from './densitometry';
import { drugChoiceUnchecked, type DrugChoiceResult } from './drugs/choice';
import { drugEligibilityUnchecked, type DrugEligibilityResult } from './drugs/eligibility';
import { drugInstructionsUnchecked, type DrugInstructions } from './drugs/instructions';
import { assessEligibilityUnchecked, isFractureRecentUnchecked, type EligibilityResult } from './eligibility';
import {
  explain,
  insufficientData,
  mergeExplanations,
  rule,
  type Explanation,
  type InsufficientData,
  type NotCovered,
} from './explanation';
import { fallRiskUnchecked, type FallRiskResult } from './fallRisk';
import {
  careAfterDiagnosisUnchecked,
  denosumabStopPlan,
  followUpOnStart,
  followUpScheduleUnchecked,
  newFractureDuringTreatment,
  type CareAfterDiagnosis,
  type DenosumabStopPlan,
  type FollowUpOnStart,
  type FollowUpSchedule,
  type NewFractureDuringTreatment,
} from './followUp';
import { giopRecommendationUnchecked, type GiopResult } from './glucocorticoids';
import { labPanelUnchecked, type LabPanelResult } from './labPanel';
import { selectLifestyleAdvice, type LifestyleAdviceResult } from './lifestyleAdvice';
import { validatePatientInput, type FractureInput, type PatientInput } from './patientInput';
import { patientGroupUnchecked, type CtfPatientGroup } from './patientGroup';
import {
  agePointsCbo2011Unchecked,
  agePointsNhgUnchecked,
  nhgRiskGroupsUnchecked,
  type RiskGroupResult,
} from './riskGroups';
import {
  alcoholIsRiskFactor,
  riskScoreCbo2011Unchecked,
  riskScoreNhg2005Unchecked,
  type RiskScoreCbo2011Result,
  type RiskScoreNhg2005Result,
} from './riskScore';
import { treatmentIndicationForGroupsUnchecked, type TreatmentIndicationResult } from './treatmentIndication';
import {
  genantGradeUnchecked,
  spineImaging,
  vfaCategoryResultUnchecked,
  type GenantGrade,
  type VfaCategoryResult,
} from './vertebralFractures';
import {
  lowVitaminDBeforeTreatmentUnchecked,
  vitaminDDoseCheckUnchecked,
  vitaminDGr2008Unchecked,
  vitaminDGr2012Unchecked,
  vitaminDWithMedication,
  type LowVitaminDResult,
  type PopulationVitaminDAdvice,
  type VitaminDDoseCheck,
  type VitaminDWithMedication,
} from './vitaminD';

export type Part<T> = T | InsufficientData;

export interface VfaNotAssessable {
  readonly status: 'notAssessable';
  readonly imaging: 'xRayThoracicAndLumbarSpine';
  readonly explanation: Explanation;
}

export interface NotApplicable {
  readonly status: 'notApplicable';
  readonly reason: string;
}

export interface PatientGroupPart {
  readonly status: 'ok';
  readonly group: CtfPatientGroup;
  readonly explanation: Explanation;
}

export interface TreatmentAssessment {
  readonly status: 'ok';
  /** R8.1 NHG treatment table for every risk group that applies. */
  readonly nhgTable: Part<TreatmentIndicationResult>;
  /** R9 when the patient uses glucocorticoids. */
  readonly glucocorticoids: Part<GiopResult> | NotApplicable;
  /** Treat or refer from R8.1, or treat from R9; `null` when undecided. */
  readonly indicationForFracturePreventionMedication: boolean | null;
  readonly explanation: Explanation;
}

export interface DrugOptions {
  readonly status: 'ok';
  readonly choice: DrugChoiceResult;
  /** Every drug, allowed or blocked with reasons (R10.2–R10.5). */
  readonly options: readonly DrugEligibilityResult[];
  /** Preferred first-line drugs that are also allowed for this patient. */
  readonly preferredAndAllowed: readonly DrugCode[];
  /** Instructions for the chosen or started drug. */
  readonly instructions: DrugInstructions | null;
}

export interface FollowUpAssessment {
  readonly status: 'ok';
  readonly careAfterDiagnosis: Part<CareAfterDiagnosis | NotCovered>;
  readonly onStart: FollowUpOnStart | null;
  readonly schedule: FollowUpSchedule | null;
  readonly denosumabStop: DenosumabStopPlan | null;
  readonly newFractureDuringTreatment: NewFractureDuringTreatment | null;
}

export interface VitaminDAssessment {
  readonly status: 'ok';
  readonly population: Part<PopulationVitaminDAdvice>;
  readonly withMedication: VitaminDWithMedication | null;
  readonly beforeTreatment: Part<LowVitaminDResult | NotCovered> | null;
  readonly doseCheck: VitaminDDoseCheck | null;
}

export interface PatientAssessment {
  readonly engineVersion: string;
  readonly configVersion: string;
  readonly configFingerprint: string;
  readonly assessedOn: IsoDate;
  readonly ageYears: number;
  readonly ageFrom: 'birthDate' | 'ageYears';
  /** Capture-the-Fracture group of the index fracture; `null` without an encounter type. */
  readonly patientGroup: PatientGroupPart | null;
  readonly eligibility: Part<EligibilityResult>;
  readonly riskGroups: Part<RiskGroupResult>;
  readonly agePoints: {
    readonly agePointsNhg: 0 | 1 | 2;
    readonly agePointsCbo2011: 0 | 1 | 2;
    readonly explanation: Explanation;
  };
  readonly riskScore: Part<RiskScoreCbo2011Result | RiskScoreNhg2005Result>;
  readonly densitometry: Part<BmdClassification>;
  readonly vfa: Part<VfaCategoryResult> | VfaNotAssessable;
  readonly labPanel: Part<LabPanelResult>;
  readonly fallRisk: Part<FallRiskResult>;
  readonly treatment: TreatmentAssessment;
  readonly drugs: DrugOptions;
  readonly followUp: FollowUpAssessment;
  readonly calcium: CalciumAssessment | NotCovered;
  readonly vitaminD: VitaminDAssessment;
  readonly lifestyle: LifestyleAdviceResult;
}

// ── Facts derived once per patient ──────────────────────────────────────────────────────────────────────────

interface Facts {
  readonly patient: PatientInput;
  readonly today: IsoDate;
  readonly config: ClinicalConfig;
  readonly age: number;
  readonly fractures: readonly FractureInput[] | undefined;
  readonly fragility: readonly FractureInput[];
  readonly index: FractureInput | undefined;
  readonly indexRecent: boolean | null;
  readonly vfaGrades: readonly GenantGrade[] | null;
  readonly vertebralFractureOnVfa: boolean | null;
}

function ageAt(patient: PatientInput, age: number, date: IsoDate, today: IsoDate): number {
  if (patient.birthDate !== undefined) return completedYears(patient.birthDate, date);
  // Without a birth date the age on an earlier date is estimated (it may be one year too high).
  return Math.max(0, age - completedYears(date, today));
}

function isFragility(f: FractureInput): boolean {
  return f.pathological !== true && f.mechanism !== 'highEnergy';
}

function latest(list: readonly FractureInput[]): FractureInput | undefined {
  let best: FractureInput | undefined;
  for (const f of list) if (best === undefined || f.date > best.date) best = f;
  return best;
}

function deriveFacts(patient: PatientInput, today: IsoDate, config: ClinicalConfig): Facts {
  const age =
    patient.birthDate !== undefined ? completedYears(patient.birthDate, today) : (patient.ageYears ?? 0);
  const fractures = patient.fractures;
  const fragility = fractures?.filter(isFragility) ?? [];
  const index =
    fractures === undefined ? undefined : (fractures.find((f) => f.isIndex === true) ?? latest(fractures));
  const indexRecent =
    fractures === undefined
      ? null
      : index === undefined
        ? false
        : isFractureRecentUnchecked(
            index.date,
            today,
            config.entries['eligibility.recentFractureWindowMonths'].value,
            config,
          );
  let vfaGrades: GenantGrade[] | null = null;
  if (patient.vfa?.assessable === true) {
    vfaGrades = patient.vfa.vertebrae.map(
      (v) => v.genantGrade ?? genantGradeUnchecked(v.heightLossPercent ?? 0),
    );
  }
  const spineRegistered = fractures?.some((f) => f.site === 'spine_thoracolumbar' && isFragility(f)) ?? false;
  const vertebralFractureOnVfa =
    vfaGrades === null ? (spineRegistered ? true : null) : vfaGrades.some((g) => g > 0) || spineRegistered;
  return {
    patient,
    today,
    config,
    age,
    fractures,
    fragility,
    index,
    indexRecent,
    vfaGrades,
    vertebralFractureOnVfa,
  };
}

// ── Parts ──────────────────────────────────────────────────────────────────────────────────────────────────

const R1_EXPLANATION = explain([rule('R1.1', ['S1'])], ['eligibility.recentFractureWindowMonths'], ['C2']);

function eligibilityPart(f: Facts): Part<EligibilityResult> {
  const { patient, config } = f;
  if (f.fractures === undefined) return insufficientData(['fractures'], R1_EXPLANATION);
  const circumstances = patient.circumstances ?? {};
  const index = f.index;
  const onAssessmentDate = config.entries['eligibility.ageReferenceDate'].value === 'today';
  const input = {
    ageYears: index === undefined || onAssessmentDate ? f.age : ageAt(patient, f.age, index.date, f.today),
    sex: patient.sex,
    // Without any fracture the decision stops at "no recent fracture" before the site is looked at.
    fractureLocation: index?.site ?? 'none',
    fractureIsRecent: f.indexRecent === true,
    isPathologicalFracture: index?.pathological === true,
    isHighEnergyTrauma: index?.mechanism === 'highEnergy',
    lifeExpectancyUnder1Year: circumstances.lifeExpectancyUnder1Year,
    nursingHomeResident: circumstances.nursingHomeResident,
    complexMultimorbidityDeclined: circumstances.complexMultimorbidityDeclined,
  };
  const result = assessEligibilityUnchecked(input, config);
  if (index !== undefined && (index.pathological === null || index.mechanism === 'unknown')) {
    // An unknown fact is also tried the other way: when the answer does not change, it does not matter.
    const alternative = assessEligibilityUnchecked(
      {
        ...input,
        isPathologicalFracture: index.pathological === null ? true : input.isPathologicalFracture,
        isHighEnergyTrauma: index.mechanism === 'unknown' ? true : input.isHighEnergyTrauma,
      },
      config,
    );
    if (alternative.reason !== result.reason) {
      const missing: string[] = [];
      if (index.pathological === null) missing.push('fractures[index].pathological');
      if (index.mechanism === 'unknown') missing.push('fractures[index].mechanism');
      return insufficientData(missing, mergeExplanations(result.explanation, alternative.explanation));
    }
  }
  return index === undefined
    ? result
    : { ...result, explanation: withAgeReference(result.explanation, onAssessmentDate) };
}

const AGE_ON_FRACTURE_DATE = explain(
  [rule('R1.1', ['S1', 'QUALITY-KPIS 1.1'], 'INFERRED', 'age on the index fracture date')],
  ['eligibility.ageReferenceDate', 'eligibility.recentFractureWindowMonths'],
  ['C2'],
);
const AGE_ON_ASSESSMENT_DATE = explain(
  [rule('R1.1', ['S1'], 'INFERRED', 'age on the assessment date')],
  ['eligibility.ageReferenceDate', 'eligibility.recentFractureWindowMonths'],
  ['C2'],
);
// The eligibility explanations are a handful of constants, so their merged forms are cached per pair.
const mergedWithFractureDate = new WeakMap<Explanation, Explanation>();
const mergedWithAssessmentDate = new WeakMap<Explanation, Explanation>();

function withAgeReference(base: Explanation, onAssessmentDate: boolean): Explanation {
  const cache = onAssessmentDate ? mergedWithAssessmentDate : mergedWithFractureDate;
  let merged = cache.get(base);
  if (merged === undefined) {
    merged = mergeExplanations(base, onAssessmentDate ? AGE_ON_ASSESSMENT_DATE : AGE_ON_FRACTURE_DATE);
    cache.set(base, merged);
  }
  return merged;
}

function monthsSinceLatest(list: readonly FractureInput[], f: Facts): number | null {
  const last = latest(list);
  return last === undefined ? null : completedMonths(last.date, f.today, f.config);
}

const R2_EXPLANATION = explain([rule('R2.1', ['S6'])]);

function hasRiskQuestionOrFactor(f: Facts): boolean | null {
  const rf = f.patient.riskFactors;
  if (rf?.fractureRiskQuestion === true) return true;
  const known = [
    rf?.parentHipFracture,
    rf?.reducedMobility,
    rf?.rheumatoidArthritis,
    rf?.secondaryOsteoporosisCondition,
    rf?.smoker,
  ];
  if (known.includes(true)) return true;
  if (rf?.alcoholUnitsPerDay !== undefined && alcoholIsRiskFactor(rf.alcoholUnitsPerDay, f.config))
    return true;
  if (f.fragility.length > 0 || f.vertebralFractureOnVfa === true) return true;
  if ((f.patient.falls?.fallsPastYear ?? 0) >= 2) return true;
  if ((f.patient.glucocorticoids?.doseMgPerDayPrednisoneEq ?? 0) > 0) return true;
  return rf?.fractureRiskQuestion === false || !known.includes(undefined) ? false : null;
}

function riskGroupsPart(f: Facts): Part<RiskGroupResult> {
  const missing: string[] = [];
  if (f.fractures === undefined) missing.push('fractures');
  const gc = f.patient.glucocorticoids;
  if (gc === undefined) missing.push('glucocorticoids');
  const question = hasRiskQuestionOrFactor(f);
  if (question === null && f.age >= f.config.entries['riskGroups.group3MinimumAgeYears'].value)
    missing.push('riskFactors');
  if (missing.length > 0 || gc === undefined) return insufficientData(missing, R2_EXPLANATION);
  const counted = f.config.entries['riskGroups.group1CountsOnlyFragilityFractures'].value
    ? f.fragility
    : (f.fractures ?? []);
  return nhgRiskGroupsUnchecked(
    {
      ageYears: f.age,
      fractureMonthsAgo: monthsSinceLatest(counted, f),
      gcBurstsPerYear: gc.burstsPerYear,
      systemicGcMonths: gc.doseMgPerDayPrednisoneEq > 0 ? gc.monthsUsed : 0,
      hasFractureRiskQuestionOrRiskFactor: question === true,
    },
    f.config,
  );
}

const R3_EXPLANATION = explain([rule('R3.1', ['S9'])], ['riskScore.caseFindingInstrument'], ['C3']);

function riskScorePart(f: Facts): Part<RiskScoreCbo2011Result | RiskScoreNhg2005Result> {
  const { patient } = f;
  const rf = patient.riskFactors;
  const gc = patient.glucocorticoids;
  const missing: string[] = [];
  if (patient.weightKg === undefined) missing.push('weightKg');
  if (f.fractures === undefined) missing.push('fractures');
  if (gc === undefined) missing.push('glucocorticoids');
  const fractureAfter50 = f.fragility.some((fr) => ageAt(patient, f.age, fr.date, f.today) >= 50);
  if (f.config.entries['riskScore.caseFindingInstrument'].value === 'NHG2005') {
    if (rf?.parentHipFracture === undefined) missing.push('riskFactors.parentHipFracture');
    if (rf?.reducedMobility === undefined) missing.push('riskFactors.reducedMobility');
    if (f.vertebralFractureOnVfa === null) missing.push('vfa');
    if (missing.length > 0 || gc === undefined || patient.weightKg === undefined || rf === undefined)
      return insufficientData(missing, R3_EXPLANATION);
    return riskScoreNhg2005Unchecked(
      {
        sex: patient.sex,
        ageYears: f.age,
        establishedVertebralFracture: f.vertebralFractureOnVfa === true,
        glucocorticoidMgPerDay: gc.doseMgPerDayPrednisoneEq,
        glucocorticoidMonths: gc.monthsUsed,
        fractureAfter50,
        firstDegreeRelativeHipFracture: rf.parentHipFracture === true,
        weightKg: patient.weightKg,
        severeImmobility: rf.reducedMobility === true,
      },
      f.config,
    );
  }
  if (patient.heightM === undefined) missing.push('heightM');
  for (const key of [
    'parentHipFracture',
    'reducedMobility',
    'rheumatoidArthritis',
    'secondaryOsteoporosisCondition',
  ] as const) {
    if (rf?.[key] === undefined) missing.push(`riskFactors.${key}`);
  }
  if (
    missing.length > 0 ||
    gc === undefined ||
    patient.weightKg === undefined ||
    patient.heightM === undefined ||
    rf === undefined
  ) {
    return insufficientData(missing, R3_EXPLANATION);
  }
  return riskScoreCbo2011Unchecked(
    {
      ageYears: f.age,
      weightKg: patient.weightKg,
      heightM: patient.heightM,
      priorFractureAfter50: fractureAfter50,
      parentHipFracture: rf.parentHipFracture === true,
      reducedMobility: rf.reducedMobility === true,
      rheumatoidArthritis: rf.rheumatoidArthritis === true,
      secondaryOsteoporosisCondition: rf.secondaryOsteoporosisCondition === true,
      glucocorticoidMgPerDay: gc.doseMgPerDayPrednisoneEq,
      glucocorticoidMonths: gc.monthsUsed,
      recentFractureMonthsAgo: monthsSinceLatest(f.fragility, f),
    },
    f.config,
  );
}

const R4_EXPLANATION = explain([rule('R4.1', ['S17', 'S18']), rule('R4.2', ['S18', 'S35'])]);

function densitometryPart(f: Facts): Part<BmdClassification> {
  const { patient, config } = f;
  const dxa = patient.dxa;
  if (dxa === undefined) return insufficientData(['dxa'], R4_EXPLANATION);
  const tScores: Partial<Record<BmdSite, number>> = {};
  const zScores: Partial<Record<BmdSite, number>> = {};
  const computed: Explanation[] = [];
  const preferReported = config.entries['densitometry.preferReportedScores'].value;
  for (const site of BMD_SITES) {
    const s = dxa[site];
    if (s === undefined || s.evaluable === false) continue;
    if (
      site === 'lumbarSpine' &&
      s.vertebraeEvaluable !== undefined &&
      s.vertebraeEvaluable < config.entries['densitometry.minimumEvaluableVertebrae'].value
    ) {
      computed.push(
        explain(
          [rule('R4.1', ['S17'], 'UNCONFIRMED', 'lumbar spine left out: too few evaluable vertebrae')],
          ['densitometry.minimumEvaluableVertebrae'],
        ),
      );
      continue;
    }
    if (s.zScore !== undefined) zScores[site] = s.zScore;
    if (s.tScore !== undefined && (preferReported || s.bmdGcm2 === undefined)) {
      tScores[site] = s.tScore;
      continue;
    }
    if (s.bmdGcm2 !== undefined) {
      const reference = youngAdultReference(site, patient.sex, config);
      if (reference.status === 'ok') {
        const score = scoreFromBmdUnchecked(s.bmdGcm2, reference.reference);
        if (Math.abs(score.scoreRounded) <= 10) {
          tScores[site] = score.scoreRounded;
          computed.push(score.explanation, reference.explanation);
        }
      } else {
        computed.push(reference.explanation);
      }
    }
  }
  const menopausalStatus: MenopausalStatus =
    patient.sex === 'female' ? (patient.menopausalStatus ?? 'unknown') : 'unknown';
  const result = classifyBmdUnchecked(
    {
      tScores,
      zScores,
      hasFragilityFracture: f.fragility.length > 0 || f.vertebralFractureOnVfa === true,
      population: { sex: patient.sex, ageYears: f.age, menopausalStatus },
    },
    config,
  );
  if (result.status !== 'ok' || computed.length === 0) return result;
  return withComputedScoreExplanation(result, mergeExplanations(...computed));
}

function vfaPart(f: Facts): Part<VfaCategoryResult> | VfaNotAssessable {
  const vfa = f.patient.vfa;
  if (vfa === undefined) return insufficientData(['vfa'], explain([rule('R5.1', ['S2'])]));
  if (f.vfaGrades === null)
    return {
      status: 'notAssessable',
      imaging: 'xRayThoracicAndLumbarSpine',
      explanation: spineImaging(false).explanation,
    };
  return vfaCategoryResultUnchecked(f.vfaGrades);
}

function treatmentPart(
  f: Facts,
  riskGroups: Part<RiskGroupResult>,
  bmd: Part<BmdClassification>,
  vfa: Part<VfaCategoryResult> | VfaNotAssessable,
): TreatmentAssessment {
  const { patient, config } = f;
  let nhgTable: Part<TreatmentIndicationResult>;
  const missing: string[] = [];
  if (riskGroups.status !== 'ok') missing.push(...riskGroups.missing);
  if (bmd.status !== 'ok' || bmd.lowestTScore === null) missing.push('dxa.tScore');
  if (vfa.status !== 'ok') missing.push('vfa');
  if (riskGroups.status === 'ok' && bmd.status === 'ok' && bmd.lowestTScore !== null && vfa.status === 'ok') {
    nhgTable = treatmentIndicationForGroupsUnchecked(
      riskGroups.riskGroups,
      bmd.lowestTScore,
      vfa.vfaCategory,
      config,
    );
  } else {
    nhgTable = insufficientData(missing, explain([rule('R8.1', ['S8'])]));
  }

  const gc = patient.glucocorticoids;
  let giop: Part<GiopResult> | NotApplicable;
  if (gc === undefined) {
    giop = insufficientData(['glucocorticoids'], explain([rule('R9.2', ['S5'])]));
  } else if (gc.doseMgPerDayPrednisoneEq <= 0 && (gc.expectedDurationMonths ?? 0) <= 0) {
    giop = { status: 'notApplicable', reason: 'no systemic glucocorticoid use' };
  } else {
    const expected =
      gc.expectedDurationMonths ??
      (gc.monthsUsed > config.entries['glucocorticoids.prophylaxisAboveMonths'].value ? gc.monthsUsed : null);
    const status = patient.menopausalStatus;
    if (expected === null) {
      giop = insufficientData(['glucocorticoids.expectedDurationMonths'], explain([rule('R9.2', ['S5'])]));
    } else {
      giop = giopRecommendationUnchecked(
        {
          sex: patient.sex,
          ageYears: f.age,
          postmenopausal: status === undefined || status === 'unknown' ? null : status === 'postmenopausal',
          prednisoneEqMgPerDay: gc.doseMgPerDayPrednisoneEq,
          expectedDurationMonths: expected,
          prevalentFracture: f.fragility.length > 0 || f.vertebralFractureOnVfa === true,
        },
        config,
      );
    }
  }

  let indication: boolean | null = null;
  const tableSays = nhgTable.status === 'ok' ? nhgTable.advice !== 'noTreatment' : null;
  const giopSays =
    giop.status === 'ok' ? giop.recommendation === 'treat' : giop.status === 'notApplicable' ? false : null;
  if (tableSays === true || giopSays === true) indication = true;
  else if (tableSays === false && giopSays === false) indication = false;
  // A "no treatment" from R9 below 7.5 mg defers to R8, so only the table can settle it then.
  else if (tableSays === false && giop.status === 'ok' && giop.recommendation !== 'treat') indication = false;

  return {
    status: 'ok',
    nhgTable,
    glucocorticoids: giop,
    indicationForFracturePreventionMedication: indication,
    explanation: explain([
      rule('R8.1', ['S8']),
      rule(
        'R8.2',
        ['S22/003', 'S22/000', 'S7'],
        'SOURCE',
        'hospital indications: established osteoporosis → medication; NIV indication module is a gap',
      ),
      rule('R9.5', ['S6', 'S5']),
    ]),
  };
}

const R6_EXPLANATION = explain([rule('R6.1', ['S3'])], ['labPanel.minimumAgeYears'], ['C15']);

function labPart(
  f: Facts,
  bmd: Part<BmdClassification>,
  vfa: Part<VfaCategoryResult> | VfaNotAssessable,
  indication: boolean | null,
): Part<LabPanelResult> {
  const missing: string[] = [];
  if (f.indexRecent === null) missing.push('fractures');
  const lowestT = bmd.status === 'ok' ? bmd.lowestTScore : null;
  if (f.indexRecent === true && lowestT === null) missing.push('dxa.tScore');
  if (f.indexRecent === false && indication === null) missing.push('treatmentIndication');
  if (missing.length > 0) return insufficientData(missing, R6_EXPLANATION);
  const findings = f.patient.clinicalFindings ?? {};
  const vfaFractures = vfa.status === 'ok' ? vfa.fracturedVertebraCount : 0;
  const result = labPanelUnchecked(
    {
      ageYears: f.age,
      sex: f.patient.sex,
      recentFracture: f.indexRecent === true,
      lowestTScore: lowestT,
      indicationForFracturePreventionMedication: indication === true,
      severeOrUnexplainedOsteoporosis:
        findings.severeOrUnexplainedOsteoporosis === true ||
        (bmd.status === 'ok' && bmd.category === 'severeOsteoporosis'),
      multipleFractures:
        f.fragility.length + vfaFractures >= f.config.entries['labPanel.multipleFracturesMinCount'].value,
      multipleUnexplainedFractures: findings.multipleUnexplainedFractures === true,
      persistentPain: findings.persistentPain === true,
    },
    f.config,
  );
  if (result.status !== 'ok') return result;
  const unrecorded = (
    ['multipleUnexplainedFractures', 'persistentPain', 'severeOrUnexplainedOsteoporosis'] as const
  ).filter((k) => findings[k] === undefined);
  if (unrecorded.length === 0) return result;
  return {
    ...result,
    explanation: mergeExplanations(
      result.explanation,
      explain(
        [rule('R6.3', ['S3'], 'INFERRED', `not recorded, counted as absent: ${unrecorded.join(', ')}`)],
        ['labPanel.multipleFracturesMinCount'],
      ),
    ),
  };
}

function renalFunction(f: Facts): number | null {
  const labs = f.patient.labs;
  const egfr = labs?.eGFRMlMin;
  const crcl = labs?.creatinineClearanceMlMin;
  switch (f.config.entries['drugs.renalFunctionSource'].value) {
    case 'eGFR':
      return egfr ?? crcl ?? null;
    case 'creatinineClearance':
      return crcl ?? egfr ?? null;
    case 'lowestAvailable':
      if (egfr !== undefined && crcl !== undefined) return Math.min(egfr, crcl);
      return egfr ?? crcl ?? null;
  }
}

function allowedOf(options: readonly DrugEligibilityResult[], drug: DrugCode): boolean | null | undefined {
  return options.find((o) => o.drug === drug)?.allowed;
}

function drugsPart(f: Facts, bmd: Part<BmdClassification>): DrugOptions {
  const { patient, config } = f;
  const ci = patient.contraindications ?? {};
  const flag = patient.labs?.albuminCorrectedCalciumFlag;
  const status = patient.menopausalStatus;
  const renal = renalFunction(f);
  const options = DRUG_CODES.map((drug) =>
    drugEligibilityUnchecked(
      {
        drug,
        sex: patient.sex,
        renalFunctionMlMin: renal,
        postmenopausal:
          patient.sex === 'male'
            ? false
            : status === undefined || status === 'unknown'
              ? null
              : status === 'postmenopausal',
        canStayUpright30Min: ci.canStayUpright30Min ?? null,
        oesophagealEmptyingDisorder: ci.oesophagealEmptyingDisorder ?? null,
        hypocalcaemia: flag === undefined ? null : flag === 'low',
        historyMyocardialInfarctionOrStroke: ci.historyMyocardialInfarctionOrStroke ?? null,
        hypercalcaemia: flag === undefined ? null : flag === 'high',
        metabolicBoneDiseaseOtherThanPrimaryOsteoporosis:
          ci.metabolicBoneDiseaseOtherThanPrimaryOsteoporosis ?? null,
        unexplainedRaisedAlkalinePhosphatase: ci.unexplainedRaisedAlkalinePhosphatase ?? null,
        priorSkeletalRadiotherapy: ci.priorSkeletalRadiotherapy ?? null,
        skeletalMalignancyOrMetastases: ci.skeletalMalignancyOrMetastases ?? null,
        pregnantOrLactating:
          patient.sex === 'male'
            ? false
            : patient.pregnant === true || patient.lactating === true
              ? true
              : patient.pregnant === undefined && patient.lactating === undefined
                ? null
                : false,
        teriparatideMonthsUsed: ci.teriparatideMonthsUsed ?? null,
      },
      config,
    ),
  );

  const oralBlocked =
    allowedOf(options, 'alendronate') === false && allowedOf(options, 'risedronate') === false;
  const hip = latest(f.fractures?.filter((fr) => fr.site === 'femur_proximal') ?? []);
  const severe =
    patient.sex === 'female' &&
    status === 'postmenopausal' &&
    ((bmd.status === 'ok' && bmd.category === 'severeOsteoporosis') ||
      patient.clinicalFindings?.severeOrUnexplainedOsteoporosis === true);
  const choice = drugChoiceUnchecked(
    {
      hipFracture: hip !== undefined,
      daysSinceHipFracture: hip === undefined ? null : daysBetween(hip.date, f.today),
      contraindicationOralBisphosphonate: oralBlocked,
      severeOsteoporosisPostmenopausalWoman: severe,
    },
    config,
  );
  const drug = patient.treatment?.drug;
  return {
    status: 'ok',
    choice,
    options,
    preferredAndAllowed: choice.preferredFirstLine.filter((d) => allowedOf(options, d) === true),
    instructions: drug === undefined ? null : drugInstructionsUnchecked(drug, config),
  };
}

function followUpPart(f: Facts, bmd: Part<BmdClassification>): FollowUpAssessment {
  const { patient, config } = f;
  const treatment = patient.treatment;
  const findings = patient.clinicalFindings;
  let care: Part<CareAfterDiagnosis | NotCovered>;
  const missing: string[] = [];
  if (bmd.status !== 'ok' || bmd.category === null) missing.push('dxa');
  if (findings?.secondaryOsteoporosis === undefined) missing.push('clinicalFindings.secondaryOsteoporosis');
  if (bmd.status === 'ok' && bmd.category !== null && findings?.secondaryOsteoporosis !== undefined) {
    care = careAfterDiagnosisUnchecked(
      {
        diagnosis: bmd.category,
        treatmentStarted: treatment !== undefined,
        secondaryOsteoporosis: findings.secondaryOsteoporosis,
        secondaryCause: findings.secondaryCause,
      },
      config,
    );
  } else {
    care = insufficientData(missing, explain([rule('R11.3', ['S22/003'])]));
  }
  if (treatment === undefined) {
    return {
      status: 'ok',
      careAfterDiagnosis: care,
      onStart: null,
      schedule: null,
      denosumabStop: null,
      newFractureDuringTreatment: null,
    };
  }
  const index = f.index;
  const schedule = followUpScheduleUnchecked(
    {
      drug: treatment.drug,
      startDate: treatment.startDate,
      indexFractureDate: index === undefined || index.date > treatment.startDate ? undefined : index.date,
    },
    config,
  );
  const stop =
    treatment.drug === 'denosumab' && treatment.stopped === true
      ? denosumabStopPlan(treatment.lastInjectionDate ?? treatment.startDate, config)
      : null;
  const later = latest(f.fragility.filter((fr) => fr.date > treatment.startDate));
  const newFracture =
    later === undefined
      ? null
      : newFractureDuringTreatment(
          ANTIRESORPTIVES.includes(treatment.drug)
            ? completedMonths(treatment.startDate, later.date, config)
            : 0,
          config,
        );
  return {
    status: 'ok',
    careAfterDiagnosis: care,
    onStart: followUpOnStart(treatment.drug, config),
    schedule,
    denosumabStop: stop,
    newFractureDuringTreatment: newFracture,
  };
}

function vitaminDPart(
  f: Facts,
  bmd: Part<BmdClassification>,
  indication: boolean | null,
): VitaminDAssessment {
  const { patient, config } = f;
  const ctx = patient.vitaminD;
  const scheme = config.entries['vitaminD.scheme'].value;
  let population: Part<PopulationVitaminDAdvice>;
  const schemeExplanation = explain(
    [rule(scheme === 'GR2012' ? 'R13.1' : 'R13.2', ['S47', 'S50'])],
    ['vitaminD.scheme'],
    ['C8'],
  );
  if (ctx === undefined) {
    population = insufficientData(['vitaminD'], schemeExplanation);
  } else if (scheme === 'GR2012') {
    population = vitaminDGr2012Unchecked({
      ageYears: f.age,
      sex: patient.sex,
      darkSkin: ctx.darkSkin,
      outdoorsSufficient: ctx.outdoorsSufficient,
      bodyCovering: ctx.bodyCovering,
      pregnant: patient.pregnant,
    });
  } else {
    const missing: string[] = [];
    if (ctx.veil === undefined && patient.sex === 'female') missing.push('vitaminD.veil');
    if (patient.circumstances?.nursingHomeResident === undefined)
      missing.push('circumstances.nursingHomeResident');
    if (bmd.status !== 'ok' || bmd.category === null) missing.push('dxa');
    population =
      missing.length > 0 || bmd.status !== 'ok'
        ? insufficientData(missing, schemeExplanation)
        : vitaminDGr2008Unchecked(
            {
              ageYears: f.age,
              sex: patient.sex,
              darkSkin: ctx.darkSkin,
              outdoorsSufficient: ctx.outdoorsSufficient,
              veil: ctx.veil === true,
              pregnantOrLactating: patient.pregnant === true || patient.lactating === true,
              nursingHome: patient.circumstances?.nursingHomeResident === true,
              osteoporosis: bmd.category === 'osteoporosis' || bmd.category === 'severeOsteoporosis',
            },
            config,
          );
  }
  const labs = patient.labs;
  let beforeTreatment: Part<LowVitaminDResult | NotCovered> | null = null;
  if (labs?.serum25OHDNmolL !== undefined) {
    const calciumFlag = labs.albuminCorrectedCalciumFlag;
    const symptoms = patient.clinicalFindings?.osteomalaciaSymptoms;
    if (calciumFlag === undefined || symptoms === undefined) {
      const missing = [
        ...(calciumFlag === undefined ? ['labs.albuminCorrectedCalciumFlag'] : []),
        ...(symptoms === undefined ? ['clinicalFindings.osteomalaciaSymptoms'] : []),
      ];
      beforeTreatment = insufficientData(missing, explain([rule('R13.4', ['S20'])]));
    } else {
      beforeTreatment = lowVitaminDBeforeTreatmentUnchecked(
        {
          serum25OHDNmolL: labs.serum25OHDNmolL,
          albuminCorrectedCalciumLow: calciumFlag === 'low',
          osteomalaciaSymptoms: symptoms,
        },
        config,
      );
    }
  }
  const daily = ctx?.supplementDailyIU;
  const bolus = ctx?.supplementMonthlyBolusIU;
  return {
    status: 'ok',
    population,
    withMedication: indication === true ? vitaminDWithMedication(config) : null,
    beforeTreatment,
    doseCheck:
      daily === undefined && bolus === undefined
        ? null
        : vitaminDDoseCheckUnchecked(
            {
              dailyIU: daily,
              monthlyBolusIU: bolus,
            },
            config,
          ),
  };
}

function lifestylePart(
  f: Facts,
  calcium: CalciumAssessment | NotCovered,
  vitaminD: VitaminDAssessment,
  fall: Part<FallRiskResult>,
  indication: boolean | null,
): LifestyleAdviceResult {
  const { patient } = f;
  const calciumShort =
    calcium.status === 'ok' && calcium.meetsRequirement !== undefined ? !calcium.meetsRequirement : null;
  const population =
    vitaminD.population.status === 'ok' ? vitaminD.population.extraVitaminDMicrogramPerDay > 0 : null;
  const lowLevel =
    vitaminD.beforeTreatment?.status === 'ok'
      ? vitaminD.beforeTreatment.action !== 'standardVitaminD3_800IU_daily'
      : null;
  const vitaminDAdvised =
    indication === true || population === true || lowLevel === true
      ? true
      : indication === false && population === false
        ? false
        : null;
  return selectLifestyleAdvice(
    {
      calciumIntakeBelowRequirement: calciumShort,
      vitaminDAdvised,
      smoker: patient.riskFactors?.smoker ?? null,
      alcoholUnitsPerDay: patient.riskFactors?.alcoholUnitsPerDay ?? null,
      fallPreventionIndicated: fall.status === 'ok' ? fall.fallPreventionIndicated : null,
      fallRiskIncreasingMedication: patient.falls?.fallRiskIncreasingMedication ?? null,
      drug: patient.treatment?.drug ?? null,
      vertebralFracture: f.vertebralFractureOnVfa,
      recentFracture: f.indexRecent,
      inPaidWork: patient.circumstances?.inPaidWork ?? null,
      frail: patient.circumstances?.frail ?? null,
    },
    f.config,
  );
}

const PATIENT_GROUP_EXPLANATION = explain([
  rule(
    'QUALITY-KPIS 2.2',
    ['QUALITY-KPIS S3 (IOF Capture the Fracture)'],
    'INFERRED',
    'group names from IOF; assignment rule is an Osteopad convention',
  ),
]);

const AGE_POINTS_EXPLANATION = explain([rule('R2.4', ['S8']), rule('R3.1', ['S9'])], [], ['C3']);

/** The whole pathway on validated input (no checks; for callers that validated already). */
export function assessPatientUnchecked(
  patient: PatientInput,
  today: IsoDate,
  config: ClinicalConfig,
): PatientAssessment {
  const identity = configIdentity(config);
  const f = deriveFacts(patient, today, config);
  const riskGroups = riskGroupsPart(f);
  const densitometry = densitometryPart(f);
  const vfa = vfaPart(f);
  const treatment = treatmentPart(f, riskGroups, densitometry, vfa);
  const indication = treatment.indicationForFracturePreventionMedication;
  const fall: Part<FallRiskResult> =
    patient.falls === undefined
      ? insufficientData(['falls'], explain([rule('R7.1', ['S6']), rule('R7.2', ['S19'])]))
      : fallRiskUnchecked(patient.falls, config);
  const calcium = assessCalciumUnchecked(
    {
      ageYears: f.age,
      pregnant: patient.pregnant,
      lactating: patient.lactating,
      servings: patient.calciumIntake?.servings,
      supplementMg: patient.calciumIntake?.supplementMg,
    },
    config,
  );
  const vitaminD = vitaminDPart(f, densitometry, indication);
  const index = f.index;
  return {
    engineVersion: identity.engineVersion,
    configVersion: identity.configVersion,
    configFingerprint: identity.configFingerprint,
    assessedOn: today,
    ageYears: f.age,
    ageFrom: patient.birthDate !== undefined ? 'birthDate' : 'ageYears',
    patientGroup:
      index?.encounterType === undefined
        ? null
        : {
            status: 'ok',
            group: patientGroupUnchecked(index.site, index.encounterType),
            explanation: PATIENT_GROUP_EXPLANATION,
          },
    eligibility: eligibilityPart(f),
    riskGroups,
    agePoints: {
      agePointsNhg: agePointsNhgUnchecked(f.age),
      agePointsCbo2011: agePointsCbo2011Unchecked(f.age),
      explanation: AGE_POINTS_EXPLANATION,
    },
    riskScore: riskScorePart(f),
    densitometry,
    vfa,
    labPanel: labPart(f, densitometry, vfa, indication),
    fallRisk: fall,
    treatment,
    drugs: drugsPart(f, densitometry),
    followUp: followUpPart(f, densitometry),
    calcium,
    vitaminD,
    lifestyle: lifestylePart(f, calcium, vitaminD, fall, indication),
  };
}

/**
 * The whole pathway for one patient on `today` (R1–R14): eligibility, risk groups and score, BMD and VFA
 * categories, lab panel, fall risk, treatment advice, drug options with reasons, dated follow-up, calcium,
 * vitamin D and lifestyle advice — each with its explanation — plus engine and configuration identity.
 * @throws ClinicalInputError for invalid input (naming the field); ClinicalConfigError for an invalid configuration.
 */
export function assessPatient(
  patient: PatientInput,
  today: IsoDate,
  config: ClinicalConfig = DEFAULT_CONFIG,
): PatientAssessment {
  configIdentity(config);
  return assessPatientUnchecked(validatePatientInput(patient, today), today, config);
}
