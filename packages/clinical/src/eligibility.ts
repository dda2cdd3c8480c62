// R1 — who enters the FLS work-up (DXA + VFA + lab + fall risk) after a fracture.
import { addCalendarMonths, type IsoDate } from './calendarDate';
import {
  EXCLUDED_FRACTURE_SITE_CODES,
  FRACTURE_SITE_CODES,
  SEXES,
  type ExcludedFractureSiteCode,
  type FractureSiteCode,
  type Sex,
} from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig } from './config';
import { ClinicalInputError } from './errors';
import { explain, rule, type Explanation } from './explanation';
import {
  AGE_RANGE,
  asRecord,
  checkIsoDate,
  checkNonEmptyString,
  optionalBoolean,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
} from './validation';

export interface EligibilityInput {
  readonly ageYears: number;
  readonly sex: Sex;
  /** A code of R1.2 or R1.3; any other site is answered with manual review. */
  readonly fractureLocation: string;
  readonly fractureIsRecent: boolean;
  readonly isPathologicalFracture: boolean;
  readonly isHighEnergyTrauma: boolean;
  readonly lifeExpectancyUnder1Year?: boolean;
  readonly nursingHomeResident?: boolean;
  readonly complexMultimorbidityDeclined?: boolean;
}

export type EligibilityReason =
  | 'qualifyingFracture'
  | 'ageBelow50'
  | 'excludedLocation'
  | 'pathologicalFracture'
  | 'highEnergyTrauma'
  | 'unknownLocation'
  | 'noRecentFracture';

export type SharedDecisionGround =
  'lifeExpectancyUnder1Year' | 'nursingHomeResident' | 'complexMultimorbidityDeclined';

export interface EligibilityResult {
  readonly status: 'ok';
  /** `null` = the site is in neither list: a person decides (`action: 'manualReview'`). */
  readonly eligible: boolean | null;
  readonly reason: EligibilityReason;
  readonly sharedDecisionRecommended: boolean;
  readonly sharedDecisionGrounds: readonly SharedDecisionGround[];
  readonly action?: 'manualReview';
  readonly explanation: Explanation;
}

const QUALIFYING_SITES: ReadonlySet<string> = new Set(FRACTURE_SITE_CODES);
const EXCLUDED_SITES: ReadonlySet<string> = new Set(EXCLUDED_FRACTURE_SITE_CODES);

/** R1.2: the site is on the qualifying list. */
export function isQualifyingFractureSite(site: string): site is FractureSiteCode {
  return QUALIFYING_SITES.has(site);
}

/** R1.3: fractures of the face, skull, fingers, toes or cervical spine never start the work-up. */
export function isExcludedFractureSite(site: string): site is ExcludedFractureSiteCode {
  return EXCLUDED_SITES.has(site);
}

const R1_1 = rule('R1.1', ['S1']);
const R1_2 = rule('R1.2', ['S1']);
const R1_3 = rule('R1.3', ['S1']);
const R1_4 = rule('R1.4', ['S1']);
const R1_3_UNKNOWN = rule('R1.3', ['S1'], 'SOURCE', 'site in neither R1.2 nor R1.3: manual review');
const AGE_KEYS = ['eligibility.minimumAgeYears'] as const;

const EXPLANATIONS: Readonly<Record<EligibilityReason, Explanation>> = {
  noRecentFracture: explain([R1_1], ['eligibility.recentFractureWindowMonths'], ['C2']),
  ageBelow50: explain([R1_1], AGE_KEYS, ['C1']),
  excludedLocation: explain([R1_1, R1_3], AGE_KEYS, ['C1']),
  pathologicalFracture: explain([R1_1, R1_2, R1_3], AGE_KEYS, ['C1']),
  highEnergyTrauma: explain([R1_1, R1_2, R1_3], AGE_KEYS, ['C1']),
  unknownLocation: explain([R1_1, R1_3_UNKNOWN], AGE_KEYS, ['C1']),
  qualifyingFracture: explain([R1_1, R1_2, R1_3, R1_4], AGE_KEYS, ['C1']),
};

function sharedDecisionGrounds(input: EligibilityInput): SharedDecisionGround[] {
  const grounds: SharedDecisionGround[] = [];
  if (input.lifeExpectancyUnder1Year === true) grounds.push('lifeExpectancyUnder1Year');
  if (input.nursingHomeResident === true) grounds.push('nursingHomeResident');
  if (input.complexMultimorbidityDeclined === true) grounds.push('complexMultimorbidityDeclined');
  return grounds;
}

