// `npm run bench -- consult`: the consult's speed (issue 11, "Speed"). In the worklist benchmark's database
// (the real import of generated registrations, BENCH_CONSULT_EPISODES, default 1,000,000) on the real HTTP
// server on loopback, a nurse logged in over HTTP takes a sample of episodes through the application's own
// routes (invitation → appointment → intake → DXA → VFA → labs → a first decision), and then, beside
// `/api/health` of the same server in the same run, are measured:
//   (a) an open model: 50 users each sending one request per second (on schedule, answered or not; latency
//       from the scheduled moment) — the episode page, an intake save, a DXA save, the engine's assessment
//       and a decision (engine + stored snapshot) — p95 ≤ 50 ms each;
//   (b) a closed loop: 50 connections without pause — throughput of each as a share of health (goal ≥ 25 %).
// Saves: each virtual user owns its own episode and carries the version each answer gives back into its next
// save (a superseding decision each time), so a 409 would be a fault of the benchmark, not of the server.
// Also: the SQL statements one request of each kind sends (BEGIN/COMMIT and set_config included), counted
// at the pg client (pg_stat_statements is not available in the embedded server).
// BENCH_CONSULT_EPISODES sets the size, BENCH_CONSULT_SECONDS each open scenario's length,
// BENCH_CONSULT_CLOSED_SECONDS each closed one's, BENCH_CONSULT_SAMPLE the prepared episodes (default 500).
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { addDays, DEFAULT_CONFIG } from '@osteopad/clinical';
import type { Assessment, IntakeAnswers } from '@osteopad/contract';
import { writeFractureCsv } from '@osteopad/server/caseFinding/parsers/csv/generateFixture';
import { openAppDatabase } from '@osteopad/server/db/connection';
import { buildApp } from '@osteopad/server/http/app';
import { DEFAULT_APP_CONFIG } from '@osteopad/server/http/config';
import { localIsoDate } from '@osteopad/server/time/localDate';
import { createUser } from '@osteopad/server/users/userAccounts';
import { importBenchCsv, openBenchDatabase } from './_importHarness';
import { closedLoad, openLoad, type HttpTarget, type LatencyStats, type RequestSpec } from './_httpLoad';

const EPISODES = Number(process.env.BENCH_CONSULT_EPISODES ?? 1_000_000);
const OPEN_SECONDS = Number(process.env.BENCH_CONSULT_SECONDS ?? 15);
const CLOSED_SECONDS = Number(process.env.BENCH_CONSULT_CLOSED_SECONDS ?? 10);
const SAMPLE = Number(process.env.BENCH_CONSULT_SAMPLE ?? 500);
const USERS = 50;
const PASSWORD = 'bench password of the nurse';

