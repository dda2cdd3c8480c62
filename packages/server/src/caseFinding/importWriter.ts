// Reads the few facts a batch plan needs and writes the plan. Row-level security forbids COPY into
// the clinical tables, so each table's rows are COPYed into a session-local staging table and moved
// on with one INSERT … SELECT: the fastest path PostgreSQL offers that still applies every policy,
// constraint and index to the rows that land.
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import type { CopyingTransaction } from '../db/copyingTransaction';
import { copyTextRows, type CopyCell } from '../db/copyText';
import type { AuditSubject } from '../audit/auditLog';
import { episodeReason } from '../episodes/episodeReasons';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';
import { assigneeFor } from '../tasks/taskKinds';
import type { ImportedPatient } from '../imports/types';
import {
  sourceKey,
  type BatchPlan,
  type KnownFacts,
  type KnownPatient,
  type PlannedEpisode,
  type StagedRegistration,
} from './importPlan';
import { DEMOGRAPHIC_COLUMNS, DEMOGRAPHIC_FIELDS, type Demographics } from './patientDemographics';

export interface WriteContext {
  /** Tables getting more rows than this go through COPY and a staging table; fewer, through one JSON parameter. */
  stagingAboveRows: number;
  organizationId: string;
  importId: string;
  today: string;
  subject: AuditSubject;
  sourceFormat: string;
  sourceRef: (s: StagedRegistration) => string;
}

type ImportTable =
  | 'patients'
  | 'patient_updates'
  | 'fracture_events'
  | 'episodes'
  | 'episode_events'
  | 'tasks'
  | 'audit_events';

/** The staging tables made in each import transaction: made once, emptied after every batch. */
const stagesMade = new WeakMap<CopyingTransaction, Set<ImportTable>>();

/**
 * At most this many rows go in as one JSON parameter instead of through a staging table: making a
 * temporary table costs catalog writes that dwarf a handful of rows (one MLLP message took 47 ms that
 * way and 10 ms this way), while COPY wins for a file's batches.
 */
export const DEFAULT_STAGING_ABOVE_ROWS = 64;

/**
 * COPYs `rows` into the session-local staging table `import_stage_<name>` (the listed columns of
 * `table` with their types, made at its first use in this transaction, dropped when it ends), runs
 * the one statement that moves them on, and empties the stage for the next batch. A small batch is
 * read from one JSON parameter as rows of `table` instead: the same statement, the same checks.
 */
async function throughStage(
  t: CopyingTransaction,
  stagingAboveRows: number,
  name: ImportTable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyCell[])[],
  moveOn: (stage: string, list: string) => string,
): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.join(', ');
  if (rows.length <= stagingAboveRows) {
    const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
    await t.query(moveOn(`json_populate_recordset(NULL::${table}, $1::json)`, list), [
      JSON.stringify(records),
    ]);
    return;
  }
  const stage = `import_stage_${name}`;
  let made = stagesMade.get(t);
  if (made === undefined) {
    made = new Set();
    stagesMade.set(t, made);
  }
  if (!made.has(name)) {
    await t.tx.execute(
      sql.raw(`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${list} FROM ${table} WITH NO DATA`),
    );
    made.add(name);
  }
  await t.copyIn(`COPY ${stage} (${list}) FROM STDIN`, copyTextRows(rows));
  await t.tx.execute(sql.raw(moveOn(stage, list)));
  await t.tx.execute(sql.raw(`TRUNCATE ${stage}`));
}

/** Adds rows to `table`. Columns left out take their defaults. */
function insertRows(
  t: CopyingTransaction,
  ctx: WriteContext,
  table: ImportTable,
  columns: readonly string[],
  rows: readonly (readonly CopyCell[])[],
): Promise<void> {
  return throughStage(t, ctx.stagingAboveRows, table, table, columns, rows, (stage, list) => {
    return `INSERT INTO ${table} (${list}) SELECT ${list} FROM ${stage}`;
  });
}

/** Sets `columns` of patients from the rows (`id` first), matching on `id`. */
function updatePatients(
  t: CopyingTransaction,
  ctx: WriteContext,
  columns: readonly string[],
  rows: readonly (readonly CopyCell[])[],
) {
  const assignments = columns.map((c) => `${c} = s.${c}`).join(', ');
  return throughStage(
    t,
    ctx.stagingAboveRows,
    'patient_updates',
    'patients',
    ['id', ...columns],
    rows,
    (stage) => {
      return `UPDATE patients AS x SET ${assignments}, updated_at = now() FROM ${stage} AS s WHERE x.id = s.id`;
    },
  );
}

const DEMOGRAPHIC_COLUMN_NAMES = DEMOGRAPHIC_FIELDS.map((f) => DEMOGRAPHIC_COLUMNS[f]);

function demographicCells(d: Demographics): string[] {
  return DEMOGRAPHIC_FIELDS.map((f) => d[f]);
}

const OPEN_STATES_EXCLUDED = [...TERMINAL_STATES];