function decisionReason(input: EligibilityInput, config: ClinicalConfig): EligibilityReason {
  // Order fixed by RULES.md section V: recent → age → excluded site → pathological → high energy → unknown site.
  if (!input.fractureIsRecent) return 'noRecentFracture';
  if (input.ageYears < config.entries['eligibility.minimumAgeYears'].value) return 'ageBelow50';
  if (isExcludedFractureSite(input.fractureLocation)) return 'excludedLocation';
  if (input.isPathologicalFracture) return 'pathologicalFracture';
  if (input.isHighEnergyTrauma) return 'highEnergyTrauma';
  if (!isQualifyingFractureSite(input.fractureLocation)) return 'unknownLocation';
  return 'qualifyingFracture';
}

/** R1.1–R1.4 on clean input (no validation). */
export function assessEligibilityUnchecked(
  input: EligibilityInput,
  config: ClinicalConfig,
): EligibilityResult {
  const reason = decisionReason(input, config);
  const eligible = reason === 'qualifyingFracture' ? true : reason === 'unknownLocation' ? null : false;
  // R1.4 is not an exclusion: it only flags patients who stay (possibly) eligible.
  const grounds = eligible === false ? [] : sharedDecisionGrounds(input);
  const result: EligibilityResult = {
    status: 'ok',
    eligible,
    reason,
    sharedDecisionRecommended: grounds.length > 0,
    sharedDecisionGrounds: grounds,
    explanation: EXPLANATIONS[reason],
  };
  return eligible === null ? { ...result, action: 'manualReview' } : result;
}

const ELIGIBILITY_KEYS = new Set([
  'ageYears',
  'sex',
  'fractureLocation',
  'fractureIsRecent',
  'isPathologicalFracture',
  'isHighEnergyTrauma',
  'lifeExpectancyUnder1Year',
  'nursingHomeResident',
  'complexMultimorbidityDeclined',
]);

export function validateEligibilityInput(value: unknown, prefix = ''): EligibilityInput {
  const record = asRecord(value, prefix);
  rejectUnknownKeys(record, ELIGIBILITY_KEYS, prefix);
  const lifeExpectancyUnder1Year = optionalBoolean(record, 'lifeExpectancyUnder1Year', prefix);
  const nursingHomeResident = optionalBoolean(record, 'nursingHomeResident', prefix);
  const complexMultimorbidityDeclined = optionalBoolean(record, 'complexMultimorbidityDeclined', prefix);
  return {
    ageYears: requireNumber(record, 'ageYears', prefix, AGE_RANGE),
    sex: requireOneOf(record, 'sex', prefix, SEXES),
    fractureLocation: checkNonEmptyString(
      record.fractureLocation,
      prefix === '' ? 'fractureLocation' : `${prefix}.fractureLocation`,
      100,
    ),
    fractureIsRecent: requireBoolean(record, 'fractureIsRecent', prefix),
    isPathologicalFracture: requireBoolean(record, 'isPathologicalFracture', prefix),
    isHighEnergyTrauma: requireBoolean(record, 'isHighEnergyTrauma', prefix),
    ...(lifeExpectancyUnder1Year === undefined ? {} : { lifeExpectancyUnder1Year }),
    ...(nursingHomeResident === undefined ? {} : { nursingHomeResident }),
    ...(complexMultimorbidityDeclined === undefined ? {} : { complexMultimorbidityDeclined }),
  };
}

/**
 * R1 case finding: is this fracture patient eligible for the FLS work-up? Reason codes as RULES.md section V;
 * R1.4 circumstances keep the patient eligible and recommend shared decision-making.
 * @throws ClinicalInputError when the input is out of range or has unknown fields.
 */
export function assessEligibility(
  input: EligibilityInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): EligibilityResult {
  return assessEligibilityUnchecked(validateEligibilityInput(input), config);
}

/**
 * R1.1 / C2: a fracture is recent when it happened less than the configured window (default 24 calendar months)
 * before `today`; exactly 24 months ago is not recent.
 * @throws ClinicalInputError for invalid dates or a fracture dated after `today`.
 */
export function isFractureRecent(
  fractureDate: IsoDate,
  today: IsoDate,
  config: ClinicalConfig = DEFAULT_CONFIG,
): boolean {
  checkIsoDate(fractureDate, 'fractureDate');
  checkIsoDate(today, 'today');
  if (fractureDate > today) throw new ClinicalInputError('fractureDate', 'dateAfterToday');
  return isFractureRecentUnchecked(
    fractureDate,
    today,
    config.entries['eligibility.recentFractureWindowMonths'].value,
    config,
  );
}

export function isFractureRecentUnchecked(
  fractureDate: IsoDate,
  today: IsoDate,
  windowMonths: number,
  config: ClinicalConfig,
): boolean {
  return today < addCalendarMonths(fractureDate, windowMonths, config);
}
