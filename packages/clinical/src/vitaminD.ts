// R13 — vitamin D: population advice (GR 2012 default, GR 2008 as printed in leaflet 004; C8), the dose with
// fracture-prevention medication, the 25(OH)D route before starting a drug, and the fall-risk dose check.
import { SEXES, type Sex } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { ClinicalInputError } from './errors';
import { explain, notCovered, rule, type Explanation, type NotCovered } from './explanation';
import {
  AGE_RANGE,
  asRecord,
  optionalBoolean,
  optionalNumber,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
} from './validation';

/** 1 µg vitamin D = 40 IU. */
export const IU_PER_MICROGRAM = 40;

export type VitaminDScheme = 'GR2012' | 'GR2008';

export interface PopulationVitaminDAdvice {
  readonly status: 'ok';
  readonly scheme: VitaminDScheme;
  readonly extraVitaminDMicrogramPerDay: 0 | 10 | 20;
  readonly IU: number;
  /** The scheme lines that matched (for letters: why this amount). */
  readonly matchedGroups: readonly string[];
  readonly explanation: Explanation;
}

// ── GR 2012 ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface Gr2012Input {
  readonly ageYears: number;
  readonly sex: Sex;
  readonly darkSkin: boolean;
  readonly outdoorsSufficient: boolean;
  readonly bodyCovering: boolean;
  readonly pregnant?: boolean;
}

const GR2012_EXPLANATION = explain([rule('R13.1', ['S47', 'S48', 'S21'])], ['vitaminD.scheme'], ['C8']);

function advice(
  scheme: VitaminDScheme,
  microgram: 0 | 10 | 20,
  groups: readonly string[],
  explanation: Explanation,
): PopulationVitaminDAdvice {
  return {
    status: 'ok',
    scheme,
    extraVitaminDMicrogramPerDay: microgram,
    IU: microgram * IU_PER_MICROGRAM,
    matchedGroups: groups,
    explanation,
  };
}

/** R13.1 on clean input. */
export function vitaminDGr2012Unchecked(input: Gr2012Input): PopulationVitaminDAdvice {
  const age = input.ageYears;
  if (age >= 70) return advice('GR2012', 20, ['everyoneAged70OrOlder'], GR2012_EXPLANATION);
  const groups: string[] = [];
  if (age < 4) groups.push('childUnder4');
  if (input.darkSkin) groups.push('darkSkin');
  if (!input.outdoorsSufficient) groups.push('littleTimeOutdoors');
  if (input.bodyCovering) groups.push('bodyCoveringClothing');
  if (input.pregnant === true) groups.push('pregnant');
  if (input.sex === 'female' && age >= 50) groups.push('womanAged50To70');
  return advice('GR2012', groups.length > 0 ? 10 : 0, groups, GR2012_EXPLANATION);
}

// ── GR 2008 ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface Gr2008Input {
  readonly ageYears: number;
  readonly sex: Sex;
  readonly darkSkin: boolean;
  readonly outdoorsSufficient: boolean;
  readonly veil: boolean;
  readonly pregnantOrLactating: boolean;
  readonly nursingHome: boolean;
  readonly osteoporosis: boolean;
  /** Child drinking more than 0.5 l infant or follow-on formula a day (the under-4 line then does not apply). */
  readonly formulaOver500mlPerDay?: boolean;
}

const GR2008_EXPLANATION = explain(
  [rule('R13.2', ['S50', 'S22/004'])],
  ['vitaminD.scheme', 'vitaminD.gr2008TouchingAgeRule'],
  ['C8'],
);
const GR2008_BOUNDARY_EXPLANATION = explain(
  [
    rule('R13.2', ['S50', 'S22/004']),
    rule('R13.2', ['S22/004'], 'INFERRED', 'age exactly at the touching boundary (50 women / 70 men)'),
  ],
  ['vitaminD.scheme', 'vitaminD.gr2008TouchingAgeRule'],
  ['C8'],
);

