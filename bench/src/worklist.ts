// `npm run bench -- worklist`: the worklists at national scale (issue 10). Builds a database of 1,000,000
// episodes itself — the real import of a generated CSV, so every row (and the projection worklist_items, filled
// by its triggers) is what an import writes — starts the real HTTP server on loopback, logs in over HTTP as a
// nurse, and measures in the same run, beside `/api/health` of the same server:
//   (a) an open model: 50 users each sending one request per second (on schedule, answered or not; latency
//       from the scheduled moment), per tab page 1 and page 500, and the patient page — p95 ≤ 50 ms each;
//   (b) a closed loop: 50 connections without pause — throughput of each as a share of health (goal ≥ 25 %).
// BENCH_WORKLIST_EPISODES sets the size (default 1,000,000), BENCH_WORKLIST_SECONDS each open scenario's length.
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
import { importBenchCsv, openBenchDatabase } from './_importHarness';
import { closedLoad, getJson, openLoad, type HttpTarget, type LatencyStats } from './_httpLoad';

const EPISODES = Number(process.env.BENCH_WORKLIST_EPISODES ?? 1_000_000);
const OPEN_SECONDS = Number(process.env.BENCH_WORKLIST_SECONDS ?? 15);
const CLOSED_SECONDS = Number(process.env.BENCH_WORKLIST_CLOSED_SECONDS ?? 10);
const USERS = 50;
const DEEP_PAGE = 500;
/** The page size the web app asks for (packages/web/src/api/worklist.ts, WORKLIST_PAGE_SIZE). */
const PAGE_SIZE = 20;
const VIEWS = ['to_invite', 'manual_review', 'identified', 'awaiting_response', 'excluded'] as const;
/** Import "today": the generated fractures (2024–2025) lie within the 24 months before it. */
const PASSWORD = 'bench password of the nurse';

