// R4 — BMD (DXA) classification: lowest valid site, WHO categories, T-score from BMD with R4.3 rounding, Z-scores.
import { MENOPAUSAL_STATUSES, SEXES, type MenopausalStatus, type Sex } from './codes';
import { DEFAULT_CONFIG, type ClinicalConfig, type ConfigKey } from './config';
import { ClinicalInputError } from './errors';
import {
  explain,
  insufficientData,
  mergeExplanations,
  notCovered,
  rule,
  type Explanation,
  type InsufficientData,
  type NotCovered,
} from './explanation';
import { roundHalfAwayFromZero } from './rounding';
import {
  AGE_RANGE,
  asRecord,
  optionalNumber,
  rejectUnknownKeys,
  requireBoolean,
  requireNumber,
  requireOneOf,
  T_SCORE_RANGE,
  type InputRecord,
} from './validation';

export { roundHalfAwayFromZero } from './rounding';

export const BMD_SITES = ['lumbarSpine', 'totalHip', 'femoralNeck', 'radius33'] as const;
export type BmdSite = (typeof BMD_SITES)[number];
/** Sites the diagnosis rests on (R4.1); the 33 % radius only stands in when hip or spine is unusable. */
export const CENTRAL_BMD_SITES = ['lumbarSpine', 'totalHip', 'femoralNeck'] as const;

export type BmdCategory = 'normal' | 'osteopenia' | 'osteoporosis' | 'severeOsteoporosis';
export type ZScoreCategory = 'belowExpectedRangeForAge' | 'withinExpectedRangeForAge';

export type BmdSiteScores = Readonly<Partial<Record<BmdSite, number>>>;

export interface BmdPopulation {
  readonly sex: Sex;
  readonly ageYears: number;
  readonly menopausalStatus: MenopausalStatus;
}

export interface BmdClassificationInput {
  /** T-scores per site as reported (they are rounded to 1 decimal before use). */
  readonly tScores: BmdSiteScores;
  readonly zScores?: BmdSiteScores;
  /** At least one fragility fracture (for the severe / established label). */
  readonly hasFragilityFracture: boolean;
  /** Who was measured; without it the WHO T-score categories are assumed to apply. */
  readonly population?: BmdPopulation;
}

export interface BmdClassification {
  readonly status: 'ok';
  readonly lowestSite: BmdSite | null;
  readonly lowestTScore: number | null;
  /** Diagnostic label; `null` when the WHO categories do not apply (Z-score population) or cannot be decided. */
  readonly category: BmdCategory | null;
  /** C5: −1.0 counts as "≤ −1.0" for the NHG treatment table and the NIV lab trigger. */
  readonly tScoreLeqMinus1ForNhgAndLab: boolean | null;
  readonly useZScore: boolean | null;
  readonly whoTScoreCategoryApplicable: boolean | null;
  readonly lowestZScore: number | null;
  readonly zCategory: ZScoreCategory | null;
  readonly sitesUsed: readonly BmdSite[];
  readonly missing: readonly string[];
  readonly explanation: Explanation;
}

const R4_1 = rule(
  'R4.1',
  ['S17', 'S18'],
  'SOURCE',
  'lowest T-score of lumbar spine, total hip and femoral neck',
);
const R4_1_RADIUS = rule(
  'R4.1',
  ['S17', 'S18'],
  'UNCONFIRMED',
  '33 % radius used because hip or spine is unusable',
);
const R4_2 = rule('R4.2', ['S18', 'S35', 'S22/004']);
const R4_2_SEVERE = rule(
  'R4.2',
  ['S18', 'S35'],
  'UNCONFIRMED',
  'severe / established osteoporosis (WHO 1994)',
);
const R4_2_NHG2012 = rule('R4.2', ['S7'], 'SOURCE', 'NHG 2012 binary label (C18)');
const R4_3 = rule(
  'R4.3',
  ['RULES.md'],
  'SOURCE',
  'rounded half away from zero to 1 decimal before classifying',
);
const R4_5 = rule('R4.5', ['S35']);
const CATEGORY_KEYS: readonly ConfigKey[] = [
  'densitometry.diagnosticScheme',
  'densitometry.minusOneHandling',
  'densitometry.reportSevereOsteoporosis',
  'densitometry.useRadius33AsFallback',
];
const Z_KEYS: readonly ConfigKey[] = [
  'densitometry.zScoreBelowExpectedMax',
  'densitometry.zScoreMenBelowAgeYears',
];

