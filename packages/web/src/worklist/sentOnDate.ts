import type { FieldIssue } from '../api/client';
import { parseDate } from '../format/dates';

/** Why a "sent on" date was refused; each has a sentence under `sentOn.errors`. */
export const SENT_ON_ERRORS = ['required', 'invalidDate', 'future'] as const;
export type SentOnError = (typeof SENT_ON_ERRORS)[number];

export type SentOnResult = { ok: true; date: string } | { ok: false; error: SentOnError };

/** The day a letter went out: typed as dd-mm-jjjj, not after today (the server refuses that too). */
export function parseSentOn(text: string, today: string): SentOnResult {
  if (text.trim() === '') return { ok: false, error: 'required' };
  const date = parseDate(text);
  if (date === null) return { ok: false, error: 'invalidDate' };
  if (date > today) return { ok: false, error: 'future' };
  return { ok: true, date };
}

/**
 * The server's word on `body.sentOn`. Its rules are an existing date and not after today; the form
 * sends only existing dates, so a refusal means the date lies in the future by the server's clock.
 */
export function sentOnErrorFromIssues(issues: readonly FieldIssue[]): SentOnError | undefined {
  return issues.some((i) => i.field === 'body.sentOn') ? 'future' : undefined;
}
