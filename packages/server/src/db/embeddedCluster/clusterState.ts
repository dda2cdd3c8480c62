// What is running in a cluster folder right now, decided from the lock file, the process it names
// and the owner record. `classifyCluster` is the decision (pure); `inspectCluster` gathers the facts.
import { basename, resolve } from 'node:path';
import { readOwnerRecord, type OwnerRecord } from './ownerRecord';
import { readPostmasterPidFile, type PostmasterPidFile, type PostmasterStatus } from './postmasterPidFile';
import { inspectProcess, type ProcessFacts } from './processTable';

/**
 * - `live-osteopad`: an Osteopad process that is still alive started it (it is that process's child).
 * - `orphan`: an Osteopad process started it and has died without stopping it.
 * - `foreign`: no Osteopad record names it: someone started it another way; it is used, never stopped.
 */
export type PostmasterOwner = 'live-osteopad' | 'orphan' | 'foreign';

export type ClusterState =
  | { kind: 'stopped' }
  | {
      kind: 'stale-lock';
      lock: PostmasterPidFile;
      /** `gone`: no such process; `other-process`: the id now belongs to an unrelated process. */
      why: 'gone' | 'other-process';
    }
  | {
      kind: 'running';
      lock: PostmasterPidFile;
      status: PostmasterStatus | null;
      owner: PostmasterOwner;
      ownerRecord: OwnerRecord | null;
    };

export interface ClusterFacts {
  clusterDir: string;
  lock: PostmasterPidFile | null;
  /** Facts about the process the lock file names (absent when there is no lock file). */
  process: ProcessFacts;
  ownerRecord: OwnerRecord | null;
}

/** Is this the command line of a postmaster serving `clusterDir` (`postgres -D <clusterDir> …`)? */
export function isPostmasterOf(argv: readonly string[], clusterDir: string): boolean {
  const program = argv[0];
  if (program === undefined || basename(program) !== 'postgres') return false;
  const dataFlag = argv.indexOf('-D');
  const dataDir = dataFlag >= 0 ? argv[dataFlag + 1] : undefined;
  return dataDir !== undefined && resolve(dataDir) === resolve(clusterDir);
}

export function classifyCluster(facts: ClusterFacts): ClusterState {
  const { lock, process: proc, ownerRecord } = facts;
  if (lock === null) return { kind: 'stopped' };
  if (proc.state !== 'running') return { kind: 'stale-lock', lock, why: 'gone' };
  // A command line we may not read is given the benefit of the doubt: a lock is only removed when
  // it is certain that no postmaster of this cluster holds it.
  if (proc.argv !== null && !isPostmasterOf(proc.argv, facts.clusterDir))
    return { kind: 'stale-lock', lock, why: 'other-process' };
  let owner: PostmasterOwner = 'foreign';
  if (ownerRecord?.postmasterPid === lock.pid)
    owner = proc.parentPid === ownerRecord.ownerPid ? 'live-osteopad' : 'orphan';
  return { kind: 'running', lock, status: lock.status, owner, ownerRecord };
}

export async function inspectCluster(dataDir: string, clusterDir: string): Promise<ClusterState> {
  const lock = await readPostmasterPidFile(clusterDir);
  const proc =
    lock === null
      ? { state: 'absent' as const, parentPid: null, argv: null }
      : await inspectProcess(lock.pid);
  const ownerRecord = await readOwnerRecord(dataDir);
  return classifyCluster({ clusterDir, lock, process: proc, ownerRecord });
}
