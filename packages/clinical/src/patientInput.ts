// The data the pathway collects about one patient: intake questionnaire, fracture registration, DXA, VFA, labs and
// treatment. Sections are optional: a section that was not recorded makes the parts that need it answer
// `insufficientData` instead of guessing. Validation rejects unknown fields, out-of-range values and invalid dates.
import { completedYears, type IsoDate } from './calendarDate';
import {
  DRUG_CODES,
  ENCOUNTER_TYPES,
  FOOD_CODES,
  MENOPAUSAL_STATUSES,
  SEXES,
  type DrugCode,
  type EncounterType,
  type MenopausalStatus,
  type Sex,
} from './codes';
import type { Servings } from './calcium';
import { BMD_SITES, type BmdSite } from './densitometry';
import { ClinicalInputError } from './errors';
import { SECONDARY_CAUSES, type SecondaryCause } from './followUp';
import { HEIGHT_RANGE, WEIGHT_RANGE } from './riskScore';
import {
  AGE_RANGE,
  asRecord,
  booleanAt,
  checkArray,
  checkIsoDate,
  checkNonEmptyString,
  checkNotAfter,
  DOSE_RANGE,
  isoDateAt,
  MONTHS_RANGE,
  numberAt,
  oneOfAt,
  optionalBooleanAt,
  optionalNumberAt,
  optionalOneOfAt,
  rejectKeysOutside,
  T_SCORE_RANGE,
} from './validation';
import { GENANT_GRADES, VERTEBRAL_LEVELS, type GenantGrade, type VertebralLevel } from './vertebralFractures';

export type FractureMechanism = 'lowEnergy' | 'highEnergy' | 'unknown';
export const FRACTURE_MECHANISMS: readonly FractureMechanism[] = ['lowEnergy', 'highEnergy', 'unknown'];

export interface FractureInput {
  /** Date of diagnosis (or trauma date when only that is known). */
  readonly date: IsoDate;
  /** R1.2 / R1.3 code; any other site is answered with manual review. */
  readonly site: string;
  readonly mechanism: FractureMechanism;
  /** `null` = not known whether the fracture is pathological (tumour, metastasis). */
  readonly pathological: boolean | null;
  readonly encounterType?: EncounterType;
  /** Marks the FLS index fracture; otherwise the most recent fracture is the index. */
  readonly isIndex?: boolean;
}

export interface DxaSiteInput {
  readonly tScore?: number;
  readonly zScore?: number;
  readonly bmdGcm2?: number;
  /** `false` when the site could not be measured or interpreted (artefact, prosthesis …). */
  readonly evaluable?: boolean;
  /** Lumbar spine only: number of evaluable vertebrae in L1–L4. */
  readonly vertebraeEvaluable?: number;
}

export type DxaInput = Readonly<Partial<Record<BmdSite, DxaSiteInput>>> & { readonly date?: IsoDate };

export interface VertebraInput {
  readonly level: VertebralLevel;
  readonly genantGrade?: GenantGrade;
  readonly heightLossPercent?: number;
}

export interface VfaInput {
  /** `false` when VFA could not be done or assessed (R5.1: X-ray instead). */
  readonly assessable: boolean;
  /** Every assessed vertebra, or only those with a finding; unlisted vertebrae count as grade 0. */
  readonly vertebrae: readonly VertebraInput[];
}

export type LabFlag = 'low' | 'normal' | 'high';
export const LAB_FLAGS: readonly LabFlag[] = ['low', 'normal', 'high'];

export interface LabInput {
  readonly eGFRMlMin?: number;
  readonly creatinineClearanceMlMin?: number;
  readonly serum25OHDNmolL?: number;
  readonly albuminCorrectedCalciumMmolL?: number;
  /** Flag against the laboratory's own reference range (the engine sets no calcium limits itself). */
  readonly albuminCorrectedCalciumFlag?: LabFlag;
}

export interface GlucocorticoidInput {
  /** Current systemic dose, prednisone-equivalent mg/day (0 = none). */
  readonly doseMgPerDayPrednisoneEq: number;
  readonly monthsUsed: number;
  readonly expectedDurationMonths?: number;
  readonly burstsPerYear: number;
}

