import { queryOptions } from '@tanstack/react-query';
import { api, ApiError } from './client';
import {
  findingReviewSchema,
  reportFindingListSchema,
  type FindingDecision,
  type FindingReviewResult,
} from '@osteopad/contract';

export type { FindingDecision };

export const FINDINGS_PAGE_SIZE = 20;
export const REPORT_FINDINGS_QUERY_KEY = ['report-findings'] as const;

/** Open findings: vertebral fractures the report scanner found, waiting for a person to decide. */
export function openReportFindingsQuery(page: number) {
  return queryOptions({
    queryKey: [...REPORT_FINDINGS_QUERY_KEY, 'open', page],
    queryFn: () =>
      api.get('/api/report-findings', reportFindingListSchema, {
        status: 'open',
        limit: FINDINGS_PAGE_SIZE,
        offset: (page - 1) * FINDINGS_PAGE_SIZE,
      }),
  });
}

/**
 * `patientId` names the patient when the report's own reference matched nobody: the server then
 * records the fracture for that patient (and refuses to confirm an unmatched finding without one).
 */
export async function reviewFinding(
  findingId: string,
  decision: FindingDecision,
  note: string,
  patientId?: string,
): Promise<FindingReviewResult> {
  const result = await api.post(`/api/report-findings/${encodeURIComponent(findingId)}/review`, {
    body: { decision, note, ...(patientId === undefined ? {} : { patientId }) },
    schema: findingReviewSchema,
  });
  if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return result;
}
