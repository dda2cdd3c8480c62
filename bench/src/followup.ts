// `npm run bench -- followup`: the follow-up worklists with their deadline clocks (issue 12) at national
// scale, on the same projection as the case-finding worklists. Builds the worklist bench's database (the
// real import of BENCH_FOLLOWUP_EPISODES generated registrations, default 1,000,000), moves
// BENCH_FOLLOWUP_SHARE of the episodes it opened (default 10 %) into follow-up as the application leaves them — the
// invitation done, a decision, a DXA exam for most, a treatment course (some stopped), five follow-up
// tasks each dated from 60 days ago to a year ahead, every projection row kept by its triggers — starts
// the real HTTP server on loopback, logs in over HTTP as a nurse and measures, beside `/api/health` of the
// same server: (a) 50 users × 1 request/s (open model) per tab, page 1 and page 500 (or the last), by due
// date and by clock — p95 ≤ 50 ms each; (b) 50 connections without pause: throughput as a share of health.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { writeFractureCsv } from '@osteopad/server/caseFinding/parsers/csv/generateFixture';
import { openAppDatabase } from '@osteopad/server/db/connection';
import { buildApp } from '@osteopad/server/http/app';
import { DEFAULT_APP_CONFIG } from '@osteopad/server/http/config';
import { createUser } from '@osteopad/server/users/userAccounts';
import { localIsoDate } from '@osteopad/server/time/localDate';
import { BENCH_TODAY, importBenchCsv, openBenchDatabase } from './_importHarness';
import { closedLoad, getJson, openLoad, type HttpTarget, type LatencyStats } from './_httpLoad';

const EPISODES = Number(process.env.BENCH_FOLLOWUP_EPISODES ?? 1_000_000);
const SHARE = Number(process.env.BENCH_FOLLOWUP_SHARE ?? 0.1);
const OPEN_SECONDS = Number(process.env.BENCH_FOLLOWUP_SECONDS ?? 15);
const CLOSED_SECONDS = Number(process.env.BENCH_FOLLOWUP_CLOSED_SECONDS ?? 10);
const USERS = 50;
const DEEP_PAGE = 500;
/** The page size the web app asks for (packages/web/src/followUp/followUpWorklistApi.ts). */
const PAGE_SIZE = 20;
const TABS = ['due_today', 'overdue', 'upcoming'] as const;
const SORTS = ['dueDate', 'clock'] as const;
const PASSWORD = 'bench password of the nurse';
const KINDS = [
  ['treatment_evaluation', 'nurse'],
  ['adherence_check', 'nurse'],
  ['denosumab_injection', 'nurse'],
  ['yearly_check', 'nurse'],
  ['standard_reevaluation', 'specialist'],
] as const;