export interface FallsInput {
  readonly fallsPastYear: number;
  readonly worriedAboutFalling: boolean;
  readonly difficultyWalkingOrBalance: boolean;
  readonly fallRiskIncreasingMedication?: boolean;
}

export interface RiskFactorInput {
  readonly parentHipFracture?: boolean;
  readonly reducedMobility?: boolean;
  readonly rheumatoidArthritis?: boolean;
  readonly secondaryOsteoporosisCondition?: boolean;
  readonly smoker?: boolean;
  readonly alcoholUnitsPerDay?: number;
  /** GP route (R2.1 group 3): the patient asks about, or has risk factors for, fracture. */
  readonly fractureRiskQuestion?: boolean;
}

export interface ClinicalFindingsInput {
  readonly severeOrUnexplainedOsteoporosis?: boolean;
  readonly multipleUnexplainedFractures?: boolean;
  readonly persistentPain?: boolean;
  readonly osteomalaciaSymptoms?: boolean;
  readonly secondaryOsteoporosis?: boolean;
  readonly secondaryCause?: SecondaryCause;
}

export interface ContraindicationsInput {
  readonly canStayUpright30Min?: boolean;
  readonly oesophagealEmptyingDisorder?: boolean;
  readonly historyMyocardialInfarctionOrStroke?: boolean;
  readonly metabolicBoneDiseaseOtherThanPrimaryOsteoporosis?: boolean;
  readonly unexplainedRaisedAlkalinePhosphatase?: boolean;
  readonly priorSkeletalRadiotherapy?: boolean;
  readonly skeletalMalignancyOrMetastases?: boolean;
  readonly teriparatideMonthsUsed?: number;
}

export interface CircumstancesInput {
  readonly lifeExpectancyUnder1Year?: boolean;
  readonly nursingHomeResident?: boolean;
  readonly complexMultimorbidityDeclined?: boolean;
  readonly frail?: boolean;
  readonly inPaidWork?: boolean;
}

export interface VitaminDContextInput {
  readonly darkSkin: boolean;
  readonly outdoorsSufficient: boolean;
  readonly bodyCovering: boolean;
  /** Needed only for the GR 2008 scheme. */
  readonly veil?: boolean;
  readonly supplementDailyIU?: number;
  readonly supplementMonthlyBolusIU?: number;
}

export interface CalciumIntakeInput {
  readonly servings: Servings;
  readonly supplementMg?: number;
}

export interface TreatmentInput {
  readonly drug: DrugCode;
  /** Start date (planned or actual). */
  readonly startDate: IsoDate;
  readonly lastInjectionDate?: IsoDate;
  /** Denosumab stopped (R11.4 plan from the last injection). */
  readonly stopped?: boolean;
}

export interface PatientInput {
  /** Preferred: age is then counted in completed years on the relevant date. */
  readonly birthDate?: IsoDate;
  /** Completed years on `today`, when no birth date is available. */
  readonly ageYears?: number;
  readonly sex: Sex;
  /** Women only. */
  readonly menopausalStatus?: MenopausalStatus;
  readonly pregnant?: boolean;
  readonly lactating?: boolean;
  readonly weightKg?: number;
  readonly heightM?: number;
  readonly fractures?: readonly FractureInput[];
  readonly glucocorticoids?: GlucocorticoidInput;
  readonly falls?: FallsInput;
  readonly riskFactors?: RiskFactorInput;
  readonly clinicalFindings?: ClinicalFindingsInput;
  readonly contraindications?: ContraindicationsInput;
  readonly circumstances?: CircumstancesInput;
  readonly dxa?: DxaInput;
  readonly vfa?: VfaInput;
  readonly labs?: LabInput;
  readonly calciumIntake?: CalciumIntakeInput;
  readonly vitaminD?: VitaminDContextInput;
  readonly treatment?: TreatmentInput;
}

