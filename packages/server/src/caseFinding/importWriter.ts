// Reads the few facts a batch plan needs and writes the plan: one set-based INSERT per table.
// Row-level security forbids COPY FROM for the application role, so rows travel as array
// parameters unnested on the server.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import type { AuditSubject } from '../audit/auditLog';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';
import { assigneeFor } from '../tasks/taskKinds';
import {
  sourceKey,
  type BatchPlan,
  type KnownFacts,
  type KnownPatient,
  type StagedRegistration,
} from './importPlan';

export interface WriteContext {
  organizationId: string;
  importId: string;
  today: string;
  subject: AuditSubject;
  sourceFormat: string;
  sourceRef: (s: StagedRegistration) => string;
}

type PgType =
  | 'uuid'
  | 'text'
  | 'date'
  | 'boolean'
  | 'jsonb'
  | 'integer'
  | 'sex'
  | 'encounter_type'
  | 'trauma_mechanism'
  | 'eligibility_outcome'
  | 'episode_state'
  | 'patient_group'
  | 'user_role'
  | 'inet';

/** A JSON object for a jsonb column; everything else is a scalar. */
type Cell = string | number | boolean | null | Record<string, unknown>;

/**
 * `INSERT INTO table (…) SELECT … FROM json_populate_recordset(NULL::table, $1)`: the whole batch
 * travels as one JSON text, which both V8 and PostgreSQL handle far faster than one array parameter
 * per column. Columns left out take their defaults.
 */
async function insertRows(
  tx: Executor,
  table: string,
  columns: readonly (readonly [name: string, type: PgType])[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name);
  const records = rows.map((row) => {
    const record: Record<string, Cell> = {};
    names.forEach((name, index) => {
      record[name] = row[index] ?? null;
    });
    return record;
  });
  const list = sql.raw(names.join(', '));
  await tx.execute(sql`
    INSERT INTO ${sql.raw(table)} (${list})
    SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(table)}, ${JSON.stringify(records)}::json)`);
}

const OPEN_STATES_EXCLUDED = [...TERMINAL_STATES];

/** The patients, fractures and open episodes the database already has for this batch's people. */
export async function lookUpKnownFacts(
  tx: Executor,
  organizationId: string,
  staged: readonly StagedRegistration[],
): Promise<KnownFacts> {
  const bsns = new Set<string>();
  const systems: string[] = [];
  const ids: string[] = [];
  const seenSources = new Set<string>();
  for (const s of staged) {
    const p = s.registration.patient;
    if (p.bsn !== undefined && p.bsn !== '') bsns.add(p.bsn);
    if (p.sourceId !== undefined && p.sourceId !== '') {
      const key = sourceKey(p.sourceSystem, p.sourceId);
      if (!seenSources.has(key)) {
        seenSources.add(key);
        systems.push(p.sourceSystem ?? '');
        ids.push(p.sourceId);
      }
    }
  }
  const found = await tx.execute<{
    id: string;
    bsn: string | null;
    source_system: string | null;
    source_id: string | null;
  }>(sql`
    SELECT id, bsn, source_system, source_id FROM patients
      WHERE organization_id = ${organizationId} AND bsn = ANY(${sql.param([...bsns])}::text[])
    UNION
    SELECT p.id, p.bsn, p.source_system, p.source_id
      FROM unnest(${sql.param(systems)}::text[], ${sql.param(ids)}::text[]) AS k(system, id)
      JOIN LATERAL (SELECT * FROM patients q WHERE q.organization_id = ${organizationId}
                      AND q.source_system = k.system AND q.source_id = k.id) p ON true`);
  const patients: KnownPatient[] = found.rows.map((r) => ({
    id: r.id,
    bsn: r.bsn,
    sourceSystem: r.source_system,
    sourceId: r.source_id,
  }));
  if (patients.length === 0) return { patients, fractureKeys: new Set(), withOpenEpisode: new Set() };
  const patientIds = sql.param(patients.map((p) => p.id));
  const [fractures, open] = await Promise.all([
    tx.execute<{ key: string }>(sql`
      SELECT patient_id || '|' || fracture_date::text || '|' || identity_key AS key
      FROM fracture_events WHERE patient_id = ANY(${patientIds}::uuid[])`),
    tx.execute<{ patient_id: string }>(sql`
      SELECT DISTINCT patient_id FROM episodes
      WHERE patient_id = ANY(${patientIds}::uuid[]) AND state <> ALL(${sql.param(OPEN_STATES_EXCLUDED)}::episode_state[])`),
  ]);
  return {
    patients,
    fractureKeys: new Set(fractures.rows.map((r) => r.key)),
    withOpenEpisode: new Set(open.rows.map((r) => r.patient_id)),
  };
}

