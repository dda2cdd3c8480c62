import { queryOptions } from '@tanstack/react-query';
import {
  clinicalConfigSchema,
  clinicalConfigVersionsSchema,
  type ClinicalConfig,
  type ConfigVersionBody,
} from '@osteopad/contract';
import { api, ApiError } from './client';

export const CLINICAL_CONFIG_QUERY_KEY = ['clinical-config'] as const;

/**
 * The clinical configuration the organisation runs with now and which of its values are still unconfirmed.
 * No patient data: the shell's notice and the screen share this one cached answer.
 */
export const clinicalConfigQuery = queryOptions({
  queryKey: CLINICAL_CONFIG_QUERY_KEY,
  queryFn: () => api.get('/api/clinical-config', clinicalConfigSchema),
});

/** The organisation's configuration versions, newest first. */
export const clinicalConfigVersionsQuery = queryOptions({
  queryKey: [...CLINICAL_CONFIG_QUERY_KEY, 'versions'],
  queryFn: () => api.get('/api/clinical-config/versions', clinicalConfigVersionsSchema),
});

/** Confirms or changes values: a new version, in effect at once; answers the configuration now. */
export async function makeConfigVersion(body: ConfigVersionBody): Promise<ClinicalConfig> {
  const answer = await api.post('/api/clinical-config/versions', { body, schema: clinicalConfigSchema });
  if (answer === undefined) throw new ApiError(204, 'invalid_response', 'Expected a body.');
  return answer;
}