// Allowed keys per section, built once: validation runs on every assessment. Properties are read by name
// (not by a computed key) so the checks stay fast.
const PATIENT_KEYS: ReadonlySet<string> = new Set([
  'birthDate',
  'ageYears',
  'sex',
  'menopausalStatus',
  'pregnant',
  'lactating',
  'weightKg',
  'heightM',
  'fractures',
  'glucocorticoids',
  'falls',
  'riskFactors',
  'clinicalFindings',
  'contraindications',
  'circumstances',
  'dxa',
  'vfa',
  'labs',
  'calciumIntake',
  'vitaminD',
  'treatment',
]);
const FRACTURE_KEYS: ReadonlySet<string> = new Set([
  'date',
  'site',
  'mechanism',
  'pathological',
  'encounterType',
  'isIndex',
]);
const DXA_KEYS: ReadonlySet<string> = new Set([...BMD_SITES, 'date']);
const DXA_SITE_KEYS: ReadonlySet<string> = new Set([
  'tScore',
  'zScore',
  'bmdGcm2',
  'evaluable',
  'vertebraeEvaluable',
]);
const VFA_KEYS: ReadonlySet<string> = new Set(['assessable', 'vertebrae']);
const VERTEBRA_KEYS: ReadonlySet<string> = new Set(['level', 'genantGrade', 'heightLossPercent']);
const LAB_KEYS: ReadonlySet<string> = new Set([
  'eGFRMlMin',
  'creatinineClearanceMlMin',
  'serum25OHDNmolL',
  'albuminCorrectedCalciumMmolL',
  'albuminCorrectedCalciumFlag',
]);
const GLUCOCORTICOID_KEYS: ReadonlySet<string> = new Set([
  'doseMgPerDayPrednisoneEq',
  'monthsUsed',
  'expectedDurationMonths',
  'burstsPerYear',
]);
const FALLS_KEYS: ReadonlySet<string> = new Set([
  'fallsPastYear',
  'worriedAboutFalling',
  'difficultyWalkingOrBalance',
  'fallRiskIncreasingMedication',
]);
const RISK_FACTOR_KEYS: ReadonlySet<string> = new Set([
  'parentHipFracture',
  'reducedMobility',
  'rheumatoidArthritis',
  'secondaryOsteoporosisCondition',
  'smoker',
  'fractureRiskQuestion',
  'alcoholUnitsPerDay',
]);
const FINDING_KEYS: ReadonlySet<string> = new Set([
  'severeOrUnexplainedOsteoporosis',
  'multipleUnexplainedFractures',
  'persistentPain',
  'osteomalaciaSymptoms',
  'secondaryOsteoporosis',
  'secondaryCause',
]);
const CONTRAINDICATION_KEYS: ReadonlySet<string> = new Set([
  'canStayUpright30Min',
  'oesophagealEmptyingDisorder',
  'historyMyocardialInfarctionOrStroke',
  'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
  'unexplainedRaisedAlkalinePhosphatase',
  'priorSkeletalRadiotherapy',
  'skeletalMalignancyOrMetastases',
  'teriparatideMonthsUsed',
]);
const CIRCUMSTANCE_KEYS: ReadonlySet<string> = new Set([
  'lifeExpectancyUnder1Year',
  'nursingHomeResident',
  'complexMultimorbidityDeclined',
  'frail',
  'inPaidWork',
]);
const CALCIUM_INTAKE_KEYS: ReadonlySet<string> = new Set(['servings', 'supplementMg']);
const FOOD_KEYS: ReadonlySet<string> = new Set(FOOD_CODES);
const VITAMIN_D_KEYS: ReadonlySet<string> = new Set([
  'darkSkin',
  'outdoorsSufficient',
  'bodyCovering',
  'veil',
  'supplementDailyIU',
  'supplementMonthlyBolusIU',
]);
const TREATMENT_KEYS: ReadonlySet<string> = new Set(['drug', 'startDate', 'lastInjectionDate', 'stopped']);
const PORTION_RANGE = { min: 0, max: 100 } as const;
const IU_RANGE = { min: 0, max: 10_000_000 } as const;
const RENAL_RANGE = { min: 0, max: 300 } as const;
const BMD_RANGE = { min: 0.05, max: 3 } as const;
const PERCENT_RANGE = { min: 0, max: 100 } as const;
const FALLS_RANGE = { min: 0, max: 1000, integer: true } as const;
const BURSTS_RANGE = { min: 0, max: 365 } as const;
const ALCOHOL_RANGE = { min: 0, max: 100 } as const;
const SUPPLEMENT_RANGE = { min: 0, max: 5000 } as const;
const VERTEBRAE_EVALUABLE_RANGE = { min: 0, max: 4, integer: true } as const;
const TERIPARATIDE_MONTHS_RANGE = { min: 0, max: 600 } as const;

