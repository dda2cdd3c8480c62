import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedRead } from '../audit/auditInStatement';
import { decodeCursor, encodeCursor, unknownCursorPatient, type CursorPosition } from './worklistCursor';
import type {
  PatientGroup,
  SortOrder,
  WorklistSort,
  WorklistSourceFilter,
  WorklistView,
} from '@osteopad/contract';

/**
 * The case-finding worklists. Each view is a query over open tasks (or, for `excluded`, over
 * fractures the rules set aside), so a patient appears exactly where work is waiting. They read the
 * projection `worklist_items` (migration 0013), which triggers keep equal to the tasks, episodes,
 * patients and fractures it is made of. The views,
 * sorts and filters are the API's (@osteopad/contract: WORKLIST_VIEWS, WORKLIST_SORTS …).
 */
export interface WorklistFilter {
  view: WorklistView;
  site?: string | undefined;
  group?: PatientGroup | undefined;
  ageMin?: number | undefined;
  ageMax?: number | undefined;
  fractureFrom?: string | undefined;
  fractureTo?: string | undefined;
  source?: WorklistSourceFilter | undefined;
  sort: WorklistSort;
  order: SortOrder;
  limit: number;
  /** Where the page starts: the `nextCursor` of the page before (absent: the first page). */
  cursor?: string | undefined;
}

export type WorklistItem = {
  episodeId: string | null;
  episodeState: string | null;
  patientId: string;
  familyName: string;
  givenNames: string;
  initials: string;
  bsn: string | null;
  hospitalNumber: string | null;
  birthDate: string;
  sex: string;
  ageAtFracture: number;
  fractureId: string;
  fractureDate: string;
  siteCode: string | null;
  siteText: string;
  icd10Code: string;
  patientGroup: string | null;
  eligibility: string;
  eligibilityReason: string;
  assumptions: string[];
  source: string;
  taskId: string | null;
  taskKind: string | null;
  taskDueDate: string | null;
};

/**
 * The entries each view lists, by `worklist_items.entry_kind`: the kinds of the open tasks it shows
 * (future consult and follow-up worklists name their own kinds), or `excluded` fractures.
 */
export const ENTRY_KINDS_OF_VIEW: Record<WorklistView, readonly string[]> = {
  to_invite: ['invite'],
  manual_review: ['review_eligibility'],
  identified: ['invite', 'review_eligibility'],
  awaiting_response: ['invite_reminder', 'no_response_follow_up'],
  excluded: ['excluded'],
};

/** The count stops here: beyond it the list says "10,000+" instead of counting a million rows. */
export const WORKLIST_COUNT_CAP = 10_000;

/** Each sort is a column of the projection with an index (organization_id, entry_kind, column, item_id). */
const SORT_COLUMNS: Record<WorklistSort, SQL> = {
  fractureDate: sql.raw('w.fracture_date'),
  dueDate: sql.raw('w.due_key'),
  name: sql.raw('w.name_key'),
  age: sql.raw('w.age_at_fracture'),
  site: sql.raw('w.site_key'),
};

/** The same keys as the page's columns, by the names the page selects them as. */
const SORT_ALIASES: Record<WorklistSort, string> = {
  fractureDate: '"fractureDate"',
  dueDate: '"dueKey"',
  name: '"nameKey"',
  age: '"ageAtFracture"',
  site: '"siteKey"',
};

function filters(f: WorklistFilter): SQL[] {
  const out: SQL[] = [];
  if (f.site !== undefined) out.push(sql`w.site_code = ${f.site}`);
  if (f.group !== undefined) out.push(sql`w.patient_group = ${f.group}::patient_group`);
  if (f.fractureFrom !== undefined) out.push(sql`w.fracture_date >= ${f.fractureFrom}::date`);
  if (f.fractureTo !== undefined) out.push(sql`w.fracture_date <= ${f.fractureTo}::date`);
  if (f.source !== undefined) out.push(sql`w.source = ${f.source}`);
  if (f.ageMin !== undefined) out.push(sql`w.age_at_fracture >= ${f.ageMin}`);
  if (f.ageMax !== undefined) out.push(sql`w.age_at_fracture <= ${f.ageMax}`);
  return out;
}

/**
 * The hospital number of a projected row (alias `w`), for telling two patients of one name apart: looked up
 * for the page's rows only, so the projections need not carry it. Shared by the follow-up worklist.
 */
