// `npm run bench -- import-landing`: an EXPERIMENT for the team's decision on issue #4's speed budget,
// not a feature. It measures the alternative design docs/IMPORT.md §2b names: parse + R1 + one row per
// registration in one narrow table (row-level security, one unique key for idempotency), and nothing
// else — no patients, fractures, episodes, tasks or per-patient audit events, which a later step would
// have to make. The table exists only in the benchmark's throwaway database.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import { parseRegistrations } from '@osteopad/server/caseFinding/pipeline/parseRegistrations';
import { classifyRegistration } from '@osteopad/server/caseFinding/pipeline/classifyRegistration';
import { fractureIdentityKey } from '@osteopad/server/caseFinding/pipeline/importPlan';
import { inOrganizationWithCopy } from '@osteopad/server/db/copyingTransaction';
import { copyTextRows, type CopyCell } from '@osteopad/server/db/copyText';
import { timeOrderedIdFactory } from '@osteopad/server/db/timeOrderedId';
import { FIXTURE_HEADER } from '@osteopad/server/caseFinding/parsers/csv/generateFixture';
import { openBenchDatabase, writeCsv } from './_importHarness';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TODAY = '2026-11-01';

const LANDING_TABLE = `CREATE TABLE registrations (
  id uuid PRIMARY KEY, organization_id uuid NOT NULL, patient_key text NOT NULL, fracture_date date NOT NULL,
  identity_key text NOT NULL, eligibility text NOT NULL, record jsonb NOT NULL,
  UNIQUE (organization_id, patient_key, fracture_date, identity_key))`;

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  const owner = new pg.Client({ connectionString: bench.ownerUrl });
  await owner.connect();
  try {
    const file = join(bench.workDir, 'fractures.csv');
    await writeCsv(file, ROWS);
    await owner.query(LANDING_TABLE);
    await owner.query('ALTER TABLE registrations ENABLE ROW LEVEL SECURITY');
    await owner.query(
      'CREATE POLICY organization_isolation ON registrations TO osteopad_app USING (organization_id = osteopad_current_organization())',
    );
    await owner.query('GRANT SELECT, INSERT ON registrations TO osteopad_app');

    const newId = timeOrderedIdFactory();
    let landed = 0;
    const start = process.hrtime.bigint();
    await inOrganizationWithCopy(bench.app.db, { organizationId: bench.organizationId }, async (t) => {
      await t.tx.execute(
        sql.raw('CREATE TEMP TABLE landing_stage ON COMMIT DROP AS SELECT * FROM registrations WITH NO DATA'),
      );
      let rows: CopyCell[][] = [];
      const flush = async (): Promise<void> => {
        if (rows.length === 0) return;
        await t.copyIn('COPY landing_stage FROM STDIN', copyTextRows(rows));
        const inserted = await t.tx.execute(
          sql.raw('INSERT INTO registrations SELECT * FROM landing_stage ON CONFLICT DO NOTHING'),
        );
        landed += inserted.rowCount ?? 0;
        await t.tx.execute(sql.raw('TRUNCATE landing_stage'));
        rows = [];
      };
      for await (const item of parseRegistrations('csv', createReadStream(file), { today: TODAY })) {
        if ('kind' in item || !item.ok) continue;
        const r = item.record;
        const c = classifyRegistration(r, TODAY, DEFAULT_CONFIG);
        const key = r.patient.bsn ?? `${r.patient.sourceSystem ?? ''}:${r.patient.sourceId ?? ''}`;
        rows.push([
          newId(),
          bench.organizationId,
          key,
          r.fracture.date,
          fractureIdentityKey(r),
          c.outcome,
          JSON.stringify(r),
        ]);
        if (rows.length >= 10_000) await flush();
      }
      await flush();
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;

    const columns = FIXTURE_HEADER.map((c) => `${c} text`).join(', ');
    await owner.query(`CREATE TABLE copy_baseline (${columns})`);
    const copyStart = process.hrtime.bigint();
    await pipeline(
      createReadStream(file),
      owner.query(copyFrom('COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)')),
    );
    const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;

    const rowsPerSecond = Math.round(landed / seconds);
    const copyRowsPerSecond = Math.round(ROWS / copySeconds);
    return {
      experiment: 'narrow landing table only (see file header); not what `osteopad import` does',
      rowsPerSecond,
      copyRowsPerSecond,
      ratioToCopy: Number((rowsPerSecond / copyRowsPerSecond).toFixed(3)),
      rows: ROWS,
      landed,
      seconds: Number(seconds.toFixed(2)),
      copySeconds: Number(copySeconds.toFixed(2)),
    };
  } finally {
    await owner.end();
    await bench.close();
  }
}
