import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { patients } from '../db/schema';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import { auditedRead } from '../audit/auditInStatement';
import type { EpisodeReasonCode } from '@osteopad/contract';
import { storedEpisodeReason } from '../episodes/episodeReasons';
import { notFound } from '../domain/errors';
import {
  duplicateFieldOfError,
  duplicatePatient,
  findDuplicatePatient,
  type PatientIdentity,
} from './patientDuplicates';
import { likeContains, parsePatientQuery } from './patientSearch';

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

/**
 * The staff search's condition (words of a name, an exact BSN, a date of birth) for other searches of
 * the same patients. With `hospitalNumber`, the text as a whole also matches an exact hospital number
 * (the source's patient id): the audit log's patient picker (audit/auditPatientPicker.ts).
 */
export function patientSearchCondition(
  raw: string | undefined,
  options: { hospitalNumber: boolean },
): SQL | undefined {
  const condition = searchCondition(raw);
  const text = (raw ?? '').trim();
  if (!options.hospitalNumber || text === '') return condition;
  return or(condition, eq(patients.sourceId, text));
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
        .orderBy(
          asc(sql`osteopad_name_sort_key(${patients.familyName})`),
          asc(patients.birthDate),
          asc(patients.id),
        )
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

/** A patient as drizzle reads the whole row (what `createPatient` answers). */
export type PatientRow = typeof patients.$inferSelect;

/** JSON of the columns of `alias` named in `columns` (answer name → column), for json_build_object. */
function jsonFields(alias: string, columns: Readonly<Record<string, string>>): SQL {
  if (!Object.keys(columns).every((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name)))
    throw new Error('field names are letters and digits');
  return sql.join(
    Object.entries(columns).map(
      // The names are this module's constants (letters and digits), written as literals, not parameters.
      ([name, column]) => sql`${sql.raw(`'${name}'`)}, ${sql.identifier(alias)}.${sql.identifier(column)}`,
    ),
    sql`, `,
  );
}

// What the patient page shows of each table: the response schema's fields (patients.schemas.ts), and
// the column each is read from.
interface PatientJson {
  id: string;
  bsn: string | null;
  familyName: string;
  givenNames: string;
  initials: string;
  birthDate: string;
  sex: PatientRow['sex'];
  city: string;
  sourceSystem: string | null;
  sourceId: string | null;
  street: string;
  houseNumber: string;
  postalCode: string;
  country: string;
  phone: string;
  email: string;
  gpName: string;
  gpAgbCode: string;
  gpPracticeName: string;
  gpAddress: string;
  deceased: boolean;
  deceasedDate: string | null;
}
const PATIENT_FIELDS: Record<keyof PatientJson, string> = {
  id: 'id',
  bsn: 'bsn',
  familyName: 'family_name',
  givenNames: 'given_names',
  initials: 'initials',
  birthDate: 'birth_date',
  sex: 'sex',
  city: 'city',
  sourceSystem: 'source_system',
  sourceId: 'source_id',
  street: 'street',
  houseNumber: 'house_number',
  postalCode: 'postal_code',
  country: 'country',
  phone: 'phone',
  email: 'email',
  gpName: 'gp_name',
  gpAgbCode: 'gp_agb_code',
  gpPracticeName: 'gp_practice_name',
  gpAddress: 'gp_address',
  deceased: 'deceased',
  deceasedDate: 'deceased_date',
};

interface FractureJson {
  id: string;
  fractureDate: string;
  siteCode: string | null;
  siteText: string;
  icd10Code: string;
  encounterType: string;
  traumaMechanism: string;
  pathological: boolean | null;
  eligibility: string;
  eligibilityReason: string;
  sourceFormat: string;
}
const FRACTURE_FIELDS: Record<keyof FractureJson, string> = {
  id: 'id',
  fractureDate: 'fracture_date',
  siteCode: 'site_code',
  siteText: 'site_text',
  icd10Code: 'icd10_code',
  encounterType: 'encounter_type',
  traumaMechanism: 'trauma_mechanism',
  pathological: 'pathological',
  eligibility: 'eligibility',
  eligibilityReason: 'eligibility_reason',
  sourceFormat: 'source_format',
};

interface EpisodeJson {
  id: string;
  state: string;
  stateReasonCode: EpisodeReasonCode | null;
  stateReasonDetails: unknown;
  stateReasonNote: string;
  patientGroup: string | null;
  openedOn: string;
  closedOn: string | null;
  indexFractureId: string | null;
}
const EPISODE_FIELDS: Record<keyof EpisodeJson, string> = {
  id: 'id',
  state: 'state',
  stateReasonCode: 'state_reason_code',
  stateReasonDetails: 'state_reason_details',
  stateReasonNote: 'state_reason_note',
  patientGroup: 'patient_group',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
  indexFractureId: 'index_fracture_id',
};

interface TaskJson {
  id: string;
  episodeId: string;
  kind: string;
  dueDate: string;
  status: string;
  assigneeRole: string;
}
const TASK_FIELDS: Record<keyof TaskJson, string> = {
  id: 'id',
  episodeId: 'episode_id',
  kind: 'kind',
  dueDate: 'due_date',
  status: 'status',
  assigneeRole: 'assignee_role',
};

interface PatientRecordRow extends Record<string, unknown> {
  patientId: string;
  record: { patient: PatientJson; fractures: FractureJson[]; episodes: EpisodeJson[]; openTasks: TaskJson[] };
  /** Outside the JSON: PostgreSQL's text of the instant, read as drizzle reads a timestamp column. */
  demographicsAsOf: string;
}

/**
 * The patient page's record in one SELECT: the patient, their fractures (newest first), episodes
 * (newest first) and the open tasks of those episodes (soonest first) as JSON, ties in id order.
 */
export function patientRecordQuery(organizationId: string, patientId: string): SQL {
  return sql`
    SELECT p.id AS "patientId", p.demographics_as_of AS "demographicsAsOf", json_build_object(
      'patient', json_build_object(${jsonFields('p', PATIENT_FIELDS)}),
      'fractures', coalesce((
        SELECT json_agg(json_build_object(${jsonFields('f', FRACTURE_FIELDS)}) ORDER BY f.fracture_date DESC, f.id)
        FROM fracture_events f WHERE f.patient_id = p.id AND f.organization_id = p.organization_id
      ), '[]'::json),
      'episodes', coalesce((
        SELECT json_agg(json_build_object(${jsonFields('e', EPISODE_FIELDS)}) ORDER BY e.opened_on DESC, e.id)
        FROM episodes e WHERE e.patient_id = p.id AND e.organization_id = p.organization_id
      ), '[]'::json),
      'openTasks', coalesce((
        SELECT json_agg(json_build_object(${jsonFields('t', TASK_FIELDS)}) ORDER BY t.due_date, t.id)
        FROM tasks t
        WHERE t.organization_id = p.organization_id AND t.status = 'open'
          AND t.episode_id IN (
            SELECT e.id FROM episodes e WHERE e.patient_id = p.id AND e.organization_id = p.organization_id
          )
      ), '[]'::json)
    ) AS record
    FROM patients p
    WHERE p.id = ${patientId}::uuid AND p.organization_id = ${organizationId}::uuid`;
}

/**
 * The patient page: the record and its read event in one statement (audit/auditInStatement.ts), which
 * also checks that the patient is the caller's organisation's when the request names it.
 */
export async function getPatientRecord(db: Database, actor: Actor, patientId: string) {
  const read = {
    action: 'read' as const,
    objectType: 'patient',
    objectId: patientId,
    patientId,
    details: { view: 'record' },
  };
  const rows = await auditedRead<PatientRecordRow>(db, actor, {
    rows: patientRecordQuery(actor.organizationId, patientId),
    reads: { patientIdColumn: 'patientId', objectType: read.objectType, details: read.details },
    attempted: [read],
    statementName: 'osteopad_patient_record',
  });
  const row = rows[0];
  if (row === undefined) throw notFound('Patient');
  const { patient, fractures, episodes, openTasks } = row.record;
  return {
    patient: { ...patient, demographicsAsOf: new Date(row.demographicsAsOf).toISOString() },
    fractures,
    episodes: episodes.map(({ stateReasonCode, stateReasonDetails, stateReasonNote, ...episode }) => ({
      ...episode,
      stateReason: storedEpisodeReason(stateReasonCode, stateReasonDetails, stateReasonNote),
    })),
    openTasks,
  };
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
        .values({ ...input, ...identity, organizationId: actor.organizationId })
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