function progress(message: string): void {
  console.log(`[worklist ${new Date().toISOString().slice(11, 19)}] ${message}`);
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

interface Page {
  items: unknown[];
  total: number;
  totalIsCapped: boolean;
  nextCursor: string | null;
}

/** The cursor of page `page` of `PAGE_SIZE` rows (walked once, page by page), or of the deepest page there is. */
async function cursorOfPage(
  target: HttpTarget,
  view: string,
  page: number,
): Promise<{ cursor: string | null; page: number }> {
  let cursor: string | null = null;
  for (let p = 1; p < page; p++) {
    const got: Page = await getJson<Page>(
      target,
      `/api/worklist?view=${view}&limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${cursor}`}`,
    );
    if (got.nextCursor === null) return { cursor, page: p };
    cursor = got.nextCursor;
  }
  return { cursor, page };
}

const verdict = (s: LatencyStats) => ({ ...s, pass: s.errors === 0 && s.p95Ms <= 50 });

/** Entries each of the tabs the import leaves empty gets, so that every tab has a page 500 (of 20). */
const OTHER_TAB_ENTRIES = 12_000;

/**
 * The import opens an invitation task for every eligible fracture, so "to review" and "awaiting
 * response" would be empty. Gives each of them `OTHER_TAB_ENTRIES` entries as the application's own
 * transitions leave them — for review: the invitation cancelled and a review task opened (as the import
 * does for a doubtful classification); awaiting response: the invitation done, the episode invited, a
 * reminder task due in 21 days — in two statements per tab, as the owner; the projection's triggers
 * follow as after any change.
 */
async function fillOtherTabs(owner: pg.Client): Promise<void> {
  await owner.query('BEGIN');
  try {
    await owner.query(
      `CREATE TEMP TABLE bench_moved ON COMMIT DROP AS
         SELECT t.id, t.organization_id, t.episode_id, t.patient_id, t.due_date,
                CASE WHEN row_number() OVER (ORDER BY t.id) <= $1 THEN 'review' ELSE 'invited' END AS tab
           FROM tasks t WHERE t.kind = 'invite' AND t.status = 'open' ORDER BY t.id LIMIT $1 * 2`,
      [OTHER_TAB_ENTRIES],
    );
    await owner.query(
      `UPDATE tasks t SET status = CASE m.tab WHEN 'review' THEN 'cancelled'::task_status ELSE 'done'::task_status END,
              completed_at = now()
         FROM bench_moved m WHERE t.id = m.id`,
    );
    await owner.query(
      `UPDATE episodes e SET state = 'invited' FROM bench_moved m WHERE e.id = m.episode_id AND m.tab = 'invited'`,
    );
    await owner.query(
      `INSERT INTO tasks (organization_id, episode_id, patient_id, kind, due_date, assignee_role)
       SELECT organization_id, episode_id, patient_id,
              CASE tab WHEN 'review' THEN 'review_eligibility' ELSE 'invite_reminder' END,
              CASE tab WHEN 'review' THEN due_date ELSE due_date + 21 END,
              CASE tab WHEN 'review' THEN 'nurse'::user_role ELSE 'secretary'::user_role END
         FROM bench_moved`,
    );
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  const server = openAppDatabase(bench.ownerUrl);
  const owner = new pg.Client({ connectionString: bench.ownerUrl });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await owner.connect();
    const file = join(bench.workDir, 'fractures.csv');
    progress(`writing ${EPISODES.toLocaleString('en')} generated registrations`);
    await writeFractureCsv(createWriteStream(file), EPISODES, { seed: 42, today: '2026-11-01' });
    progress('importing them (the real import; the projection filled by its triggers)');
    const importStart = performance.now();
    let lastShown = 0;
    const summary = await importBenchCsv(bench, file, {
      onProgress: (rows) => {
        if (rows - lastShown >= 100_000) {
          lastShown = rows;
          progress(`  ${rows.toLocaleString('en')} rows`);
        }
      },
    });
    const importSeconds = (performance.now() - importStart) / 1000;
    if (summary.status !== 'succeeded')
      throw new Error(`import: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    progress(
      `giving "to review" and "awaiting response" ${OTHER_TAB_ENTRIES.toLocaleString('en')} entries each`,
    );
    await fillOtherTabs(owner);
    const kinds = await owner.query<{ entry_kind: string; n: number }>(
      `SELECT entry_kind, count(*)::int AS n FROM worklist_items GROUP BY 1 ORDER BY 1`,
    );
    const episodes = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM episodes`);
    progress(`imported in ${importSeconds.toFixed(0)} s: ${JSON.stringify(kinds.rows)}`);

    await createUser(bench.app.db, {
      organizationId: bench.organizationId,
      username: 'bench.nurse',
      displayName: 'Bench nurse',
      role: 'nurse',
      password: PASSWORD,
      patientId: null,
    });
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

    const firstStart = performance.now();
    await getJson<Page>(target, `/api/worklist?view=to_invite&limit=${PAGE_SIZE}`);
    const firstWorklistMs = Number((performance.now() - firstStart).toFixed(1));
    progress(`first worklist after the import: ${firstWorklistMs} ms`);
    // What autovacuum does within minutes of a large import (visibility map, statistics), done now, so the
    // measurements below are of the steady state and not of autovacuum running beside them.
    const vacuumStart = performance.now();
    await owner.query(
      'VACUUM (ANALYZE) patients, fracture_events, episodes, episode_events, tasks, worklist_items',
    );
    const vacuumSeconds = Number(((performance.now() - vacuumStart) / 1000).toFixed(1));
    progress(`VACUUM (ANALYZE) of the imported tables: ${vacuumSeconds} s`);

    const sampled = await owner.query<{ id: string }>(
      `SELECT id FROM patients TABLESAMPLE SYSTEM (1) REPEATABLE (42) LIMIT 2000`,
    );
    const patientIds = sampled.rows.map((r) => r.id);
    const patientPath = (u: number, n: number) =>
      `/api/patients/${patientIds[(u * 7919 + n * 104729) % patientIds.length] ?? ''}`;

    progress(`walking each tab to page ${DEEP_PAGE}`);
    const deep: Record<string, { cursor: string | null; page: number }> = {};
    for (const view of VIEWS) deep[view] = await cursorOfPage(target, view, DEEP_PAGE);

    const open: Record<string, LatencyStats & { pass: boolean; page?: number }> = {};
    const openScenario = async (
      name: string,
      t: HttpTarget,
      path: (u: number, n: number) => string,
      page?: number,
    ) => {
      const s = await openLoad(t, { users: USERS, intervalMs: 1000, seconds: OPEN_SECONDS, path });
      open[name] = { ...verdict(s), ...(page === undefined ? {} : { page }) };
      progress(
        `open ${name}: p50 ${s.p50Ms} p95 ${s.p95Ms} p99 ${s.p99Ms} max ${s.maxMs} ms, ${s.errors} errors`,
      );
    };
    await openScenario('health', health, () => '/api/health');
    for (const view of VIEWS) {
      await openScenario(`${view}:page1`, target, () => `/api/worklist?view=${view}&limit=${PAGE_SIZE}`, 1);
      const d = deep[view] ?? { cursor: null, page: 1 };
      const query = `/api/worklist?view=${view}&limit=${PAGE_SIZE}${d.cursor === null ? '' : `&cursor=${d.cursor}`}`;
      // Named by the page it reached: a tab with fewer pages is measured at its last one, and says so.
      const name =
        d.page === DEEP_PAGE
          ? `${view}:page${DEEP_PAGE}`
          : `${view}:page${d.page}(last; ${DEEP_PAGE} wanted)`;
      await openScenario(name, target, () => query, d.page);
    }
    await openScenario('patient', target, patientPath);

    const closed: Record<string, { requestsPerSecond: number; shareOfHealth: number } & LatencyStats> = {};
    const closedScenario = async (name: string, t: HttpTarget, path: (c: number, n: number) => string) => {
      const s = await closedLoad(t, { connections: USERS, seconds: CLOSED_SECONDS, path });
      const base = closed.health?.requestsPerSecond ?? s.requestsPerSecond;
      closed[name] = { ...s, shareOfHealth: Number((s.requestsPerSecond / base).toFixed(3)) };
      progress(
        `closed ${name}: ${s.requestsPerSecond} req/s (${((100 * s.requestsPerSecond) / base).toFixed(0)} % of health), p95 ${s.p95Ms} ms, ${s.errors} errors`,
      );
    };
    await closedScenario('health', health, () => '/api/health');
    for (const view of VIEWS)
      await closedScenario(`${view}:page1`, target, () => `/api/worklist?view=${view}&limit=${PAGE_SIZE}`);
    await closedScenario('patient', target, patientPath);

    const deepestPages = Object.fromEntries(VIEWS.map((view) => [view, deep[view]?.page ?? 1]));
    const everyTabReachedDeepPage = VIEWS.every((view) => deepestPages[view] === DEEP_PAGE);
    const openPass = everyTabReachedDeepPage && Object.entries(open).every(([, s]) => s.pass);
    const closedPass = Object.entries(closed).every(([, s]) => s.errors === 0 && s.shareOfHealth >= 0.25);
    return {
      episodes: episodes.rows[0]?.n ?? 0,
      worklistItemsByKind: Object.fromEntries(kinds.rows.map((r) => [r.entry_kind, r.n])),
      importRows: summary.rows,
      importSeconds: Number(importSeconds.toFixed(1)),
      importRowsPerSecond: Math.round(summary.rows / importSeconds),
      firstWorklistMs,
      vacuumSeconds,
      pageSize: PAGE_SIZE,
      deepPageWanted: DEEP_PAGE,
      deepestPages,
      everyTabReachedDeepPage,
      openModel: { users: USERS, requestsPerUserPerSecond: 1, secondsEach: OPEN_SECONDS, scenarios: open },
      closedLoop: { connections: USERS, secondsEach: CLOSED_SECONDS, scenarios: closed },
      budget: { openP95Ms: 50, closedShareOfHealth: 0.25 },
      withinBudget: openPass && closedPass,
    };
  } finally {
    if (app !== null) await app.close();
    await server.close();
    await owner.end().catch(() => undefined);
    await bench.close();
  }
}
