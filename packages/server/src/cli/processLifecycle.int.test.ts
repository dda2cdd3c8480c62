// The `osteopad` process and its embedded PostgreSQL, end to end with real processes: several
// commands on one DATA_DIR, a postmaster killed under a running server, a server killed with
// SIGKILL, an orphaned postmaster, a stale lock file, SIGTERM to the top process. One DATA_DIR for
// the whole file (initialising a cluster takes seconds); the tests run in order and build on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPostmasterPidFile } from '../db/embeddedCluster/postmasterPidFile';
import { inspectProcess } from '../db/embeddedCluster/processTable';
import { postgresRunAs } from '../db/embeddedCluster/postgresUser';
import { fixturePath } from '../../test/fixtureFiles';

const BIN = fileURLToPath(new URL('../../bin/osteopad.mjs', import.meta.url));
const ORPHAN_MAKER = fileURLToPath(new URL('../../test/orphanPostmaster.ts', import.meta.url));
const SLOW = 240_000;

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dataDir: string;
let clusterDir: string;
const started: Running[] = [];

function run(args: string[], env: Record<string, string> = {}): Running {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    COOKIE_SECURE: '0',
    OSTEOPAD_DEMO: '0',
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv.DATABASE_URL; // the embedded PostgreSQL under DATA_DIR is what is tested
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const running = { child, output: () => text, exited };
  started.push(running);
  return running;
}

async function finished(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const r = run(args, env);
  const { code } = await r.exited;
  return { code, output: r.output() };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; the bound only keeps a broken build from hanging the run. */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  boundMs = 120_000,
): Promise<void> {
  const since = Date.now();
  while (!(await check())) {
    if (Date.now() - since > boundMs) throw new Error(`Not within ${boundMs / 1000} s: ${what}`);
    await sleep(200);
  }
}

async function health(port: number): Promise<number | null> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return r.status;
  } catch {
    return null;
  }
}

/**
 * A free port below Linux's ephemeral range (32768–60999) for the HTTP server and the MLLP listener:
 * a port that `listen(0)` handed out and released here could be handed out again to the server's
 * embedded PostgreSQL a moment later.
 */
async function fixedPort(): Promise<number> {
  for (;;) {
    const candidate = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => {
        resolve(false);
      });
      probe.listen(candidate, '127.0.0.1', () =>
        probe.close(() => {
          resolve(true);
        }),
      );
    });
    if (free) return candidate;
  }
}

async function startServer(): Promise<{ server: Running; port: number }> {
  const port = await fixedPort();
  const server = run(['start'], { PORT: String(port) });
  await eventually(
    `the server answers on port ${port}`,
    async () => {
      if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
      return (await health(port)) === 200;
    },
    SLOW - 30_000,
  );
  return { server, port };
}

async function postmasterPid(): Promise<number | null> {
  return (await readPostmasterPidFile(clusterDir))?.pid ?? null;
}

/** A process id that must exist: never 0 or less, which `kill` would take for a whole process group. */
function known(pid: number | null | undefined): number {
  if (pid === null || pid === undefined || pid <= 0) throw new Error('expected a process id');
  return pid;
}

async function runningPostmaster(): Promise<number> {
  return known(await postmasterPid());
}

async function alive(pid: number): Promise<boolean> {
  return (await inspectProcess(pid)).state === 'running';
}

/** Every live process whose command line or working folder is the cluster: postmasters and backends. */
async function postgresProcessesOfCluster(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if ((cmdline.split('\0').includes(clusterDir) || cwd === clusterDir) && (await alive(pid)))
      pids.push(pid);
  }
  return pids;
}

async function descendants(root: number): Promise<number[]> {
  const parent = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const facts = await inspectProcess(Number(entry));
    if (facts.parentPid !== null) parent.set(Number(entry), facts.parentPid);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.shift() ?? 0;
    for (const [pid, ppid] of parent)
      if (ppid === current) {
        found.push(pid);
        queue.push(pid);
      }
  }
  return found;
}

async function ownerQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const lock = await readPostmasterPidFile(clusterDir);
  const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
  const client = new pg.Client({
    host: '127.0.0.1',
    port: lock?.port ?? 0,
    user: 'postgres',
    password,
    database: 'osteopad',
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const count = async (table: string): Promise<number> =>
  (await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'osteopad-lifecycle-'));
  clusterDir = join(dataDir, 'postgres');
});

afterAll(async () => {
  for (const r of started)
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  // Whatever a failed test left behind: stop this cluster's PostgreSQL, never anyone else's.
  const pid = await postmasterPid().catch(() => null);
  if (pid !== null && pid > 0 && (await alive(pid))) process.kill(pid, 'SIGINT');
  await eventually(
    'the test cluster has stopped',
    async () => (await postgresProcessesOfCluster()).length === 0,
    60_000,
  ).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
}, 90_000);

