import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import { type AuditAction, type AuditOutcome, auditListSchema } from '@osteopad/contract';

export const AUDIT_PAGE_SIZE = 50;

/** The filter as the API takes it: dates as YYYY-MM-DD, empty fields left out. */
export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  action?: AuditAction;
  patientId?: string;
  outcome?: AuditOutcome;
}

export function auditEventsQuery(filter: AuditFilter, page: number) {
  return queryOptions({
    queryKey: ['audit-events', { filter, page }],
    queryFn: () =>
      // The filter may name a user or a patient: in the body, not the URL.
      api.search('/api/audit-events/search', auditListSchema, {
        ...filter,
        limit: AUDIT_PAGE_SIZE,
        offset: (page - 1) * AUDIT_PAGE_SIZE,
      }),
  });
}
