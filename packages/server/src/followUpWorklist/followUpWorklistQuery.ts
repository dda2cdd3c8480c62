import { sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetween } from '@osteopad/clinical';
import type {
  FollowUpRoleFilter,
  FollowUpTab,
  FollowUpWorklist,
  FollowUpWorklistItem,
  FollowUpWorklistQuery,
  Role,
  TaskKind,
} from '@osteopad/contract';
import type { Database } from '../db/connection';
import type { Actor } from '../auth/actor';
import { auditedRead } from '../audit/auditInStatement';
import { HOSPITAL_NUMBER_COLUMN } from '../worklist/worklistQuery';
import { overdueLevel } from '../followUp/followUpChain';
import type { FollowUpSettings } from '../followUp/followUpSettings';
import { NO_CLOCK_DUE, qualityClocks, type QualityClockSettings } from '../clocks/qualityClocks';
import { decodeFollowUpCursor, encodeFollowUpCursor, type FollowUpCursorScope } from './followUpCursor';

/**
 * The follow-up worklists: open follow-up tasks (projection rows with `list_key = 'follow_up'`, migration
 * 0021) by tab — due today, overdue, upcoming — for one role or all, optionally one task kind. Each order
 * is one range scan of a partial index: (organisation, [role,] due, clock due, item) for the due order,
 * (organisation, [role,] clock due, due, item) for the clock order, where the tab's due-date condition is
 * checked in the index. The three tabs' counts are sums of the counts kept per role, due date and kind
 * (`follow_up_counts`, migration 0025) over the tab's dates; they are answered capped at
 * `FOLLOW_UP_COUNT_CAP`, as the case-finding lists'.
 */
export const FOLLOW_UP_COUNT_CAP = 10_000;

export interface FollowUpWorklistDeps {
  today: string;
  followUpSettings: FollowUpSettings;
  clockSettings?: QualityClockSettings;
}

/** The role a list is filtered on when the request names none: one's own, or all for others (admin). */
export function defaultRoleFilter(role: Role): FollowUpRoleFilter {
  return role === 'specialist' || role === 'nurse' || role === 'secretary' ? role : 'all';
}

/** The tab's condition on the due date `due` (the projection's or the counts' `due_key`). */
function tabCondition(due: SQL, tab: FollowUpTab, today: string, days: number): SQL {
  switch (tab) {
    case 'due_today':
      return sql`${due} = ${today}::date`;
    case 'overdue':
      return sql`${due} < ${today}::date`;
    case 'upcoming':
      return sql`${due} > ${today}::date AND ${due} <= ${addDays(today, days)}::date`;
  }
}

/**
 * A tab's count: the sum of the kept counts of its dates (one index range of `follow_up_counts` per role),
 * filtered as the page is — the organisation, the role unless all, the kind when one is asked for.
 */
function tabCount(
  tab: FollowUpTab,
  q: FollowUpWorklistQuery,
  role: FollowUpRoleFilter,
  organizationId: string,
  today: string,
): SQL {
  const where: SQL[] = [sql`c.organization_id = ${organizationId}::uuid`];
  if (role !== 'all') where.push(sql`c.assignee_role = ${role}`);
  if (q.kind !== undefined) where.push(sql`c.entry_kind = ${q.kind}`);
  where.push(tabCondition(sql.raw('c.due_key'), tab, today, q.days));
  return sql`(SELECT coalesce(sum(c.n), 0)::int FROM follow_up_counts c WHERE ${sql.join(where, sql` AND `)})`;
}