/** The patients, fractures and open episodes the database already has for this batch's people. */
export async function lookUpKnownFacts(
  tx: Executor,
  organizationId: string,
  people: readonly ImportedPatient[],
): Promise<KnownFacts> {
  const bsns = new Set<string>();
  const systems: string[] = [];
  const ids: string[] = [];
  const seenSources = new Set<string>();
  for (const p of people) {
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
  const demographicColumns = DEMOGRAPHIC_COLUMN_NAMES.join(', ');
  const found = await tx.execute<
    Record<string, string | null> & {
      id: string;
      bsn: string | null;
      source_system: string | null;
      source_id: string | null;
      demographics_as_of: string;
      birth_date: string;
      sex: string;
      deceased: 'true' | 'false';
      deceased_date: string | null;
    }
  >(sql`
    WITH candidates AS (
      SELECT id FROM patients
        WHERE organization_id = ${organizationId} AND bsn = ANY(${sql.param([...bsns])}::text[])
      UNION
      SELECT q.id
        FROM unnest(${sql.param(systems)}::text[], ${sql.param(ids)}::text[]) AS k(system, id)
        JOIN LATERAL (SELECT id FROM patients WHERE organization_id = ${organizationId}
                        AND source_system = k.system AND source_id = k.id) q ON true
    )
    SELECT p.id, p.bsn, p.source_system, p.source_id, p.birth_date::text AS birth_date, p.sex::text AS sex,
           p.deceased::text AS deceased, p.deceased_date::text AS deceased_date,
           ${sql.raw(demographicColumns)},
           to_json(p.demographics_as_of) #>> '{}' AS demographics_as_of
      FROM patients p JOIN candidates c ON c.id = p.id`);
  const patients: KnownPatient[] = found.rows.map((r) => {
    const demographics = Object.fromEntries(
      DEMOGRAPHIC_FIELDS.map((f) => [f, r[DEMOGRAPHIC_COLUMNS[f]] ?? '']),
    ) as Demographics;
    return {
      id: r.id,
      bsn: r.bsn,
      sourceSystem: r.source_system,
      sourceId: r.source_id,
      demographics,
      demographicsAsOf: r.demographics_as_of,
      birthDate: r.birth_date,
      sex: r.sex,
      deceased: r.deceased === 'true',
      deceasedDate: r.deceased_date,
    };
  });
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

/**
 * The open episodes of patients whose death this batch records are closed (reason `patient_deceased`,
 * with a transition each) and their open tasks cancelled, so no invitation or reminder goes out.
 * Returns, per patient, what was closed (for the audit event).
 */
async function closeEpisodesOfTheDeceased(
  t: CopyingTransaction,
  plan: BatchPlan,
  ctx: WriteContext,
): Promise<Map<string, { episodesClosed: string[]; tasksCancelled: number }>> {
  const result = new Map<string, { episodesClosed: string[]; tasksCancelled: number }>();
  if (plan.deaths.length === 0) return result;
  const closed = await t.tx.execute<{ patient_id: string; episodes: string[]; tasks: number }>(sql`
    WITH died AS (
      SELECT * FROM unnest(${sql.param(plan.deaths.map((d) => d.patientId))}::uuid[],
                           ${sql.param(plan.deaths.map((d) => d.date))}::date[]) AS d(patient_id, deceased_on)
    ), open_episodes AS (
      SELECT e.id, e.patient_id, e.state, died.deceased_on FROM episodes e JOIN died ON died.patient_id = e.patient_id
       WHERE e.organization_id = ${ctx.organizationId}
         AND e.state <> ALL(${sql.param(OPEN_STATES_EXCLUDED)}::episode_state[])
    ), closed AS (
      UPDATE episodes e SET state = 'closed', state_reason_code = 'patient_deceased',
             state_reason_details = jsonb_build_object('deceasedOn', o.deceased_on, 'importId', ${ctx.importId}::text),
             state_reason_note = '', closed_on = ${ctx.today}::date, updated_at = now()
        FROM open_episodes o WHERE e.id = o.id
      RETURNING e.id, e.patient_id
    ), events AS (
      INSERT INTO episode_events (organization_id, episode_id, from_state, to_state, reason_code, details, actor_user_id)
      SELECT ${ctx.organizationId}, o.id, o.state, 'closed', 'patient_deceased',
             jsonb_build_object('deceasedOn', o.deceased_on, 'importId', ${ctx.importId}::text), ${ctx.subject.userId}
        FROM open_episodes o
    ), cancelled AS (
      UPDATE tasks x SET status = 'cancelled', outcome = 'patient_deceased', completed_at = now(), updated_at = now()
        FROM died WHERE x.patient_id = died.patient_id AND x.organization_id = ${ctx.organizationId} AND x.status = 'open'
      RETURNING x.patient_id
    )
    SELECT died.patient_id,
           coalesce((SELECT array_agg(c.id::text) FROM closed c WHERE c.patient_id = died.patient_id), '{}') AS episodes,
           (SELECT count(*)::int FROM cancelled k WHERE k.patient_id = died.patient_id) AS tasks
      FROM died`);
  for (const row of closed.rows)
    result.set(row.patient_id, { episodesClosed: row.episodes, tasksCancelled: row.tasks });
  return result;
}

/** Writes patients, fractures, episodes (with their first transition and task) and one audit event per patient. */
export async function writePlan(t: CopyingTransaction, plan: BatchPlan, ctx: WriteContext): Promise<void> {
  const org = ctx.organizationId;
  await insertRows(
    t,
    ctx,
    'patients',
    [
      'id',
      'organization_id',
      'bsn',
      'source_system',
      'source_id',
      'birth_date',
      'sex',
      'portal_code',
      'demographics_as_of',
      'deceased',
      'deceased_date',
      ...DEMOGRAPHIC_COLUMN_NAMES,
    ],
    plan.patients.map(
      ({ id, registration: { patient: p }, portalCode, demographics, demographicsAsOf, death }) => [
        id,
        org,
        p.bsn ?? null,
        p.sourceId === undefined ? null : (p.sourceSystem ?? ''),
        p.sourceId ?? null,
        p.birthDate,
        p.sex,
        portalCode,
        demographicsAsOf,
        death !== undefined,
        death?.date ?? null,
        ...demographicCells(demographics),
      ],
    ),
  );
  await updatePatients(
    t,
    ctx,
    ['demographics_as_of', ...DEMOGRAPHIC_COLUMN_NAMES],
    plan.patientUpdates.map((u) => [u.patientId, u.demographicsAsOf, ...demographicCells(u.demographics)]),
  );
  await updatePatients(
    t,
    ctx,
    ['deceased', 'deceased_date'],
    plan.deaths.map((d) => [d.patientId, true, d.date]),
  );
  const afterDeath = await closeEpisodesOfTheDeceased(t, plan, ctx);
  await insertRows(
    t,
    ctx,
    'fracture_events',
    [
      'id',
      'organization_id',
      'patient_id',
      'fracture_date',
      'site_code',
      'site_text',
      'icd10_code',
      'snomed_code',
      'source_codes',
      'encounter_type',
      'trauma_mechanism',
      'pathological',
      'identity_key',
      'eligibility',
      'eligibility_reason',
      'eligibility_engine',
      'source_format',
      'source_ref',
      'import_id',
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
        f.sourceCodes ?? [],
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
  const deathReason = (e: PlannedEpisode) =>
    e.closedByDeath === undefined
      ? null
      : episodeReason.patientDeceased(e.closedByDeath.deceasedOn, ctx.importId);
  await insertRows(
    t,
    ctx,
    'episodes',
    [
      'id',
      'organization_id',
      'patient_id',
      'index_fracture_id',
      'state',
      'patient_group',
      'opened_on',
      'closed_on',
      'state_reason_code',
      'state_reason_details',
    ],
    plan.episodes.map((e) => {
      const closed = deathReason(e);
      return [
        e.id,
        org,
        e.patientId,
        e.indexFractureId,
        closed === null ? 'identified' : 'closed',
        e.group,
        ctx.today,
        closed === null ? null : ctx.today,
        closed?.code ?? null,
        closed?.details ?? {},
      ];
    }),
  );
  const imported = episodeReason.imported(ctx.importId);
  await insertRows(
    t,
    ctx,
    'episode_events',
    ['organization_id', 'episode_id', 'to_state', 'reason_code', 'details', 'actor_user_id'],
    plan.episodes.map((e) => [org, e.id, 'identified', imported.code, imported.details, ctx.subject.userId]),
  );
  // A patient known to have died is recorded, and the episode closed at once: nobody invites them.
  await insertRows(
    t,
    ctx,
    'episode_events',
    ['organization_id', 'episode_id', 'from_state', 'to_state', 'reason_code', 'details', 'actor_user_id'],
    plan.episodes.flatMap((e) => {
      const closed = deathReason(e);
      return closed === null
        ? []
        : [[org, e.id, 'identified', 'closed', closed.code, closed.details, ctx.subject.userId]];
    }),
  );
  await insertRows(
    t,
    ctx,
    'tasks',
    ['id', 'organization_id', 'episode_id', 'patient_id', 'kind', 'due_date', 'assignee_role', 'details'],
    plan.episodes.flatMap((e) =>
      e.closedByDeath !== undefined
        ? []
        : [
            [
              e.taskId,
              org,
              e.id,
              e.patientId,
              e.taskKind,
              ctx.today,
              assigneeFor(e.taskKind),
              { fractureId: e.indexFractureId },
            ],
          ],
    ),
  );
  // One audit event per patient the batch touched (NEN 7513: who, when, which patient, what).
  const s = ctx.subject;
  await insertRows(
    t,
    ctx,
    'audit_events',
    [
      'user_id',
      'username',
      'role',
      'organization_id',
      'client_address',
      'reason',
      'patient_id',
      'action',
      'object_type',
      'object_id',
      'details',
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
      {
        importId: ctx.importId,
        fractures: t.fractureIds,
        rows: t.rows,
        episodes: t.episodeIds,
        ...(t.demographics === undefined ? {} : { demographics: t.demographics }),
        ...(t.death === undefined ? {} : { death: { ...t.death, ...afterDeath.get(t.patientId) } }),
      },
    ]),
  );
}