/** R13.2 on clean input: every printed line is tested and the highest matching amount wins. */
export function vitaminDGr2008Unchecked(
  input: Gr2008Input,
  config: ClinicalConfig,
): PopulationVitaminDAdvice {
  const age = input.ageYears;
  const boundary = input.sex === 'female' ? 50 : 70;
  const atBoundary = age === boundary;
  const touching = config.entries['vitaminD.gr2008TouchingAgeRule'].value;
  // "4 to 50" / "up to 50" and "50 or older" both contain 50 (70 for men); the configuration says who wins there.
  const inYounger = age <= boundary && !(atBoundary && touching === 'olderGroup');
  const inOlder = age >= boundary && !(atBoundary && touching === 'youngerGroup');
  const lines: [string, 10 | 20][] = [];
  if (age < 4 && input.formulaOver500mlPerDay !== true) lines.push(['childUnder4', 10]);
  if (input.osteoporosis) lines.push(['osteoporosis', 20]);
  if (input.nursingHome) lines.push(['nursingOrCareHome', 20]);
  if (age >= 4 && inYounger && input.darkSkin)
    lines.push([input.sex === 'female' ? 'woman4To50DarkSkin' : 'man4To70DarkSkin', 10]);
  if (age >= 4 && inYounger && !input.outdoorsSufficient)
    lines.push([input.sex === 'female' ? 'woman4To50LittleOutdoors' : 'man4To70LittleOutdoors', 10]);
  if (inOlder && !input.darkSkin && input.outdoorsSufficient)
    lines.push([input.sex === 'female' ? 'woman50PlusLightSkinOutdoors' : 'man70PlusLightSkinOutdoors', 10]);
  // The leaflet's 20 µg line reads "with dark skin who goes outside too little": both conditions, as printed.
  if (inOlder && input.darkSkin && !input.outdoorsSufficient)
    lines.push([
      input.sex === 'female' ? 'woman50PlusDarkSkinLittleOutdoors' : 'man70PlusDarkSkinLittleOutdoors',
      20,
    ]);
  if (input.sex === 'female') {
    if (inYounger && input.veil) lines.push(['womanUpTo50Veil', 10]);
    if (inOlder && input.veil) lines.push(['woman50PlusVeil', 20]);
    if (input.pregnantOrLactating) lines.push(['pregnantOrBreastfeeding', 10]);
  }
  const microgram = lines.reduce<0 | 10 | 20>((max, [, dose]) => (dose > max ? dose : max), 0);
  return advice(
    'GR2008',
    microgram,
    lines.map(([name]) => name),
    atBoundary ? GR2008_BOUNDARY_EXPLANATION : GR2008_EXPLANATION,
  );
}

// ── Validated entry points ──────────────────────────────────────────────────────────────────────────────────

function checkPregnancy(sex: Sex, value: boolean | undefined, field: string): void {
  if (value === true && sex === 'male')
    throw new ClinicalInputError(field, 'inconsistent', 'pregnancy recorded for a man');
}

export function validateGr2012Input(value: unknown, prefix = ''): Gr2012Input {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(
    record,
    ['ageYears', 'sex', 'darkSkin', 'outdoorsSufficient', 'bodyCovering', 'pregnant'],
    prefix,
  );
  const sex = requireOneOf(record, 'sex', prefix, SEXES);
  const pregnant = optionalBoolean(record, 'pregnant', prefix);
  checkPregnancy(sex, pregnant, 'pregnant');
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    sex,
    darkSkin: requireBoolean(record, 'darkSkin', prefix),
    outdoorsSufficient: requireBoolean(record, 'outdoorsSufficient', prefix),
    bodyCovering: requireBoolean(record, 'bodyCovering', prefix),
    ...(pregnant === undefined ? {} : { pregnant }),
  };
}

export function validateGr2008Input(value: unknown, prefix = ''): Gr2008Input {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(
    record,
    [
      'ageYears',
      'sex',
      'darkSkin',
      'outdoorsSufficient',
      'veil',
      'pregnantOrLactating',
      'nursingHome',
      'osteoporosis',
      'formulaOver500mlPerDay',
    ],
    prefix,
  );
  const sex = requireOneOf(record, 'sex', prefix, SEXES);
  const pregnantOrLactating = requireBoolean(record, 'pregnantOrLactating', prefix);
  checkPregnancy(sex, pregnantOrLactating, 'pregnantOrLactating');
  const formula = optionalBoolean(record, 'formulaOver500mlPerDay', prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    sex,
    darkSkin: requireBoolean(record, 'darkSkin', prefix),
    outdoorsSufficient: requireBoolean(record, 'outdoorsSufficient', prefix),
    veil: requireBoolean(record, 'veil', prefix),
    pregnantOrLactating,
    nursingHome: requireBoolean(record, 'nursingHome', prefix),
    osteoporosis: requireBoolean(record, 'osteoporosis', prefix),
    ...(formula === undefined ? {} : { formulaOver500mlPerDay: formula }),
  };
}

/**
 * R13.1 (GR 2012): everyone ≥ 70 → 20 µg; 10 µg for children under 4, dark skin, little time outdoors,
 * body-covering clothing, pregnancy and all women 50–70; otherwise 0.
 * @throws ClinicalInputError for out-of-range or inconsistent input.
 */
export function vitaminDGr2012(input: Gr2012Input): PopulationVitaminDAdvice {
  return vitaminDGr2012Unchecked(validateGr2012Input(input));
}

