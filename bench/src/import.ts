// `npm run bench -- import`: registrations/s of a 100,000-row CSV imported end to end (parse, eligibility,
// patients, fractures, episodes, tasks, audit — one transaction), beside the physical limit of this data
// model measured in the same run: a COPY of the very rows the import wrote (patients, fractures, episodes,
// their transitions, tasks, audit events, and the worklist projection rows its triggers made in
// worklist_items) into scratch copies of the same tables with the same indexes and constraints (foreign
// keys included). Budget (issue #10): ≥ 70 % of that limit and ≥ 10,000 registrations/s.
// A bare COPY of the CSV file itself is reported too, for comparison with earlier runs.
// BENCH_IMPORT_ROWS sets the file's size, BENCH_IMPORT_BATCH the import's batch size (default 10,000).
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { FIXTURE_HEADER } from '@osteopad/server/caseFinding/parsers/csv/generateFixture';
import { importBenchCsv, openBenchDatabase, writeCsv } from './_importHarness';
import { postgresCpuSince } from './_postgresCpu';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  try {
    const file = join(bench.workDir, 'fractures.csv');
    await writeCsv(file, ROWS);
    const bytes = (await stat(file)).size;

    const cpuBefore = { node: process.cpuUsage(), postgres: postgresCpuSince(bench.workDir) };
    const importStart = process.hrtime.bigint();
    const summary = await importBenchCsv(
      bench,
      file,
      process.env.BENCH_IMPORT_BATCH === undefined
        ? {}
        : { batchSize: Number(process.env.BENCH_IMPORT_BATCH) },
    );
    const importSeconds = Number(process.hrtime.bigint() - importStart) / 1e9;
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const importNodeCpuSeconds = (nodeCpu.user + nodeCpu.system) / 1e6;
    const importPostgresCpuSeconds = cpuBefore.postgres();
    if (summary.status !== 'succeeded')
      throw new Error(`import rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`);

    const client = new pg.Client({ connectionString: bench.ownerUrl });
    await client.connect();
    const columns = FIXTURE_HEADER.map((c) => `${c} text`).join(', ');
    await client.query(`CREATE TABLE copy_baseline (${columns})`);
    const copyStart = process.hrtime.bigint();
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
    const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;
    const copied = await client.query<{ n: string }>('SELECT count(*) AS n FROM copy_baseline');
    await client.end();

    const rowsPerSecond = Math.round(summary.rows / importSeconds);
    const copyRowsPerSecond = Math.round(Number(copied.rows[0]?.n ?? 0) / copySeconds);
    const limit = await dataModelLimit(bench.ownerUrl, bench.organizationId, bench.workDir);
    const limitRowsPerSecond = Math.round(summary.rows / limit.seconds);
    const shareOfLimit = rowsPerSecond / limitRowsPerSecond;
    return {
      rowsPerSecond,
      limitRowsPerSecond,
      shareOfLimit: Number(shareOfLimit.toFixed(3)),
      limitSeconds: Number(limit.seconds.toFixed(2)),
      // The same comparison in PostgreSQL CPU seconds: steadier than wall time on a shared machine.
      limitPostgresCpuSeconds: Number(limit.postgresCpuSeconds.toFixed(2)),
      limitRowsWritten: limit.rows,
      limitTables: LIMIT_TABLES,
      copyRowsPerSecond,
      ratioToCopy: Number((rowsPerSecond / copyRowsPerSecond).toFixed(3)),
      rows: summary.rows,
      imported: summary.imported,
      eligible: summary.eligible,
      excluded: summary.excluded,
      manualReview: summary.manualReview,
      fileBytes: bytes,
      importSeconds: Number(importSeconds.toFixed(2)),
      // CPU time, steadier than wall time on a shared machine: what Node and PostgreSQL each spent.
      importNodeCpuSeconds: Number(importNodeCpuSeconds.toFixed(2)),
      importPostgresCpuSeconds: Number(importPostgresCpuSeconds.toFixed(2)),
      copySeconds: Number(copySeconds.toFixed(2)),
      budget: { rowsPerSecond: 10_000, shareOfLimit: 0.7 },
      withinBudget: rowsPerSecond >= 10_000 && shareOfLimit >= 0.7,
    };
  } finally {
    await bench.close();
  }
}

/** The tables an import writes, in the order their foreign keys need, and the references between them. */
const MODEL: readonly { table: string; references: readonly [column: string, table: string][] }[] = [
  { table: 'patients', references: [] },
  { table: 'fracture_events', references: [['patient_id', 'patients']] },
  {
    table: 'episodes',
    references: [
      ['patient_id', 'patients'],
      ['index_fracture_id', 'fracture_events'],
    ],
  },
  { table: 'episode_events', references: [['episode_id', 'episodes']] },
  {
    table: 'tasks',
    references: [
      ['episode_id', 'episodes'],
      ['patient_id', 'patients'],
    ],
  },
  { table: 'audit_events', references: [] },
  // The projection the import's triggers fill (migration 0013): part of what an import writes.
  { table: 'worklist_items', references: [] },
];

/** The tables the limit's COPY writes, named in the results. */
const LIMIT_TABLES = MODEL.map((m) => m.table);

/**
 * COPYs the rows the import wrote for `organizationId` into scratch copies of the same tables (same
 * columns, defaults, checks, indexes; the same foreign keys between them; identity columns generated as
 * the import lets them be), the worklist projection rows included: what writing this data model costs
 * with nothing else to do.
 */
async function dataModelLimit(
  ownerUrl: string,
  organizationId: string,
  workDir: string,
): Promise<{ seconds: number; rows: number; postgresCpuSeconds: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const files: { table: string; columns: string; file: string }[] = [];
    for (const { table, references } of MODEL) {
      const cols = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = $1 AND table_schema = 'public' AND is_identity = 'NO' ORDER BY ordinal_position`,
        [table],
      );
      const columns = cols.rows.map((r) => r.column_name).join(', ');
      await client.query(`CREATE TABLE scratch_${table} (LIKE ${table} INCLUDING ALL)`);
      for (const [column, target] of references) {
        await client.query(
          `ALTER TABLE scratch_${table} ADD FOREIGN KEY (${column}) REFERENCES scratch_${target} (id)`,
        );
      }
      const file = join(workDir, `${table}.copy`);
      await pipeline(
        client.query(
          copyTo(
            `COPY (SELECT ${columns} FROM ${table} WHERE organization_id = '${organizationId}') TO STDOUT`,
          ),
        ),
        createWriteStream(file),
      );
      files.push({ table, columns, file });
    }
    await client.query('CHECKPOINT');
    const postgresCpu = postgresCpuSince(workDir);
    const started = process.hrtime.bigint();
    await client.query('BEGIN');
    for (const { table, columns, file } of files) {
      await pipeline(
        createReadStream(file),
        client.query(copyFrom(`COPY scratch_${table} (${columns}) FROM STDIN`)),
      );
    }
    await client.query('COMMIT');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const postgresCpuSeconds = postgresCpu();
    const counted = await client.query<{ n: string }>(
      `SELECT (${MODEL.map((m) => `(SELECT count(*) FROM scratch_${m.table})`).join(' + ')}) AS n`,
    );
    return { seconds, rows: Number(counted.rows[0]?.n ?? 0), postgresCpuSeconds };
  } finally {
    await client.end();
  }
}
