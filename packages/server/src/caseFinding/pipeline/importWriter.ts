// Reads the few facts a batch plan needs and writes the plan. Row-level security forbids COPY into
// the clinical tables, so each table's rows are COPYed into a session-local staging table and moved
// on with one INSERT … SELECT: the fastest path PostgreSQL offers that still applies every policy,
// constraint and index to the rows that land.
import { sql } from 'drizzle-orm';
import type { CopyingTransaction } from '../../db/copyingTransaction';
import { copyTextRows, type CopyCell } from '../../db/copyText';
import type { AuditSubject } from '../../audit/auditLog';
import { AUDIT_EVENT_COLUMNS, auditEventCells } from '../../audit/auditedTransaction';
import { episodeReason } from '../../episodes/episodeReasons';
import { TERMINAL_STATES } from '../../episodes/episodeStateMachine';
import { assigneeFor } from '../../tasks/taskKinds';
import type { ImportedPatient } from '../parsers/types';
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

/** The staging tables of an import, each for one table and one list of columns. */
type StageName =
  | 'patients'
  | 'patient_updates'
  | 'patient_deaths'
  | 'fracture_events'
  | 'episodes'
  | 'episode_events'
  | 'episode_closures'
  | 'tasks'
  | 'audit_events';

/** The staging tables made in each import transaction: made once, emptied after every batch. */
const stagesMade = new WeakMap<CopyingTransaction, Set<StageName>>();

/**
 * At most this many rows go in as one JSON parameter instead of through a staging table: making a
 * temporary table costs catalog writes that dwarf a handful of rows (one MLLP message took 47 ms that
 * way and 10 ms this way), while COPY wins for a file's batches.
 */
export const DEFAULT_STAGING_ABOVE_ROWS = 64;

/**
 * The statements that write one batch, collected first and then sent all at once, in order, on the
 * import's connection. A table's rows are COPYed into the session-local staging table
 * `import_stage_<name>` (its columns and types, made at first use, dropped at commit) and moved on by
 * one statement; the moves of a batch go to the server as one multi-statement query, so that
 * PostgreSQL does the batch's work in one go while Node prepares the next. A table with a few rows
 * is read from one JSON parameter as rows of the table instead: the same statement, the same checks.
 */
class BatchWrite {
  private readonly copies: { statement: string; text: string }[] = [];
  private readonly moves: { statement: string; params?: readonly unknown[] }[] = [];
  private readonly made: Set<StageName>;

  constructor(
    private readonly t: CopyingTransaction,
    private readonly stagingAboveRows: number,
  ) {
    let made = stagesMade.get(t);
    if (made === undefined) {
      made = new Set();
      stagesMade.set(t, made);
    }
    this.made = made;
  }

  private through(
    name: StageName,
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyCell[])[],
    moveOn: (source: string, list: string) => string,
  ): void {
    if (rows.length === 0) return;
    const list = columns.join(', ');
    if (rows.length <= this.stagingAboveRows) {
      const records = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])));
      this.moves.push({
        statement: moveOn(`json_populate_recordset(NULL::${table}, $1::json)`, list),
        params: [JSON.stringify(records)],
      });
      return;
    }
    const stage = `import_stage_${name}`;
    if (!this.made.has(name)) {
      this.moves.push({
        statement: `CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${list} FROM ${table} WITH NO DATA`,
      });
      this.made.add(name);
    }
    this.copies.push({ statement: `COPY ${stage} (${list}) FROM STDIN`, text: copyTextRows(rows) });
    this.moves.push({ statement: `${moveOn(stage, list)}; TRUNCATE ${stage}` });
  }

  /** Adds rows to `table`. Columns left out take their defaults. */
  insert(
    name: StageName,
    columns: readonly string[],
    rows: readonly (readonly CopyCell[])[],
    into: string = name,
  ): void {
    this.through(name, into, columns, rows, (source, list) => {
      return `INSERT INTO ${into} (${list}) SELECT ${list} FROM ${source}`;
    });
  }

  /** Sets `columns` of patients from the rows (`id` first), matching on `id`. */
  updatePatients(name: StageName, columns: readonly string[], rows: readonly (readonly CopyCell[])[]): void {
    const assignments = columns.map((c) => `${c} = s.${c}`).join(', ');
    this.through(name, 'patients', ['id', ...columns], rows, (source) => {
      return `UPDATE patients AS x SET ${assignments}, updated_at = now() FROM ${source} AS s WHERE x.id = s.id`;
    });
  }

  /**
   * Sends everything now: the COPYs (into staging tables: no checks yet), then the moves in order,
   * neighbouring moves without parameters as one query. Statements are queued on the connection as
   * they are called, so whatever is sent after this runs after all of it.
   */
  send(): { staged: Promise<void>; written: Promise<void> } {
    const creates = this.moves.filter((m) => m.statement.startsWith('CREATE TEMP TABLE'));
    const sent: Promise<void>[] = [];
    // Called in this order, so queued in this order: the stages, their COPYs, then the moves.
    if (creates.length > 0) sent.push(this.t.query(creates.map((c) => c.statement).join(';\n'), []));
    const copied: Promise<void>[] = [];
    for (const c of this.copies) copied.push(this.t.copyIn(c.statement, c.text));
    sent.push(...copied);
    let joined: string[] = [];
    const sendJoined = (): void => {
      if (joined.length > 0) sent.push(this.t.query(joined.join(';\n'), []));
      joined = [];
    };
    for (const move of this.moves) {
      if (creates.includes(move)) continue;
      if (move.params === undefined) joined.push(move.statement);
      else {
        sendJoined();
        sent.push(this.t.query(move.statement, move.params));
      }
    }
    sendJoined();
    return {
      staged: Promise.all(copied).then(() => undefined),
      written: Promise.all(sent).then(() => undefined),
    };
  }
}

