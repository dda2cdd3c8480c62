import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { episodes, fractureEvents, patients, tasks } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { storedEpisodeReason } from '../episodes/episodeReasons';
import { notFound } from '../domain/errors';
import {
  duplicateFieldOfError,
  duplicatePatient,
  findDuplicatePatient,
  type PatientIdentity,
} from './patientDuplicates';
import { likeContains, parsePatientQuery } from './patientSearch';
import { newPortalCode } from './portalCode';

export interface PatientSummary {
  id: string;
  bsn: string | null;
  familyName: string;
  givenNames: string;
  initials: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  city: string;
}

const summaryColumns = {
  id: patients.id,
  bsn: patients.bsn,
  familyName: patients.familyName,
  givenNames: patients.givenNames,
  initials: patients.initials,
  birthDate: patients.birthDate,
  sex: patients.sex,
  city: patients.city,
};

function searchCondition(raw: string | undefined): SQL | undefined {
  const query = parsePatientQuery(raw);
  switch (query.kind) {
    case 'all':
      return undefined;
    case 'bsn':
      return eq(patients.bsn, query.bsn);
    case 'birthDate':
      return eq(patients.birthDate, query.birthDate);
    case 'name':
      return and(
        ...query.words.map(
          (word) =>
            sql`lower(${patients.familyName} || ' ' || ${patients.givenNames}) LIKE ${likeContains(word)}`,
        ),
      );
  }
}

export async function searchPatients(
  db: Database,
  actor: Actor,
  params: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: PatientSummary[]; total: number }> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const where = and(eq(patients.organizationId, actor.organizationId), searchCondition(params.q));
    const [items, totals] = await Promise.all([
      tx
        .select(summaryColumns)
        .from(patients)
        .where(where)
        .orderBy(asc(sql`lower(${patients.familyName})`), asc(patients.birthDate), asc(patients.id))
        .limit(params.limit)
        .offset(params.offset),
      tx.select({ n: count() }).from(patients).where(where),
    ]);
    // Seeing a patient in a result list is access to that record: one audit event per patient shown.
    trail.recordMany(
      items.map((p) => ({
        action: 'read' as const,
        objectType: 'patient',
        objectId: p.id,
        patientId: p.id,
        details: { view: 'search', queryKind: parsePatientQuery(params.q).kind },
      })),
    );
    return { items, total: totals[0]?.n ?? 0 };
  });
}

async function loadPatient(tx: Transaction, organizationId: string, patientId: string) {
  const rows = await tx
    .select()
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.organizationId, organizationId)));
  return rows[0];
}

export type PatientRow = NonNullable<Awaited<ReturnType<typeof loadPatient>>>;

export async function getPatientRecord(db: Database, actor: Actor, patientId: string) {
  return auditedTransaction(db, actor, async (tx, trail) => {
    trail.record({
      action: 'read',
      objectType: 'patient',
      objectId: patientId,
      patientId,
      details: { view: 'record' },
    });
    const patient = await loadPatient(tx, actor.organizationId, patientId);
    if (patient === undefined) throw notFound('Patient');
    const scope = and(
      eq(fractureEvents.patientId, patientId),
      eq(fractureEvents.organizationId, actor.organizationId),
    );
    const [fractures, patientEpisodes] = await Promise.all([
      tx.select().from(fractureEvents).where(scope).orderBy(desc(fractureEvents.fractureDate)),
      tx
        .select()
        .from(episodes)
        .where(and(eq(episodes.patientId, patientId), eq(episodes.organizationId, actor.organizationId)))
        .orderBy(desc(episodes.openedOn)),
    ]);
    const episodeIds = patientEpisodes.map((e) => e.id);
    const openTasks =
      episodeIds.length === 0
        ? []
        : await tx
            .select()
            .from(tasks)
            .where(
              and(
                inArray(tasks.episodeId, episodeIds),
                eq(tasks.organizationId, actor.organizationId),
                eq(tasks.status, 'open'),
              ),
            )
            .orderBy(asc(tasks.dueDate));
    return {
      patient: { ...patient, demographicsAsOf: patient.demographicsAsOf.toISOString() },
      fractures,
      episodes: patientEpisodes.map(
        ({ stateReasonCode, stateReasonDetails, stateReasonNote, ...episode }) => ({
          ...episode,
          stateReason: storedEpisodeReason(stateReasonCode, stateReasonDetails, stateReasonNote),
        }),
      ),
      openTasks,
    };
  });
}

export interface NewPatient {
  bsn: string | null;
  sourceSystem: string | null;
  sourceId: string | null;
  familyName: string;
  givenNames: string;
  initials: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  gpName: string;
  gpAgbCode: string;
  gpPracticeName: string;
  gpAddress: string;
}

/**
 * Creates a patient entered by hand. A BSN or source number the organisation already has is a 409
 * naming the field, also when a concurrent create wins the race on the unique index; the attempt is
 * audited as a failed create (of the existing patient, when known) and nothing is written.
 */
export async function createPatient(db: Database, actor: Actor, input: NewPatient): Promise<PatientRow> {
  const sourceId = input.sourceId === '' ? null : input.sourceId;
  const identity: PatientIdentity = {
    bsn: input.bsn,
    sourceId,
    // As the import stores it: a number without a system belongs to the system ''.
    sourceSystem: sourceId === null ? null : (input.sourceSystem ?? ''),
  };
  return auditedTransaction(db, actor, async (tx, trail) => {
    const attempt = (patientId: string | null): void => {
      trail.record({ action: 'create', objectType: 'patient', objectId: patientId ?? '', patientId });
    };
    const duplicate = await findDuplicatePatient(tx, actor.organizationId, identity);
    if (duplicate !== null) {
      attempt(duplicate.patientId);
      throw duplicatePatient(duplicate.field);
    }
    let inserted: PatientRow[];
    try {
      inserted = await tx
        .insert(patients)
        .values({ ...input, ...identity, organizationId: actor.organizationId, portalCode: newPortalCode() })
        .returning();
    } catch (error) {
      const field = duplicateFieldOfError(error);
      if (field === null) throw error;
      attempt(null);
      throw duplicatePatient(field);
    }
    const patient = inserted[0];
    if (patient === undefined) throw new Error('insert returned no row');
    attempt(patient.id);
    return patient;
  });
}
