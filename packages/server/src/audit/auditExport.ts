// The audit log's selection as one CSV file for the privacy officer (NEN 7513). The file is built in
// memory, not streamed: the selection is capped at AUDIT_EXPORT_MAX_ROWS, and building it inside the
// unit of work lets the export's own audit event (who, which filter, how many rows) and the reads of
// the patients it names be written in the same transaction as the rows were read.
import { sql } from 'drizzle-orm';
import { AUDIT_EXPORT_MAX_ROWS } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { auditEvents } from '../db/schema';
import type { Actor } from '../auth/actor';
import { unprocessable } from '../domain/errors';
import { auditedTransaction } from './auditedTransaction';
import { AUDIT_CSV_COLUMNS, AUDIT_CSV_HEADERS, auditCsvCells } from './auditCsvColumns';
import {
  auditSelectionCondition,
  loggedFilter,
  patientReadsOf,
  selectNamedAuditEvents,
  type AuditSelectionFilter,
} from './auditSelection';
import { csvDocument } from './csvDocument';

export interface AuditExportRequest extends AuditSelectionFilter {
  locale: 'nl' | 'en';
}

export interface AuditExport {
  csv: string;
  rows: number;
}

export async function exportAuditEvents(
  db: Database,
  actor: Actor,
  request: AuditExportRequest,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
): Promise<AuditExport> {
  const { locale, ...filter } = request;
  const where = auditSelectionCondition(actor.organizationId, filter);
  return auditedTransaction(db, actor, async (tx, trail) => {
    const event = {
      action: 'export' as const,
      objectType: 'audit_events',
      patientId: filter.patientId ?? null,
      details: { format: 'csv', filter: loggedFilter(filter), rows: 0 },
    };
    trail.record(event);
    // Counted up to one past the cap: a larger selection is refused before any row is read.
    const counted = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${auditEvents} WHERE ${where} LIMIT ${maxRows + 1}) s`,
    );
    const total = counted.rows[0]?.n ?? 0;
    if (total > maxRows) {
      event.details.rows = total;
      throw unprocessable(
        'audit_export_too_large',
        `The selection holds more than ${String(maxRows)} events; narrow the filter.`,
      );
    }
    const rows = await selectNamedAuditEvents(tx, actor.organizationId, where);
    event.details.rows = rows.length;
    trail.recordMany(patientReadsOf(rows, 'audit_export'));
    const header = AUDIT_CSV_COLUMNS.map((column) => AUDIT_CSV_HEADERS[locale][column]);
    return { csv: csvDocument(header, rows.map(auditCsvCells)), rows: rows.length };
  });
}
