import { ADMIN_ROLES, auditListSchema, auditSearchBody } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { listAuditEvents } from './auditQueries';

export function registerAuditRoutes(app: TypedApp, { db }: AppDeps): void {
  // The filter names people (a username, a patient): it travels in the body, not in the URL that
  // proxies and logs keep (http/urlPrivacy.ts).
  app.post(
    '/api/audit-events/search',
    {
      config: { access: { roles: ADMIN_ROLES } },
      schema: {
        summary: 'Search the audit log (who did what to which record, when)',
        tags: ['audit'],
        body: auditSearchBody,
        response: { 200: auditListSchema },
      },
    },
    async (request) => listAuditEvents(db, requireActor(request), request.body),
  );
}
