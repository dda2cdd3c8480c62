// Gets this process a running PostgreSQL for the cluster folder: connect to the one that runs,
// replace an orphan, clear a stale lock, or start one. Decisions per state are in clusterState.ts.
import { inspectCluster, type PostmasterOwner } from './clusterState';
import { freePort } from './freePort';
import { writeOwnerRecord, type OwnerRecord } from './ownerRecord';
import type { PostgresBinaries } from './postgresBinaries';
import type { RunAs } from './postgresUser';
import { readPostmasterPidFile, removeStalePidFile, type PostmasterPidFile } from './postmasterPidFile';
import {
  FAST_SHUTDOWN_MS,
  PostmasterStartError,
  startPostmaster,
  type Postmaster,
} from './postmasterProcess';
import { inspectProcess } from './processTable';

export interface ClusterConfig {
  dataDir: string;
  clusterDir: string;
  binaries: PostgresBinaries;
  runAs: RunAs | null;
  settings: readonly string[];
  parentDeathSignal: boolean;
  /** The command this process runs (`osteopad start`), recorded as the owner. */
  command: string;
  log: (line: string) => void;
  onPostgresOutput?: (line: string) => void;
}

export type ClusterConnection =
  | { role: 'owner'; port: number; host: string; postmaster: Postmaster }
  | {
      role: 'attached';
      port: number;
      host: string;
      postmasterPid: number;
      owner: PostmasterOwner;
      ownerRecord: OwnerRecord | null;
    };

export interface AcquireRequest {
  /** `claim`: replace a postmaster whose Osteopad died (long-running processes, which supervise it). */
  orphans: 'claim' | 'use';
  /** The port to start on; null picks a free one. Running clusters are used on their own port. */
  port: number | null;
  cancelled?: () => boolean;
}

export class AcquireCancelled extends Error {
  constructor() {
    super('Stopped while the embedded PostgreSQL was being started.');
    this.name = 'AcquireCancelled';
  }
}

const WAIT_POLL_MS = 200;
/** How long processes of a crashed postmaster may keep its shared memory before we give up. */
const SHARED_MEMORY_WAIT_MS = 60_000;
const MAX_ROUNDS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function describeOwner(owner: PostmasterOwner, record: OwnerRecord | null, pid: number): string {
  if (owner === 'foreign' || record === null) return `a PostgreSQL that Osteopad did not start (pid ${pid})`;
  return `Osteopad process ${record.ownerPid} (${record.command})`;
}

function hostOf(lock: PostmasterPidFile): string {
  const first = lock.listenAddress?.split(',')[0]?.trim() ?? '';
  return first === '' || first === '*' || first === '0.0.0.0' ? '127.0.0.1' : first;
}

/** Polls the lock file until the postmaster it names is no longer in `status`, or has gone. */
async function waitWhileStatus(
  config: ClusterConfig,
  lock: PostmasterPidFile,
  status: 'starting' | 'stopping',
  cancelled: () => boolean,
): Promise<void> {
  const since = Date.now();
  let told = false;
  for (;;) {
    if (cancelled()) throw new AcquireCancelled();
    const now = await readPostmasterPidFile(config.clusterDir);
    if (now?.pid !== lock.pid || (now.status !== status && now.status !== null)) return;
    if ((await inspectProcess(lock.pid)).state !== 'running') return;
    if (!told && Date.now() - since > 10_000) {
      told = true;
      config.log(
        status === 'starting'
          ? `Waiting for the embedded PostgreSQL (pid ${lock.pid}) to finish starting; after a crash its recovery can take a few minutes.`
          : `Waiting for the embedded PostgreSQL (pid ${lock.pid}) to finish stopping.`,
      );
    }
    await sleep(WAIT_POLL_MS);
  }
}

/** Fast shutdown of a postmaster that is not our child: signal it, wait until it has gone. */
async function stopOrphan(
  config: ClusterConfig,
  lock: PostmasterPidFile,
  record: OwnerRecord | null,
): Promise<void> {
  config.log(
    `The embedded PostgreSQL (pid ${lock.pid}) was left running by ` +
      (record === null ? 'an Osteopad process' : `Osteopad process ${record.ownerPid} (${record.command})`) +
      ' that has exited; stopping it (fast shutdown) to start it again under this process.',
  );
  const gone = async (): Promise<boolean> => {
    const now = await readPostmasterPidFile(config.clusterDir);
    return now?.pid !== lock.pid || (await inspectProcess(lock.pid)).state !== 'running';
  };
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(lock.pid, name);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EPERM')
        throw new Error(
          `The PostgreSQL left running on ${config.clusterDir} (pid ${lock.pid}) belongs to another user, so this ` +
            `process may not stop it. Stop it as that user (kill -INT ${lock.pid}), or run Osteopad as that user.`,
          { cause: error },
        );
      // ESRCH: it has gone already
    }
  };
  signal('SIGINT');
  const started = Date.now();
  let escalated = false;
  while (!(await gone())) {
    const waited = Date.now() - started;
    if (!escalated && waited > FAST_SHUTDOWN_MS) {
      escalated = true;
      config.log(
        `PostgreSQL (pid ${lock.pid}) did not stop within ${FAST_SHUTDOWN_MS / 1000} s; immediate shutdown.`,
      );
      signal('SIGQUIT');
    }
    if (waited > FAST_SHUTDOWN_MS + 30_000)
      throw new Error(
        `The PostgreSQL left running on ${config.clusterDir} (pid ${lock.pid}) does not stop. ` +
          `Stop it (kill -INT ${lock.pid}) and start Osteopad again.`,
      );
    await sleep(WAIT_POLL_MS);
  }
}