export const HOSPITAL_NUMBER_COLUMN = `(SELECT p.source_id FROM patients p WHERE p.id = w.patient_id AND p.organization_id = w.organization_id) AS "hospitalNumber"`;

const SELECT_COLUMNS = sql.raw(`
  w.item_id AS "itemId", w.name_key AS "nameKey", w.due_key AS "dueKey", w.site_key AS "siteKey",
  w.episode_id AS "episodeId", w.episode_state AS "episodeState", w.patient_id AS "patientId",
  w.family_name AS "familyName", w.given_names AS "givenNames", w.initials, w.bsn, w.birth_date AS "birthDate",
  w.sex, w.age_at_fracture AS "ageAtFracture", w.fracture_id AS "fractureId", w.fracture_date AS "fractureDate",
  w.site_code AS "siteCode", w.site_text AS "siteText", w.icd10_code AS "icd10Code",
  w.patient_group::text AS "patientGroup", w.eligibility, w.eligibility_reason AS "eligibilityReason",
  w.assumptions, w.source, w.task_id AS "taskId", w.entry_kind AS "entryKind", w.task_due_date AS "taskDueDate",
  ${HOSPITAL_NUMBER_COLUMN}`);

type ProjectedRow = Omit<WorklistItem, 'taskKind'> & {
  itemId: string;
  nameKey: string;
  dueKey: string;
  siteKey: string;
  entryKind: string;
};

/**
 * The sort key the page continues after, as a typed SQL value (compared with the column of the sort).
 * For the name order it is a subquery: the name itself never travels in the URL, the cursor names the
 * patient, whose name is the key — null when the organisation has no such patient (`cursorKnown`).
 */
function keyOf(position: CursorPosition, organizationId: string): SQL {
  switch (position.sort) {
    case 'fractureDate':
    case 'dueDate':
      return sql`${position.key}::date`;
    case 'age':
      return sql`${position.key}::int`;
    case 'site':
      return sql`${position.key}::text`;
    case 'name':
      return sql`(SELECT osteopad_name_sort_key(p.family_name) FROM patients p
        WHERE p.id = ${position.patientId}::uuid AND p.organization_id = ${organizationId}::uuid)`;
  }
}

function positionOf(sort: WorklistSort, row: ProjectedRow): CursorPosition {
  switch (sort) {
    case 'fractureDate':
      return { sort, itemId: row.itemId, key: row.fractureDate };
    case 'dueDate':
      return { sort, itemId: row.itemId, key: row.dueKey };
    case 'age':
      return { sort, itemId: row.itemId, key: row.ageAtFracture };
    case 'site':
      return { sort, itemId: row.itemId, key: row.siteKey };
    case 'name':
      return { sort, itemId: row.itemId, patientId: row.patientId };
  }
}

export interface WorklistPage {
  items: WorklistItem[];
  /** How many entries the list holds, counted up to `WORKLIST_COUNT_CAP`. */
  total: number;
  /** More entries than `total`: the list shows "10,000+". */
  totalIsCapped: boolean;
  /** The cursor of the next page; null on the last. */
  nextCursor: string | null;
}

/** What the statement answers per row: the page's rows (null on an empty page), with its count. */
type StatementRow = { [K in keyof ProjectedRow]: ProjectedRow[K] | null } & {
  /** The capped count, the same on every row. */
  listTotal: number;
  /** Whether the cursor's key was found (a name cursor names a patient of the organisation). */
  cursorKnown: boolean;
  /** The row's place on the page; rows after `limit` only tell that a next page exists. */
  place: number | null;
  shown: boolean | null;
};

/**
 * The rows of the page's statement: one row that carries the capped count, joined to the page's rows
 * (per entry kind of the view one index range scan (organisation, kind, sort key, tie-breaker)
 * starting after the cursor, merged when the view has several kinds), one row more than the page so
 * that the answer knows whether a next page exists. The count stops after `WORKLIST_COUNT_CAP` rows.
 */
