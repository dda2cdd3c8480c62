import { describe, expect, it, vi } from 'vitest';
import type { AuditFilter } from '../../api/audit';
import {
  EMPTY_AUDIT_FILTER_FORM,
  toAuditFilter,
  type AuditFilterError,
  type AuditFilterErrors,
  type AuditFilterForm,
} from '../../audit/auditFilterForm';
import { firstRenderOf } from '../../testing/staticMarkup';
import { useFilterForm } from './useFilterForm';

// The audit log's form stands in for any filter form: its own check, its own refusals.
function renderForm(initial: AuditFilterForm, serverErrors: AuditFilterErrors = {}) {
  const onApply = vi.fn<(filter: AuditFilter) => void>();
  const onReset = vi.fn<() => void>();
  const controls = firstRenderOf(() =>
    useFilterForm({
      initial,
      empty: EMPTY_AUDIT_FILTER_FORM,
      serverErrors,
      check: toAuditFilter,
      describeError: (error: AuditFilterError) => `sentence for ${error}`,
      onApply,
      onReset,
    }),
  );
  return { controls, onApply, onReset };
}

describe('useFilterForm', () => {
  it('gives each field its value, and a refusal of the server in words next to its own field', () => {
    const { controls } = renderForm(
      { ...EMPTY_AUDIT_FILTER_FORM, patientId: '12345', username: 'nurse' },
      { patientId: 'invalidPatientId' },
    );
    expect(controls.field('patientId')).toMatchObject({
      value: '12345',
      error: 'sentence for invalidPatientId',
    });
    expect(controls.field('username')).toMatchObject({ value: 'nurse', error: undefined });
  });

  it('applies the filter the check makes of the fields', () => {
    const { controls, onApply, onReset } = renderForm({
      ...EMPTY_AUDIT_FILTER_FORM,
      from: '1-10-2026',
      username: ' nurse ',
      action: 'read',
    });
    controls.submit();
    expect(onApply).toHaveBeenCalledExactlyOnceWith({
      from: '2026-10-01',
      username: 'nurse',
      action: 'read',
    });
    expect(onReset).not.toHaveBeenCalled();
  });

  it('does not apply fields the check refuses', () => {
    const { controls, onApply } = renderForm({ ...EMPTY_AUDIT_FILTER_FORM, from: '31-02-2026' });
    controls.submit();
    expect(onApply).not.toHaveBeenCalled();
  });

  it('tells the screen about a reset, and applies nothing', () => {
    const { controls, onApply, onReset } = renderForm({ ...EMPTY_AUDIT_FILTER_FORM, username: 'nurse' });
    controls.reset();
    expect(onReset).toHaveBeenCalledOnce();
    expect(onApply).not.toHaveBeenCalled();
  });
});