async function startOwn(config: ClusterConfig, port: number): Promise<ClusterConnection> {
  const postmaster = await startPostmaster({
    binaries: config.binaries,
    clusterDir: config.clusterDir,
    port,
    settings: config.settings,
    runAs: config.runAs,
    parentDeathSignal: config.parentDeathSignal,
    ...(config.onPostgresOutput === undefined ? {} : { onOutput: config.onPostgresOutput }),
    onSlowStart: () => {
      config.log(
        'The embedded PostgreSQL is still starting; after a crash its recovery can take a few minutes.',
      );
    },
  });
  await writeOwnerRecord(config.dataDir, {
    ownerPid: process.pid,
    postmasterPid: postmaster.pid,
    port,
    command: config.command,
    startedAt: new Date().toISOString(),
  });
  return { role: 'owner', port, host: '127.0.0.1', postmaster };
}

export async function acquireCluster(
  config: ClusterConfig,
  request: AcquireRequest,
): Promise<ClusterConnection> {
  const cancelled = request.cancelled ?? (() => false);
  let port = request.port;
  const since = Date.now();
  let lastFailure: PostmasterStartError | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (cancelled()) throw new AcquireCancelled();
    const state = await inspectCluster(config.dataDir, config.clusterDir);
    if (state.kind === 'stale-lock' && state.why === 'other-process') {
      // PostgreSQL itself clears a lock whose process is gone; one whose process id was reused by
      // an unrelated process it would take for a live postmaster.
      if (await removeStalePidFile(config.clusterDir, state.lock))
        config.log(
          `Removed the stale lock file of the embedded PostgreSQL: process ${state.lock.pid} that it names is not a PostgreSQL of this cluster.`,
        );
      continue;
    }
    if (state.kind === 'running') {
      const { lock } = state;
      if (state.status === 'starting' || (state.status === null && lock.port === null)) {
        await waitWhileStatus(config, lock, 'starting', cancelled);
        continue;
      }
      if (state.status === 'stopping') {
        await waitWhileStatus(config, lock, 'stopping', cancelled);
        continue;
      }
      if (state.owner === 'orphan' && request.orphans === 'claim') {
        await stopOrphan(config, lock, state.ownerRecord);
        port ??= lock.port;
        continue;
      }
      if (lock.port === null) throw new Error(`The lock file of ${config.clusterDir} names no port.`);
      return {
        role: 'attached',
        port: lock.port,
        host: hostOf(lock),
        postmasterPid: lock.pid,
        owner: state.owner,
        ownerRecord: state.ownerRecord,
      };
    }
    // Stopped, or a lock file whose postmaster is gone: start one here.
    const chosen = port ?? (await freePort());
    try {
      return await startOwn(config, chosen);
    } catch (error) {
      if (!(error instanceof PostmasterStartError)) throw error;
      lastFailure = error;
      if (error.kind === 'lock-conflict') continue; // another process started it first: use that one
      if (error.kind === 'port-in-use' && request.port === null) {
        port = null; // not a port anyone relies on: pick another
        continue;
      }
      if (error.kind === 'shared-memory-in-use' && Date.now() - since < SHARED_MEMORY_WAIT_MS) {
        await sleep(1_000);
        continue;
      }
      if (error.kind === 'port-in-use')
        throw new Error(
          `${error.message} Stop the program that uses it: the database keeps its port, so that the connections of the Osteopad processes find it again.`,
          { cause: error },
        );
      if (error.kind === 'shared-memory-in-use')
        throw new Error(
          `${error.message} They have not ended within ${SHARED_MEMORY_WAIT_MS / 1000} s: stop the processes ` +
            `named "postgres: …" of this cluster and start Osteopad again.`,
          { cause: error },
        );
      throw error;
    }
  }
  throw new Error(
    `Could not get a running PostgreSQL for ${config.clusterDir} after ${MAX_ROUNDS} attempts` +
      (lastFailure === null
        ? ': other processes keep starting and stopping it.'
        : `; the last: ${lastFailure.message}`),
  );
}
