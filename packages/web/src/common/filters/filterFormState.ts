/** A filter form's fields as typed: every field is text (dates as dd-mm-jjjj, selects as '' for "all"). */
export type FilterFields<F> = { [K in keyof F]: string };

/** Why fields were refused: a code per field, each with a sentence in the catalogues. */
export type FilterErrors<F, E extends string> = Partial<Record<keyof F, E>>;

/** What a form's own check makes of the fields: the API's filter, or the fields it refuses. */
export type FilterCheck<F, E extends string, Filter> =
  { ok: true; filter: Filter } | { ok: false; errors: FilterErrors<F, E> };

export interface FilterFormState<F extends FilterFields<F>, E extends string> {
  form: F;
  /** The form's own refusals, from the last time it was applied. */
  errors: FilterErrors<F, E>;
}

export type FilterFormEvent<F extends FilterFields<F>, E extends string> =
  | { type: 'changed'; field: keyof F; value: string }
  | { type: 'refused'; errors: FilterErrors<F, E> }
  | { type: 'accepted' }
  | { type: 'reset'; form: F };

/**
 * Typing changes one field and leaves its refusal standing until the form is applied again; a refused
 * form keeps what was typed; reset empties the fields and forgets the refusals.
 */
export function nextFilterFormState<F extends FilterFields<F>, E extends string>(
  state: FilterFormState<F, E>,
  event: FilterFormEvent<F, E>,
): FilterFormState<F, E> {
  switch (event.type) {
    case 'changed':
      return { ...state, form: { ...state.form, [event.field]: event.value } };
    case 'refused':
      return { ...state, errors: event.errors };
    case 'accepted':
      return { ...state, errors: {} };
    case 'reset':
      return { form: event.form, errors: {} };
  }
}
