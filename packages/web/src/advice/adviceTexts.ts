import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** The refusal reasons the advice routes answer at a field (zod's codes and the server's own). */
export const ADVICE_ISSUE_CODES = [
  'too_small',
  'too_big',
  'not_multiple_of',
  'not_covered',
  'inconsistent',
  'invalid',
] as const;
type IssueCode = (typeof ADVICE_ISSUE_CODES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The reason of a refused field in the user's language; a code this screen does not know reads "invalid". */
export function issueText(t: TFunction, code: string): string {
  const known: IssueCode = isOneOf(ADVICE_ISSUE_CODES, code) ? code : 'invalid';
  return t(`advice.issues.${known}`);
}

/** Field (`body.servings.milkGlass`) → reason, from a refused calculation. */
export function fieldErrors(t: TFunction, error: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (error instanceof ApiError)
    for (const issue of error.issues) map.set(issue.field, issueText(t, issue.code));
  return map;
}

/** A number typed in a NumberInput: the number, `null` for an empty field, `undefined` while half typed. */
export function typedNumber(value: string | number): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Whole milligrams for display: portions in halves can give half milligrams. */
export const wholeMg = (mg: number): number => Math.round(mg);
