import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import {
  fallRiskAdviceSchema,
  fallRiskAssessmentSchema,
  labResultSchema,
  labResultsSavedSchema,
  labsAndFallsSchema,
  type FallRiskAdvice,
  type FallRiskAssessment,
  type LabResult,
  type LabResultsSaved,
} from '@osteopad/contract';
import type {
  fallRiskBody,
  fallRiskPreviewBody,
  labResultsBody,
  labResultUpdateBody,
} from '@osteopad/contract';
import { api, ApiError } from './client';

export const LABS_AND_FALLS_QUERY_KEY = ['labs-and-falls'] as const;

export function labsAndFallsQuery(episodeId: string) {
  return queryOptions({
    queryKey: [...LABS_AND_FALLS_QUERY_KEY, episodeId],
    queryFn: () =>
      api.get(`/api/episodes/${encodeURIComponent(episodeId)}/labs-and-falls`, labsAndFallsSchema),
  });
}

function answered<T>(value: T | undefined): T {
  if (value === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return value;
}

export async function saveLabResults(
  episodeId: string,
  body: z.input<typeof labResultsBody>,
): Promise<LabResultsSaved> {
  return answered(
    await api.post(`/api/episodes/${encodeURIComponent(episodeId)}/labs`, {
      body,
      schema: labResultsSavedSchema,
    }),
  );
}

export async function updateLabResult(
  labResultId: string,
  body: z.input<typeof labResultUpdateBody>,
): Promise<LabResult> {
  return answered(
    await api.put(`/api/lab-results/${encodeURIComponent(labResultId)}`, { body, schema: labResultSchema }),
  );
}

export async function previewFallRisk(
  episodeId: string,
  body: z.input<typeof fallRiskPreviewBody>,
): Promise<FallRiskAdvice> {
  return answered(
    await api.post(`/api/episodes/${encodeURIComponent(episodeId)}/fall-risk/preview`, {
      body,
      schema: fallRiskAdviceSchema,
    }),
  );
}

export async function saveFallRisk(
  episodeId: string,
  body: z.input<typeof fallRiskBody>,
): Promise<FallRiskAssessment> {
  return answered(
    await api.post(`/api/episodes/${encodeURIComponent(episodeId)}/fall-risk`, {
      body,
      schema: fallRiskAssessmentSchema,
    }),
  );
}
