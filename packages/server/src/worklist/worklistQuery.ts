import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedTransaction } from '../audit/auditedTransaction';
import type {
  PatientGroup,
  SortOrder,
  WorklistSort,
  WorklistSourceFilter,
  WorklistView,
} from '@osteopad/contract';

/**
 * The case-finding worklists. Each view is a query over open tasks (or, for `excluded`, over
 * fractures the rules set aside), so a patient appears exactly where work is waiting. The views,
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
  offset: number;
}

export interface WorklistItem {
  episodeId: string | null;
  episodeState: string | null;
  patientId: string;
  familyName: string;
  givenNames: string;
  initials: string;
  bsn: string | null;
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
}

const TASKS_FOR_VIEW: Record<Exclude<WorklistView, 'excluded'>, readonly string[]> = {
  to_invite: ['invite'],
  manual_review: ['review_eligibility'],
  identified: ['invite', 'review_eligibility'],
  awaiting_response: ['invite_reminder', 'no_response_follow_up'],
};

/** Sort keys map to columns of the combined row (never to user text). */
const SORT_COLUMNS: Record<WorklistSort, SQL> = {
  fractureDate: sql`w."fractureDate"`,
  dueDate: sql`w."taskDueDate"`,
  name: sql`lower(w."familyName")`,
  age: sql`w.age_at_fracture`,
  site: sql`w."siteCode"`,
};

function filters(f: WorklistFilter): SQL[] {
  const out: SQL[] = [];
  if (f.site !== undefined) out.push(sql`f.site_code = ${f.site}`);
  if (f.group !== undefined && f.view !== 'excluded')
    out.push(sql`e.patient_group = ${f.group}::patient_group`);
  if (f.fractureFrom !== undefined) out.push(sql`f.fracture_date >= ${f.fractureFrom}::date`);
  if (f.fractureTo !== undefined) out.push(sql`f.fracture_date <= ${f.fractureTo}::date`);
  if (f.source !== undefined) out.push(sql`f.source_format = ${f.source}`);
  if (f.ageMin !== undefined)
    out.push(sql`date_part('year', age(f.fracture_date, p.birth_date)) >= ${f.ageMin}`);
  if (f.ageMax !== undefined)
    out.push(sql`date_part('year', age(f.fracture_date, p.birth_date)) <= ${f.ageMax}`);
  return out;
}

const SELECT_COLUMNS = sql`
  p.id AS "patientId", p.family_name AS "familyName", p.given_names AS "givenNames", p.initials, p.bsn,
  p.birth_date AS "birthDate", p.sex, date_part('year', age(f.fracture_date, p.birth_date))::int AS age_at_fracture,
  f.id AS "fractureId", f.fracture_date AS "fractureDate", f.site_code AS "siteCode", f.site_text AS "siteText",
  f.icd10_code AS "icd10Code", f.eligibility, f.eligibility_reason AS "eligibilityReason",
  coalesce(f.eligibility_engine->'assumptions', '[]'::jsonb) AS assumptions, f.source_format AS source`;

function baseQuery(actor: Actor, f: WorklistFilter): SQL {
  const where = filters(f);
  const extra = where.length > 0 ? sql`AND ${sql.join(where, sql` AND `)}` : sql``;
  if (f.view === 'excluded') {
    return sql`
      SELECT NULL::uuid AS "episodeId", NULL::text AS "episodeState", ${SELECT_COLUMNS}, NULL::text AS "patientGroup",
        NULL::uuid AS "taskId", NULL::text AS "taskKind", NULL::date AS "taskDueDate"
      FROM fracture_events f JOIN patients p ON p.id = f.patient_id
      WHERE f.organization_id = ${actor.organizationId} AND f.eligibility = 'excluded' ${extra}`;
  }
  const kinds = TASKS_FOR_VIEW[f.view];
  return sql`
    SELECT e.id AS "episodeId", e.state::text AS "episodeState", ${SELECT_COLUMNS},
      e.patient_group::text AS "patientGroup", t.id AS "taskId", t.kind AS "taskKind", t.due_date AS "taskDueDate"
    FROM tasks t
    JOIN episodes e ON e.id = t.episode_id
    JOIN patients p ON p.id = t.patient_id
    JOIN fracture_events f ON f.id = e.index_fracture_id
    WHERE t.organization_id = ${actor.organizationId} AND t.status = 'open'
      AND t.kind IN (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )}) ${extra}`;
}

export async function queryWorklist(
  db: Database,
  actor: Actor,
  f: WorklistFilter,
): Promise<{ items: WorklistItem[]; total: number }> {
  return auditedTransaction(db, actor, async (tx, trail) => {
    const base = baseQuery(actor, f);
    const sortColumn =
      f.view === 'excluded' && f.sort === 'dueDate' ? SORT_COLUMNS.fractureDate : SORT_COLUMNS[f.sort];
    const direction = sql.raw(f.order === 'asc' ? 'ASC' : 'DESC');
    const [rows, totals] = await Promise.all([
      tx.execute<Omit<WorklistItem, 'ageAtFracture'> & { age_at_fracture: number }>(sql`
        SELECT w.* FROM (${base}) w
        ORDER BY ${sortColumn} ${direction} NULLS LAST, w."patientId", w."fractureId"
        LIMIT ${f.limit} OFFSET ${f.offset}`),
      tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${base}) w`),
    ]);
    const items: WorklistItem[] = rows.rows.map(({ age_at_fracture, ...rest }) => ({
      ...rest,
      ageAtFracture: age_at_fracture,
    }));
    // A worklist shows names: each patient on it counts as a read of that record.
    trail.recordMany(
      items.map((i) => ({
        action: 'read' as const,
        objectType: 'patient',
        objectId: i.patientId,
        patientId: i.patientId,
        details: { view: `worklist:${f.view}` },
      })),
    );
    return { items, total: totals.rows[0]?.n ?? 0 };
  });
}
