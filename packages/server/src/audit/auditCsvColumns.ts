// The columns of the audit log's CSV export and their header in each language (the privacy officer
// reads the file; the cells keep the stored codes, so the file can be filtered and compared).
import type { NamedAuditRow } from './auditSelection';

export const AUDIT_CSV_COLUMNS = [
  'occurredAt',
  'actorName',
  'username',
  'role',
  'action',
  'outcome',
  'patientName',
  'hospitalNumber',
  'objectType',
  'objectId',
  'reason',
  'details',
  'clientAddress',
] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export const AUDIT_CSV_HEADERS: Readonly<Record<'nl' | 'en', Readonly<Record<AuditCsvColumn, string>>>> = {
  nl: {
    occurredAt: 'Tijdstip (UTC)',
    actorName: 'Naam gebruiker',
    username: 'Gebruikersnaam',
    role: 'Rol',
    action: 'Actie',
    outcome: 'Resultaat',
    patientName: 'Naam patiënt',
    hospitalNumber: 'Patiëntnummer ziekenhuis',
    objectType: 'Soort gegevens',
    objectId: 'ID gegevens',
    reason: 'Reden',
    details: 'Details',
    clientAddress: 'IP-adres',
  },
  en: {
    occurredAt: 'Time (UTC)',
    actorName: 'User name',
    username: 'Username',
    role: 'Role',
    action: 'Action',
    outcome: 'Outcome',
    patientName: 'Patient name',
    hospitalNumber: 'Hospital number',
    objectType: 'Record type',
    objectId: 'Record ID',
    reason: 'Reason',
    details: 'Details',
    clientAddress: 'IP address',
  },
};

/** "Bakker, Cornelia" — family name first, initials when there are no given names (as the web shows it). */
export function patientNameOf(row: Pick<NamedAuditRow, 'familyName' | 'givenNames' | 'initials'>): string {
  const family = row.familyName ?? '';
  const given =
    (row.givenNames ?? '').trim() === '' ? (row.initials ?? '').trim() : (row.givenNames ?? '').trim();
  return given === '' ? family : `${family}, ${given}`;
}

/**
 * The event's details as the file shows them. A refused request (access_denied) keeps the names of the
 * records it named, not their ids: those are another organisation's records, whose ids are that
 * organisation's data (http/routeSecurity.int.test.ts checks no answer carries them).
 */
export function exportedDetails(row: Pick<NamedAuditRow, 'action' | 'details'>): string {
  const details = row.details ?? {};
  if (row.action !== 'access_denied' || typeof details !== 'object' || Array.isArray(details)) {
    return JSON.stringify(details);
  }
  const { params, ...rest } = details as Record<string, unknown>;
  if (params === null || typeof params !== 'object') return JSON.stringify(details);
  return JSON.stringify({ ...rest, params: Object.keys(params) });
}

/** One event as the export's cells, in the order of AUDIT_CSV_COLUMNS. */
export function auditCsvCells(row: NamedAuditRow): string[] {
  const cells: Record<AuditCsvColumn, string> = {
    occurredAt: row.occurredAt.toISOString(),
    actorName: row.actorName ?? '',
    username: row.username,
    role: row.role,
    action: row.action,
    outcome: row.outcome,
    patientName: row.patientRowId === null ? '' : patientNameOf(row),
    hospitalNumber: row.hospitalNumber ?? '',
    objectType: row.objectType,
    objectId: row.objectId,
    reason: row.reason,
    details: exportedDetails(row),
    clientAddress: row.clientAddress ?? '',
  };
  return AUDIT_CSV_COLUMNS.map((column) => cells[column]);
}
