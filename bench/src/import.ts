// `npm run bench -- import`: rows/s of a 100,000-row CSV imported end to end (parse, eligibility,
// patients, fractures, episodes, tasks, audit — one transaction), and rows/s of a bare PostgreSQL
// COPY of the same file into the same database in the same run. Budget: ≥ 20,000 rows/s and ≥ 25 % of COPY.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { importRegistrations } from '@osteopad/server/caseFinding/importRegistrations';
import { parseRegistrations } from '@osteopad/server/caseFinding/parseRegistrations';
import { cliSubject } from '@osteopad/server/caseFinding/cliSubject';
import { FIXTURE_HEADER } from '@osteopad/server/imports/csv/generateFixture';
import { openBenchDatabase, writeCsv } from './_importHarness';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  try {
    const file = join(bench.workDir, 'fractures.csv');
    await writeCsv(file, ROWS);
    const bytes = (await stat(file)).size;

    const importStart = process.hrtime.bigint();
    const summary = await importRegistrations(
      bench.app.db,
      parseRegistrations('csv', createReadStream(file), { today: '2026-11-01', sourceSystem: 'bench' }),
      {
        organizationId: bench.organizationId,
        subject: cliSubject(bench.organizationId, 'bench'),
        format: 'csv',
        channel: 'cli',
        fileName: 'fractures.csv',
        skipInvalid: false,
        today: '2026-11-01',
        clock: () => new Date(),
        config: DEFAULT_CONFIG,
      },
    );
    const importSeconds = Number(process.hrtime.bigint() - importStart) / 1e9;
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
    return {
      rowsPerSecond,
      copyRowsPerSecond,
      ratioToCopy: Number((rowsPerSecond / copyRowsPerSecond).toFixed(3)),
      rows: summary.rows,
      imported: summary.imported,
      eligible: summary.eligible,
      excluded: summary.excluded,
      manualReview: summary.manualReview,
      fileBytes: bytes,
      importSeconds: Number(importSeconds.toFixed(2)),
      copySeconds: Number(copySeconds.toFixed(2)),
      budget: { rowsPerSecond: 20_000, ratioToCopy: 0.25 },
      withinBudget: rowsPerSecond >= 20_000 && rowsPerSecond / copyRowsPerSecond >= 0.25,
    };
  } finally {
    await bench.close();
  }
}
