import { describe, expect, it } from 'vitest';
import { EMPTY_AUDIT_FILTER_FORM, errorsFromIssues, toAuditFilter } from './auditFilterForm';

describe('toAuditFilter', () => {
  it('sends nothing for an empty form', () => {
    expect(toAuditFilter(EMPTY_AUDIT_FILTER_FORM)).toEqual({ ok: true, filter: {} });
  });

  it('turns Dutch dates into ISO dates and trims text', () => {
    const result = toAuditFilter({
      from: '01-03-2026',
      to: '31-03-2026',
      username: '  nurse ',
      action: 'read',
      patientId: ' 018a518d-89e0-4323-a368-2e394a211537 ',
      outcome: 'denied',
    });
    expect(result).toEqual({
      ok: true,
      filter: {
        from: '2026-03-01',
        to: '2026-03-31',
        username: 'nurse',
        action: 'read',
        patientId: '018a518d-89e0-4323-a368-2e394a211537',
        outcome: 'denied',
      },
    });
  });

  it('refuses dates that do not exist, and an end before the start', () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, from: '31-02-2026' })).toEqual({
      ok: false,
      errors: { from: 'invalidDate' },
    });
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, from: '10-03-2026', to: '09-03-2026' })).toEqual({
      ok: false,
      errors: { to: 'toBeforeFrom' },
    });
  });

  it('ignores select values that are not codes', () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FILTER_FORM, action: 'hack', outcome: 'maybe' })).toEqual({
      ok: true,
      filter: {},
    });
  });
});

describe('errorsFromIssues', () => {
  it('puts the server’s query issues next to the matching fields', () => {
    expect(
      errorsFromIssues([
        { field: 'body.patientId', message: 'Invalid UUID', code: 'invalid_format' },
        { field: 'body.from', message: 'This date does not exist.', code: 'custom' },
        { field: 'body.username', message: 'Too long', code: 'too_big' },
        { field: 'body.limit', message: 'Too big', code: 'too_big' },
      ]),
    ).toEqual({ patientId: 'invalidPatientId', from: 'invalidDate', username: 'invalid' });
  });
});
