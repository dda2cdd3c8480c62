import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { intakeSchema, type Intake, type intakeSaveBody } from '@osteopad/contract';
import { api, ApiError } from './client';

export function intakeQuery(episodeId: string) {
  return queryOptions({
    queryKey: ['intake', episodeId],
    queryFn: () => api.get(`/api/episodes/${encodeURIComponent(episodeId)}/intake`, intakeSchema),
  });
}

/** Saves the answers on the version they were loaded with; 400 names the fields, 409 a stale version. */
export async function saveIntake(episodeId: string, body: z.input<typeof intakeSaveBody>): Promise<Intake> {
  const answer = await api.put(`/api/episodes/${encodeURIComponent(episodeId)}/intake`, {
    body,
    schema: intakeSchema,
  });
  if (answer === undefined) throw new ApiError(200, 'invalid_response', 'Empty answer.');
  return answer;
}
