// PostgreSQL's lock file `<cluster>/postmaster.pid`: written by the postmaster when it starts,
// removed when it stops cleanly. Lines: 1 pid, 2 data directory, 3 start time (epoch seconds),
// 4 port, 5 socket directory, 6 listen address, 7 shared memory key, 8 status
// (`starting`, `ready`, `stopping`, `standby`). Lines 4–8 appear as start-up proceeds.
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export type PostmasterStatus = 'starting' | 'ready' | 'stopping' | 'standby';

export interface PostmasterPidFile {
  pid: number;
  dataDirectory: string;
  startTime: number | null;
  port: number | null;
  listenAddress: string | null;
  status: PostmasterStatus | null;
  /** The file as read, to recognise it again before removing it. */
  text: string;
}

const STATUSES: readonly string[] = ['starting', 'ready', 'stopping', 'standby'];

function positiveInteger(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n > 0 ? n : null;
}

/** Null when the text is not a lock file (empty, or a first line that is not a process id). */
export function parsePostmasterPidFile(text: string): PostmasterPidFile | null {
  const lines = text.split('\n');
  const pid = positiveInteger(lines[0]);
  if (pid === null) return null;
  const listen = lines[5]?.trim() ?? '';
  const status = lines[7]?.trim() ?? '';
  return {
    pid,
    dataDirectory: lines[1]?.trim() ?? '',
    startTime: positiveInteger(lines[2]),
    port: positiveInteger(lines[3]),
    listenAddress: listen === '' ? null : listen,
    status: STATUSES.includes(status) ? (status as PostmasterStatus) : null,
    text,
  };
}

export function pidFilePath(clusterDir: string): string {
  return join(clusterDir, 'postmaster.pid');
}

/** The lock file of the cluster, or null when there is none (or it is empty, mid-write). */
export async function readPostmasterPidFile(clusterDir: string): Promise<PostmasterPidFile | null> {
  try {
    return parsePostmasterPidFile(await readFile(pidFilePath(clusterDir), 'utf8'));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes a lock file known to be stale, but only if it is still exactly the file that was judged:
 * a postmaster that started in the meantime has written a new one, and that one stays.
 */
export async function removeStalePidFile(clusterDir: string, judged: PostmasterPidFile): Promise<boolean> {
  const now = await readPostmasterPidFile(clusterDir);
  if (now?.text !== judged.text) return false;
  await unlink(pidFilePath(clusterDir)).catch((error: unknown) => {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  });
  return true;
}
