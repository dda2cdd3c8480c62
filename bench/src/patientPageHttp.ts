// `npm run bench -- patientPageHttp`: the patient page over HTTP. The real app (buildApp, the pool size
// the server runs with) listens on loopback over an embedded PostgreSQL holding the real import of a
// generated CSV (BENCH_HTTP_ROWS rows, default 3,000: a few thousand patients); a load generator in a
// worker thread (undici, BENCH_HTTP_CONNECTIONS connections, default 50) asks for GET
// /api/patients/:patientId of a logged-in nurse, rotating over 200 patients, for BENCH_HTTP_SECONDS
// (default 10), then for GET /api/health of the same server as long. Reported: requests/s, p50/p95/p99.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { request } from 'undici';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { createUser } from '@osteopad/server/users/userAccounts';
import { openAppDatabase } from '@osteopad/server/db/connection';
import { buildApp } from '@osteopad/server/http/app';
import { DEFAULT_APP_CONFIG } from '@osteopad/server/http/config';
import { importBenchCsv, openBenchDatabase, writeCsv } from './_importHarness';

const ROWS = Number(process.env.BENCH_HTTP_ROWS ?? 3_000);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const PASSWORD = 'bench password that is long enough';

// The load generator: plain JavaScript in a worker, so it does not share the server's event loop.
const LOAD_GENERATOR = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require('undici');
const { origin, paths, cookie, seconds, connections } = workerData;
const pool = new Pool(origin, { connections, pipelining: 1 });
const latencies = [];
const statuses = {};
let next = 0;
const end = performance.now() + seconds * 1000;
async function loop() {
  while (performance.now() < end) {
    const path = paths[next++ % paths.length];
    const start = performance.now();
    const r = await pool.request({ path, method: 'GET', headers: { cookie } });
    await r.body.dump();
    latencies.push(performance.now() - start);
    statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: connections }, loop)).then(async () => {
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  parentPort.postMessage({ latencies, statuses, elapsed });
});
`;

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  elapsed: number;
}

function load(origin: string, paths: string[], cookie: string): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_GENERATOR, {
      eval: true,
      workerData: { origin, paths, cookie, seconds: SECONDS, connections: CONNECTIONS },
    });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
    });
    worker.once('error', reject);
  });
}

function summary(result: LoadResult) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const at = (q: number): number =>
    Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));
  return {
    requests: sorted.length,
    requestsPerSecond: Math.round(sorted.length / result.elapsed),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    statuses: result.statuses,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  // The pool the server runs with (runtime.ts: openAppDatabase's default size).
  const database = openAppDatabase(bench.ownerUrl);
  const app = await buildApp({
    db: database.db,
    clock: () => new Date(),
    clinical: DEFAULT_CONFIG,
    config: { ...DEFAULT_APP_CONFIG, logLevel: 'silent' },
  });
  try {
    const organizationId = bench.organizationId;
    const file = join(bench.workDir, 'fractures.csv');
    await writeCsv(file, ROWS);
    const imported = await importBenchCsv(bench, file);
    if (imported.status !== 'succeeded') throw new Error('import failed');
    await createUser(bench.app.db, {
      organizationId,
      username: 'bench.nurse',
      displayName: 'Bench Nurse',
      role: 'nurse',
      password: PASSWORD,
      patientId: null,
    });
    const owner = new pg.Client({ connectionString: bench.ownerUrl });
    await owner.connect();
    const counts = await owner.query<{ patients: string; episodes: string }>(
      `SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM episodes) AS episodes`,
    );
    const sample = await owner.query<{ id: string }>(
      `SELECT DISTINCT patient_id AS id FROM episodes ORDER BY patient_id LIMIT 200`,
    );
    await owner.end();

    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const login = await request(`${origin}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.nurse', password: PASSWORD }),
    });
    await login.body.dump();
    const setCookie = login.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    const cookie = first?.split(';')[0];
    if (login.statusCode !== 200 || cookie === undefined) throw new Error(`login: ${login.statusCode}`);

    const pagePaths = sample.rows.map((r) => `/api/patients/${r.id}`);
    const warm = await load(origin, pagePaths.slice(0, 20), cookie);
    if (Object.keys(warm.statuses).some((s) => s !== '200'))
      throw new Error(`patient page answered ${JSON.stringify(warm.statuses)}`);
    const patientPage = summary(await load(origin, pagePaths, cookie));
    const health = summary(await load(origin, ['/api/health'], cookie));
    return {
      patients: Number(counts.rows[0]?.patients ?? 0),
      episodes: Number(counts.rows[0]?.episodes ?? 0),
      connections: CONNECTIONS,
      seconds: SECONDS,
      databasePoolSize: database.pool.options.max,
      patientPage,
      health,
    };
  } finally {
    await app.close();
    await database.close();
    await bench.close();
  }
}