/**
 * R13.2 (GR 2008, leaflet 004): the printed 10 µg and 20 µg lines; a person matching none gets 0; at the touching
 * ages (women 50, men 70) `vitaminD.gr2008TouchingAgeRule` decides [INFERRED].
 * @throws ClinicalInputError for out-of-range or inconsistent input.
 */
export function vitaminDGr2008(
  input: Gr2008Input,
  config: ClinicalConfig = DEFAULT_CONFIG,
): PopulationVitaminDAdvice {
  return vitaminDGr2008Unchecked(validateGr2008Input(input), config);
}

// ── R13.3 with fracture-prevention medication ───────────────────────────────────────────────────────────────

export interface VitaminDWithMedication {
  readonly status: 'ok';
  readonly vitaminD3IUPerDay: number;
  readonly microgramPerDay: number;
  readonly weeklyAlternativeIU: number;
  /** Colecalciferol drink 50 000 IU/ml: 2 drops (2 × 2500 IU) once a week. */
  readonly weeklyDropsAlternativeIU: number;
  readonly lifelong: true;
  readonly encourageDaylightOutdoors: true;
  readonly explanation: Explanation;
}

/**
 * R13.3: with an indication for fracture-prevention medication, vitamin D3 800 IU (20 µg) daily, or 5600 IU once
 * a week, in principle for life.
 */
export function vitaminDWithMedication(config: ClinicalConfig = DEFAULT_CONFIG): VitaminDWithMedication {
  const iu = config.entries['vitaminD.onTherapyIUPerDay'].value;
  return {
    status: 'ok',
    vitaminD3IUPerDay: iu,
    microgramPerDay: iu / IU_PER_MICROGRAM,
    weeklyAlternativeIU: config.entries['vitaminD.weeklyAlternativeIU'].value,
    weeklyDropsAlternativeIU: 5000,
    lifelong: true,
    encourageDaylightOutdoors: true,
    explanation: explain(
      [rule('R13.3', ['S20'])],
      ['vitaminD.onTherapyIUPerDay', 'vitaminD.weeklyAlternativeIU'],
      ['C8'],
    ),
  };
}

// ── R13.4 low 25(OH)D before starting a drug ───────────────────────────────────────────────────────────────

export type LowVitaminDAction =
  | 'consultInternistPossibleOsteomalacia'
  | 'vitaminD3_800IU_daily'
  | 'referSecondaryCareDoNotStart'
  | 'standardVitaminD3_800IU_daily';

export interface LowVitaminDInput {
  readonly serum25OHDNmolL: number;
  readonly albuminCorrectedCalciumLow: boolean;
  readonly osteomalaciaSymptoms: boolean;
}

export interface LowVitaminDResult {
  readonly status: 'ok';
  readonly action: LowVitaminDAction;
  /** Weeks of vitamin D3 before the drug starts; `null` when the drug does not start on this route. */
  readonly startFracturePreventionDrugAfterWeeks: number | null;
  readonly doNotStartFracturePreventionDrug: boolean;
  /** `null` when the source says nothing about re-checking for this row. */
  readonly recheckLevel: boolean | null;
  readonly explanation: Explanation;
}

const R13_4 = rule('R13.4', ['S20']);
const R13_4_KEYS = ['vitaminD.deficiencyBelowNmolL', 'vitaminD.delayDrugStartWeeks'] as const;

const EXPLAIN_R13_4 = explain([R13_4], R13_4_KEYS);
const EXPLAIN_LOW_CALCIUM = explain(
  [
    R13_4,
    rule('R13.4', ['S20'], 'SOURCE', 'low calcium: refer, do not start (action code chosen by the engine)'),
  ],
  R13_4_KEYS,
);
const EXPLAIN_ADEQUATE = explain(
  [R13_4, rule('R13.4', ['S20'], 'INFERRED', 're-check not discussed for an adequate level')],
  [...R13_4_KEYS, 'vitaminD.recheckLevelWhenAdequate'],
);
const NO_ROW = notCovered(
  'R13.4',
  '25(OH)D ≥ 30 nmol/L with low albumin-corrected calcium or osteomalacia symptoms has no row in the protocol',
  EXPLAIN_R13_4,
);

function lowVitaminDResult(
  action: LowVitaminDAction,
  weeks: number | null,
  recheck: boolean | null,
  calciumLow: boolean,
  explanation: Explanation,
): LowVitaminDResult {
  return {
    status: 'ok',
    action,
    startFracturePreventionDrugAfterWeeks: weeks,
    doNotStartFracturePreventionDrug: weeks === null && calciumLow,
    recheckLevel: recheck,
    explanation,
  };
}

