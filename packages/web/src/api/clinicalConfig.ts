import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { clinicalConfigSchema } from '@osteopad/contract';

export const CLINICAL_CONFIG_QUERY_KEY = ['clinical-config'] as const;

/**
 * Which clinical configuration the server runs with and which of its values are still unconfirmed.
 * No patient data: the shell's notice and the screen share this one cached answer.
 */
export const clinicalConfigQuery = queryOptions({
  queryKey: CLINICAL_CONFIG_QUERY_KEY,
  queryFn: () => api.get('/api/clinical-config', clinicalConfigSchema),
});
