import { queryOptions } from '@tanstack/react-query';
import { portalResultsSchema } from '@osteopad/contract';
import { api } from '../api/client';

export const portalResultsQuery = queryOptions({
  queryKey: ['portal', 'results'] as const,
  queryFn: () => api.get('/api/portal/results', portalResultsSchema),
});