/** R13.4 on clean input (rows tested in table order). */
export function lowVitaminDBeforeTreatmentUnchecked(
  input: LowVitaminDInput,
  config: ClinicalConfig,
): LowVitaminDResult | NotCovered {
  const low = input.serum25OHDNmolL < config.entries['vitaminD.deficiencyBelowNmolL'].value;
  const calciumLow = input.albuminCorrectedCalciumLow;
  if (low) {
    if (input.osteomalaciaSymptoms)
      return lowVitaminDResult('consultInternistPossibleOsteomalacia', null, null, calciumLow, EXPLAIN_R13_4);
    if (calciumLow)
      return lowVitaminDResult('referSecondaryCareDoNotStart', null, null, calciumLow, EXPLAIN_LOW_CALCIUM);
    return lowVitaminDResult(
      'vitaminD3_800IU_daily',
      config.entries['vitaminD.delayDrugStartWeeks'].value,
      false,
      calciumLow,
      EXPLAIN_R13_4,
    );
  }
  if (!calciumLow && !input.osteomalaciaSymptoms) {
    return lowVitaminDResult(
      'standardVitaminD3_800IU_daily',
      0,
      config.entries['vitaminD.recheckLevelWhenAdequate'].value,
      calciumLow,
      EXPLAIN_ADEQUATE,
    );
  }
  return NO_ROW;
}

/**
 * R13.4: 25(OH)D < 30 with osteomalacia symptoms → consult an internist; < 30 with low calcium → refer, do not
 * start the drug; < 30 otherwise → 800 IU daily and start the drug after 6 weeks (no re-check); ≥ 30 with normal
 * calcium and no symptoms → standard 800 IU and start. Other combinations are not covered.
 * @throws ClinicalInputError for out-of-range input.
 */
export function lowVitaminDBeforeTreatment(
  input: LowVitaminDInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): LowVitaminDResult | NotCovered {
  return lowVitaminDBeforeTreatmentUnchecked(validateLowVitaminDInput(input), config);
}

export function validateLowVitaminDInput(value: unknown): LowVitaminDInput {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['serum25OHDNmolL', 'albuminCorrectedCalciumLow', 'osteomalaciaSymptoms'], '');
  return {
    serum25OHDNmolL: requireNumber(record, 'serum25OHDNmolL', '', { min: 0, max: 1000 }),
    albuminCorrectedCalciumLow: requireBoolean(record, 'albuminCorrectedCalciumLow', ''),
    osteomalaciaSymptoms: requireBoolean(record, 'osteomalaciaSymptoms', ''),
  };
}

// ── Dose check (R7.3 / R13.3) ──────────────────────────────────────────────────────────────────────────────

export interface VitaminDDoseInput {
  readonly dailyIU?: number;
  readonly monthlyBolusIU?: number;
}

export interface VitaminDDoseCheck {
  readonly status: 'ok';
  readonly avoidFallRisk: boolean;
  readonly explanation: Explanation;
}

const DOSE_EXPLANATION = explain(
  [rule('R7.3', ['S20']), rule('R13.3', ['S20'])],
  ['vitaminD.fallRiskDailyIU', 'vitaminD.fallRiskMonthlyBolusIU'],
);

export function vitaminDDoseCheckUnchecked(
  input: VitaminDDoseInput,
  config: ClinicalConfig,
): VitaminDDoseCheck {
  const daily =
    input.dailyIU !== undefined && input.dailyIU >= config.entries['vitaminD.fallRiskDailyIU'].value;
  const bolus =
    input.monthlyBolusIU !== undefined &&
    input.monthlyBolusIU >= config.entries['vitaminD.fallRiskMonthlyBolusIU'].value;
  return { status: 'ok', avoidFallRisk: daily || bolus, explanation: DOSE_EXPLANATION };
}

/**
 * R7.3 / R13.3: doses of ≥ 3000 IU a day or boluses of ≥ 60 000 IU a month are advised against (fall risk).
 * @throws ClinicalInputError when neither dose is given or a dose is negative.
 */
export function vitaminDDoseCheck(
  input: VitaminDDoseInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): VitaminDDoseCheck {
  return vitaminDDoseCheckUnchecked(validateVitaminDDoseInput(input), config);
}

export function validateVitaminDDoseInput(value: unknown): VitaminDDoseInput {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['dailyIU', 'monthlyBolusIU'], '');
  const dailyIU = optionalNumber(record, 'dailyIU', '', { min: 0, max: 10_000_000 });
  const monthlyBolusIU = optionalNumber(record, 'monthlyBolusIU', '', { min: 0, max: 10_000_000 });
  if (dailyIU === undefined && monthlyBolusIU === undefined)
    throw new ClinicalInputError('dailyIU', 'required', 'give dailyIU or monthlyBolusIU');
  return {
    ...(dailyIU === undefined ? {} : { dailyIU }),
    ...(monthlyBolusIU === undefined ? {} : { monthlyBolusIU }),
  };
}
