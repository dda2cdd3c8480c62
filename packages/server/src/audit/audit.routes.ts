import {
  ADMIN_ROLES,
  auditCsvDocument,
  auditExportBody,
  auditListSchema,
  auditPatientListSchema,
  auditPatientSearchBody,
  auditSearchBody,
} from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { localIsoDate } from '../time/localDate';
import { listAuditEvents } from './auditQueries';
import { exportAuditEvents } from './auditExport';
import { findAuditPatients } from './auditPatientPicker';

export function registerAuditRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  // The filter names people (a username, a patient): it travels in the body, not in the URL that
  // proxies and logs keep (http/urlPrivacy.ts).
  app.post(
    '/api/audit-events/search',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Search the audit log (who did what to which record, when)',
        tags: ['audit'],
        description: 'Each event names the user and the patient; every patient named is logged as read.',
        body: auditSearchBody,
        response: { 200: auditListSchema },
      },
    },
    async (request) => listAuditEvents(db, requireActor(request), request.body),
  );

  // POST for the same reason: the filter names people.
  app.post(
    '/api/audit-events/export.csv',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Export the selected audit events as CSV, for the privacy officer',
        tags: ['audit'],
        description:
          'The whole selection of the search filter, up to AUDIT_EXPORT_MAX_ROWS (100,000) events; a larger ' +
          'one is refused (422 audit_export_too_large). Built in memory, UTF-8 with BOM, RFC 4180, cells ' +
          'defused against formula injection. The export is audited (who, filter, rows) in its transaction.',
        body: auditExportBody,
        response: { 200: auditCsvDocument },
      },
    },
    async (request, reply) => {
      const { csv } = await exportAuditEvents(db, requireActor(request), request.body);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="auditlog-${localIsoDate(clock())}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.post(
    '/api/audit-events/patients',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: "Find a patient for the audit log's filter (name, BSN, date of birth, hospital number)",
        tags: ['audit'],
        description: 'A BSN and a hospital number match exactly. Every patient answered is logged as read.',
        body: auditPatientSearchBody,
        response: { 200: auditPatientListSchema },
      },
    },
    async (request) => findAuditPatients(db, requireActor(request), request.body),
  );
}
