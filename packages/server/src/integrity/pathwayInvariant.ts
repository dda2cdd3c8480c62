// The invariant of the pathway (issue 12): every episode that has not ended has at least one open dated
// task — someone has something to do for it, on a date — and every ended episode says why it ended.
// Checked over the whole database (every organisation) by `osteopad check`, and by the tests.
import type pg from 'pg';
import { TERMINAL_STATES } from '../episodes/episodeStateMachine';

/** What a violating episode lacks. */
export type PathwayViolationKind = 'open_dated_task' | 'end_reason';

export interface PathwayViolation {
  readonly episodeId: string;
  readonly organizationId: string;
  readonly state: string;
  /** When the episode entered its state (its latest transition; else its last change), ISO 8601. */
  readonly since: string;
  readonly missing: PathwayViolationKind;
}

export interface PathwayCheck {
  /** The violations found, at most `limit`, ordered by organisation and episode. */
  readonly violations: readonly PathwayViolation[];
  /** How many there are in all, by what is missing (also those beyond `limit`). */
  readonly counts: Readonly<Record<PathwayViolationKind, number>>;
  /** Episodes looked at. */
  readonly episodes: number;
}

/** Anything that runs a query: a pool, a client. The owner's connection sees every organisation. */
export interface Queryable {
  query: pg.Pool['query'];
}

const END_STATES = [...TERMINAL_STATES];

// One statement over the whole table: the open-task test is an anti-join on tasks(episode_id), the
// reason test a column of the episode. The latest transition is looked up only for violating episodes
// (episode_events(episode_id, occurred_at) index). The window counts every violation before LIMIT.
const VIOLATIONS_SQL = `
  WITH violating AS (
    SELECT e.id, e.organization_id, e.state, e.updated_at,
           CASE WHEN e.state = ANY($1::episode_state[]) THEN 'end_reason' ELSE 'open_dated_task' END AS missing
      FROM episodes e
     WHERE (e.state <> ALL($1::episode_state[])
            AND NOT EXISTS (SELECT 1 FROM tasks t
                             WHERE t.episode_id = e.id AND t.status = 'open' AND t.due_date IS NOT NULL))
        OR (e.state = ANY($1::episode_state[]) AND e.state_reason_code IS NULL)
  )
  SELECT v.id AS "episodeId", v.organization_id AS "organizationId", v.state::text AS state,
         to_char(coalesce(last.occurred_at, v.updated_at) AT TIME ZONE 'UTC',
                 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since,
         v.missing,
         count(*) FILTER (WHERE v.missing = 'open_dated_task') OVER ()::int AS "withoutTask",
         count(*) FILTER (WHERE v.missing = 'end_reason') OVER ()::int AS "withoutReason"
    FROM violating v
    LEFT JOIN LATERAL (SELECT max(ev.occurred_at) AS occurred_at
                         FROM episode_events ev WHERE ev.episode_id = v.id) last ON true
   ORDER BY v.organization_id, v.id
   LIMIT $2`;

interface ViolationRow extends PathwayViolation {
  withoutTask: number;
  withoutReason: number;
}

/**
 * Every episode that breaks the invariant, over all organisations. Run it on the owner's connection
 * (row-level security would show one organisation only). Prints nothing: `osteopad check` does.
 */
export async function checkPathwayInvariant(
  db: Queryable,
  options: { limit?: number } = {},
): Promise<PathwayCheck> {
  const limit = options.limit ?? 10_000;
  const found = await db.query<ViolationRow>(VIOLATIONS_SQL, [END_STATES, limit]);
  const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM episodes');
  const first = found.rows[0];
  return {
    violations: found.rows.map(({ episodeId, organizationId, state, since, missing }) => ({
      episodeId,
      organizationId,
      state,
      since,
      missing,
    })),
    counts: {
      open_dated_task: first?.withoutTask ?? 0,
      end_reason: first?.withoutReason ?? 0,
    },
    episodes: total.rows[0]?.n ?? 0,
  };
}

const MISSING_TEXT: Readonly<Record<PathwayViolationKind, string>> = {
  open_dated_task: 'no open dated task',
  end_reason: 'ended without a reason',
};

/** The report for the terminal: one line per violation (ids only, never a name or BSN), then a summary. */
export function pathwayCheckLines(check: PathwayCheck): string[] {
  const lines = check.violations.map(
    (v) =>
      `episode ${v.episodeId}  organisation ${v.organizationId}  state ${v.state} since ${v.since}  ${MISSING_TEXT[v.missing]}`,
  );
  const total = check.counts.open_dated_task + check.counts.end_reason;
  if (total > check.violations.length)
    lines.push(`… ${String(total - check.violations.length)} more not shown`);
  lines.push(
    `${String(check.episodes)} episodes checked: ${String(total)} violating the invariant ` +
      `(${String(check.counts.open_dated_task)} without an open dated task, ` +
      `${String(check.counts.end_reason)} ended without a reason).`,
  );
  return lines;
}
