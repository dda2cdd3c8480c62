// Profiling aid, not a benchmark (`npx tsx bench/src/_importStatements.ts`): one import of the bench CSV
// with every statement's duration logged by PostgreSQL, summed per kind for the import's connection, and
// the time that connection had no statement at all. PostgreSQL's view of the pipeline: time spent in the
// staging COPYs beyond their share is PostgreSQL waiting for Node to send the data, time between
// statements is PostgreSQL waiting for Node to send anything. BENCH_IMPORT_ROWS sets the file's size.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@osteopad/server/db/embedded';
import { runMigrations } from '@osteopad/server/db/migrate';
import { openAppDatabase } from '@osteopad/server/db/connection';
import { organizations } from '@osteopad/server/db/schema';
import { importBenchCsv, writeCsv } from './_importHarness';

interface Logged {
  pid: string;
  start: number;
  end: number;
  statement: string;
}

const LINE =
  /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) \S+ (\d+) LOG: {2}duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): (.*)$/;

function kindOf(statement: string): string {
  if (statement.startsWith('COPY import_stage_')) return 'staging COPY';
  if (statement.includes('FROM import_stage_') || statement.includes('json_populate_recordset'))
    return 'moves';
  if (statement.startsWith('WITH candidates')) return 'look-ups';
  if (statement.includes('osteopad_analyze_imported_tables')) return 'ANALYZE';
  return 'other';
}

const workDir = await mkdtemp(join(tmpdir(), 'osteopad-bench-'));
await chmod(workDir, 0o711);
const lines: string[] = [];
const db = await startEmbeddedPostgres({
  dataDir: join(workDir, 'data'),
  database: 'bench',
  postgresOutput: (line) => lines.push(line),
});
try {
  await runMigrations(db.url);
  const owner = new pg.Client({ connectionString: db.url });
  await owner.connect();
  await owner.query(`ALTER SYSTEM SET log_min_duration_statement = 0`);
  await owner.query(`ALTER SYSTEM SET log_line_prefix = '%m %p '`);
  await owner.query(`SELECT pg_reload_conf()`);
  await owner.end();
  const app = openAppDatabase(db.url, { max: 4 });
  const [org] = await app.db.insert(organizations).values({ name: 'Bench' }).returning();
  const file = join(workDir, 'fractures.csv');
  await writeCsv(file, Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
  const started = process.hrtime.bigint();
  const summary = await importBenchCsv(
    { ownerUrl: db.url, app, organizationId: org?.id ?? '', workDir, close: () => Promise.resolve() },
    file,
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();
  const logged: Logged[] = [];
  for (const line of lines.join('\n').split('\n')) {
    const m = LINE.exec(line);
    if (m === null) continue;
    const end = Date.parse(`${(m[1] ?? '').replace(' ', 'T')}Z`) / 1000;
    logged.push({ pid: m[2] ?? '', start: end - Number(m[3]) / 1000, end, statement: m[4] ?? '' });
  }
  const importPid = logged.find((l) => l.statement.startsWith('COPY import_stage_'))?.pid;
  const ofImport = logged.filter((l) => l.pid === importPid).sort((a, b) => a.start - b.start);
  const perKind = new Map<string, number>();
  let idle = 0;
  let busyUntil: number | undefined;
  for (const l of ofImport) {
    perKind.set(kindOf(l.statement), (perKind.get(kindOf(l.statement)) ?? 0) + (l.end - l.start));
    if (busyUntil !== undefined && l.start > busyUntil) idle += l.start - busyUntil;
    busyUntil = Math.max(busyUntil ?? 0, l.end);
  }
  console.log(
    JSON.stringify(
      {
        rows: summary.rows,
        status: summary.status,
        importSeconds: Number(seconds.toFixed(2)),
        // Seconds of statement time on the import's connection, per kind, and without any statement.
        statementSeconds: Object.fromEntries([...perKind].map(([k, v]) => [k, Number(v.toFixed(2))])),
        idleBetweenStatementsSeconds: Number(idle.toFixed(2)),
      },
      null,
      2,
    ),
  );
} finally {
  await db.stop();
  await rm(workDir, { recursive: true, force: true });
}
