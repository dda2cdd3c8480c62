import { useReducer } from 'react';
import {
  EMPTY_REASON_NOTE,
  checkReasonNote,
  nextReasonNoteState,
  type ReasonNoteCheck,
  type ReasonNoteEvent,
  type ReasonNoteState,
} from './reasonNote';

export interface ReasonNote<R extends string> extends ReasonNoteState<R> {
  /** A radio's value; anything not in the list is ignored. Clears the reason's refusal. */
  choose: (value: string) => void;
  /** Clears the note's refusal. */
  write: (note: string) => void;
  /** Shows what is missing, and gives the reason and note when they can be sent. */
  check: () => ReasonNoteCheck<R>;
  clearErrors: () => void;
  /** The server refused the note: it is marked as missing. */
  refuseNote: () => void;
}

/** A coded reason from `reasons` and an optional note, with their refusals. */
export function useReasonNote<R extends string>(reasons: readonly R[]): ReasonNote<R> {
  const [state, dispatch] = useReducer(
    (current: ReasonNoteState<R>, event: ReasonNoteEvent) => nextReasonNoteState(reasons, current, event),
    EMPTY_REASON_NOTE,
  );
  return {
    ...state,
    choose: (value) => {
      dispatch({ type: 'chosen', value });
    },
    write: (note) => {
      dispatch({ type: 'written', note });
    },
    check: () => {
      dispatch({ type: 'checked' });
      return checkReasonNote(state.reason, state.note);
    },
    clearErrors: () => {
      dispatch({ type: 'errorsCleared' });
    },
    refuseNote: () => {
      dispatch({ type: 'noteRefused' });
    },
  };
}
