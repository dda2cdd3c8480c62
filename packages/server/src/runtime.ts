import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppDatabase, type DatabaseHandle } from './db/connection';
import { startEmbeddedPostgres } from './db/embedded';
import { runMigrations } from './db/migrate';
import { readEnv, type ServerEnv } from './env';
import { seedDemo, type DemoLogin } from './demo/demoData';
import { localIsoDate } from './time/localDate';
import { DEFAULT_CONFIG, parseClinicalConfig, type ClinicalConfig } from '@osteopad/clinical';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface Runtime {
  env: ServerEnv;
  clinical: ClinicalConfig;
  ownerUrl: string;
  database: DatabaseHandle;
  embedded: boolean;
  shutdown: () => Promise<void>;
}

/**
 * Connects to PostgreSQL — the server in DATABASE_URL, or the embedded one under DATA_DIR — and
 * brings the schema up to date. Every command of the CLI starts here.
 */
export async function openRuntime(processEnv: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const env = readEnv(processEnv, DEFAULT_WEB_DIST);
  const clinical = await loadClinicalConfig(env.clinicalConfigFile);
  let ownerUrl = env.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (ownerUrl === null) {
    const embedded = await startEmbeddedPostgres({ dataDir: env.dataDir });
    ownerUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  try {
    await runMigrations(ownerUrl);
  } catch (error) {
    if (stopEmbedded !== null) await stopEmbedded();
    throw error;
  }
  const database = openAppDatabase(ownerUrl);
  return {
    env,
    clinical,
    ownerUrl,
    database,
    embedded: stopEmbedded !== null,
    shutdown: async () => {
      await database.close();
      if (stopEmbedded !== null) await stopEmbedded();
    },
  };
}

/**
 * The clinic's own clinical configuration (JSON, see docs/CLINICAL-SAFETY.md) or the reference's
 * defaults. A file that does not validate stops the start: running on half a configuration is worse.
 */
export async function loadClinicalConfig(file: string | null): Promise<ClinicalConfig> {
  if (file === null) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the clinical configuration ${file}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  try {
    return parseClinicalConfig(text);
  } catch (error) {
    throw new Error(
      `The clinical configuration ${file} is not valid: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

const DEMO_LOGINS_FILE = 'demo-logins.json';

/** Seeds the demo on first start and returns the demo logins (kept in DATA_DIR, mode 600). */
export async function ensureDemo(runtime: Runtime): Promise<DemoLogin[]> {
  const file = join(runtime.env.dataDir, DEMO_LOGINS_FILE);
  const seeded = await seedDemo(runtime.database.db, localIsoDate(new Date()), runtime.clinical);
  if (seeded !== null) {
    if (runtime.embedded)
      await writeFile(file, JSON.stringify(seeded.logins, null, 2) + '\n', { mode: 0o600 });
    return seeded.logins;
  }
  if (runtime.embedded && existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DemoLogin[];
  return [];
}
