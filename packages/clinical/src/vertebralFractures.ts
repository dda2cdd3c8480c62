// R5 — VFA: Genant grading of vertebral fractures and the per-patient category used by the NHG treatment table.
import type { VfaCategory } from './codes';
import { explain, rule, type Explanation } from './explanation';
import { checkArray, checkNumber, checkOneOf } from './validation';

export type { VfaCategory } from './codes';
export type GenantGrade = 0 | 1 | 2 | 3;
export const GENANT_GRADES: readonly GenantGrade[] = [0, 1, 2, 3];

export const VERTEBRAL_LEVELS = [
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
] as const;
export type VertebralLevel = (typeof VERTEBRAL_LEVELS)[number];

const R5_2 = rule('R5.2', ['S2', 'S8']);
const R5_4 = rule('R5.4', ['S8']);
const R5_1 = rule('R5.1', ['S2']);

/** R5.2 on clean input: < 20 % → 0; 20 to < 25 % → 1; 25 to < 40 % → 2; ≥ 40 % → 3. */
export function genantGradeUnchecked(heightLossPercent: number): GenantGrade {
  if (heightLossPercent < 20) return 0;
  if (heightLossPercent < 25) return 1;
  if (heightLossPercent < 40) return 2;
  return 3;
}

export interface GenantGradeResult {
  readonly status: 'ok';
  readonly genantGrade: GenantGrade;
  readonly explanation: Explanation;
}

const GENANT_EXPLANATION = explain([
  R5_2,
  rule('R5.2', ['Genant 1993'], 'UNCONFIRMED', 'grade 0.5 and area criteria not used'),
]);

/**
 * R5.2 Genant grade from the percentage loss of vertebral height (19.9 → 0, 20.0 → 1, 25.0 → 2, 40.0 → 3).
 * @throws ClinicalInputError when the percentage is outside 0–100.
 */
export function genantGrade(heightLossPercent: number): GenantGradeResult {
  const percent = checkNumber(heightLossPercent, 'heightLossPercent', { min: 0, max: 100 });
  return { status: 'ok', genantGrade: genantGradeUnchecked(percent), explanation: GENANT_EXPLANATION };
}

/** R5.4 on clean input. */
export function vfaCategoryUnchecked(grades: readonly GenantGrade[]): VfaCategory {
  let grade2 = 0;
  let anyGrade1 = false;
  for (const grade of grades) {
    if (grade === 3) return 'grade3';
    if (grade === 2) grade2 += 1;
    else if (grade === 1) anyGrade1 = true;
  }
  if (grade2 >= 2) return 'grade2_multiple';
  if (grade2 === 1) return 'grade2_single';
  return anyGrade1 ? 'grade1' : 'none';
}

export interface VfaCategoryResult {
  readonly status: 'ok';
  readonly vfaCategory: VfaCategory;
  readonly fracturedVertebraCount: number;
  readonly highestGrade: GenantGrade;
  readonly explanation: Explanation;
}

const VFA_EXPLANATION = explain([R5_4]);

/**
 * R5.4: `grade3` if any vertebra is grade 3, else `grade2_multiple` for ≥ 2 grade-2 vertebrae, `grade2_single` for
 * one, `grade1` for any grade 1, else `none`.
 * @throws ClinicalInputError for grades other than 0–3.
 */
export function vfaCategory(grades: readonly GenantGrade[]): VfaCategoryResult {
  return vfaCategoryResultUnchecked(validateGenantGrades(grades));
}

export function validateGenantGrades(
  value: unknown,
  field = 'vertebralFractureGrades',
): readonly GenantGrade[] {
  return checkArray(value, field, 24).map((g, i) => checkOneOf(g, `${field}[${i}]`, GENANT_GRADES));
}

export function vfaCategoryResultUnchecked(grades: readonly GenantGrade[]): VfaCategoryResult {
  let highest: GenantGrade = 0;
  let fractured = 0;
  for (const grade of grades) {
    if (grade > highest) highest = grade;
    if (grade > 0) fractured += 1;
  }
  return {
    status: 'ok',
    vfaCategory: vfaCategoryUnchecked(grades),
    fracturedVertebraCount: fractured,
    highestGrade: highest,
    explanation: VFA_EXPLANATION,
  };
}

export type SpineImaging = 'dxaVfa' | 'xRayThoracicAndLumbarSpine';

/** R5.1: spine imaging with every DXA, preferably VFA; when VFA cannot be done or assessed, X-TWK + X-LWK. */
export function spineImaging(vfaPossible: boolean): {
  readonly imaging: SpineImaging;
  readonly explanation: Explanation;
} {
  return { imaging: vfaPossible ? 'dxaVfa' : 'xRayThoracicAndLumbarSpine', explanation: explain([R5_1]) };
}
