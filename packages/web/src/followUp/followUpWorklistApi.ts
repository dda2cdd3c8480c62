import { queryOptions } from '@tanstack/react-query';
import {
  followUpWorklistSchema,
  type FollowUpRoleFilter,
  type FollowUpSort,
  type FollowUpTab,
  type TaskKind,
} from '@osteopad/contract';
import { api } from '../api/client';

export const FOLLOW_UP_PAGE_SIZE = 20;
export const UPCOMING_DAYS = 30;

export interface FollowUpRequest {
  tab: FollowUpTab;
  /** null: the server's default, the user's own role. */
  role: FollowUpRoleFilter | null;
  sort: FollowUpSort;
  /** null: tasks of every kind. */
  kind: TaskKind | null;
  cursor: string | null;
}

export function followUpWorklistQuery({ tab, role, sort, kind, cursor }: FollowUpRequest) {
  return queryOptions({
    queryKey: ['followUpWorklist', { tab, role, sort, kind, cursor }],
    queryFn: () =>
      api.get('/api/follow-up/worklist', followUpWorklistSchema, {
        tab,
        role: role ?? undefined,
        sort,
        kind: kind ?? undefined,
        days: UPCOMING_DAYS,
        limit: FOLLOW_UP_PAGE_SIZE,
        cursor: cursor ?? undefined,
      }),
  });
}
