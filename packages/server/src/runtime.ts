import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppDatabase, type DatabaseHandle } from './db/connection';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { runMigrations } from './db/migrate';
import { readEnv, type ServerEnv } from './env';
import { seedDemo, type DemoLogin } from './demo/demoData';
import { localIsoDate } from './time/localDate';
import { DEFAULT_CONFIG, parseClinicalConfig, type ClinicalConfig } from '@osteopad/clinical';
import { storedClinicalConfigs, type ClinicalConfigs } from './clinicalConfig/clinicalConfigs';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface Runtime {
  env: ServerEnv;
  /** The installation's clinical configuration file (or the defaults): each organisation's version 0. */
  clinical: ClinicalConfig;
  /** Each organisation's clinical configuration now (its versions over `clinical`). */
  clinicalConfigs: ClinicalConfigs;
  ownerUrl: string;
  database: DatabaseHandle;
  /** The database is the embedded PostgreSQL under DATA_DIR (started here or by another process). */
  embedded: boolean;
  /** When the embedded database stopped under this process: what happened and what to do. */
  databaseLossReport: () => Promise<string | null>;
  shutdown: () => Promise<void>;
}

export interface RuntimeOptions {
  /**
   * Long-running commands (`start`, `mllp`): keep the embedded PostgreSQL running while the process
   * runs — start it again when it dies, take it over when the process that started it stops.
   */
  supervise?: boolean;
  /** The command, recorded as the owner of an embedded PostgreSQL this process starts. */
  command?: string;
}

const openRuntimes = new Set<Runtime>();
const reportedLosses = new Set<string>();

/**
 * Connects to PostgreSQL — the server in DATABASE_URL, or the embedded one under DATA_DIR (started
 * here, or the one another Osteopad process already runs there) — and brings the schema up to date.
 * Every command of the CLI starts here.
 */
export async function openRuntime(
  processEnv: NodeJS.ProcessEnv = process.env,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const env = readEnv(processEnv, DEFAULT_WEB_DIST);
  const clinical = await loadClinicalConfig(env.clinicalConfigFile);
  let ownerUrl = env.databaseUrl;
  let embedded: EmbeddedDatabase | null = null;
  if (ownerUrl === null) {
    embedded = await startEmbeddedPostgres({
      dataDir: env.dataDir,
      supervise: options.supervise ?? false,
      command: options.command ?? 'osteopad',
      log: (line) => {
        console.error(line);
      },
    });
    ownerUrl = embedded.url;
  }
  try {
    await runMigrations(ownerUrl);
  } catch (error) {
    if (embedded !== null) await embedded.stop();
    throw error;
  }
  const database = openAppDatabase(ownerUrl);
  const runtime: Runtime = {
    env,
    clinical,
    clinicalConfigs: storedClinicalConfigs(database.db, clinical),
    ownerUrl,
    database,
    embedded: embedded !== null,
    databaseLossReport: () => embedded?.lossReport() ?? Promise.resolve(null),
    shutdown: async () => {
      openRuntimes.delete(runtime);
      const loss = await runtime.databaseLossReport().catch(() => null);
      if (loss !== null) reportedLosses.add(loss);
      await database.close();
      if (embedded !== null) await embedded.stop();
    },
  };
  openRuntimes.add(runtime);
  return runtime;
}

/**
 * What happened to the embedded database of the runtimes of this process (open or shut down), for
 * the message of a command that failed because its database went away.
 */
export async function databaseLossReports(): Promise<string[]> {
  const open = await Promise.all([...openRuntimes].map((r) => r.databaseLossReport().catch(() => null)));
  return [...new Set([...reportedLosses, ...open.filter((r): r is string => r !== null)])];
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
