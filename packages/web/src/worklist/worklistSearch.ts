import {
  FRACTURE_SITES,
  PATIENT_GROUPS,
  SORT_ORDERS,
  WORKLIST_SORTS,
  WORKLIST_SOURCE_FILTERS,
  WORKLIST_VIEWS,
  isOneOf,
  type SortOrder,
  type WorklistSort,
  type WorklistView,
} from '@osteopad/contract';
import type { WorklistFilter } from '../api/worklist';
import { parseDate } from '../format/dates';

/** The worklists plus the radiology findings, which wait for review like the rest. */
export const WORKLIST_TABS = [...WORKLIST_VIEWS, 'report_findings'] as const;
export type WorklistTab = (typeof WORKLIST_TABS)[number];

/**
 * The worklist's state in the URL, so reloading, the back button and a bookmark keep the list and its
 * filters. None of it is patient data: view, site, group, age, dates, source, sort and page only.
 */
export interface WorklistSearch {
  view?: WorklistTab;
  site?: WorklistFilter['site'];
  group?: WorklistFilter['group'];
  ageMin?: number;
  ageMax?: number;
  fractureFrom?: string;
  fractureTo?: string;
  source?: WorklistFilter['source'];
  sort?: WorklistSort;
  order?: SortOrder;
  page?: number;
}

export const DEFAULT_VIEW: WorklistView = 'to_invite';
export const DEFAULT_SORT: WorklistSort = 'fractureDate';
export const DEFAULT_ORDER: SortOrder = 'asc';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  const raw = text(value);
  if (!/^\d{1,3}$/.test(raw)) return undefined;
  const number = Number(raw);
  return number >= min && number <= max ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) && parseDate(raw) === raw ? raw : undefined;
}

/** A code of `list` from the query string, or undefined for anything else. */
export function code<T extends string>(list: readonly T[], value: unknown): T | undefined {
  const raw = text(value);
  return isOneOf(list, raw) ? raw : undefined;
}

/** Reads the query string leniently: anything unknown or malformed is dropped, never an error page. */
export function parseWorklistSearch(search: Record<string, unknown>): WorklistSearch {
  const result: WorklistSearch = {
    view: code(WORKLIST_TABS, search.view),
    site: code(FRACTURE_SITES, search.site),
    group: code(PATIENT_GROUPS, search.group),
    ageMin: wholeNumber(search.ageMin, 0, 130),
    ageMax: wholeNumber(search.ageMax, 0, 130),
    fractureFrom: isoDate(search.fractureFrom),
    fractureTo: isoDate(search.fractureTo),
    source: code(WORKLIST_SOURCE_FILTERS, search.source),
    sort: code(WORKLIST_SORTS, search.sort),
    order: code(SORT_ORDERS, search.order),
    page: wholeNumber(search.page, 1, 999),
  };
  // Leave out what is not set, so the URL only shows choices the user made.
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined));
}

export function filterOf(search: WorklistSearch): WorklistFilter {
  const { site, group, ageMin, ageMax, fractureFrom, fractureTo, source } = search;
  return parseWorklistSearch({ site, group, ageMin, ageMax, fractureFrom, fractureTo, source });
}

/** The same filter as URL state: defaults left out. */
export function searchFor(
  tab: WorklistTab,
  filter: WorklistFilter,
  sort: WorklistSort,
  order: SortOrder,
  page: number,
): WorklistSearch {
  return parseWorklistSearch({
    ...filter,
    // Excluded fractures have no patient group.
    group: tab === 'excluded' ? undefined : filter.group,
    view: tab === DEFAULT_VIEW ? undefined : tab,
    sort: sort === DEFAULT_SORT ? undefined : sort,
    order: order === DEFAULT_ORDER ? undefined : order,
    page: page === 1 ? undefined : page,
  });
}
