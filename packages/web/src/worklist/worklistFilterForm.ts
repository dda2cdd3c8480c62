import type { FieldIssue } from '../api/client';
import {
  FRACTURE_SITES,
  PATIENT_GROUPS,
  WORKLIST_SOURCE_FILTERS,
  isOneOf,
  type WorklistView,
} from '@osteopad/contract';
import type { WorklistFilter } from '../api/worklist';
import { formatDate, parseDate } from '../format/dates';

/** The filter form as typed: dates as dd-mm-jjjj, ages as text, selects as '' for "all". */
export interface WorklistFilterForm {
  site: string;
  group: string;
  ageMin: string;
  ageMax: string;
  fractureFrom: string;
  fractureTo: string;
  source: string;
}
export type WorklistFilterField = keyof WorklistFilterForm;

export const EMPTY_WORKLIST_FILTER_FORM: WorklistFilterForm = {
  site: '',
  group: '',
  ageMin: '',
  ageMax: '',
  fractureFrom: '',
  fractureTo: '',
  source: '',
};

/** Why a field was refused; each has a sentence under `worklist.filters.errors`. */
export const WORKLIST_FILTER_ERRORS = [
  'invalidDate',
  'toBeforeFrom',
  'invalidAge',
  'ageMaxBelowMin',
  'invalid',
] as const;
export type WorklistFilterError = (typeof WORKLIST_FILTER_ERRORS)[number];
export type WorklistFilterErrors = Partial<Record<WorklistFilterField, WorklistFilterError>>;

export type WorklistFilterResult =
  { ok: true; filter: WorklistFilter } | { ok: false; errors: WorklistFilterErrors };

export function formFromFilter(filter: WorklistFilter): WorklistFilterForm {
  return {
    site: filter.site ?? '',
    group: filter.group ?? '',
    ageMin: filter.ageMin === undefined ? '' : String(filter.ageMin),
    ageMax: filter.ageMax === undefined ? '' : String(filter.ageMax),
    fractureFrom: filter.fractureFrom === undefined ? '' : formatDate(filter.fractureFrom),
    fractureTo: filter.fractureTo === undefined ? '' : formatDate(filter.fractureTo),
    source: filter.source ?? '',
  };
}

/** `null`: not an age the server accepts (whole years, 0–130). */
function parseAge(text: string): number | null {
  const value = text.trim();
  if (!/^\d{1,3}$/.test(value)) return null;
  const age = Number(value);
  return age <= 130 ? age : null;
}

/**
 * Checks each field on its own: dates must exist, ages must be whole years. How fields relate (an
 * end before the start) is the server's rule; its answer lands next to the field (`errorsFromIssues`).
 */
export function toWorklistFilter(form: WorklistFilterForm, view: WorklistView): WorklistFilterResult {
  const errors: WorklistFilterErrors = {};
  const filter: WorklistFilter = {};
  if (isOneOf(FRACTURE_SITES, form.site)) filter.site = form.site;
  if (view !== 'excluded' && isOneOf(PATIENT_GROUPS, form.group)) filter.group = form.group;
  if (isOneOf(WORKLIST_SOURCE_FILTERS, form.source)) filter.source = form.source;
  for (const field of ['ageMin', 'ageMax'] as const) {
    if (form[field].trim() === '') continue;
    const age = parseAge(form[field]);
    if (age === null) errors[field] = 'invalidAge';
    else filter[field] = age;
  }
  for (const field of ['fractureFrom', 'fractureTo'] as const) {
    if (form[field].trim() === '') continue;
    const date = parseDate(form[field]);
    if (date === null) errors[field] = 'invalidDate';
    else filter[field] = date;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, filter };
}

const FIELD_BY_PARAMETER: Readonly<Record<string, WorklistFilterField>> = {
  site: 'site',
  group: 'group',
  ageMin: 'ageMin',
  ageMax: 'ageMax',
  fractureFrom: 'fractureFrom',
  fractureTo: 'fractureTo',
  source: 'source',
};

/** The server's validation issues (`querystring.ageMax` …) placed next to the form's fields. */
export function errorsFromIssues(
  issues: readonly FieldIssue[],
  filter: WorklistFilter,
): WorklistFilterErrors {
  const errors: WorklistFilterErrors = {};
  for (const issue of issues) {
    const field = FIELD_BY_PARAMETER[issue.field.replace(/^querystring\./, '')];
    if (field === undefined) continue;
    errors[field] = errorFor(field, filter);
  }
  return errors;
}

function errorFor(field: WorklistFilterField, filter: WorklistFilter): WorklistFilterError {
  const { ageMin, ageMax, fractureFrom, fractureTo } = filter;
  switch (field) {
    case 'ageMin':
      return 'invalidAge';
    case 'ageMax':
      return ageMin !== undefined && ageMax !== undefined && ageMax < ageMin
        ? 'ageMaxBelowMin'
        : 'invalidAge';
    case 'fractureFrom':
      return 'invalidDate';
    case 'fractureTo':
      return fractureFrom !== undefined && fractureTo !== undefined && fractureTo < fractureFrom
        ? 'toBeforeFrom'
        : 'invalidDate';
    case 'site':
    case 'group':
    case 'source':
      return 'invalid';
  }
}
