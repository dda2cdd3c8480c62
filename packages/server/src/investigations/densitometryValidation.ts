// Field checks of a DXA or VFA entry before anything is classified or saved: every wrong field is named
// at once, with a stable reason code the web words in the user's language. T- and Z-scores are held to
// the clinical engine's own range (asked of the engine, not copied); the other bounds are ours, below.
import {
  ClinicalInputError,
  classifyBmd,
  genantGrade,
  vfaCategory,
  type GenantGrade,
} from '@osteopad/clinical';
import { DXA_SITES, type DxaBody, type VfaBody } from '@osteopad/contract';
import type { FieldIssue } from '../domain/errors';

/**
 * Physiologically sane BMD in g/cm² (ours, not RULES.md's): areal BMD of the lumbar spine, hip and
 * forearm measured by DXA lies between about 0.3 and 1.8 g/cm² in adults; 0.10–2.50 leaves room for
 * extremes (severe osteoporosis, sclerosis, artefacts) and refuses typing errors such as 0 or 9. The
 * engine's own input range (0.05–3) contains it, so the engine never refuses what passes here.
 */
export const BMD_BOUNDS_GCM2 = { min: 0.1, max: 2.5 } as const;
/** Lumbar spine: how many of L1–L4 were evaluable (the engine's range, 0–4 whole). */
export const VERTEBRAE_EVALUABLE_BOUNDS = { min: 0, max: 4 } as const;

export interface ExamDateContext {
  /** The hospital's calendar day (time/localDate.ts). */
  today: string;
  birthDate: string;
}

export type IssueCode =
  | 'score_out_of_range'
  | 'bmd_out_of_range'
  | 'vertebrae_evaluable_out_of_range'
  | 'vertebrae_evaluable_spine_only'
  | 'future_date'
  | 'before_birth'
  | 'no_measurement'
  | 'genant_grade_invalid'
  | 'height_loss_out_of_range'
  | 'grade_or_height_loss_required'
  | 'vertebra_listed_twice';

function issue(field: string, code: IssueCode, message: string): FieldIssue {
  return { field, code, message };
}

function examDateIssues(examDate: string, context: ExamDateContext): FieldIssue[] {
  if (examDate > context.today)
    return [issue('body.examDate', 'future_date', 'The exam date lies in the future.')];
  if (examDate < context.birthDate)
    return [issue('body.examDate', 'before_birth', "The exam date lies before the patient's birth.")];
  return [];
}

/** Whether the engine accepts the score (R4: its T-score range, asked of classifyBmd itself). */
function engineAcceptsScore(score: number): boolean {
  try {
    classifyBmd({ tScores: { totalHip: score }, hasFragilityFracture: false });
    return true;
  } catch (error) {
    if (error instanceof ClinicalInputError) return false;
    throw error;
  }
}

export function dxaIssues(body: DxaBody, context: ExamDateContext): FieldIssue[] {
  const issues = examDateIssues(body.examDate, context);
  let measured = 0;
  for (const site of DXA_SITES) {
    const values = body.sites[site];
    if (values === undefined) continue;
    const prefix = `body.sites.${site}`;
    for (const key of ['tScore', 'zScore'] as const) {
      const score = values[key];
      if (score === undefined || score === null) continue;
      measured += 1;
      if (!engineAcceptsScore(score))
        issues.push(issue(`${prefix}.${key}`, 'score_out_of_range', 'Outside the range the engine accepts.'));
    }
    const bmd = values.bmdGcm2;
    if (bmd !== undefined && bmd !== null) {
      measured += 1;
      if (bmd < BMD_BOUNDS_GCM2.min || bmd > BMD_BOUNDS_GCM2.max)
        issues.push(
          issue(
            `${prefix}.bmdGcm2`,
            'bmd_out_of_range',
            `BMD must lie between ${BMD_BOUNDS_GCM2.min} and ${BMD_BOUNDS_GCM2.max} g/cm².`,
          ),
        );
    }
    if (values.evaluable === false) measured += 1;
    const vertebrae = values.vertebraeEvaluable;
    if (vertebrae !== undefined && vertebrae !== null) {
      if (site !== 'lumbarSpine')
        issues.push(
          issue(`${prefix}.vertebraeEvaluable`, 'vertebrae_evaluable_spine_only', 'Lumbar spine only.'),
        );
      else if (
        !Number.isInteger(vertebrae) ||
        vertebrae < VERTEBRAE_EVALUABLE_BOUNDS.min ||
        vertebrae > VERTEBRAE_EVALUABLE_BOUNDS.max
      )
        issues.push(
          issue(`${prefix}.vertebraeEvaluable`, 'vertebrae_evaluable_out_of_range', 'A whole number 0–4.'),
        );
    }
  }
  if (measured === 0) issues.push(issue('body.sites', 'no_measurement', 'Enter at least one site.'));
  return issues;
}

/** Whether the engine knows the grade (R5.2: Genant 0–3), asked of vfaCategory itself. */
function engineAcceptsGrade(grade: number): grade is GenantGrade {
  try {
    vfaCategory([grade as GenantGrade]);
    return true;
  } catch (error) {
    if (error instanceof ClinicalInputError) return false;
    throw error;
  }
}

function engineAcceptsHeightLoss(percent: number): boolean {
  try {
    genantGrade(percent);
    return true;
  } catch (error) {
    if (error instanceof ClinicalInputError) return false;
    throw error;
  }
}

export function vfaIssues(body: VfaBody, context: ExamDateContext): FieldIssue[] {
  const issues = examDateIssues(body.examDate, context);
  const seen = new Set<string>();
  body.vertebrae.forEach((vertebra, i) => {
    const prefix = `body.vertebrae.${i}`;
    if (seen.has(vertebra.level))
      issues.push(issue(`${prefix}.level`, 'vertebra_listed_twice', 'This vertebra is listed twice.'));
    seen.add(vertebra.level);
    const grade = vertebra.genantGrade;
    const loss = vertebra.heightLossPercent;
    if ((grade === undefined || grade === null) && (loss === undefined || loss === null)) {
      issues.push(
        issue(`${prefix}.genantGrade`, 'grade_or_height_loss_required', 'Give a grade or the height loss.'),
      );
      return;
    }
    if (grade !== undefined && grade !== null && !engineAcceptsGrade(grade))
      issues.push(issue(`${prefix}.genantGrade`, 'genant_grade_invalid', 'A Genant grade is 0, 1, 2 or 3.'));
    if (loss !== undefined && loss !== null && !engineAcceptsHeightLoss(loss))
      issues.push(
        issue(
          `${prefix}.heightLossPercent`,
          'height_loss_out_of_range',
          'Height loss lies between 0 and 100 %.',
        ),
      );
  });
  return issues;
}
