// Shared set-up for the import benchmarks: a fresh embedded PostgreSQL, migrated, with one organisation.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream, createWriteStream } from 'node:fs';
import { DEFAULT_CONFIG } from '@osteopad/clinical';
import {
  importRegistrations,
  type ImportOptions,
  type ImportSummary,
} from '@osteopad/server/caseFinding/pipeline/importRegistrations';
import { parseRegistrations } from '@osteopad/server/caseFinding/pipeline/parseRegistrations';
import { cliSubject } from '@osteopad/server/caseFinding/channels/cli/cliSubject';
import { startEmbeddedPostgres } from '@osteopad/server/db/embedded';
import { runMigrations } from '@osteopad/server/db/migrate';
import { openAppDatabase, type DatabaseHandle } from '@osteopad/server/db/connection';
import { organizations } from '@osteopad/server/db/schema';
import { writeFractureCsv } from '@osteopad/server/caseFinding/parsers/csv/generateFixture';

/** The day the benchmarks' generated registrations are imported on. */
export const BENCH_TODAY = '2026-11-01';

export interface BenchDatabase {
  ownerUrl: string;
  app: DatabaseHandle;
  organizationId: string;
  workDir: string;
  close: () => Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const workDir = await mkdtemp(join(tmpdir(), 'osteopad-bench-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to pass through this folder.
  await chmod(workDir, 0o711);
  // Durable settings, as `npm start` runs: the figures include fsync at commit.
  const pg = await startEmbeddedPostgres({ dataDir: join(workDir, 'data'), database: 'bench' });
  await runMigrations(pg.url);
  const app = openAppDatabase(pg.url, { max: 4 });
  const rows = await app.db
    .insert(organizations)
    .values({ name: 'Bench Hospital' })
    .returning({ id: organizations.id });
  const organizationId = rows[0]?.id ?? '';
  return {
    ownerUrl: pg.url,
    app,
    organizationId,
    workDir,
    close: async () => {
      await app.close();
      await pg.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export async function writeCsv(path: string, rows: number): Promise<void> {
  await writeFractureCsv(createWriteStream(path), rows, { seed: 42, today: '2026-11-01' });
}

/**
 * The real import of a generated CSV file into the bench organisation, as the CLI runs it (the same
 * options for every benchmark; `extra` adds a batch size or a progress callback).
 */
export function importBenchCsv(
  bench: BenchDatabase,
  file: string,
  extra: Partial<Pick<ImportOptions, 'batchSize' | 'onProgress'>> = {},
): Promise<ImportSummary> {
  return importRegistrations(
    bench.app.db,
    parseRegistrations('csv', createReadStream(file), { today: BENCH_TODAY, sourceSystem: 'bench' }),
    {
      organizationId: bench.organizationId,
      subject: cliSubject(bench.organizationId, 'bench'),
      format: 'csv',
      channel: 'cli',
      fileName: 'fractures.csv',
      skipInvalid: false,
      today: BENCH_TODAY,
      clock: () => new Date(),
      config: DEFAULT_CONFIG,
      ...extra,
    },
  );
}
