import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { patientListSchema, patientRecordSchema } from '@osteopad/contract';

export const PATIENT_PAGE_SIZE = 20;
/** Every search asks the server (and is audited), so wait until the user pauses typing. */
export const PATIENT_SEARCH_DEBOUNCE_MS = 300;

/**
 * The search text stays in the query key (memory only) and travels in the request body, never in a
 * URL: names, BSNs and dates of birth must not end up in browser history or proxy logs.
 */
export function patientListQuery(search: string, page: number) {
  return queryOptions({
    queryKey: ['patients', 'list', { search, page }],
    queryFn: () =>
      api.search('/api/patients/search', patientListSchema, {
        q: search,
        limit: PATIENT_PAGE_SIZE,
        offset: (page - 1) * PATIENT_PAGE_SIZE,
      }),
  });
}

/** Every patient record in the cache; actions on episodes and findings refresh them. */
export const PATIENT_RECORD_QUERY_KEY = ['patients', 'record'] as const;

export function patientRecordQuery(patientId: string) {
  return queryOptions({
    queryKey: [...PATIENT_RECORD_QUERY_KEY, patientId],
    queryFn: () => api.get(`/api/patients/${encodeURIComponent(patientId)}`, patientRecordSchema),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Patient ids are UUIDs; anything else in the URL cannot be a patient. */
export function isPatientId(value: string): boolean {
  return UUID.test(value);
}