interface Row extends Record<string, unknown> {
  counts: { due_today: number; overdue: number; upcoming: number };
  place: number | null;
  shown: boolean | null;
  itemId: string | null;
  dueKey: string | null;
  clockKey: string | null;
  clockKind: string | null;
  taskKind: string | null;
  assigneeRole: string | null;
  episodeId: string | null;
  episodeState: string | null;
  patientId: string | null;
  familyName: string | null;
  givenNames: string | null;
  initials: string | null;
  birthDate: string | null;
  hospitalNumber: string | null;
  sex: string | null;
  fractureDate: string | null;
  siteText: string | null;
  assessedOn: string | null;
  dxaOn: string | null;
  firstContactOn: string | null;
  persistenceOn: string | null;
  treatedUntil: string | null;
  decisionOutcome: string | null;
}

const COLUMNS = sql.raw(`
  w.item_id AS "itemId", w.due_key AS "dueKey", w.clock_due AS "clockKey", w.clock_kind AS "clockKind",
  w.entry_kind AS "taskKind", w.assignee_role AS "assigneeRole", w.episode_id AS "episodeId",
  w.episode_state AS "episodeState", w.patient_id AS "patientId", w.family_name AS "familyName",
  w.given_names AS "givenNames", w.initials, w.birth_date AS "birthDate", w.sex, w.fracture_date AS "fractureDate",
  w.site_text AS "siteText", w.assessed_on AS "assessedOn", w.dxa_on AS "dxaOn",
  w.first_contact_on AS "firstContactOn", w.persistence_on AS "persistenceOn", w.treated_until AS "treatedUntil",
  w.decision_outcome AS "decisionOutcome",
  ${HOSPITAL_NUMBER_COLUMN}`);

/** The statement: the three tabs' counts on one row, joined to the page (one row more than the page). */
export function followUpPageRows(
  q: FollowUpWorklistQuery,
  role: FollowUpRoleFilter,
  organizationId: string,
  today: string,
  after: { dueKey: string; clockKey: string; itemId: string } | null,
): SQL {
  const base: SQL[] = [sql`w.list_key = 'follow_up'`, sql`w.organization_id = ${organizationId}::uuid`];
  if (role !== 'all') base.push(sql`w.assignee_role = ${role}`);
  if (q.kind !== undefined) base.push(sql`w.entry_kind = ${q.kind}`);
  const where = sql.join([...base, tabCondition(sql.raw('w.due_key'), q.tab, today, q.days)], sql` AND `);
  const count = (tab: FollowUpTab) => tabCount(tab, q, role, organizationId, today);
  const dir = sql.raw(q.order === 'asc' ? 'ASC' : 'DESC');
  const cmp = sql.raw(q.order === 'asc' ? '>' : '<');
  const keys =
    q.sort === 'dueDate'
      ? { first: sql.raw('w.due_key'), second: sql.raw('w.clock_due') }
      : { first: sql.raw('w.clock_due'), second: sql.raw('w.due_key') };
  const afterValues =
    after === null
      ? null
      : q.sort === 'dueDate'
        ? [after.dueKey, after.clockKey]
        : [after.clockKey, after.dueKey];
  const continues =
    afterValues === null || after === null
      ? sql``
      : sql`AND (${keys.first}, ${keys.second}, w.item_id) ${cmp} (${afterValues[0]}::date, ${afterValues[1]}::date, ${after.itemId}::uuid)`;
  const take = q.limit + 1;
  return sql`
    SELECT c.counts, p.*
    FROM (SELECT json_build_object('due_today', ${count('due_today')}, 'overdue', ${count('overdue')},
                                   'upcoming', ${count('upcoming')}) AS counts) c
    LEFT JOIN LATERAL (
      SELECT r.*, r.place <= ${q.limit} AS shown FROM (
        SELECT ${COLUMNS}, row_number() OVER (ORDER BY ${keys.first} ${dir}, ${keys.second} ${dir}, w.item_id ${dir})::int AS place FROM (
          SELECT w.* FROM worklist_items w
           WHERE ${where} ${continues}
           ORDER BY ${keys.first} ${dir}, ${keys.second} ${dir}, w.item_id ${dir}
           LIMIT ${take}) w
      ) r
    ) p ON true
    ORDER BY p.place`;
}

