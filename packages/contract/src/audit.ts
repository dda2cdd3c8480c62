import { z } from 'zod/mini';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, AUDIT_OUTCOMES, ROLES } from './codes';
import { isoDate, knownCode, pageOf, pagination, checked } from './fields';

/** `POST /api/audit-events/search`: the filter names people, so it travels in the body. */
export const auditSearchBody = z.strictObject({
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  userId: z.optional(z.uuid()),
  username: z.optional(checked(z.string(), z.maxLength(100))),
  patientId: z.optional(z.uuid()),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  objectType: z.optional(checked(z.string(), z.maxLength(50))),
  outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
  ...pagination,
});
export type AuditSearchBody = z.input<typeof auditSearchBody>;
/** The filter as the server has read it (defaults applied). */
export type AuditFilter = z.output<typeof auditSearchBody>;

export const auditEventSchema = z.object({
  id: z.int(),
  occurredAt: z.string(),
  userId: z.nullable(z.string()),
  username: z.string(),
  role: knownCode(ROLES),
  patientId: z.nullable(z.string()),
  action: knownCode(AUDIT_ACTIONS),
  objectType: knownCode(AUDIT_OBJECT_TYPES),
  objectId: z.string(),
  outcome: knownCode(AUDIT_OUTCOMES),
  reason: z.string(),
  clientAddress: z.nullable(z.string()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = pageOf(auditEventSchema);
export type AuditList = z.infer<typeof auditListSchema>;