const DEMOGRAPHIC_COLUMN_NAMES = DEMOGRAPHIC_FIELDS.map((f) => DEMOGRAPHIC_COLUMNS[f]);

function demographicCells(d: Demographics): string[] {
  return DEMOGRAPHIC_FIELDS.map((f) => d[f]);
}

const OPEN_STATES_EXCLUDED = [...TERMINAL_STATES];

/**
 * The patients, fractures and open episodes the database holds for this batch's people, in one
 * statement queued on the import's connection when called: it sees what was sent before it, and
 * nothing sent after it (the caller carries that; see `carriedFacts`).
 */
export function lookUpKnownFacts(
  t: CopyingTransaction,
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
  const found = t.rows<
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
      fracture_keys: string | null;
      open_episode: 'true' | 'false';
    }
  >(
    `WITH candidates AS (
      SELECT id FROM patients WHERE organization_id = $1 AND bsn = ANY($2::text[])
      UNION
      SELECT q.id
        FROM unnest($3::text[], $4::text[]) AS k(system, id)
        JOIN LATERAL (SELECT id FROM patients WHERE organization_id = $1
                        AND source_system = k.system AND source_id = k.id) q ON true
    )
    SELECT p.id, p.bsn, p.source_system, p.source_id, p.birth_date::text AS birth_date, p.sex::text AS sex,
           p.deceased::text AS deceased, p.deceased_date::text AS deceased_date,
           ${DEMOGRAPHIC_COLUMN_NAMES.join(', ')},
           to_json(p.demographics_as_of) #>> '{}' AS demographics_as_of,
           (SELECT string_agg(f.fracture_date::text || '|' || f.identity_key, E'\\n')
              FROM fracture_events f WHERE f.patient_id = p.id) AS fracture_keys,
           EXISTS (SELECT 1 FROM episodes e WHERE e.patient_id = p.id
                     AND e.state <> ALL($5::episode_state[]))::text AS open_episode
      FROM patients p JOIN candidates c ON c.id = p.id`,
    [organizationId, [...bsns], systems, ids, OPEN_STATES_EXCLUDED],
  );
  return found.then((rows) => {
    const fractureKeys = new Set<string>();
    const withOpenEpisode = new Set<string>();
    const patients: KnownPatient[] = rows.map((r) => {
      const demographics = Object.fromEntries(
        DEMOGRAPHIC_FIELDS.map((f) => [f, r[DEMOGRAPHIC_COLUMNS[f]] ?? '']),
      ) as Demographics;
      for (const key of r.fracture_keys?.split('\n') ?? []) fractureKeys.add(`${r.id}|${key}`);
      if (r.open_episode === 'true') withOpenEpisode.add(r.id);
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
    return { patients, fractureKeys, withOpenEpisode };
  });
}

/**
 * What the database will hold once `plan` is written, for a look-up that ran before it was: its new
 * patients (with the details and death planned), the changed details and deaths of known patients,
 * its fractures and the episodes it opened. Laid over that look-up, a batch sees what it would have
 * seen had it waited for the previous one.
 */
export function carriedFacts(looked: KnownFacts, plan: BatchPlan | undefined): KnownFacts {
  if (plan === undefined) return looked;
  const changed = new Map<string, Partial<KnownPatient>>();
  for (const u of plan.patientUpdates)
    changed.set(u.patientId, { demographics: u.demographics, demographicsAsOf: u.demographicsAsOf });
  for (const d of plan.deaths)
    changed.set(d.patientId, { ...changed.get(d.patientId), deceased: true, deceasedDate: d.date });
  const patients: KnownPatient[] = looked.patients.map((p) => {
    const change = changed.get(p.id);
    return change === undefined ? p : { ...p, ...change };
  });
  for (const planned of plan.patients) {
    const p = planned.registration.patient;
    const sourceId = p.sourceId === undefined || p.sourceId === '' ? null : p.sourceId;
    patients.push({
      id: planned.id,
      bsn: p.bsn === undefined || p.bsn === '' ? null : p.bsn,
      sourceSystem: sourceId === null ? null : (p.sourceSystem ?? ''),
      sourceId,
      demographics: planned.demographics,
      demographicsAsOf: planned.demographicsAsOf,
      birthDate: p.birthDate,
      sex: p.sex,
      deceased: planned.death !== undefined,
      deceasedDate: planned.death?.date ?? null,
    });
  }
  const fractureKeys = new Set(looked.fractureKeys);
  for (const f of plan.fractures)
    fractureKeys.add(`${f.patientId}|${f.staged.registration.fracture.date}|${f.identityKey}`);
  const withOpenEpisode = new Set(looked.withOpenEpisode);
  for (const e of plan.episodes) if (e.closedByDeath === undefined) withOpenEpisode.add(e.patientId);
  for (const d of plan.deaths) withOpenEpisode.delete(d.patientId);
  return { patients, fractureKeys, withOpenEpisode };
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

/** A plan being written: `staged` once PostgreSQL holds all of its rows (the rest needs nothing from Node). */
export interface PlanInFlight {
  staged: Promise<void>;
  written: Promise<void>;
}

/**
 * Writes patients, fractures, episodes (with their first transition and task) and one audit event per
 * patient. The statements are queued on the connection before this returns (unless the plan records
 * deaths of known patients: then the second half waits for the first).
 */
export function sendPlan(t: CopyingTransaction, plan: BatchPlan, ctx: WriteContext): PlanInFlight {
  let onStaged: (copies: Promise<void>) => void = () => undefined;
  const staged = new Promise<void>((resolve, reject) => {
    onStaged = (copies) => {
      copies.then(resolve, reject);
    };
  });
  const written = writeBatches(t, plan, ctx, onStaged);
  // A write that fails before its last part is staged fails `staged` too: nobody waits for it in vain.
  written.catch((error: unknown) => {
    onStaged(Promise.reject(error instanceof Error ? error : new Error(String(error))));
  });
  // Whoever awaits `staged` sees its failure; `written`, which the caller always awaits, carries it too.
  staged.catch(() => undefined);
  return { staged, written };
}

async function writeBatches(
  t: CopyingTransaction,
  plan: BatchPlan,
  ctx: WriteContext,
  onStaged: (copies: Promise<void>) => void,
): Promise<void> {
  const org = ctx.organizationId;
  let w = new BatchWrite(t, ctx.stagingAboveRows);
  w.insert(
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
  w.updatePatients(
    'patient_updates',
    ['demographics_as_of', ...DEMOGRAPHIC_COLUMN_NAMES],
    plan.patientUpdates.map((u) => [u.patientId, u.demographicsAsOf, ...demographicCells(u.demographics)]),
  );
  w.updatePatients(
    'patient_deaths',
    ['deceased', 'deceased_date'],
    plan.deaths.map((d) => [d.patientId, true, d.date]),
  );
  // What closing the episodes of the deceased did goes into their audit events: that part waits.
  let afterDeath = new Map<string, { episodesClosed: string[]; tasksCancelled: number }>();
  if (plan.deaths.length > 0) {
    await w.send().written;
    afterDeath = await closeEpisodesOfTheDeceased(t, plan, ctx);
    w = new BatchWrite(t, ctx.stagingAboveRows);
  }
  w.insert(
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
  w.insert(
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
  w.insert(
    'episode_events',
    ['organization_id', 'episode_id', 'to_state', 'reason_code', 'details', 'actor_user_id'],
    plan.episodes.map((e) => [org, e.id, 'identified', imported.code, imported.details, ctx.subject.userId]),
  );
  // A patient known to have died is recorded, and the episode closed at once: nobody invites them.
  w.insert(
    'episode_closures',
    ['organization_id', 'episode_id', 'from_state', 'to_state', 'reason_code', 'details', 'actor_user_id'],
    plan.episodes.flatMap((e) => {
      const closed = deathReason(e);
      return closed === null
        ? []
        : [[org, e.id, 'identified', 'closed', closed.code, closed.details, ctx.subject.userId]];
    }),
    'episode_events',
  );
  w.insert(
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
  w.insert(
    'audit_events',
    AUDIT_EVENT_COLUMNS,
    plan.touched.map((t) =>
      auditEventCells(ctx.subject, org, {
        action: t.created ? 'create' : 'update',
        objectType: 'patient',
        objectId: t.patientId,
        patientId: t.patientId,
        details: {
          importId: ctx.importId,
          fractures: t.fractureIds,
          rows: t.rows,
          episodes: t.episodeIds,
          ...(t.demographics === undefined ? {} : { demographics: t.demographics }),
          ...(t.death === undefined ? {} : { death: { ...t.death, ...afterDeath.get(t.patientId) } }),
        },
      }),
    ),
  );
  const sent = w.send();
  onStaged(sent.staged);
  await sent.written;
}