function capped(n: number) {
  return { total: Math.min(n, FOLLOW_UP_COUNT_CAP), capped: n > FOLLOW_UP_COUNT_CAP };
}

function itemOf(r: Row, deps: FollowUpWorklistDeps): FollowUpWorklistItem {
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('follow-up worklist: a shown row without its columns');
    return v;
  };
  const dueDate = need(r.dueKey);
  const kind = need(r.taskKind);
  const fractureDate = need(r.fractureDate);
  const clockKey = need(r.clockKey);
  return {
    taskId: need(r.itemId),
    taskKind: kind,
    assigneeRole: need(r.assigneeRole),
    dueDate,
    daysOverdue: Math.max(0, daysBetween(dueDate, deps.today)),
    overdueLevel: overdueLevel(kind as TaskKind, dueDate, deps.today, deps.followUpSettings),
    episodeId: need(r.episodeId),
    episodeState: need(r.episodeState),
    patientId: need(r.patientId),
    familyName: need(r.familyName),
    givenNames: need(r.givenNames),
    initials: need(r.initials),
    birthDate: need(r.birthDate),
    hospitalNumber: r.hospitalNumber,
    sex: need(r.sex),
    fractureDate,
    siteText: need(r.siteText),
    clocks: qualityClocks(
      {
        indexFractureDate: fractureDate,
        assessedOn: r.assessedOn,
        dxaOn: r.dxaOn,
        firstContactOn: r.firstContactOn,
        persistenceOn: r.persistenceOn,
        treatedUntil: r.treatedUntil,
        decisionOutcome: r.decisionOutcome,
      },
      deps.today,
      deps.clockSettings,
    ),
    nextClock:
      clockKey === NO_CLOCK_DUE || r.clockKind === null
        ? null
        : { kind: r.clockKind as NonNullable<FollowUpWorklistItem['nextClock']>['kind'], deadline: clockKey },
  };
}

/**
 * One page of a follow-up tab with the three tabs' counts, and every patient shown logged as read: one
 * statement (`auditedRead`), one round trip after the session's.
 */
export async function queryFollowUpWorklist(
  db: Database,
  actor: Actor,
  q: FollowUpWorklistQuery,
  deps: FollowUpWorklistDeps,
): Promise<FollowUpWorklist> {
  const role = q.role ?? defaultRoleFilter(actor.role);
  const scope: FollowUpCursorScope = {
    tab: q.tab,
    sort: q.sort,
    order: q.order,
    role,
    kind: q.kind ?? null,
    days: q.days,
  };
  const after = q.cursor === undefined ? null : decodeFollowUpCursor(q.cursor, scope);
  const rows = await auditedRead<Row>(db, actor, {
    rows: followUpPageRows(q, role, actor.organizationId, deps.today, after),
    statementName: 'osteopad_follow_up_worklist',
    reads: {
      patientIdColumn: 'patientId',
      objectType: 'patient',
      details: { view: `follow_up:${q.tab}` },
      shownColumn: 'shown',
    },
  });
  const head = rows[0];
  if (head === undefined) throw new Error('follow-up worklist: the statement answered no row');
  const fetched = rows.filter((r) => r.place !== null);
  const page = fetched.slice(0, q.limit);
  const last = page.at(-1);
  return {
    today: deps.today,
    items: page.map((r) => itemOf(r, deps)),
    counts: {
      due_today: capped(head.counts.due_today),
      overdue: capped(head.counts.overdue),
      upcoming: capped(head.counts.upcoming),
    },
    nextCursor:
      fetched.length > q.limit &&
      last !== undefined &&
      last.itemId !== null &&
      last.dueKey !== null &&
      last.clockKey !== null
        ? encodeFollowUpCursor(scope, { dueKey: last.dueKey, clockKey: last.clockKey, itemId: last.itemId })
        : null,
  };
}
