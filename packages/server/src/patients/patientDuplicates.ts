import { and, eq, or, sql } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import { patients } from '../db/schema';
import { conflict, type DomainError } from '../domain/errors';
import { safeErrorSummary } from '../http/safeErrorLog';

/** What identifies a patient within an organisation: the BSN, or a number in a source system. */
export interface PatientIdentity {
  bsn: string | null;
  /** Stored as '' when the number was given without a system, as the import stores it. */
  sourceSystem: string | null;
  sourceId: string | null;
}

export type DuplicateField = 'bsn' | 'sourceId';

/** Which unique index guards which field (db/schema.ts). */
const FIELD_OF_CONSTRAINT: Readonly<Record<string, DuplicateField>> = {
  patients_org_bsn_key: 'bsn',
  patients_org_source_key: 'sourceId',
};

const MESSAGES: Readonly<Record<DuplicateField, string>> = {
  bsn: 'A patient with this BSN already exists.',
  sourceId: 'A patient with this hospital patient number (in this source system) already exists.',
};

/** The one answer to a duplicate: 409 naming the field that collides. */
export function duplicatePatient(field: DuplicateField): DomainError {
  return conflict('duplicate_patient', MESSAGES[field], {}, [
    { field: `body.${field}`, message: MESSAGES[field], code: 'duplicate' },
  ]);
}

/**
 * The patient of the organisation that already carries this BSN or source number, and which of the
 * two collides (the BSN first). Rows stored before the source system was normalised may hold NULL
 * for "no system"; they count as ''.
 */
export async function findDuplicatePatient(
  tx: Transaction,
  organizationId: string,
  identity: PatientIdentity,
): Promise<{ patientId: string; field: DuplicateField } | null> {
  const sameBsn = identity.bsn === null ? undefined : eq(patients.bsn, identity.bsn);
  const sameSource =
    identity.sourceId === null
      ? undefined
      : and(
          eq(patients.sourceId, identity.sourceId),
          eq(sql`coalesce(${patients.sourceSystem}, '')`, identity.sourceSystem ?? ''),
        );
  if (sameBsn === undefined && sameSource === undefined) return null;
  const rows = await tx
    .select({ id: patients.id, bsn: patients.bsn })
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), or(sameBsn, sameSource)))
    .limit(2);
  const byBsn = rows.find((r) => identity.bsn !== null && r.bsn === identity.bsn);
  const hit = byBsn ?? rows[0];
  if (hit === undefined) return null;
  return { patientId: hit.id, field: byBsn === undefined ? 'sourceId' : 'bsn' };
}

/**
 * A concurrent create can pass the duplicate check and then lose on the unique index; the index's
 * name says which field collided. Anything else is not a duplicate (null).
 */
export function duplicateFieldOfError(error: unknown): DuplicateField | null {
  const summary = safeErrorSummary(error);
  if (summary.code !== '23505' || summary.constraint === undefined) return null;
  return FIELD_OF_CONSTRAINT[summary.constraint] ?? null;
}
