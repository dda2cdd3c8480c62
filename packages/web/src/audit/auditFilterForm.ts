import type { AuditFilter } from '../api/audit';
import type { FieldIssue } from '../api/client';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, isOneOf } from '@osteopad/contract';
import { parseDate } from '../format/dates';

/** The filter form as typed: dates as dd-mm-jjjj, selects as '' for "all". */
export interface AuditFilterForm {
  from: string;
  to: string;
  username: string;
  action: string;
  patientId: string;
  outcome: string;
}
export type AuditFilterField = keyof AuditFilterForm;

export const EMPTY_AUDIT_FILTER_FORM: AuditFilterForm = {
  from: '',
  to: '',
  username: '',
  action: '',
  patientId: '',
  outcome: '',
};

/** Why a field was refused; each has a sentence under `audit.filters.errors`. */
export const AUDIT_FILTER_ERRORS = ['invalidDate', 'toBeforeFrom', 'invalidPatientId', 'invalid'] as const;
export type AuditFilterError = (typeof AUDIT_FILTER_ERRORS)[number];
export type AuditFilterErrors = Partial<Record<AuditFilterField, AuditFilterError>>;

export type AuditFilterResult = { ok: true; filter: AuditFilter } | { ok: false; errors: AuditFilterErrors };

/**
 * Turns the form into the API's filter. Dates are checked here because the form takes Dutch dates
 * and the API ISO dates; everything else the server validates (see `errorsFromIssues`).
 */
export function toAuditFilter(form: AuditFilterForm): AuditFilterResult {
  const errors: AuditFilterErrors = {};
  const filter: AuditFilter = {};
  const from = form.from.trim() === '' ? undefined : parseDate(form.from);
  const to = form.to.trim() === '' ? undefined : parseDate(form.to);
  if (from === null) errors.from = 'invalidDate';
  else if (from !== undefined) filter.from = from;
  if (to === null) errors.to = 'invalidDate';
  else if (to !== undefined) filter.to = to;
  if (typeof from === 'string' && typeof to === 'string' && to < from) errors.to = 'toBeforeFrom';
  if (form.username.trim() !== '') filter.username = form.username.trim();
  if (form.patientId.trim() !== '') filter.patientId = form.patientId.trim();
  if (isOneOf(AUDIT_ACTIONS, form.action)) filter.action = form.action;
  if (isOneOf(AUDIT_OUTCOMES, form.outcome)) filter.outcome = form.outcome;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filter };
}

const FIELD_BY_PARAMETER: Readonly<Record<string, AuditFilterField>> = {
  from: 'from',
  to: 'to',
  username: 'username',
  action: 'action',
  patientId: 'patientId',
  outcome: 'outcome',
};

/** The server's validation issues (`body.patientId` …) placed next to the form's fields. */
export function errorsFromIssues(issues: readonly FieldIssue[]): AuditFilterErrors {
  const errors: AuditFilterErrors = {};
  for (const issue of issues) {
    const parameter = issue.field.replace(/^body\./, '');
    const field = FIELD_BY_PARAMETER[parameter];
    if (field === undefined) continue;
    errors[field] =
      field === 'patientId'
        ? 'invalidPatientId'
        : field === 'from' || field === 'to'
          ? 'invalidDate'
          : 'invalid';
  }
  return errors;
}
