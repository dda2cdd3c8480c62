import { useReducer } from 'react';
import {
  nextFilterFormState,
  type FilterCheck,
  type FilterErrors,
  type FilterFields,
  type FilterFormState,
} from './filterFormState';

interface FilterFormOptions<F extends FilterFields<F>, E extends string, Filter> {
  /** The fields' starting values. */
  initial: F;
  /** The fields after "reset". */
  empty: F;
  /** Refusals from the server, placed next to their fields; the form's own refusals go before them. */
  serverErrors: FilterErrors<F, E>;
  check: (form: F) => FilterCheck<F, E, Filter>;
  /** The sentence for a refusal, from the screen's own catalogue keys. */
  describeError: (error: E) => string;
  onApply: (filter: Filter) => void;
  onReset: () => void;
}

/** What a Mantine input needs to show and edit one field of the form. */
export interface FilterFieldProps {
  value: string;
  error: string | undefined;
  onChange: (event: { currentTarget: { value: string } }) => void;
}

export interface FilterFormControls<F> {
  field: (name: keyof F) => FilterFieldProps;
  submit: () => void;
  reset: () => void;
}

/** The state of a filter form: its fields, its refusals next to them, apply and reset. */
export function useFilterForm<F extends FilterFields<F>, E extends string, Filter>({
  initial,
  empty,
  serverErrors,
  check,
  describeError,
  onApply,
  onReset,
}: FilterFormOptions<F, E, Filter>): FilterFormControls<F> {
  const [state, dispatch] = useReducer(nextFilterFormState<F, E>, initial, (form): FilterFormState<F, E> => ({
    form,
    errors: {},
  }));
  const errors: FilterErrors<F, E> = { ...serverErrors, ...state.errors };

  return {
    field: (name) => {
      const error = errors[name];
      return {
        value: state.form[name],
        error: error === undefined ? undefined : describeError(error),
        onChange: (event) => {
          dispatch({ type: 'changed', field: name, value: event.currentTarget.value });
        },
      };
    },
    submit: () => {
      const result = check(state.form);
      if (!result.ok) {
        dispatch({ type: 'refused', errors: result.errors });
        return;
      }
      dispatch({ type: 'accepted' });
      onApply(result.filter);
    },
    reset: () => {
      dispatch({ type: 'reset', form: empty });
      onReset();
    },
  };
}
