import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

const ISSUE_CODES = [
  'negative_value',
  'value_out_of_range',
  'range_inverted',
  'future_date',
  'before_birth',
  'falls_out_of_range',
] as const;
type IssueCode = (typeof ISSUE_CODES)[number];

const isIssueCode = (code: string): code is IssueCode => (ISSUE_CODES as readonly string[]).includes(code);

/** The reason of a field error in the user's language (a code this screen does not know: "invalid"). */
export function issueText(t: TFunction, code: string): string {
  return isIssueCode(code) ? t(`labResults.issues.${code}`) : t('labResults.issues.invalid');
}

/** Field → reason, from a refused save (`body.results.0.value` …). */
export function fieldErrors(t: TFunction, error: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (error instanceof ApiError) for (const i of error.issues) map.set(i.field, issueText(t, i.code));
  return map;
}

/** The message above a refused save: stale version, ended episode, or a plain failure. */
export function saveErrorText(t: TFunction, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error === null ? null : t('labResults.saveFailed');
  if (error.code === 'stale_version') return t('labResults.stale');
  if (error.code === 'episode_ended') return t('labResults.ended');
  if (error.issues.length > 0) return null;
  return t('labResults.saveFailed');
}

/** A decimal as typed (comma or point); NaN when it is none. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