function validateFractures(value: unknown, birthDate: IsoDate | undefined, today: IsoDate): void {
  const list = checkArray(value, 'fractures', 100);
  let indexCount = 0;
  for (let i = 0; i < list.length; i += 1) {
    const prefix = `fractures[${i}]`;
    const r = asRecord(list[i], prefix);
    rejectKeysOutside(r, FRACTURE_KEYS, prefix);
    const date = isoDateAt(r.date, prefix, 'date');
    checkNotAfter(date, today, `${prefix}.date`);
    if (birthDate !== undefined && date < birthDate)
      throw new ClinicalInputError(`${prefix}.date`, 'inconsistent', 'before the birth date');
    if (typeof r.site !== 'string' || r.site.length === 0 || r.site.length > 100)
      checkNonEmptyString(r.site, `${prefix}.site`, 100);
    if (!(FRACTURE_MECHANISMS as readonly unknown[]).includes(r.mechanism))
      oneOfAt(r.mechanism, FRACTURE_MECHANISMS, prefix, 'mechanism');
    if (r.pathological !== null && typeof r.pathological !== 'boolean')
      booleanAt(r.pathological, prefix, 'pathological');
    if (r.encounterType !== undefined)
      optionalOneOfAt(r.encounterType, ENCOUNTER_TYPES, prefix, 'encounterType');
    if (optionalBooleanAt(r.isIndex, prefix, 'isIndex') === true) indexCount += 1;
  }
  if (indexCount > 1)
    throw new ClinicalInputError('fractures', 'inconsistent', 'more than one index fracture');
}

function validateDxaSite(value: unknown, site: BmdSite): void {
  const prefix = `dxa.${site}`;
  const s = asRecord(value, prefix);
  rejectKeysOutside(s, DXA_SITE_KEYS, prefix);
  optionalNumberAt(s.tScore, T_SCORE_RANGE, prefix, 'tScore');
  optionalNumberAt(s.zScore, T_SCORE_RANGE, prefix, 'zScore');
  optionalNumberAt(s.bmdGcm2, BMD_RANGE, prefix, 'bmdGcm2');
  optionalBooleanAt(s.evaluable, prefix, 'evaluable');
  if (s.vertebraeEvaluable !== undefined) {
    if (site !== 'lumbarSpine')
      throw new ClinicalInputError(`${prefix}.vertebraeEvaluable`, 'unknownField', 'lumbar spine only');
    numberAt(s.vertebraeEvaluable, VERTEBRAE_EVALUABLE_RANGE, prefix, 'vertebraeEvaluable');
  }
}

function validateDxa(value: unknown, today: IsoDate): void {
  const r = asRecord(value, 'dxa');
  rejectKeysOutside(r, DXA_KEYS, 'dxa');
  if (r.date !== undefined) checkNotAfter(isoDateAt(r.date, 'dxa', 'date'), today, 'dxa.date');
  if (r.lumbarSpine !== undefined) validateDxaSite(r.lumbarSpine, 'lumbarSpine');
  if (r.totalHip !== undefined) validateDxaSite(r.totalHip, 'totalHip');
  if (r.femoralNeck !== undefined) validateDxaSite(r.femoralNeck, 'femoralNeck');
  if (r.radius33 !== undefined) validateDxaSite(r.radius33, 'radius33');
}

function validateVfa(value: unknown): void {
  const r = asRecord(value, 'vfa');
  rejectKeysOutside(r, VFA_KEYS, 'vfa');
  booleanAt(r.assessable, 'vfa', 'assessable');
  const vertebrae = checkArray(r.vertebrae, 'vfa.vertebrae', VERTEBRAL_LEVELS.length);
  const seen: string[] = [];
  for (let i = 0; i < vertebrae.length; i += 1) {
    const prefix = `vfa.vertebrae[${i}]`;
    const v = asRecord(vertebrae[i], prefix);
    rejectKeysOutside(v, VERTEBRA_KEYS, prefix);
    const level = oneOfAt(v.level, VERTEBRAL_LEVELS, prefix, 'level');
    if (seen.includes(level))
      throw new ClinicalInputError(`${prefix}.level`, 'inconsistent', 'vertebra listed twice');
    seen.push(level);
    const grade = optionalOneOfAt(v.genantGrade, GENANT_GRADES, prefix, 'genantGrade');
    const loss = optionalNumberAt(v.heightLossPercent, PERCENT_RANGE, prefix, 'heightLossPercent');
    if (grade === undefined && loss === undefined) {
      throw new ClinicalInputError(
        `${prefix}.genantGrade`,
        'required',
        'give genantGrade or heightLossPercent',
      );
    }
  }
}

