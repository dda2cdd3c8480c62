import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { portalIntakeSchema, type PortalIntake, type portalIntakeSaveBody } from '@osteopad/contract';
import { api, ApiError } from '../api/client';

export const portalIntakeQuery = queryOptions({
  queryKey: ['portal', 'intake'] as const,
  queryFn: () => api.get('/api/portal/intake', portalIntakeSchema),
});

/** Saves the answers so far, or submits them; 400 names the fields, 409 a stale version or a sent form. */
export async function savePortalIntake(body: z.input<typeof portalIntakeSaveBody>): Promise<PortalIntake> {
  const answer = await api.put('/api/portal/intake', { body, schema: portalIntakeSchema });
  if (answer === undefined) throw new ApiError(200, 'invalid_response', 'Empty answer.');
  return answer;
}