export function worklistPageRows(
  f: WorklistFilter,
  organizationId: string,
  position: CursorPosition | null,
): SQL {
  const column = SORT_COLUMNS[f.sort];
  const direction = sql.raw(f.order === 'asc' ? 'ASC' : 'DESC');
  const where = sql.join([sql`w.organization_id = ${organizationId}::uuid`, ...filters(f)], sql` AND `);
  const key = position === null ? null : keyOf(position, organizationId);
  const after =
    position === null || key === null
      ? sql``
      : sql`AND (${column}, w.item_id) ${sql.raw(f.order === 'asc' ? '>' : '<')} (${key}, ${position.itemId}::uuid)`;
  const kinds = ENTRY_KINDS_OF_VIEW[f.view];
  const take = f.limit + 1;
  const perKind = kinds.map(
    (kind) => sql`(SELECT ${SELECT_COLUMNS} FROM worklist_items w
      WHERE w.entry_kind = ${kind} AND ${where} ${after}
      ORDER BY ${column} ${direction}, w.item_id ${direction} LIMIT ${take})`,
  );
  const alias = sql.raw(SORT_ALIASES[f.sort]);
  const merged =
    perKind.length === 1
      ? (perKind[0] ?? sql``)
      : sql`SELECT * FROM (${sql.join(perKind, sql` UNION ALL `)}) u`;
  const counted = sql`SELECT count(*)::int FROM (
      SELECT 1 FROM worklist_items w
       WHERE w.entry_kind IN (${sql.join(
         kinds.map((k) => sql`${k}`),
         sql`, `,
       )}) AND ${where}
       LIMIT ${WORKLIST_COUNT_CAP + 1}) c`;
  return sql`
    SELECT c."listTotal", c."cursorKnown", p.*
    FROM (SELECT (${counted}) AS "listTotal", ${key === null ? sql`true` : sql`${key} IS NOT NULL`} AS "cursorKnown") c
    LEFT JOIN LATERAL (
      SELECT r.*, r.place <= ${f.limit} AS shown FROM (
        SELECT m.*, row_number() OVER (ORDER BY m.${alias} ${direction}, m."itemId" ${direction})::int AS place
        FROM (${merged}) m
      ) r
      WHERE r.place <= ${take}
    ) p ON c."cursorKnown"
    ORDER BY p.place`;
}

/**
 * One page of a worklist, read from the projection `worklist_items` with its capped count, and every
 * patient shown logged as read — one statement (`auditedRead`): one round trip after the session's.
 */
export async function queryWorklist(db: Database, actor: Actor, f: WorklistFilter): Promise<WorklistPage> {
  const scope = { view: f.view, sort: f.sort, order: f.order };
  // Checked before any work, so that a tampered cursor is a 400 and never reaches the database.
  const position = f.cursor === undefined ? null : decodeCursor(f.cursor, scope);
  const filtered = filters(f).length > 0;
  const answered = await auditedRead<StatementRow>(db, actor, {
    rows: worklistPageRows(f, actor.organizationId, position),
    // Unfiltered, the text depends only on the view, sort, order and whether a cursor is given: at most
    // 5 × 5 × 2 × 2 statements per connection, each planned once. Filtered pages (128 combinations of
    // filters more) are planned per request.
    statementName: filtered ? undefined : `osteopad_worklist_${f.view}`,
    // A worklist shows names: each patient on it counts as a read of that record.
    reads: {
      patientIdColumn: 'patientId',
      objectType: 'patient',
      details: { view: `worklist:${f.view}` },
      shownColumn: 'shown',
    },
  });
  const head = answered[0];
  if (head?.cursorKnown !== true) throw unknownCursorPatient();
  const fetched = answered
    .filter((row): row is StatementRow & ProjectedRow & { place: number } => row.place !== null)
    .sort((a, b) => a.place - b.place);
  const pageRows = fetched.slice(0, f.limit);
  const last = pageRows.at(-1);
  const nextCursor =
    fetched.length > f.limit && last !== undefined ? encodeCursor(scope, positionOf(f.sort, last)) : null;
  const items: WorklistItem[] = pageRows.map(
    ({
      itemId: _i,
      nameKey: _n,
      dueKey: _d,
      siteKey: _s,
      listTotal: _t,
      cursorKnown: _k,
      place: _p,
      shown: _v,
      entryKind,
      ...rest
    }) => ({
      ...rest,
      taskKind: entryKind === 'excluded' ? null : entryKind,
    }),
  );
  const n = head.listTotal;
  return {
    items,
    total: Math.min(n, WORKLIST_COUNT_CAP),
    totalIsCapped: n > WORKLIST_COUNT_CAP,
    nextCursor,
  };
}
