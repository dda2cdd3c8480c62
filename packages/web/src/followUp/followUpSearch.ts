import {
  FOLLOW_UP_ROLE_FILTERS,
  FOLLOW_UP_SORTS,
  FOLLOW_UP_TABS,
  TASK_KINDS,
  type FollowUpRoleFilter,
  type FollowUpSort,
  type FollowUpTab,
  type TaskKind,
} from '@osteopad/contract';
import { code } from '../worklist/worklistSearch';

/**
 * The follow-up worklist's choices in the URL (tab, role, kind of task, order), so a reload, the back
 * button and a bookmark keep them. Codes only; the page cursors stay out (they go stale).
 */
export interface FollowUpSearch {
  tab?: FollowUpTab;
  role?: FollowUpRoleFilter;
  kind?: TaskKind;
  sort?: FollowUpSort;
}

/** Reads the query string leniently: anything unknown is dropped, never an error page. */
export function parseFollowUpSearch(search: Record<string, unknown>): FollowUpSearch {
  const result: FollowUpSearch = {
    tab: code(FOLLOW_UP_TABS, search.tab),
    role: code(FOLLOW_UP_ROLE_FILTERS, search.role),
    kind: code(TASK_KINDS, search.kind),
    sort: code(FOLLOW_UP_SORTS, search.sort),
  };
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined));
}