/** R4.3: T-scores are compared after rounding half away from zero to 1 decimal. */
export function roundTScore(tScore: number): number {
  return roundHalfAwayFromZero(tScore, 1);
}

/** R4.2 WHO category of a (rounded) T-score: −1.0 is normal, −2.5 is osteoporosis. */
export function whoCategory(
  tScore: number,
  hasFragilityFracture: boolean,
  config: ClinicalConfig = DEFAULT_CONFIG,
): BmdCategory {
  const t = roundTScore(tScore);
  if (config.entries['densitometry.diagnosticScheme'].value === 'NHG2012binary')
    return t <= -2.5 ? 'osteoporosis' : 'normal';
  if (t >= -1.0) return 'normal';
  if (t > -2.5) return 'osteopenia';
  return hasFragilityFracture && config.entries['densitometry.reportSevereOsteoporosis'].value
    ? 'severeOsteoporosis'
    : 'osteoporosis';
}

/** R4.2 / C5: whether T counts as "≤ −1.0" for the NHG table and the NIV lab rule (default: −1.0 does). */
export function tScoreLeqMinus1ForNhgAndLab(
  tScore: number,
  config: ClinicalConfig = DEFAULT_CONFIG,
): boolean {
  const t = roundTScore(tScore);
  return config.entries['densitometry.minusOneHandling'].value === 'lowForNhgAndLab' ? t <= -1.0 : t < -1.0;
}

/** R4.5: Z ≤ −2.0 is below the expected range for age; Z > −2.0 is within it. */
export function zScoreCategory(zScore: number, config: ClinicalConfig = DEFAULT_CONFIG): ZScoreCategory {
  return roundTScore(zScore) <= config.entries['densitometry.zScoreBelowExpectedMax'].value
    ? 'belowExpectedRangeForAge'
    : 'withinExpectedRangeForAge';
}

/**
 * R4.5: premenopausal women and men under 50 are described by Z-scores; WHO T-score categories apply to
 * postmenopausal women, women in the menopausal transition and men aged ≥ 50. `null` = menopausal status unknown.
 */
export function usesZScore(
  population: BmdPopulation,
  config: ClinicalConfig = DEFAULT_CONFIG,
): boolean | null {
  if (population.sex === 'male')
    return population.ageYears < config.entries['densitometry.zScoreMenBelowAgeYears'].value;
  switch (population.menopausalStatus) {
    case 'premenopausal':
      return true;
    case 'perimenopausal':
    case 'postmenopausal':
      return false;
    case 'unknown':
      return null;
  }
}

function lowestOf(scores: BmdSiteScores, sites: readonly BmdSite[]): { site: BmdSite; score: number } | null {
  let best: { site: BmdSite; score: number } | null = null;
  for (const site of sites) {
    const raw = scores[site];
    if (raw === undefined) continue;
    const score = roundTScore(raw);
    // Strictly lower only: on a tie the earlier site in R4.1 order (spine, total hip, neck) is reported.
    if (best === null || score < best.score) best = { site, score };
  }
  return best;
}

/** R4.1: the sites the diagnosis may rest on, adding the 33 % radius only when hip or spine is unusable. */
export function diagnosticSites(
  scores: BmdSiteScores,
  config: ClinicalConfig = DEFAULT_CONFIG,
): readonly BmdSite[] {
  const sites: BmdSite[] = CENTRAL_BMD_SITES.filter((site) => scores[site] !== undefined);
  const hipUnusable = scores.totalHip === undefined && scores.femoralNeck === undefined;
  const spineUnusable = scores.lumbarSpine === undefined;
  if (
    scores.radius33 !== undefined &&
    (hipUnusable || spineUnusable) &&
    config.entries['densitometry.useRadius33AsFallback'].value
  ) {
    sites.push('radius33');
  }
  return sites;
}