function validateLabs(value: unknown): void {
  const r = asRecord(value, 'labs');
  rejectKeysOutside(r, LAB_KEYS, 'labs');
  optionalNumberAt(r.eGFRMlMin, RENAL_RANGE, 'labs', 'eGFRMlMin');
  optionalNumberAt(r.creatinineClearanceMlMin, RENAL_RANGE, 'labs', 'creatinineClearanceMlMin');
  optionalNumberAt(r.serum25OHDNmolL, { min: 0, max: 1000 }, 'labs', 'serum25OHDNmolL');
  optionalNumberAt(
    r.albuminCorrectedCalciumMmolL,
    { min: 0.5, max: 5 },
    'labs',
    'albuminCorrectedCalciumMmolL',
  );
  optionalOneOfAt(r.albuminCorrectedCalciumFlag, LAB_FLAGS, 'labs', 'albuminCorrectedCalciumFlag');
}

function validateGlucocorticoids(value: unknown): void {
  const r = asRecord(value, 'glucocorticoids');
  rejectKeysOutside(r, GLUCOCORTICOID_KEYS, 'glucocorticoids');
  numberAt(r.doseMgPerDayPrednisoneEq, DOSE_RANGE, 'glucocorticoids', 'doseMgPerDayPrednisoneEq');
  numberAt(r.monthsUsed, MONTHS_RANGE, 'glucocorticoids', 'monthsUsed');
  optionalNumberAt(r.expectedDurationMonths, MONTHS_RANGE, 'glucocorticoids', 'expectedDurationMonths');
  numberAt(r.burstsPerYear, BURSTS_RANGE, 'glucocorticoids', 'burstsPerYear');
}

function validateFalls(value: unknown): void {
  const r = asRecord(value, 'falls');
  rejectKeysOutside(r, FALLS_KEYS, 'falls');
  numberAt(r.fallsPastYear, FALLS_RANGE, 'falls', 'fallsPastYear');
  booleanAt(r.worriedAboutFalling, 'falls', 'worriedAboutFalling');
  booleanAt(r.difficultyWalkingOrBalance, 'falls', 'difficultyWalkingOrBalance');
  optionalBooleanAt(r.fallRiskIncreasingMedication, 'falls', 'fallRiskIncreasingMedication');
}

function validateRiskFactors(value: unknown): void {
  const r = asRecord(value, 'riskFactors');
  rejectKeysOutside(r, RISK_FACTOR_KEYS, 'riskFactors');
  optionalBooleanAt(r.parentHipFracture, 'riskFactors', 'parentHipFracture');
  optionalBooleanAt(r.reducedMobility, 'riskFactors', 'reducedMobility');
  optionalBooleanAt(r.rheumatoidArthritis, 'riskFactors', 'rheumatoidArthritis');
  optionalBooleanAt(r.secondaryOsteoporosisCondition, 'riskFactors', 'secondaryOsteoporosisCondition');
  optionalBooleanAt(r.smoker, 'riskFactors', 'smoker');
  optionalBooleanAt(r.fractureRiskQuestion, 'riskFactors', 'fractureRiskQuestion');
  optionalNumberAt(r.alcoholUnitsPerDay, ALCOHOL_RANGE, 'riskFactors', 'alcoholUnitsPerDay');
}

