import type { FieldIssue } from '../domain/errors';
import { analyteDefinition } from './labAnalytes';
import type { LabAnalyte } from '@osteopad/contract';

/*
 * What the schema cannot say about a lab result or a fall-risk screening, field by field with a stable reason
 * code (the screen words each code at its field): negative values, a range whose low is above its high, a
 * date in the future or before the patient's birth, a falls count out of range. Pure: the caller gives today
 * (the hospital's day) and the birth date.
 */
export const LAB_ISSUE_CODES = [
  'negative_value',
  'value_out_of_range',
  'range_inverted',
  'future_date',
  'before_birth',
  'falls_out_of_range',
] as const;
export type LabIssueCode = (typeof LAB_ISSUE_CODES)[number];

const issue = (field: string, code: LabIssueCode, message: string): FieldIssue => ({ field, code, message });

export interface LabValueFields {
  analyte: LabAnalyte;
  value: number;
  rangeLow: number | null;
  rangeHigh: number | null;
  sampledOn: string;
}

export function dateIssues(field: string, date: string, today: string, birthDate: string): FieldIssue[] {
  if (date > today) return [issue(field, 'future_date', 'This date lies in the future.')];
  if (date < birthDate) return [issue(field, 'before_birth', 'This date lies before the patient’s birth.')];
  return [];
}

export function labResultIssues(
  prefix: string,
  r: LabValueFields,
  today: string,
  birthDate: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const def = analyteDefinition(r.analyte);
  if (r.value < 0) issues.push(issue(`${prefix}.value`, 'negative_value', 'A lab value cannot be negative.'));
  else if (r.value < def.minValue || r.value > def.maxValue)
    issues.push(
      issue(
        `${prefix}.value`,
        'value_out_of_range',
        `Not a plausible value in ${def.unit} (${def.minValue}–${def.maxValue}).`,
      ),
    );
  if (r.rangeLow !== null && r.rangeLow < 0)
    issues.push(issue(`${prefix}.rangeLow`, 'negative_value', 'A reference limit cannot be negative.'));
  if (r.rangeHigh !== null && r.rangeHigh < 0)
    issues.push(issue(`${prefix}.rangeHigh`, 'negative_value', 'A reference limit cannot be negative.'));
  if (r.rangeLow !== null && r.rangeHigh !== null && r.rangeLow > r.rangeHigh)
    issues.push(issue(`${prefix}.rangeLow`, 'range_inverted', 'The lower limit is above the upper limit.'));
  issues.push(...dateIssues(`${prefix}.sampledOn`, r.sampledOn, today, birthDate));
  return issues;
}

/** The engine takes 0–1000 falls (fallRisk.ts validateFallRiskInput). */
export const FALLS_PAST_YEAR_MAX = 1000;

export function fallsIssues(prefix: string, fallsPastYear: number): FieldIssue[] {
  return fallsPastYear < 0 || fallsPastYear > FALLS_PAST_YEAR_MAX
    ? [
        issue(
          `${prefix}.fallsPastYear`,
          'falls_out_of_range',
          `Give a number from 0 to ${FALLS_PAST_YEAR_MAX}.`,
        ),
      ]
    : [];
}