describe('the osteopad process and its embedded PostgreSQL', () => {
  let server: Running;
  let port: number;
  /** Fracture rows after the first test (the demo's and the imported file's): later tests keep them. */
  let fractures = 0;

  it(
    'runs the CLI beside a running server on the same DATA_DIR, on its PostgreSQL, and leaves it running',
    async () => {
      ({ server, port } = await startServer());
      const owner = await postmasterPid();
      expect(owner).not.toBeNull();

      const seed = await finished(['seed']);
      expect(seed.code, seed.output).toBe(0);
      expect(seed.output).toContain('Using the embedded PostgreSQL that is already running');
      const imported = await finished([
        'import',
        fixturePath('csv/valid-utf8-comma.csv'),
        '--format',
        'csv',
        '--json',
        '--quiet',
      ]);
      expect(imported.code, imported.output).toBe(0);
      expect(imported.output).toContain('"imported":6');
      const [org] = await ownerQuery<{ id: string }>(
        "SELECT id FROM organizations WHERE name = 'Ziekenhuis Demostad'",
      );
      const created = await finished(
        [
          'users',
          'create',
          '--org-id',
          org?.id ?? '',
          '--username',
          'lifecycle.admin',
          '--role',
          'admin',
          '--display-name',
          'L',
        ],
        { OSTEOPAD_PASSWORD: 'a-long-enough-password-123' },
      );
      expect(created.code, created.output).toBe(0);

      const mllpPort = await fixedPort();
      const mllp = run(['mllp', '--port', String(mllpPort)]);
      await eventually('the MLLP listener listens', () => mllp.output().includes('Listening for HL7 v2'));
      mllp.child.kill('SIGTERM');
      expect(await mllp.exited).toEqual({ code: 0, signal: null });

      // The same postmaster throughout: no second one was started, and none of them stopped it.
      expect(await postmasterPid()).toBe(owner);
      expect(await alive(known(owner))).toBe(true);
      expect(await health(port)).toBe(200);
      expect(await count("users WHERE username = 'lifecycle.admin'")).toBe(1);
      fractures = await count('fracture_events');
      expect(fractures).toBeGreaterThanOrEqual(6);
    },
    SLOW,
  );

  it(
    'starts the postmaster again when it is killed while the server runs',
    async () => {
      const before = await runningPostmaster();
      process.kill(before, 'SIGKILL');
      // The supervisor says so once the new postmaster answers; health may see it answer a moment earlier.
      await eventually(
        'a new postmaster runs, the server says so, and /api/health is 200 again',
        async () => {
          const now = await postmasterPid();
          return (
            now !== null &&
            now !== before &&
            /The embedded PostgreSQL is running again/.test(server.output()) &&
            (await health(port)) === 200
          );
        },
      );
      expect(server.output()).toMatch(/The embedded PostgreSQL \(pid \d+\) was killed by SIGKILL/);
      expect(server.output()).toMatch(/The embedded PostgreSQL is running again \(pid \d+, port \d+\)/);
      expect(await count('fracture_events')).toBe(fractures);
    },
    SLOW,
  );

  it(
    'comes up again after the server was killed with SIGKILL, with its data',
    async () => {
      server.child.kill('SIGKILL');
      await server.exited;
      ({ server, port } = await startServer());
      expect(await count("users WHERE username = 'lifecycle.admin'")).toBe(1);
      expect(await count('fracture_events')).toBe(fractures);
    },
    SLOW,
  );

  it(
    'tells a command that was using the server’s database plainly that the server stopped it',
    async () => {
      const [org] = await ownerQuery<{ id: string }>(
        "SELECT id FROM organizations WHERE name = 'Ziekenhuis Demostad'",
      );
      // Hold the organisation's import lock, so the import below waits inside its transaction.
      const lock = await readPostmasterPidFile(clusterDir);
      const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
      const holder = new pg.Client({
        host: '127.0.0.1',
        port: lock?.port ?? 0,
        user: 'postgres',
        password,
        database: 'osteopad',
      });
      holder.on('error', () => undefined);
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
        `osteopad-import:${org?.id ?? ''}`,
      ]);
      const importing = run([
        'import',
        fixturePath('csv/valid-utf8-comma.csv'),
        '--format',
        'csv',
        '--quiet',
      ]);
      await eventually('the import waits for the lock', async () => {
        const rows = await ownerQuery(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'",
        );
        return rows.length > 0;
      });
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const result = await importing.exited;
      await holder.end().catch(() => undefined);
      expect(result.code).toBe(1);
      expect(importing.output()).toContain('was stopped while this command ran');
      expect(importing.output()).toContain('(osteopad start)');
      expect(importing.output()).not.toMatch(/^undefined$/m);
      ({ server, port } = await startServer());
      expect(await count('fracture_events')).toBe(fractures);
    },
    SLOW,
  );

  it(
    'stops and replaces a postmaster that a dead Osteopad process left running',
    async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      const maker = spawn(process.execPath, ['--import', 'tsx', ORPHAN_MAKER, dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let said = '';
      maker.stdout.on('data', (d: Buffer) => (said += d.toString()));
      maker.stderr.on('data', (d: Buffer) => (said += d.toString()));
      await eventually(
        'the orphan maker has started PostgreSQL',
        () => said.includes('ready'),
        SLOW - 60_000,
      );
      const orphan = await runningPostmaster();
      maker.kill('SIGKILL');
      await new Promise((resolve) => maker.on('exit', resolve));
      expect(await alive(orphan)).toBe(true); // left running, as after a crash

      ({ server, port } = await startServer());
      expect(server.output()).toContain(
        `The embedded PostgreSQL (pid ${orphan}) was left running by Osteopad process`,
      );
      expect(await alive(orphan)).toBe(false);
      expect(await postmasterPid()).not.toBe(orphan);
      expect(await count("users WHERE username = 'lifecycle.admin'")).toBe(1);
    },
    SLOW,
  );

  it(
    'stops its whole process tree and its PostgreSQL on SIGTERM to the top process, exit code 0',
    async () => {
      const tree = await descendants(known(server.child.pid));
      const postmaster = await runningPostmaster();
      expect(tree).toContain(postmaster);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      await eventually(
        'no process of the tree is left',
        async () => {
          const left = await Promise.all(tree.map(alive));
          return !left.includes(true);
        },
        60_000,
      );
      expect(await postgresProcessesOfCluster()).toEqual([]);
      expect(existsSync(join(clusterDir, 'postmaster.pid'))).toBe(false);
      expect(existsSync(join(dataDir, 'postgres-owner.json'))).toBe(false);
    },
    SLOW,
  );

  it(
    'clears a lock file that names a live process which is not PostgreSQL, and starts',
    async () => {
      // Run as the user PostgreSQL runs as: a live process PostgreSQL itself may signal, which it
      // would take for the postmaster holding the lock ("lock file already exists").
      const runAs = await postgresRunAs();
      const unrelated = spawn('sleep', ['600'], { stdio: 'ignore', ...(runAs ?? {}) });
      started.push({ child: unrelated, output: () => '', exited: new Promise(() => undefined) });
      const pid = known(unrelated.pid);
      await writeFile(
        join(clusterDir, 'postmaster.pid'),
        `${pid}\n${clusterDir}\n1700000000\n5432\n\n127.0.0.1\n  1 2\nready   \n`,
      );
      ({ server, port } = await startServer());
      expect(server.output()).toContain(`process ${pid} that it names is not a PostgreSQL of this cluster`);
      unrelated.kill('SIGKILL');
      expect(await count('fracture_events')).toBe(fractures);
    },
    SLOW,
  );

  it(
    'lets an MLLP listener attached to the server take the database over when the server stops',
    async () => {
      const mllp = run(['mllp', '--port', String(await fixedPort())]);
      await eventually('the MLLP listener listens', () => mllp.output().includes('Listening for HL7 v2'));
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      await eventually('the listener runs the database now', () =>
        mllp.output().includes('is running again'),
      );
      const owner = JSON.parse(await readFile(join(dataDir, 'postgres-owner.json'), 'utf8')) as {
        ownerPid: number;
      };
      expect(owner.ownerPid).toBe(mllp.child.pid);
      expect(await count('fracture_events')).toBe(fractures);
      mllp.child.kill('SIGTERM');
      expect(await mllp.exited).toEqual({ code: 0, signal: null });
      expect(await postgresProcessesOfCluster()).toEqual([]);
    },
    SLOW,
  );

  it(
    'says plainly why it cannot start, never just "undefined"',
    async () => {
      const broken = await mkdtemp(join(tmpdir(), 'osteopad-lifecycle-broken-'));
      try {
        await chmod(broken, 0o711);
        await mkdir(join(broken, 'postgres'));
        await writeFile(join(broken, 'postgres', 'notes.txt'), 'not a cluster');
        const r = await finished(['start'], { DATA_DIR: broken, PORT: String(await fixedPort()) });
        expect(r.code).toBe(1);
        expect(r.output).toContain('holds no PostgreSQL cluster');
        expect(r.output).not.toMatch(/^undefined$/m);
      } finally {
        await rm(broken, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
