import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { api, ApiError } from './client';
import {
  assessmentSchema,
  decisionAnswerSchema,
  storedDecisionShape,
  type DecisionBody,
  type StoredDecisionAnswer,
} from '@osteopad/contract';

// Imported only by the decision screen (a lazy chunk): none of this reaches the shell's bundle.

export const decisionQueryKey = (episodeId: string) => ['episodes', episodeId, 'decision'] as const;

/** The engine's assessment now: computed by the server on every load, never cached across visits. */
export function assessmentQuery(episodeId: string) {
  return queryOptions({
    queryKey: [...decisionQueryKey(episodeId), 'assessment'],
    queryFn: () => api.get(`/api/episodes/${encodeURIComponent(episodeId)}/assessment`, assessmentSchema),
    staleTime: 0,
  });
}

export function storedDecisionQuery(episodeId: string) {
  return queryOptions({
    queryKey: [...decisionQueryKey(episodeId), 'stored'],
    queryFn: () => api.get(`/api/episodes/${encodeURIComponent(episodeId)}/decision`, decisionAnswerSchema),
  });
}

const recordedSchema = z.object({ ...storedDecisionShape, episodeState: z.string() });

export async function recordDecision(
  episodeId: string,
  body: DecisionBody,
): Promise<StoredDecisionAnswer & { episodeState: string }> {
  const result = await api.post(`/api/episodes/${encodeURIComponent(episodeId)}/decision`, {
    body,
    schema: recordedSchema,
  });
  if (result === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return result;
}
