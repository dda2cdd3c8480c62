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

/** The cursor of page `page` (walked once, page by page), or of the deepest page there is. */
async function cursorOfPage(
  target: HttpTarget,
  view: string,
  page: number,
): Promise<{ cursor: string | null; page: number }> {
  let cursor: string | null = null;
  for (let p = 1; p < page; p++) {
    const got: Page = await getJson<Page>(
      target,
      `/api/worklist?view=${view}${cursor === null ? '' : `&cursor=${cursor}`}`,
    );
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
      await openScenario(`${view}:page${DEEP_PAGE}`, target, () => query, d.page);
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

    const openPass = Object.entries(open).every(([, s]) => s.pass);
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