function progress(message: string): void {
  console.log(`[followup ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function login(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.nurse', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('osteopad_session='));
  if (cookie === undefined) throw new Error('login set no session cookie');
  return { cookie: cookie.split(';')[0] ?? '', 'accept-encoding': 'br, gzip' };
}

/**
 * Moves `count` episodes into follow-up as the application would have left them, in set-based statements
 * as the owner; the triggers keep the projection (and its clock facts) as after any write.
 */
export async function moveIntoFollowUp(
  owner: pg.Client,
  count: number,
  today: string,
  userId: string,
): Promise<void> {
  await owner.query('BEGIN');
  try {
    await owner.query(
      `CREATE TEMP TABLE bench_follow_up ON COMMIT DROP AS
         SELECT e.id AS episode_id, e.organization_id, e.patient_id, f.fracture_date,
                row_number() OVER (ORDER BY e.id) AS n
           FROM episodes e JOIN fracture_events f ON f.id = e.index_fracture_id
          WHERE e.state = 'identified' ORDER BY e.id LIMIT $1`,
      [count],
    );
    progress('  the invitations done, the episodes in follow-up');
    await owner.query(
      `UPDATE tasks t SET status = 'done', outcome = 'started', completed_at = now()
         FROM bench_follow_up b WHERE t.episode_id = b.episode_id AND t.status = 'open'`,
    );
    await owner.query(
      `UPDATE episodes e SET state = 'follow_up' FROM bench_follow_up b WHERE e.id = b.episode_id`,
    );
    progress('  a decision each, a DXA exam for 80 %, a course each (one in ten stopped)');
    await owner.query(
      `INSERT INTO decisions (organization_id, patient_id, episode_id, sequence, fingerprint, assessed_on,
              engine_version, config_version, config_fingerprint, inputs, outputs, items, plan, outcome,
              decided_by, decided_by_name)
       SELECT organization_id, patient_id, episode_id, 1, 'bench', fracture_date + (40 + n % 80)::int,
              'bench', 'bench', 'bench', '{}', '{}', '[]', '{}', 'treating', $1, 'Bench specialist'
         FROM bench_follow_up`,
      [userId],
    );
    await owner.query(
      `INSERT INTO dxa_exams (organization_id, patient_id, episode_id, exam_date, sites)
       SELECT organization_id, patient_id, episode_id, fracture_date + (30 + n % 90)::int, '[]'
         FROM bench_follow_up WHERE n % 5 <> 0`,
    );
    await owner.query(
      `INSERT INTO treatments (organization_id, patient_id, episode_id, drug, started_on, status, ended_on)
       SELECT organization_id, patient_id, episode_id, 'denosumab', fracture_date + (50 + n % 80)::int,
              CASE WHEN n % 10 = 0 THEN 'stopped'::treatment_status ELSE 'active'::treatment_status END,
              CASE WHEN n % 10 = 0 THEN fracture_date + 200 END
         FROM bench_follow_up`,
    );
    progress(`  ${KINDS.length} follow-up tasks each, due from 60 days ago to a year ahead`);
    await owner.query(
      `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
       SELECT b.organization_id, b.episode_id, b.patient_id, k.kind,
              $1::date + ((b.n * 7 + k.i * 97) % 425 - 60)::int, k.role::user_role
         FROM bench_follow_up b
        CROSS JOIN (SELECT * FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS x(kind, role, i)) k`,
      [today, KINDS.map(([kind]) => kind), KINDS.map(([, role]) => role)],
    );
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

const pathOf = (tab: string, sort: string, cursor: string | null) =>
  `/api/follow-up/worklist?tab=${tab}&sort=${sort}&limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${cursor}`}`;

async function cursorOfPage(target: HttpTarget, tab: string, sort: string, page: number) {
  let cursor: string | null = null;
  for (let p = 1; p < page; p++) {
    const got: Page = await getJson<Page>(target, pathOf(tab, sort, cursor));
    if (got.nextCursor === null) return { cursor, page: p };
    cursor = got.nextCursor;
  }
  return { cursor, page };
}

const verdict = (s: LatencyStats) => ({ ...s, pass: s.errors === 0 && s.p95Ms <= 50 });

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  const server = openAppDatabase(bench.ownerUrl);
  const owner = new pg.Client({ connectionString: bench.ownerUrl });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await owner.connect();
    const file = join(bench.workDir, 'fractures.csv');
    progress(`writing ${EPISODES.toLocaleString('en')} generated registrations`);
    await writeFractureCsv(createWriteStream(file), EPISODES, { seed: 42, today: BENCH_TODAY });
    progress('importing them (the real import; the projection filled by its triggers)');
    const importStart = performance.now();
    const summary = await importBenchCsv(bench, file);
    const importSeconds = (performance.now() - importStart) / 1000;
    if (summary.status !== 'succeeded')
      throw new Error(`import: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    progress(`imported in ${importSeconds.toFixed(0)} s`);

    const nurse = await createUser(bench.app.db, {
      organizationId: bench.organizationId,
      username: 'bench.nurse',
      displayName: 'Bench nurse',
      role: 'nurse',
      password: PASSWORD,
      patientId: null,
    });
    const today = localIsoDate(new Date());
    const imported = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM episodes`);
    // A share of the episodes the import opened (fewer than the registrations: repeats, exclusions).
    const inFollowUp = Math.round((imported.rows[0]?.n ?? 0) * SHARE);
    progress(`moving ${inFollowUp.toLocaleString('en')} episodes into follow-up`);
    const moveStart = performance.now();
    await moveIntoFollowUp(owner, inFollowUp, today, nurse.id);
    const moveSeconds = Number(((performance.now() - moveStart) / 1000).toFixed(1));
    await owner.query(
      'VACUUM (ANALYZE) patients, fracture_events, episodes, episode_events, tasks, worklist_items, decisions, dxa_exams, treatments',
    );
    const lists = await owner.query<{ list_key: string | null; n: number }>(
      `SELECT list_key, count(*)::int AS n FROM worklist_items GROUP BY 1 ORDER BY 1`,
    );
    const episodes = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM episodes`);
    progress(`moved in ${moveSeconds} s; projection rows: ${JSON.stringify(lists.rows)}`);

    app = await buildApp({
      db: server.db,
      clock: () => new Date(),
      config: { ...DEFAULT_APP_CONFIG, cookieSecure: false, logLevel: 'error' },
      clinical: DEFAULT_CONFIG,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const target: HttpTarget = { port, headers: await login(port) };
    const health: HttpTarget = { port, headers: { 'accept-encoding': 'br, gzip' } };

    const counts = await getJson<{ counts: Record<string, { total: number; capped: boolean }> }>(
      target,
      pathOf('due_today', 'dueDate', null),
    );
    progress(`the nurse's tabs: ${JSON.stringify(counts.counts)}`);

    const open: Record<string, LatencyStats & { pass: boolean; page: number }> = {};
    const openScenario = async (name: string, t: HttpTarget, path: () => string, page: number) => {
      const s = await openLoad(t, { users: USERS, intervalMs: 1000, seconds: OPEN_SECONDS, path });
      open[name] = { ...verdict(s), page };
      progress(
        `open ${name}: p50 ${s.p50Ms} p95 ${s.p95Ms} p99 ${s.p99Ms} max ${s.maxMs} ms, ${s.errors} errors`,
      );
    };
    await openScenario('health', health, () => '/api/health', 1);
    const deepestPages: Record<string, number> = {};
    for (const tab of TABS) {
      for (const sort of SORTS) {
        await openScenario(`${tab}:${sort}:page1`, target, () => pathOf(tab, sort, null), 1);
        const deep = await cursorOfPage(target, tab, sort, DEEP_PAGE);
        deepestPages[`${tab}:${sort}`] = deep.page;
        const name =
          deep.page === DEEP_PAGE
            ? `${tab}:${sort}:page${DEEP_PAGE}`
            : `${tab}:${sort}:page${deep.page}(last; ${DEEP_PAGE} wanted)`;
        const path = pathOf(tab, sort, deep.cursor);
        await openScenario(name, target, () => path, deep.page);
      }
    }

    const closed: Record<string, { requestsPerSecond: number; shareOfHealth: number } & LatencyStats> = {};
    const closedScenario = async (name: string, t: HttpTarget, path: () => string) => {
      const s = await closedLoad(t, { connections: USERS, seconds: CLOSED_SECONDS, path });
      const base = closed.health?.requestsPerSecond ?? s.requestsPerSecond;
      closed[name] = { ...s, shareOfHealth: Number((s.requestsPerSecond / base).toFixed(3)) };
      progress(
        `closed ${name}: ${s.requestsPerSecond} req/s (${((100 * s.requestsPerSecond) / base).toFixed(0)} % of health), p95 ${s.p95Ms} ms`,
      );
    };
    await closedScenario('health', health, () => '/api/health');
    for (const tab of TABS)
      await closedScenario(`${tab}:dueDate:page1`, target, () => pathOf(tab, 'dueDate', null));
    await closedScenario('overdue:clock:page1', target, () => pathOf('overdue', 'clock', null));

    const openPass = Object.values(open).every((s) => s.pass);
    return {
      episodes: episodes.rows[0]?.n ?? 0,
      episodesInFollowUp: inFollowUp,
      projectionRowsByList: Object.fromEntries(lists.rows.map((r) => [r.list_key ?? 'case_finding', r.n])),
      importSeconds: Number(importSeconds.toFixed(1)),
      moveIntoFollowUpSeconds: moveSeconds,
      nurseTabCounts: counts.counts,
      pageSize: PAGE_SIZE,
      deepPageWanted: DEEP_PAGE,
      deepestPages,
      openModel: { users: USERS, requestsPerUserPerSecond: 1, secondsEach: OPEN_SECONDS, scenarios: open },
      closedLoop: { connections: USERS, secondsEach: CLOSED_SECONDS, scenarios: closed },
      budget: { openP95Ms: 50 },
      withinBudget: openPass,
    };
  } finally {
    if (app !== null) await app.close();
    await server.close();
    await owner.end().catch(() => undefined);
    await bench.close();
  }
}