function progress(message: string): void {
  console.log(`[consult ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** A completed intake (as the demo's), valid for the questionnaire. */
const INTAKE: IntakeAnswers = {
  parentHipFracture: true,
  reducedMobility: false,
  rheumatoidArthritis: false,
  secondaryOsteoporosisCondition: false,
  smoker: true,
  alcoholUnitsPerDay: 1,
  weightKg: 57,
  heightCm: 162,
  usesGlucocorticoids: false,
  glucocorticoidBurstsPerYear: 0,
  fallRiskIncreasingMedication: false,
  fallsPastYear: 2,
  worriedAboutFalling: true,
  difficultyWalkingOrBalance: true,
  milkGlass: 1,
  yoghurtPot: 1,
  cheeseSlice: 2,
  usesVitaminD: true,
  vitaminDDailyIU: 400,
  darkSkin: false,
  outdoorsSufficient: false,
  bodyCovering: false,
  recentDentalCheck: true,
  plannedDentalWork: false,
  oralProblems: false,
  canStayUpright30Min: true,
};

const dxaOf = (examDate: string) => ({
  examDate,
  device: 'Hologic Horizon A',
  sites: {
    lumbarSpine: { bmdGcm2: 0.78, tScore: -2.7, zScore: -1.2, vertebraeEvaluable: 4 },
    totalHip: { bmdGcm2: 0.71, tScore: -1.9, zScore: -0.7 },
    femoralNeck: { bmdGcm2: 0.58, tScore: -2.6, zScore: -1.3 },
  },
});

const labsOf = (sampledOn: string) => ({
  results: [
    { analyte: 'calcium', value: 2.35, rangeLow: 2.2, rangeHigh: 2.6, sampledOn },
    { analyte: 'albumin', value: 38, rangeLow: 35, rangeHigh: 50, sampledOn },
    { analyte: 'albuminCorrectedCalcium', value: 2.4, rangeLow: 2.2, rangeHigh: 2.6, sampledOn },
    { analyte: 'creatinine', value: 80, rangeLow: 50, rangeHigh: 90, sampledOn },
    { analyte: 'eGFR', value: 72, rangeLow: 60, rangeHigh: null, sampledOn },
    { analyte: 'TSH', value: 1.8, rangeLow: 0.5, rangeHigh: 4, sampledOn },
    { analyte: '25OHD', value: 54, rangeLow: 30, rangeHigh: null, sampledOn },
  ],
});

/** Logs in over HTTP: the session cookie and the CSRF token state-changing requests must carry. */
async function login(port: number): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.nurse', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('osteopad_session='));
  if (cookie === undefined) throw new Error('login set no session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0] ?? '', 'x-csrf-token': csrfToken, 'accept-encoding': 'br, gzip' };
}

/** One set-up request through the application's routes; anything but `expect` is an error. */
async function call<T>(
  target: HttpTarget,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  expect = method === 'POST' && body !== undefined && path.match(/\/(dxa|vfa|labs)$/) ? 201 : 200,
): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${target.port}${path}`, {
    method,
    headers: { ...target.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `items` of a decision accepting every proposal of the assessment. */
const acceptAll = (a: Assessment) =>
  a.items.map((i) => ({ code: i.code, choice: 'accept' as const, reason: '' }));

interface Prepared {
  episodeId: string;
  intakeVersion: number;
  dxaExamId: string;
  dxaVersion: number;
  decisionId: string | null;
}

/** Takes one identified episode through the consult by the routes the screens use, up to a first decision. */
async function prepare(target: HttpTarget, episodeId: string, today: string): Promise<Prepared> {
  const base = `/api/episodes/${episodeId}`;
  await call(target, 'POST', `${base}/invitation`, { sentOn: addDays(today, -21) });
  const page = await call<{ episode: { version: number } }>(target, 'GET', base);
  await call(target, 'POST', `${base}/appointment`, {
    date: today,
    time: '09:00',
    kinds: ['dxa_vfa', 'labs', 'consult'],
    note: '',
    expectedVersion: page.episode.version,
  });
  const intake = await call<{ response: { version: number } }>(target, 'PUT', `${base}/intake`, {
    answers: INTAKE,
    version: 0,
    complete: true,
  });
  const dxa = await call<{ exam: { id: string; version: number }; episodeState: string }>(
    target,
    'POST',
    `${base}/dxa`,
    dxaOf(addDays(today, -2)),
  );
  await call(target, 'POST', `${base}/vfa`, {
    examDate: addDays(today, -2),
    assessable: true,
    vertebrae: [{ level: 'T12', genantGrade: 1 }],
  });
  await call(target, 'POST', `${base}/labs`, labsOf(addDays(today, -2)));
  const a = await call<Assessment>(target, 'GET', `${base}/assessment`);
  const decided = await call<{ id: string }>(target, 'POST', `${base}/decision`, {
    fingerprint: a.fingerprint,
    basedOnDecisionId: a.latestDecisionId,
    episodeVersion: a.episodeVersion,
    items: acceptAll(a),
  });
  return {
    episodeId,
    intakeVersion: intake.response.version,
    dxaExamId: dxa.exam.id,
    dxaVersion: dxa.exam.version,
    decisionId: decided.id,
  };
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (t: T) => Promise<R>) {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}

/** Statements sent through any pg client (the server runs in this process), for per-request counts. */
let statements = 0;
const clientQuery = Reflect.get(pg.Client.prototype, 'query') as (...a: unknown[]) => unknown;
function countStatements(): void {
  Reflect.set(pg.Client.prototype, 'query', function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return clientQuery.apply(this, args);
  });
}
function stopCounting(): void {
  Reflect.set(pg.Client.prototype, 'query', clientQuery);
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
    progress('importing them (the real import)');
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
    const counted = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM episodes`);
    const episodeCount = counted.rows[0]?.n ?? 0;
    progress(`imported in ${importSeconds.toFixed(0)} s: ${episodeCount.toLocaleString('en')} episodes`);
    // What autovacuum does within minutes of a large import, done now (as in the worklist benchmark).
    const vacuumStart = performance.now();
    await owner.query(
      'VACUUM (ANALYZE) patients, fracture_events, episodes, episode_events, tasks, worklist_items',
    );
    const vacuumSeconds = Number(((performance.now() - vacuumStart) / 1000).toFixed(1));
    progress(`VACUUM (ANALYZE): ${vacuumSeconds} s`);

    await createUser(bench.app.db, {
      organizationId: bench.organizationId,
      username: 'bench.nurse',
      displayName: 'Bench nurse',
      role: 'nurse',
      password: PASSWORD,
      patientId: null,
    });
    const clock = () => new Date();
    app = await buildApp({
      db: server.db,
      clock,
      config: { ...DEFAULT_APP_CONFIG, cookieSecure: false, logLevel: 'error' },
      clinical: DEFAULT_CONFIG,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const target: HttpTarget = { port, headers: await login(port) };
    const health: HttpTarget = { port, headers: { 'accept-encoding': 'br, gzip' } };
    const today = localIsoDate(clock());

    // Identified episodes with an open invitation, spread over the table (not the first imported).
    const sampled = await owner.query<{ id: string }>(
      `SELECT e.id FROM episodes e
        WHERE e.state = 'identified'
          AND EXISTS (SELECT 1 FROM tasks t WHERE t.episode_id = e.id AND t.kind = 'invite' AND t.status = 'open')
        ORDER BY md5(e.id::text) LIMIT $1`,
      [SAMPLE],
    );
    if (sampled.rows.length < USERS + 1)
      throw new Error(`only ${sampled.rows.length} identified episodes to prepare`);
    progress(`preparing ${sampled.rows.length} episodes through the routes, up to a first decision`);
    const prepStart = performance.now();
    const prepared = await inParallel(sampled.rows, 8, (r) => prepare(target, r.id, today));
    const prepareSeconds = Number(((performance.now() - prepStart) / 1000).toFixed(1));
    progress(`prepared in ${prepareSeconds} s`);
    const n = prepared.length;
    /**
     * Reads: spread over the whole sample. Saves: user u owns `PER_USER` episodes of its own (u, u + 50 …)
     * and saves the next of them whose last save was answered — as a user saves a record only once it has
     * the answer (the version) of the save before; only a server more than `PER_USER` seconds behind makes
     * one wait for nothing (its save then goes out stale, and counts as an error). The last prepared episode
     * stays untouched (for the probes).
     */
    const PER_USER = Math.max(1, Math.floor((n - 1) / USERS));
    const anyOf = (u: number, k: number) => prepared[(u * 7919 + k * 104729) % n] as Prepared;
    const pending = new Set<string>();
    const own = (u: number, k = 0): Prepared => {
      for (let j = 0; j < PER_USER; j++) {
        const p = prepared[u + USERS * ((k + j) % PER_USER)] as Prepared;
        if (!pending.has(p.episodeId)) return p;
      }
      return prepared[u + USERS * (k % PER_USER)] as Prepared;
    };
    const owned = Array.from({ length: USERS * PER_USER }, (_, i) => prepared[i] as Prepared);
    const untouched = prepared[n - 1] as Prepared;
    const errorsSeen: string[] = [];
    const noteError = (what: string, status: number, json: unknown) => {
      if (status >= 200 && status < 300) return false;
      if (errorsSeen.length < 5) errorsSeen.push(`${what}: ${status} ${JSON.stringify(json).slice(0, 200)}`);
      return true;
    };

    const episodePage = (u: number, k: number): RequestSpec => `/api/episodes/${anyOf(u, k).episodeId}`;
    const assessment = (u: number, k: number): RequestSpec =>
      `/api/episodes/${anyOf(u, k).episodeId}/assessment`;
    const intakeSave = (u: number, k: number): RequestSpec => {
      const p = own(u, k);
      pending.add(p.episodeId);
      return {
        method: 'PUT',
        path: `/api/episodes/${p.episodeId}/intake`,
        body: { answers: INTAKE, version: p.intakeVersion, complete: true },
        answered: (status, json) => {
          pending.delete(p.episodeId);
          if (noteError('intakeSave', status, json)) return;
          p.intakeVersion = (json as { response: { version: number } }).response.version;
        },
      };
    };
    const dxaBody = dxaOf(addDays(today, -2));
    const dxaSave = (u: number, k: number): RequestSpec => {
      const p = own(u, k);
      pending.add(p.episodeId);
      return {
        method: 'PUT',
        path: `/api/dxa-exams/${p.dxaExamId}`,
        body: { ...dxaBody, version: p.dxaVersion },
        answered: (status, json) => {
          pending.delete(p.episodeId);
          if (noteError('dxaSave', status, json)) return;
          p.dxaVersion = (json as { exam: { version: number } }).exam.version;
        },
      };
    };
    /** Per owned episode: the assessment the decision is made on (fresh before each decision scenario). */
    const shown = new Map<string, Assessment>();
    const freshAssessments = async () => {
      for (const p of owned) {
        const a = await call<Assessment>(target, 'GET', `/api/episodes/${p.episodeId}/assessment`);
        shown.set(p.episodeId, a);
        p.decisionId = a.latestDecisionId;
      }
    };
    const decision = (u: number, k: number): RequestSpec => {
      const p = own(u, k);
      pending.add(p.episodeId);
      const a = shown.get(p.episodeId) as Assessment;
      return {
        method: 'POST',
        path: `/api/episodes/${p.episodeId}/decision`,
        body: {
          fingerprint: a.fingerprint,
          basedOnDecisionId: p.decisionId,
          episodeVersion: a.episodeVersion,
          items: acceptAll(a),
        },
        // A decision superseding one in the plan's state moves nothing: the episode keeps its version,
        // and the next decision is based on this one.
        answered: (status, json) => {
          pending.delete(p.episodeId);
          if (noteError('decision', status, json)) return;
          p.decisionId = (json as { id: string }).id;
        },
      };
    };

    const scenarios: [string, HttpTarget, (u: number, k: number) => RequestSpec][] = [
      ['health', health, () => '/api/health'],
      ['episodePage', target, episodePage],
      ['intakeSave', target, intakeSave],
      ['dxaSave', target, dxaSave],
      ['assessment', target, assessment],
      ['decision', target, decision],
    ];

    const open: Record<string, LatencyStats & { pass: boolean }> = {};
    for (const [name, t, path] of scenarios) {
      if (name === 'decision') await freshAssessments();
      const s = await openLoad(t, { users: USERS, intervalMs: 1000, seconds: OPEN_SECONDS, path });
      open[name] = verdict(s);
      progress(
        `open ${name}: p50 ${s.p50Ms} p95 ${s.p95Ms} p99 ${s.p99Ms} max ${s.maxMs} ms, ${s.errors} errors`,
      );
    }

    const closed: Record<string, { requestsPerSecond: number; shareOfHealth: number } & LatencyStats> = {};
    for (const [name, t, path] of scenarios) {
      if (name === 'decision') await freshAssessments();
      const s = await closedLoad(t, { connections: USERS, seconds: CLOSED_SECONDS, path });
      const base = closed.health?.requestsPerSecond ?? s.requestsPerSecond;
      closed[name] = { ...s, shareOfHealth: Number((s.requestsPerSecond / base).toFixed(3)) };
      progress(
        `closed ${name}: ${s.requestsPerSecond} req/s (${((100 * s.requestsPerSecond) / base).toFixed(0)} % of health), p95 ${s.p95Ms} ms, ${s.errors} errors`,
      );
    }

    // Requests of each kind one at a time (the loads are over): the server's own time per request without
    // queueing, and the statements one request sends, counted at the pg client.
    await freshAssessments();
    const statementsPerRequest: Record<string, number> = {};
    const serialMedianMs: Record<string, number> = {};
    const SERIAL = 20;
    countStatements();
    try {
      for (const [name, t, path] of scenarios) {
        const times: number[] = [];
        for (let k = 0; k < SERIAL; k++) {
          const spec = path(0, k);
          const {
            method,
            path: url,
            body,
          } = typeof spec === 'string' ? { method: 'GET' as const, path: spec, body: undefined } : spec;
          statements = 0;
          const started = performance.now();
          const json = await call<unknown>(t, method, url, body);
          times.push(performance.now() - started);
          if (k === 0) statementsPerRequest[name] = statements;
          if (typeof spec !== 'string') spec.answered?.(200, json);
        }
        times.sort((a, b) => a - b);
        serialMedianMs[name] = Number((times[SERIAL / 2] ?? 0).toFixed(1));
      }
    } finally {
      stopCounting();
    }
    progress(`statements per request: ${JSON.stringify(statementsPerRequest)}`);
    progress(`one at a time, median ms: ${JSON.stringify(serialMedianMs)}`);
    // The episode page of an episode the loads saved hundreds of times, beside one they left alone.
    const pageBytes = async (p: Prepared) => {
      const started = performance.now();
      const page = await call<{ timeline?: unknown[] }>(target, 'GET', `/api/episodes/${p.episodeId}`);
      return {
        ms: Number((performance.now() - started).toFixed(1)),
        bytes: JSON.stringify(page).length,
        timelineEntries: Array.isArray(page.timeline) ? page.timeline.length : null,
      };
    };
    const episodePageAfterSaves = {
      savedOften: await pageBytes(own(0)),
      untouched: await pageBytes(untouched),
    };
    progress(`episode page after the saves: ${JSON.stringify(episodePageAfterSaves)}`);

    const openPass = Object.values(open).every((s) => s.pass);
    const closedPass = Object.values(closed).every((s) => s.errors === 0 && s.shareOfHealth >= 0.25);
    return {
      episodes: episodeCount,
      importRows: summary.rows,
      importSeconds: Number(importSeconds.toFixed(1)),
      vacuumSeconds,
      preparedEpisodes: n,
      prepareSeconds,
      openModel: { users: USERS, requestsPerUserPerSecond: 1, secondsEach: OPEN_SECONDS, scenarios: open },
      closedLoop: { connections: USERS, secondsEach: CLOSED_SECONDS, scenarios: closed },
      statementsPerRequest,
      serialMedianMs,
      episodePageAfterSaves,
      savesEpisodesPerUser: PER_USER,
      errorsSeen,
      budget: { openP95Ms: 50, closedShareOfHealth: 0.25 },
      openWithinBudget: openPass,
      closedWithinBudget: closedPass,
      withinBudget: openPass && closedPass,
    };
  } finally {
    if (app !== null) await app.close();
    await server.close();
    await owner.end().catch(() => undefined);
    await bench.close();
  }
}