function validateClinicalFindings(value: unknown): void {
  const r = asRecord(value, 'clinicalFindings');
  rejectKeysOutside(r, FINDING_KEYS, 'clinicalFindings');
  optionalBooleanAt(r.severeOrUnexplainedOsteoporosis, 'clinicalFindings', 'severeOrUnexplainedOsteoporosis');
  optionalBooleanAt(r.multipleUnexplainedFractures, 'clinicalFindings', 'multipleUnexplainedFractures');
  optionalBooleanAt(r.persistentPain, 'clinicalFindings', 'persistentPain');
  optionalBooleanAt(r.osteomalaciaSymptoms, 'clinicalFindings', 'osteomalaciaSymptoms');
  optionalBooleanAt(r.secondaryOsteoporosis, 'clinicalFindings', 'secondaryOsteoporosis');
  optionalOneOfAt(r.secondaryCause, SECONDARY_CAUSES, 'clinicalFindings', 'secondaryCause');
}

function validateContraindications(value: unknown): void {
  const r = asRecord(value, 'contraindications');
  rejectKeysOutside(r, CONTRAINDICATION_KEYS, 'contraindications');
  const at = 'contraindications';
  optionalBooleanAt(r.canStayUpright30Min, at, 'canStayUpright30Min');
  optionalBooleanAt(r.oesophagealEmptyingDisorder, at, 'oesophagealEmptyingDisorder');
  optionalBooleanAt(r.historyMyocardialInfarctionOrStroke, at, 'historyMyocardialInfarctionOrStroke');
  optionalBooleanAt(
    r.metabolicBoneDiseaseOtherThanPrimaryOsteoporosis,
    at,
    'metabolicBoneDiseaseOtherThanPrimaryOsteoporosis',
  );
  optionalBooleanAt(r.unexplainedRaisedAlkalinePhosphatase, at, 'unexplainedRaisedAlkalinePhosphatase');
  optionalBooleanAt(r.priorSkeletalRadiotherapy, at, 'priorSkeletalRadiotherapy');
  optionalBooleanAt(r.skeletalMalignancyOrMetastases, at, 'skeletalMalignancyOrMetastases');
  optionalNumberAt(r.teriparatideMonthsUsed, TERIPARATIDE_MONTHS_RANGE, at, 'teriparatideMonthsUsed');
}

function validateCircumstances(value: unknown): void {
  const r = asRecord(value, 'circumstances');
  rejectKeysOutside(r, CIRCUMSTANCE_KEYS, 'circumstances');
  optionalBooleanAt(r.lifeExpectancyUnder1Year, 'circumstances', 'lifeExpectancyUnder1Year');
  optionalBooleanAt(r.nursingHomeResident, 'circumstances', 'nursingHomeResident');
  optionalBooleanAt(r.complexMultimorbidityDeclined, 'circumstances', 'complexMultimorbidityDeclined');
  optionalBooleanAt(r.frail, 'circumstances', 'frail');
  optionalBooleanAt(r.inPaidWork, 'circumstances', 'inPaidWork');
}

function validateCalciumIntake(value: unknown): void {
  const r = asRecord(value, 'calciumIntake');
  rejectKeysOutside(r, CALCIUM_INTAKE_KEYS, 'calciumIntake');
  const servings = asRecord(r.servings, 'calciumIntake.servings');
  rejectKeysOutside(servings, FOOD_KEYS, 'calciumIntake.servings');
  for (const food in servings)
    optionalNumberAt(servings[food], PORTION_RANGE, 'calciumIntake.servings', food);
  optionalNumberAt(r.supplementMg, SUPPLEMENT_RANGE, 'calciumIntake', 'supplementMg');
}

function validateVitaminD(value: unknown): void {
  const r = asRecord(value, 'vitaminD');
  rejectKeysOutside(r, VITAMIN_D_KEYS, 'vitaminD');
  booleanAt(r.darkSkin, 'vitaminD', 'darkSkin');
  booleanAt(r.outdoorsSufficient, 'vitaminD', 'outdoorsSufficient');
  booleanAt(r.bodyCovering, 'vitaminD', 'bodyCovering');
  optionalBooleanAt(r.veil, 'vitaminD', 'veil');
  optionalNumberAt(r.supplementDailyIU, IU_RANGE, 'vitaminD', 'supplementDailyIU');
  optionalNumberAt(r.supplementMonthlyBolusIU, IU_RANGE, 'vitaminD', 'supplementMonthlyBolusIU');
}

