import { z } from 'zod';
import type { AppDeps, TypedApp } from '../http/app';
import { requireActor } from '../auth/requireActor';
import { isoDate, pagination } from '../http/validation';
import { AUDIT_ACTIONS } from './auditLog';
import { listAuditEvents } from './auditQueries';

export const auditSearchBody = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  userId: z.uuid().optional(),
  username: z.string().max(100).optional(),
  patientId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  objectType: z.string().max(50).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  ...pagination,
});

const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  username: z.string(),
  role: z.string(),
  patientId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  outcome: z.string(),
  reason: z.string(),
  clientAddress: z.string().nullable(),
});

export function registerAuditRoutes(app: TypedApp, { db }: AppDeps): void {
  // The filter names people (a username, a patient): it travels in the body, not in the URL that
  // proxies and logs keep (http/urlPrivacy.ts).
  app.post(
    '/api/audit-events/search',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['audit'],
        body: auditSearchBody,
        response: { 200: z.object({ items: z.array(auditEventSchema), total: z.number().int() }) },
      },
    },
    async (request) => listAuditEvents(db, requireActor(request), request.body),
  );
}
