import { queryOptions } from '@tanstack/react-query';
import {
  organizationProfileSchema,
  type LetterLocale,
  type OrganizationProfile,
  type organizationProfileBody,
} from '@osteopad/contract';
import type { z } from 'zod/mini';
import { api, ApiError } from './client';

export type OrganizationProfileInput = z.input<typeof organizationProfileBody>;

export const ORGANIZATION_QUERY_KEY = ['organization'] as const;

/** The organisation profile that letters print. */
export const organizationQuery = queryOptions({
  queryKey: ORGANIZATION_QUERY_KEY,
  queryFn: () => api.get('/api/organization', organizationProfileSchema),
});

export async function saveOrganizationProfile(body: OrganizationProfileInput): Promise<OrganizationProfile> {
  const answer = await api.put('/api/organization', { body, schema: organizationProfileSchema });
  if (answer === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return answer;
}

/** The invitation letter as the unsaved profile would print it, for a fictional patient; nothing is saved. */
export function fetchLetterPreview(body: OrganizationProfileInput, locale: LetterLocale): Promise<Blob> {
  return api.file('POST', '/api/organization/letter-preview', 'application/pdf', { body, query: { locale } });
}