function validateTreatment(value: unknown, today: IsoDate): void {
  const r = asRecord(value, 'treatment');
  rejectKeysOutside(r, TREATMENT_KEYS, 'treatment');
  oneOfAt(r.drug, DRUG_CODES, 'treatment', 'drug');
  const start = isoDateAt(r.startDate, 'treatment', 'startDate');
  if (r.lastInjectionDate !== undefined) {
    const last = isoDateAt(r.lastInjectionDate, 'treatment', 'lastInjectionDate');
    checkNotAfter(last, today, 'treatment.lastInjectionDate');
    if (last < start)
      throw new ClinicalInputError('treatment.lastInjectionDate', 'inconsistent', 'before the start date');
  }
  optionalBooleanAt(r.stopped, 'treatment', 'stopped');
}

/**
 * Checks a patient record against the declared types and ranges; dates must be valid and not after `today`.
 * @throws ClinicalInputError naming the field.
 */
export function validatePatientInput(value: unknown, today: IsoDate): PatientInput {
  checkIsoDate(today, 'today');
  const patient = asRecord(value, 'patient');
  rejectKeysOutside(patient, PATIENT_KEYS, '');
  const sex = oneOfAt(patient.sex, SEXES, '', 'sex');
  let birthDate: IsoDate | undefined;
  let ageFromBirth: number | undefined;
  if (patient.birthDate !== undefined) {
    birthDate = isoDateAt(patient.birthDate, '', 'birthDate');
    checkNotAfter(birthDate, today, 'birthDate');
    ageFromBirth = completedYears(birthDate, today);
    if (ageFromBirth > AGE_RANGE.max)
      throw new ClinicalInputError('birthDate', 'outOfRange', 'age above 130');
  }
  const ageYears = optionalNumberAt(patient.ageYears, AGE_RANGE, '', 'ageYears');
  if (ageFromBirth === undefined && ageYears === undefined)
    throw new ClinicalInputError('birthDate', 'required', 'give birthDate or ageYears');
  if (ageFromBirth !== undefined && ageYears !== undefined && ageFromBirth !== ageYears) {
    throw new ClinicalInputError('ageYears', 'inconsistent', 'does not match birthDate on today');
  }
  const menopausal = optionalOneOfAt(patient.menopausalStatus, MENOPAUSAL_STATUSES, '', 'menopausalStatus');
  if (sex === 'male' && menopausal !== undefined)
    throw new ClinicalInputError('menopausalStatus', 'inconsistent', 'recorded for a man');
  if (optionalBooleanAt(patient.pregnant, '', 'pregnant') === true && sex === 'male') {
    throw new ClinicalInputError('pregnant', 'inconsistent', 'recorded for a man');
  }
  if (optionalBooleanAt(patient.lactating, '', 'lactating') === true && sex === 'male') {
    throw new ClinicalInputError('lactating', 'inconsistent', 'recorded for a man');
  }
  optionalNumberAt(patient.weightKg, WEIGHT_RANGE, '', 'weightKg');
  optionalNumberAt(patient.heightM, HEIGHT_RANGE, '', 'heightM');

  if (patient.fractures !== undefined) validateFractures(patient.fractures, birthDate, today);
  if (patient.glucocorticoids !== undefined) validateGlucocorticoids(patient.glucocorticoids);
  if (patient.falls !== undefined) validateFalls(patient.falls);
  if (patient.riskFactors !== undefined) validateRiskFactors(patient.riskFactors);
  if (patient.clinicalFindings !== undefined) validateClinicalFindings(patient.clinicalFindings);
  if (patient.contraindications !== undefined) validateContraindications(patient.contraindications);
  if (patient.circumstances !== undefined) validateCircumstances(patient.circumstances);
  if (patient.dxa !== undefined) validateDxa(patient.dxa, today);
  if (patient.vfa !== undefined) validateVfa(patient.vfa);
  if (patient.labs !== undefined) validateLabs(patient.labs);
  if (patient.calciumIntake !== undefined) validateCalciumIntake(patient.calciumIntake);
  if (patient.vitaminD !== undefined) validateVitaminD(patient.vitaminD);
  if (patient.treatment !== undefined) validateTreatment(patient.treatment, today);
  return patient as unknown as PatientInput;
}
