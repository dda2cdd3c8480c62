// The audit log's patient picker: the staff patient search (patients/patientRecords.ts: words of a
// name, an exact BSN, a date of birth, in Dutch name order), plus an exact hospital number. It answers
// what tells patients apart — name, hospital number, date of birth — and never the BSN. Seeing a
// patient in the list is a read of that patient, logged like the staff search logs it.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuditPatientList } from '@osteopad/contract';
import type { Database } from '../db/connection';
import { patients } from '../db/schema';
import type { Actor } from '../auth/actor';
import { parsePatientQuery } from '../patients/patientSearch';
import { patientSearchCondition } from '../patients/patientRecords';
import { auditedTransaction } from './auditedTransaction';

export function findAuditPatients(
  db: Database,
  actor: Actor,
  params: { q: string; limit: number },
): Promise<AuditPatientList> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const items = await tx
      .select({
        id: patients.id,
        familyName: patients.familyName,
        givenNames: patients.givenNames,
        initials: patients.initials,
        hospitalNumber: patients.sourceId,
        birthDate: patients.birthDate,
      })
      .from(patients)
      .where(
        and(
          eq(patients.organizationId, actor.organizationId),
          patientSearchCondition(params.q, { hospitalNumber: true }),
        ),
      )
      .orderBy(
        asc(sql`osteopad_name_sort_key(${patients.familyName})`),
        asc(patients.birthDate),
        asc(patients.id),
      )
      .limit(params.limit);
    trail.recordMany(
      items.map((p) => ({
        action: 'read' as const,
        objectType: 'patient',
        objectId: p.id,
        patientId: p.id,
        details: { view: 'audit_patient_picker', queryKind: parsePatientQuery(params.q).kind },
      })),
    );
    return { items };
  });
}
