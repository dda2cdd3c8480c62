// Can the embedded PostgreSQL live in DATA_DIR? Checked before anything is created or started, so
// that a folder it cannot use gets one plain sentence — which folder, why, and what to do — instead
// of initdb's "could not access directory … Permission denied" half-way through.
//
// What it needs: Osteopad (the user it runs as) creates DATA_DIR and writes in it (the password
// file, the cluster folder, the logs); PostgreSQL (the same user, or `postgres` when Osteopad runs
// as root) must pass through every folder on the way to DATA_DIR and own its cluster folder.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { POSTGRES_USER, type RunAs } from './postgresUser';

export interface DataDirProblem {
  /** The folder (or file) that is in the way. */
  path: string;
  /** Why, continuing a sentence that starts with the path. */
  reason: string;
  /** What to do about it. */
  fix: string;
}

export class DataDirUnusable extends Error {
  readonly problem: DataDirProblem;
  constructor(dataDir: string, problem: DataDirProblem) {
    super(
      `Osteopad cannot keep its database in DATA_DIR ${dataDir}: ${problem.path} ${problem.reason}. ${problem.fix}`,
    );
    this.name = 'DataDirUnusable';
    this.problem = problem;
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function userName(uid: number): Promise<string> {
  if (uid === process.getuid?.()) return Promise.resolve(userInfo().username);
  return new Promise((resolvePromise) => {
    execFile('id', ['-nu', String(uid)], (error, stdout) => {
      resolvePromise(error === null && stdout.trim() !== '' ? stdout.trim() : `uid ${uid}`);
    });
  });
}

/** The deepest existing path on the way to `dir` (itself included), or a problem if it is not a folder. */
async function deepestExisting(dir: string): Promise<{ path: string } | { problem: DataDirProblem }> {
  for (let current = dir; ; current = dirname(current)) {
    try {
      const s = await stat(current);
      if (s.isDirectory()) return { path: current };
      return {
        problem: {
          path: current,
          reason: s.isFile() ? 'is a file, not a folder' : 'is not a folder',
          fix:
            current === dir
              ? 'Point DATA_DIR at a folder (one that does not exist yet is created).'
              : `Point DATA_DIR at a folder that is not inside ${current}.`,
        },
      };
    } catch (error) {
      // ENOENT: to be created; ENOTDIR: something above it is a file; EACCES: a folder above it may
      // not be entered (found when that folder is checked)
      if (dirname(current) === current) throw error;
    }
  }
}

/** Osteopad itself must be able to enter and write the deepest existing folder. */
async function writableByOsteopad(dataDir: string, folder: string): Promise<DataDirProblem | null> {
  const user = userInfo().username;
  const elsewhere = `Choose a DATA_DIR that "${user}" may write (for example in its home folder)`;
  try {
    await access(folder, constants.X_OK);
  } catch {
    return {
      path: folder,
      reason: `may not be entered by the user Osteopad runs as ("${user}")`,
      fix: `${elsewhere}, or run Osteopad as a user that may enter it.`,
    };
  }
  try {
    await access(folder, constants.W_OK);
    return null;
  } catch (error) {
    if (codeOf(error) === 'EROFS')
      return {
        path: folder,
        reason: 'is on a read-only file system',
        fix: 'Choose a DATA_DIR on a disk that can be written.',
      };
    return {
      path: folder,
      reason: `may not be written by the user Osteopad runs as ("${user}")`,
      fix:
        folder === dataDir
          ? `${elsewhere}, or hand this one over: chown ${user} ${folder}`
          : `${elsewhere}, or create this one for it: mkdir -p ${dataDir} && chown ${user} ${dataDir}`,
    };
  }
}

/**
 * The first folder on the way to `dir` (itself included) that `runAs` may not pass through, or null.
 * Spawned processes keep only their primary group (supplementary groups are dropped), so only
 * that group counts.
 */
export async function firstUnreachableFolder(dir: string, runAs: RunAs): Promise<string | null> {
  const chain: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    chain.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const folder of chain) {
    const s = await stat(folder);
    const bit = s.uid === runAs.uid ? 0o100 : s.gid === runAs.gid ? 0o010 : 0o001;
    if ((s.mode & bit) === 0) return folder;
  }
  return null;
}

/** As root, PostgreSQL runs as `postgres`, which must pass through every folder above DATA_DIR. */
async function reachableByPostgres(
  existing: string,
  dataDir: string,
  runAs: RunAs,
): Promise<DataDirProblem | null> {
  // Symbolic links are followed: it is the folders they lead to that must let PostgreSQL through.
  // DATA_DIR itself is opened up for it (mode 711) when the check passes, and so are the folders
  // that are still to be created.
  const real = await realpath(existing);
  const blocked = await firstUnreachableFolder(existing === dataDir ? dirname(real) : real, runAs);
  if (blocked === null) return null;
  return {
    path: blocked,
    reason:
      `may not be entered by the user "${POSTGRES_USER}", which runs the embedded PostgreSQL here ` +
      'because PostgreSQL refuses to run as root',
    fix: `Choose a DATA_DIR that "${POSTGRES_USER}" can reach (for example under /var/lib or /srv), or let it pass: chmod o+x ${blocked}`,
  };
}

/**
 * `DATA_DIR/postgres` is the cluster folder: when it exists it must be a folder, and once it holds
 * a cluster it must belong to the user PostgreSQL runs as (PostgreSQL insists on that).
 */
async function clusterFolderUsable(clusterDir: string, runAs: RunAs | null): Promise<DataDirProblem | null> {
  let owner: number;
  try {
    const s = await stat(clusterDir);
    if (!s.isDirectory())
      return {
        path: clusterDir,
        reason: 'is not a folder, but it is where Osteopad keeps its PostgreSQL cluster',
        fix: 'Move it away if it holds nothing you need, or point DATA_DIR at another folder.',
      };
    owner = s.uid;
  } catch {
    return null; // not there yet (or not readable: reported when it is read)
  }
  const expected = runAs?.uid ?? process.getuid?.();
  const initialised = await stat(join(clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised || expected === undefined || owner === expected) return null;
  const [ownerName, postgresName] = await Promise.all([userName(owner), userName(expected)]);
  return {
    path: clusterDir,
    reason: `belongs to the user "${ownerName}", but PostgreSQL runs as "${postgresName}" here and runs only on a cluster folder of its own`,
    fix:
      runAs === null
        ? `Run Osteopad as "${ownerName}", which created it, or hand it over: chown -R ${postgresName} ${clusterDir}`
        : `Run Osteopad as "${ownerName}", which created it, or hand it over: chown -R ${POSTGRES_USER}: ${clusterDir}`,
  };
}

/**
 * What stands in the way of keeping the embedded PostgreSQL's cluster in `dataDir/postgres`, or
 * null. Reads only: changes nothing.
 */
export async function findDataDirProblem(
  dataDir: string,
  runAs: RunAs | null,
): Promise<DataDirProblem | null> {
  const dir = resolve(dataDir);
  const found = await deepestExisting(dir);
  if ('problem' in found) return found.problem;
  const existing = found.path;
  return (
    (await writableByOsteopad(dir, existing)) ??
    (runAs === null ? null : await reachableByPostgres(existing, dir, runAs)) ??
    (existing === dir ? await clusterFolderUsable(join(dir, 'postgres'), runAs) : null)
  );
}
