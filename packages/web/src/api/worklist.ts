import { queryOptions } from '@tanstack/react-query';
import { api, ApiError } from './client';
import {
  type DeclineReason,
  type FractureSite,
  type NotEligibleReason,
  type PatientGroup,
  type SortOrder,
  type WorklistSort,
  type WorklistSourceFilter,
  type WorklistView,
  episodeActionSchema,
  invitationsSchema,
  worklistSchema,
  type EpisodeActionResult,
  type InvitationResults,
} from '@osteopad/contract';

export const WORKLIST_PAGE_SIZE = 20;

/** The filters as the API takes them: dates as YYYY-MM-DD, empty ones left out. No patient data. */
export interface WorklistFilter {
  site?: FractureSite;
  group?: PatientGroup;
  ageMin?: number;
  ageMax?: number;
  fractureFrom?: string;
  fractureTo?: string;
  source?: WorklistSourceFilter;
}

export interface WorklistRequest {
  view: WorklistView;
  filter: WorklistFilter;
  sort: WorklistSort;
  order: SortOrder;
  /** The page's cursor (the `nextCursor` of the page before); null for the first page. */
  cursor: string | null;
}

/** Every list the worklist shows; actions on episodes refresh them all. */
export const WORKLIST_QUERY_KEY = ['worklist'] as const;

export function worklistQuery({ view, filter, sort, order, cursor }: WorklistRequest) {
  return queryOptions({
    queryKey: [...WORKLIST_QUERY_KEY, { view, filter, sort, order, cursor }],
    queryFn: () =>
      api.get('/api/worklist', worklistSchema, {
        view,
        ...filter,
        // Excluded fractures have no patient group; the server refuses the filter there.
        group: view === 'excluded' ? undefined : filter.group,
        sort,
        order,
        limit: WORKLIST_PAGE_SIZE,
        cursor: cursor ?? undefined,
      }),
  });
}

const episodePath = (episodeId: string, action: string): string =>
  `/api/episodes/${encodeURIComponent(episodeId)}/${action}`;

function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return value;
}

/** After printing: each patient is marked on its own, so one refusal does not hold up the rest. */
export async function markInvited(episodeIds: readonly string[], sentOn: string): Promise<InvitationResults> {
  return answered(
    await api.post('/api/invitations', { body: { episodeIds, sentOn }, schema: invitationsSchema }),
  );
}

export async function markReminded(episodeId: string, sentOn: string): Promise<EpisodeActionResult> {
  return answered(
    await api.post(episodePath(episodeId, 'reminder'), { body: { sentOn }, schema: episodeActionSchema }),
  );
}

export async function recordDecline(
  episodeId: string,
  reason: DeclineReason,
  note: string,
): Promise<EpisodeActionResult> {
  return answered(
    await api.post(episodePath(episodeId, 'decline'), {
      body: { reason, note },
      schema: episodeActionSchema,
    }),
  );
}

export type EligibilityDecision =
  { eligible: true; note: string } | { eligible: false; reason: NotEligibleReason; note: string };

export async function reviewEligibility(
  episodeId: string,
  decision: EligibilityDecision,
): Promise<EpisodeActionResult> {
  return answered(
    await api.post(episodePath(episodeId, 'eligibility-review'), {
      body: decision,
      schema: episodeActionSchema,
    }),
  );
}
