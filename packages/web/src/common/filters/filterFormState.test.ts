import { describe, expect, it } from 'vitest';
import { nextFilterFormState, type FilterFormState } from './filterFormState';

interface Form {
  from: string;
  to: string;
  action: string;
}
type Error = 'invalidDate' | 'invalid';

const EMPTY: Form = { from: '', to: '', action: '' };
const typed: FilterFormState<Form, Error> = {
  form: { from: '31-02-2026', to: '01-03-2026', action: 'read' },
  errors: { from: 'invalidDate' },
};

describe('nextFilterFormState', () => {
  it('changes only the field typed in, and leaves its refusal until the form is applied again', () => {
    expect(nextFilterFormState(typed, { type: 'changed', field: 'from', value: '28-02-2026' })).toEqual({
      form: { from: '28-02-2026', to: '01-03-2026', action: 'read' },
      errors: { from: 'invalidDate' },
    });
  });

  it('keeps what was typed when the form is refused, and replaces the refusals', () => {
    expect(
      nextFilterFormState(typed, { type: 'refused', errors: { to: 'invalidDate', action: 'invalid' } }),
    ).toEqual({ form: typed.form, errors: { to: 'invalidDate', action: 'invalid' } });
  });

  it('forgets the refusals when the form is accepted, and keeps the fields', () => {
    expect(nextFilterFormState(typed, { type: 'accepted' })).toEqual({ form: typed.form, errors: {} });
  });

  it('empties every field and forgets the refusals on reset', () => {
    expect(nextFilterFormState(typed, { type: 'reset', form: EMPTY })).toEqual({ form: EMPTY, errors: {} });
  });
});
