import { ApiError } from '../api/client';
import { isOneOf } from '@osteopad/contract';

/** The reason that needs the user's own words in the note. */
export const OTHER_REASON = 'other';

export type ReasonNoteField = 'reason' | 'note';
/** Each has a sentence in the form's catalogue group (`decline.reasonRequired` …). */
export type ReasonNoteError = 'reasonRequired' | 'noteRequired';
export type ReasonNoteErrors = Partial<Record<ReasonNoteField, ReasonNoteError>>;

export type ReasonNoteCheck<R extends string> =
  { ok: true; reason: R; note: string } | { ok: false; errors: ReasonNoteErrors };

export function noteRequired(reason: string): boolean {
  return reason === OTHER_REASON;
}

/** A coded reason must be chosen, and "other" described; the note is sent without surrounding spaces. */
export function checkReasonNote<R extends string>(reason: R | '', note: string): ReasonNoteCheck<R> {
  const trimmed = note.trim();
  if (reason === '') return { ok: false, errors: { reason: 'reasonRequired' } };
  if (noteRequired(reason) && trimmed === '') return { ok: false, errors: { note: 'noteRequired' } };
  return { ok: true, reason, note: trimmed };
}

/** The server refused the note (a reason that needs words, sent without them). */
export function noteRefused(error: unknown): boolean {
  return error instanceof ApiError && error.issues.some((issue) => issue.field === 'body.note');
}

export interface ReasonNoteState<R extends string> {
  reason: R | '';
  note: string;
  errors: ReasonNoteErrors;
}

export const EMPTY_REASON_NOTE: ReasonNoteState<never> = { reason: '', note: '', errors: {} };

export type ReasonNoteEvent =
  | { type: 'chosen'; value: string }
  | { type: 'written'; note: string }
  | { type: 'checked' }
  | { type: 'errorsCleared' }
  | { type: 'noteRefused' };

/**
 * Choosing a reason clears its refusal (a value not in `reasons` is not taken); writing clears the
 * note's; a check shows what is missing; a note the server refused is marked as missing.
 */
export function nextReasonNoteState<R extends string>(
  reasons: readonly R[],
  state: ReasonNoteState<R>,
  event: ReasonNoteEvent,
): ReasonNoteState<R> {
  switch (event.type) {
    case 'chosen':
      return {
        ...state,
        reason: isOneOf(reasons, event.value) ? event.value : state.reason,
        errors: { ...state.errors, reason: undefined },
      };
    case 'written':
      return { ...state, note: event.note, errors: { ...state.errors, note: undefined } };
    case 'checked': {
      const result = checkReasonNote(state.reason, state.note);
      return { ...state, errors: result.ok ? {} : result.errors };
    }
    case 'errorsCleared':
      return { ...state, errors: {} };
    case 'noteRefused':
      return { ...state, errors: { note: 'noteRequired' } };
  }
}