/** Writes patients, fractures, episodes (with their first transition and task) and one audit event per patient. */
export async function writePlan(tx: Executor, plan: BatchPlan, ctx: WriteContext): Promise<void> {
  const org = ctx.organizationId;
  await insertRows(
    tx,
    'patients',
    [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['bsn', 'text'],
      ['source_system', 'text'],
      ['source_id', 'text'],
      ['family_name', 'text'],
      ['given_names', 'text'],
      ['initials', 'text'],
      ['birth_date', 'date'],
      ['sex', 'sex'],
      ['street', 'text'],
      ['house_number', 'text'],
      ['postal_code', 'text'],
      ['city', 'text'],
      ['country', 'text'],
      ['phone', 'text'],
      ['gp_name', 'text'],
      ['gp_agb_code', 'text'],
      ['gp_practice_name', 'text'],
      ['gp_address', 'text'],
      ['portal_code', 'text'],
    ],
    plan.patients.map(({ id, registration: { patient: p }, portalCode }) => [
      id,
      org,
      p.bsn ?? null,
      p.sourceId === undefined ? null : (p.sourceSystem ?? ''),
      p.sourceId ?? null,
      p.familyName,
      p.givenNames ?? '',
      p.initials ?? '',
      p.birthDate,
      p.sex,
      p.address?.street ?? '',
      p.address?.houseNumber ?? '',
      p.address?.postalCode ?? '',
      p.address?.city ?? '',
      p.address?.country ?? 'NL',
      p.phone ?? '',
      p.gp?.name ?? '',
      p.gp?.agbCode ?? '',
      p.gp?.practiceName ?? '',
      p.gp?.address ?? '',
      portalCode,
    ]),
  );
  await insertRows(
    tx,
    'fracture_events',
    [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['fracture_date', 'date'],
      ['site_code', 'text'],
      ['site_text', 'text'],
      ['icd10_code', 'text'],
      ['snomed_code', 'text'],
      ['encounter_type', 'encounter_type'],
      ['trauma_mechanism', 'trauma_mechanism'],
      ['pathological', 'boolean'],
      ['identity_key', 'text'],
      ['eligibility', 'eligibility_outcome'],
      ['eligibility_reason', 'text'],
      ['eligibility_engine', 'jsonb'],
      ['source_format', 'text'],
      ['source_ref', 'text'],
      ['import_id', 'uuid'],
    ],
    plan.fractures.map(({ id, patientId, staged, identityKey }) => {
      const f = staged.registration.fracture;
      const c = staged.classification;
      return [
        id,
        org,
        patientId,
        f.date,
        f.siteCode,
        f.siteText ?? '',
        f.icd10Code ?? '',
        f.snomedCode ?? '',
        f.encounterType,
        f.traumaMechanism,
        f.pathological,
        identityKey,
        c.outcome,
        c.reason,
        {
          ...c.engine,
          rules: c.rules,
          ageAtFracture: c.ageAtFracture,
          assumptions: c.assumptions,
          sharedDecisionRecommended: c.sharedDecisionRecommended,
          importRow: staged.registration.source.row,
        },
        ctx.sourceFormat,
        ctx.sourceRef(staged),
        ctx.importId,
      ];
    }),
  );
  await insertRows(
    tx,
    'episodes',
    [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['index_fracture_id', 'uuid'],
      ['state', 'episode_state'],
      ['patient_group', 'patient_group'],
      ['opened_on', 'date'],
    ],
    plan.episodes.map((e) => [e.id, org, e.patientId, e.indexFractureId, 'identified', e.group, ctx.today]),
  );
  await insertRows(
    tx,
    'episode_events',
    [
      ['organization_id', 'uuid'],
      ['episode_id', 'uuid'],
      ['to_state', 'episode_state'],
      ['reason', 'text'],
      ['actor_user_id', 'uuid'],
    ],
    plan.episodes.map((e) => [org, e.id, 'identified', `import ${ctx.importId}`, ctx.subject.userId]),
  );
  await insertRows(
    tx,
    'tasks',
    [
      ['organization_id', 'uuid'],
      ['episode_id', 'uuid'],
      ['patient_id', 'uuid'],
      ['kind', 'text'],
      ['due_date', 'date'],
      ['assignee_role', 'user_role'],
      ['details', 'jsonb'],
    ],
    plan.episodes.map((e) => [
      org,
      e.id,
      e.patientId,
      e.taskKind,
      ctx.today,
      assigneeFor(e.taskKind),
      { fractureId: e.indexFractureId },
    ]),
  );
  // One audit event per patient the batch touched (NEN 7513: who, when, which patient, what).
  const s = ctx.subject;
  await insertRows(
    tx,
    'audit_events',
    [
      ['user_id', 'uuid'],
      ['username', 'text'],
      ['role', 'text'],
      ['organization_id', 'uuid'],
      ['client_address', 'inet'],
      ['reason', 'text'],
      ['patient_id', 'uuid'],
      ['action', 'text'],
      ['object_type', 'text'],
      ['object_id', 'text'],
      ['details', 'jsonb'],
    ],
    plan.touched.map((t) => [
      s.userId,
      s.username,
      s.role,
      org,
      s.clientAddress,
      s.reason,
      t.patientId,
      t.created ? 'create' : 'update',
      'patient',
      t.patientId,
      { importId: ctx.importId, fractures: t.fractureIds, rows: t.rows, episodes: t.episodeIds },
    ]),
  );
}
