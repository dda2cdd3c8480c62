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
  /** The actor's display name now (users.display_name); null for Osteopad's own work or a removed user. */
  actorName: z.nullable(z.string()),
  /** The patient the event is about, by name (null when it names none, or the record is gone). */
  patient: z.nullable(
    z.object({
      familyName: z.string(),
      givenNames: z.string(),
      initials: z.string(),
      hospitalNumber: z.nullable(z.string()),
      birthDate: z.string(),
    }),
  ),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = pageOf(auditEventSchema);
export type AuditList = z.infer<typeof auditListSchema>;

/** The most rows one CSV export of the audit log holds; a larger selection is refused (422). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** The answer of `POST /api/audit-events/export.csv`: RFC 4180 CSV, UTF-8 with a byte order mark. */
export const auditCsvDocument = {
  description: 'The selected audit events as CSV (RFC 4180, UTF-8 with BOM, header row).',
  content: { 'text/csv': { schema: z.string() } },
};

/** One patient the audit log's picker found: enough to tell patients apart, no BSN. */
export const auditPatientSchema = z.object({
  id: z.uuid(),
  familyName: z.string(),
  givenNames: z.string(),
  initials: z.string(),
  hospitalNumber: z.nullable(z.string()),
  birthDate: z.string(),
});
export type AuditPatient = z.infer<typeof auditPatientSchema>;

export const auditPatientListSchema = z.object({ items: z.array(auditPatientSchema) });
export type AuditPatientList = z.infer<typeof auditPatientListSchema>;