/** R4.1–R4.5 on clean input. */
export function classifyBmdUnchecked(
  input: BmdClassificationInput,
  config: ClinicalConfig,
): BmdClassification | InsufficientData {
  const sites = diagnosticSites(input.tScores, config);
  const lowest = lowestOf(input.tScores, sites);
  const zRoute = input.population === undefined ? false : usesZScore(input.population, config);
  const zSites = input.zScores === undefined ? [] : diagnosticSites(input.zScores, config);
  const lowestZ = input.zScores === undefined ? null : lowestOf(input.zScores, zSites);
  if (lowest === null && !(zRoute === true && lowestZ !== null)) {
    return insufficientData(['dxa.tScore'], explain([R4_1, R4_2]));
  }
  const missing: string[] = [];
  if (zRoute === null) missing.push('menopausalStatus');
  if (zRoute === true && lowestZ === null) missing.push('dxa.zScore');
  const rules = [R4_1, R4_3];
  if (sites.includes('radius33')) rules.push(R4_1_RADIUS);
  let category: BmdCategory | null = null;
  if (zRoute === false && lowest !== null) {
    category = whoCategory(lowest.score, input.hasFragilityFracture, config);
    rules.push(config.entries['densitometry.diagnosticScheme'].value === 'WHO' ? R4_2 : R4_2_NHG2012);
    if (category === 'severeOsteoporosis') rules.push(R4_2_SEVERE);
  }
  if (zRoute !== false) rules.push(R4_5);
  return {
    status: 'ok',
    lowestSite: lowest?.site ?? null,
    lowestTScore: lowest?.score ?? null,
    category,
    tScoreLeqMinus1ForNhgAndLab: lowest === null ? null : tScoreLeqMinus1ForNhgAndLab(lowest.score, config),
    useZScore: zRoute,
    whoTScoreCategoryApplicable: zRoute === null ? null : !zRoute,
    lowestZScore: lowestZ?.score ?? null,
    zCategory: zRoute === true && lowestZ !== null ? zScoreCategory(lowestZ.score, config) : null,
    sitesUsed: lowest === null ? zSites : sites,
    missing,
    explanation: explain(rules, zRoute === false ? CATEGORY_KEYS : [...CATEGORY_KEYS, ...Z_KEYS], [
      'C5',
      'C18',
    ]),
  };
}

function readSiteScores(record: InputRecord, prefix: string): BmdSiteScores {
  rejectUnknownKeys(record, BMD_SITES, prefix);
  const scores: Partial<Record<BmdSite, number>> = {};
  for (const site of BMD_SITES) {
    const value = optionalNumber(record, site, prefix, T_SCORE_RANGE);
    if (value !== undefined) scores[site] = value;
  }
  return scores;
}

export function validateBmdClassificationInput(value: unknown): BmdClassificationInput {
  const record = asRecord(value, '');
  rejectUnknownKeys(record, ['tScores', 'zScores', 'hasFragilityFracture', 'population'], '');
  const tScores = readSiteScores(asRecord(record.tScores, 'tScores'), 'tScores');
  const zScores =
    record.zScores === undefined ? undefined : readSiteScores(asRecord(record.zScores, 'zScores'), 'zScores');
  let population: BmdPopulation | undefined;
  if (record.population !== undefined) {
    const p = asRecord(record.population, 'population');
    rejectUnknownKeys(p, ['sex', 'ageYears', 'menopausalStatus'], 'population');
    population = {
      sex: requireOneOf(p, 'sex', 'population', SEXES),
      ageYears: requireNumber(p, 'ageYears', 'population', AGE_RANGE),
      menopausalStatus: requireOneOf(p, 'menopausalStatus', 'population', MENOPAUSAL_STATUSES),
    };
  }
  return {
    tScores,
    ...(zScores === undefined ? {} : { zScores }),
    hasFragilityFracture: requireBoolean(record, 'hasFragilityFracture', ''),
    ...(population === undefined ? {} : { population }),
  };
}

/**
 * R4.1–R4.5: lowest valid T-score (rounded, R4.3), WHO category (T = −1.0 normal, −2.5 osteoporosis, severe with a
 * fragility fracture [UNCONFIRMED]), the C5 "≤ −1.0" flag for the NHG table and lab, and the Z-score route for
 * premenopausal women and men under 50.
 * @throws ClinicalInputError for out-of-range scores or unknown fields.
 */
export function classifyBmd(
  input: BmdClassificationInput,
  config: ClinicalConfig = DEFAULT_CONFIG,
): BmdClassification | InsufficientData {
  return classifyBmdUnchecked(validateBmdClassificationInput(input), config);
}

// ── R4.4 scores from BMD ───────────────────────────────────────────────────────────────────────────────────

export interface ReferenceValues {
  readonly meanGcm2: number;
  readonly sdGcm2: number;
}

export interface ComputedScore {
  readonly status: 'ok';
  readonly scoreRaw: number;
  /** R4.3: rounded half away from zero to 1 decimal; classify only this value. */
  readonly scoreRounded: number;
  readonly explanation: Explanation;
}

