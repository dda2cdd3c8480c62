import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { DECLINE_REASONS, type DeclineReason } from '@osteopad/contract';
import { firstRenderOf } from '../testing/staticMarkup';
import {
  EMPTY_REASON_NOTE,
  checkReasonNote,
  nextReasonNoteState,
  noteRefused,
  type ReasonNoteEvent,
  type ReasonNoteState,
} from './reasonNote';
import { useReasonNote } from './useReasonNote';

describe('checkReasonNote', () => {
  it('asks for a reason first', () => {
    expect(checkReasonNote('', 'wil niet')).toEqual({ ok: false, errors: { reason: 'reasonRequired' } });
  });

  it('asks for words with "other"', () => {
    expect(checkReasonNote('other', '  ')).toEqual({ ok: false, errors: { note: 'noteRequired' } });
  });

  it('sends the code and the note without surrounding spaces; the note is optional otherwise', () => {
    expect(checkReasonNote('other', '  verhuisd naar Spanje ')).toEqual({
      ok: true,
      reason: 'other',
      note: 'verhuisd naar Spanje',
    });
    expect(checkReasonNote<DeclineReason>('not_interested', '')).toEqual({
      ok: true,
      reason: 'not_interested',
      note: '',
    });
  });
});

describe('nextReasonNoteState', () => {
  const next = (state: ReasonNoteState<DeclineReason>, event: ReasonNoteEvent) =>
    nextReasonNoteState(DECLINE_REASONS, state, event);
  const refused: ReasonNoteState<DeclineReason> = {
    reason: 'other',
    note: '',
    errors: { reason: 'reasonRequired', note: 'noteRequired' },
  };

  it('takes a reason from the list and clears only its refusal', () => {
    expect(next(refused, { type: 'chosen', value: 'moved_away' })).toEqual({
      reason: 'moved_away',
      note: '',
      errors: { reason: undefined, note: 'noteRequired' },
    });
  });

  it('keeps the reason when the value is not in the list', () => {
    expect(next(refused, { type: 'chosen', value: 'age_below_50' }).reason).toBe('other');
  });

  it('takes the note as typed and clears only its refusal', () => {
    expect(next(refused, { type: 'written', note: ' verhuisd ' })).toEqual({
      reason: 'other',
      note: ' verhuisd ',
      errors: { reason: 'reasonRequired', note: undefined },
    });
  });

  it('shows what the check finds missing, and nothing when all is there', () => {
    expect(next(EMPTY_REASON_NOTE, { type: 'checked' }).errors).toEqual({ reason: 'reasonRequired' });
    expect(next({ ...refused, note: 'verhuisd' }, { type: 'checked' }).errors).toEqual({});
  });

  it('marks the note as missing when the server refuses it, and can clear every refusal', () => {
    expect(next(EMPTY_REASON_NOTE, { type: 'noteRefused' }).errors).toEqual({ note: 'noteRequired' });
    expect(next(refused, { type: 'errorsCleared' })).toEqual({ reason: 'other', note: '', errors: {} });
  });
});

describe('useReasonNote', () => {
  it('starts empty, and sends nothing before a reason is chosen', () => {
    const fields = firstRenderOf(() => useReasonNote(DECLINE_REASONS));
    expect(fields).toMatchObject({ reason: '', note: '', errors: {} });
    expect(fields.check()).toEqual({ ok: false, errors: { reason: 'reasonRequired' } });
  });
});

describe('noteRefused', () => {
  it('recognises the server refusing the note, and nothing else', () => {
    const issue = (field: string) =>
      new ApiError(400, 'validation', 'invalid', [{ field, message: 'required', code: 'required' }]);
    expect(noteRefused(issue('body.note'))).toBe(true);
    expect(noteRefused(issue('body.reason'))).toBe(false);
    expect(noteRefused(new ApiError(409, 'transition_not_allowed', 'no'))).toBe(false);
    expect(noteRefused(new Error('network'))).toBe(false);
  });
});
