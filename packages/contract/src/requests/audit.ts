// Requests of the audit routes: what the server validates. The web types what it sends with
// `z.input<typeof …>` of these and never imports them at run time, so none of them reaches its bundle
// (a bundler keeps a module the web imports whole, whatever of it is used: the answers are apart).
import { z } from 'zod/mini';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../codes';
import { checked, isoDate, pagination } from '../fields';

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

/**
 * `POST /api/audit-events/export.csv`: the search's filter without a page — the whole selection, up to
 * `AUDIT_EXPORT_MAX_ROWS` rows (a larger selection is refused: narrow the filter).
 */
export const auditExportBody = z.strictObject({
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  userId: z.optional(z.uuid()),
  username: z.optional(checked(z.string(), z.maxLength(100))),
  patientId: z.optional(z.uuid()),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  objectType: z.optional(checked(z.string(), z.maxLength(50))),
  outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
  /** The language of the header row; the cells hold codes and data as stored. */
  locale: z._default(z.enum(['nl', 'en']), 'nl'),
});
export type AuditExportBody = z.input<typeof auditExportBody>;

/**
 * `POST /api/audit-events/patients`: the audit log's patient picker. `q` is what the staff patient
 * search takes (a name, a BSN — exact —, a date of birth) or a hospital number (exact).
 */
export const auditPatientSearchBody = z.strictObject({
  q: checked(z.string(), z.trim(), z.minLength(1, 'Required.'), z.maxLength(100)),
  limit: z._default(checked(z.int(), z.minimum(1), z.maximum(20)), 10),
});
export type AuditPatientSearchBody = z.input<typeof auditPatientSearchBody>;