const R4_4 = rule('R4.4', ['S17', 'S36']);
const R4_4_NHANES = rule(
  'R4.4',
  ['S36'],
  'UNCONFIRMED',
  'NHANES III young-adult constants not found in the cited sources',
);
const COMPUTED_EXPLANATION = explain([R4_4, R4_3], ['densitometry.preferReportedScores'], ['C10']);

/** R4.4 + R4.3: (BMD − mean) / SD, rounded to 1 decimal before any classification. */
export function scoreFromBmdUnchecked(bmdGcm2: number, reference: ReferenceValues): ComputedScore {
  const scoreRaw = (bmdGcm2 - reference.meanGcm2) / reference.sdGcm2;
  return { status: 'ok', scoreRaw, scoreRounded: roundTScore(scoreRaw), explanation: COMPUTED_EXPLANATION };
}

const BMD_RANGE = { min: 0.05, max: 3 } as const;

/**
 * R4.4 T-score (or Z-score, with age- and sex-matched reference values) from BMD in g/cm², rounded per R4.3:
 * (0.558 − 0.858) / 0.120 → −2.5.
 * @throws ClinicalInputError for out-of-range BMD or reference values, or a result outside −10…+10.
 */
export function scoreFromBmd(bmdGcm2: number, reference: ReferenceValues): ComputedScore {
  const record = asRecord(reference, 'reference');
  rejectUnknownKeys(record, ['meanGcm2', 'sdGcm2'], 'reference');
  const bmd = requireNumber({ bmdGcm2 }, 'bmdGcm2', '', BMD_RANGE);
  const meanGcm2 = requireNumber(record, 'meanGcm2', 'reference', BMD_RANGE);
  const sdGcm2 = requireNumber(record, 'sdGcm2', 'reference', { min: 0.001, max: 1 });
  const result = scoreFromBmdUnchecked(bmd, { meanGcm2, sdGcm2 });
  if (Math.abs(result.scoreRounded) > 10)
    throw new ClinicalInputError('bmdGcm2', 'outOfRange', 'score outside −10…+10');
  return result;
}

/**
 * R4.4 / C10: young-adult reference values the engine may use itself — NHANES III for femoral neck and total hip
 * ([UNCONFIRMED] constants). The lumbar spine and radius use the manufacturer's database, so only the DXA report
 * can give their T-score; a male reference for men is not available.
 */
export function youngAdultReference(
  site: BmdSite,
  sex: Sex | undefined,
  config: ClinicalConfig = DEFAULT_CONFIG,
):
  | { readonly status: 'ok'; readonly reference: ReferenceValues; readonly explanation: Explanation }
  | NotCovered {
  const keys: ConfigKey[] = ['densitometry.menReferencePopulation'];
  if (sex === 'male' && config.entries['densitometry.menReferencePopulation'].value === 'male') {
    return notCovered(
      'R4.4',
      'male young-adult reference values are not available; use the T-score from the DXA report',
      explain([R4_4], keys, ['C10']),
    );
  }
  switch (site) {
    case 'femoralNeck':
      keys.push('densitometry.nhanesFemoralNeckMeanGcm2', 'densitometry.nhanesFemoralNeckSdGcm2');
      return {
        status: 'ok',
        reference: {
          meanGcm2: config.entries['densitometry.nhanesFemoralNeckMeanGcm2'].value,
          sdGcm2: config.entries['densitometry.nhanesFemoralNeckSdGcm2'].value,
        },
        explanation: explain([R4_4_NHANES], keys, ['C10']),
      };
    case 'totalHip':
      keys.push('densitometry.nhanesTotalHipMeanGcm2', 'densitometry.nhanesTotalHipSdGcm2');
      return {
        status: 'ok',
        reference: {
          meanGcm2: config.entries['densitometry.nhanesTotalHipMeanGcm2'].value,
          sdGcm2: config.entries['densitometry.nhanesTotalHipSdGcm2'].value,
        },
        explanation: explain([R4_4_NHANES], keys, ['C10']),
      };
    case 'lumbarSpine':
    case 'radius33':
      return notCovered(
        'R4.4',
        `${site}: manufacturer reference database; take the T-score from the DXA report`,
        explain([R4_4], keys, ['C10']),
      );
  }
}

/** Combines a computed score's explanation with the classification it fed. */
export function withComputedScoreExplanation(
  classification: BmdClassification,
  computed: Explanation,
): BmdClassification {
  return { ...classification, explanation: mergeExplanations(classification.explanation, computed) };
}
