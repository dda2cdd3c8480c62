// Creates the cluster on first use. initdb writes into a sibling folder that is renamed into
// place only when it is complete, so a crash during initialisation never leaves half a cluster.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PostgresBinaries } from './postgresBinaries';
import { processExists } from './processTable';
import { POSTGRES_USER, type RunAs } from './postgresUser';

export function isInitialised(clusterDir: string): boolean {
  return existsSync(join(clusterDir, 'PG_VERSION'));
}

function runInitdb(
  binaries: PostgresBinaries,
  args: string[],
  runAs: RunAs | null,
  cwd: string,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(binaries.initdb, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(runAs ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolvePromise();
        return;
      }
      // dataDirCheck.ts catches what file modes forbid; access control lists or a security
      // policy (SELinux, AppArmor) can still refuse PostgreSQL its folder.
      const hint = /permission denied/i.test(output)
        ? ` PostgreSQL (running as ${runAs === null ? 'this user' : `the user "${POSTGRES_USER}"`}) may not use ${cwd} or a folder ` +
          'above it: choose a DATA_DIR that user can reach and write.'
        : '';
      reject(
        new Error(
          `initdb failed (${signal ?? `exit code ${code ?? 'unknown'}`}): ${output.trim().split('\n').slice(-5).join(' ')}${hint}`,
        ),
      );
    });
  });
}

export async function initialiseCluster(options: {
  binaries: PostgresBinaries;
  clusterDir: string;
  superuser: string;
  password: string;
  runAs: RunAs | null;
}): Promise<void> {
  const { clusterDir, runAs } = options;
  if (isInitialised(clusterDir)) return;
  if (existsSync(clusterDir)) {
    const entries = await readdir(clusterDir);
    if (entries.length > 0)
      throw new Error(
        `${clusterDir} is not an empty folder and holds no PostgreSQL cluster (no PG_VERSION). ` +
          'Move it away if it holds nothing you need, or point DATA_DIR at another folder.',
      );
    await rmdir(clusterDir);
  }
  const parent = dirname(clusterDir);
  // Per process, so two processes initialising at once do not write into one folder.
  const prefix = `${basename(clusterDir)}.initdb-`;
  const building = join(parent, `${prefix}${process.pid}`);
  const passwordFile = join(parent, `.initdb-password-${randomBytes(6).toString('hex')}`);
  for (const entry of await readdir(parent)) {
    const pid = Number(entry.slice(prefix.length));
    const leftOver = entry.startsWith(prefix) && (pid === process.pid || !processExists(pid));
    if (leftOver) await rm(join(parent, entry), { recursive: true, force: true });
  }
  await mkdir(building, { mode: 0o700 });
  await writeFile(passwordFile, options.password + '\n', { mode: 0o600 });
  try {
    if (runAs !== null) {
      await chown(building, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    await runInitdb(
      options.binaries,
      [
        `--pgdata=${building}`,
        '--auth=scram-sha-256',
        `--username=${options.superuser}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
      parent,
    );
    try {
      await rename(building, clusterDir);
    } catch (error) {
      // Another process finished initialising first: its cluster is the one.
      if (!isInitialised(clusterDir)) throw error;
      await rm(building, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(passwordFile, { force: true });
  }
}
