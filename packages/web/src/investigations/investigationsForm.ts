import { ApiError } from '../api/client';

/** The reason codes the server gives for a DXA/VFA field (investigations/densitometryValidation.ts), and ours. */
export const FIELD_ERROR_CODES = [
  'score_out_of_range',
  'bmd_out_of_range',
  'vertebrae_evaluable_out_of_range',
  'vertebrae_evaluable_spine_only',
  'future_date',
  'before_birth',
  'no_measurement',
  'genant_grade_invalid',
  'height_loss_out_of_range',
  'grade_or_height_loss_required',
  'vertebra_listed_twice',
  'not_a_number',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Field (as the server names it, without `body.`) → reason code. */
export type FieldErrors = Record<string, FieldErrorCode>;

export function isFieldErrorCode(code: string): code is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(code);
}

/** The field errors of a refused request (`body.sites.totalHip.tScore` → `sites.totalHip.tScore`). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const issue of error.issues) {
    const field = issue.field.startsWith('body.') ? issue.field.slice(5) : issue.field;
    errors[field] = isFieldErrorCode(issue.code) ? issue.code : 'invalid';
  }
  return errors;
}

/** A typed number: '' → null (not given), a Dutch or English decimal → its value, else 'invalid'. */
export function parseNumber(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.').replace('−', '-');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && /^[-+]?\d*\.?\d+$/.test(trimmed) ? value : 'invalid';
}

export const numberText = (value: number | null): string => (value === null ? '' : String(value));

/** Today in the browser's calendar, as YYYY-MM-DD (the default exam date; the server checks it). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
