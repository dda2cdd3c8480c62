import { z } from 'zod/mini';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, AUDIT_OUTCOMES, ROLES } from './codes';
import { knownCode, pageOf } from './fields';

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
