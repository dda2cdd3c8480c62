import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import {
  type AuditAction,
  type AuditExportBody,
  type AuditOutcome,
  type AuditPatientSearchBody,
  auditListSchema,
  auditPatientListSchema,
} from '@osteopad/contract';

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

/** How many patients the audit log's picker shows. */
export const AUDIT_PATIENT_PICKER_LIMIT = 10;

/** The audit log's patient picker: a name, BSN, date of birth or hospital number, in the body. */
export function auditPatientsQuery(q: string) {
  return queryOptions({
    queryKey: ['audit-patients', q],
    queryFn: () =>
      api.search('/api/audit-events/patients', auditPatientListSchema, {
        q,
        limit: AUDIT_PATIENT_PICKER_LIMIT,
      } satisfies AuditPatientSearchBody),
  });
}

/** The whole selection of `filter` as CSV (header row in `locale`), as a Blob for the browser to save. */
export function exportAuditCsv(filter: AuditFilter, locale: 'nl' | 'en'): Promise<Blob> {
  return api.file('POST', '/api/audit-events/export.csv', 'text/csv', {
    body: { ...filter, locale } satisfies AuditExportBody,
  });
}
