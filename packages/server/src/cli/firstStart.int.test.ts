// The first start as a person sees it, with the real `osteopad start` process: it says which Node.js
// it runs on, ends its start-up message with the URL and the demo logins, and requests do not
// scroll that away (they go to DATA_DIR/logs/requests.log unless LOG_LEVEL asks for them). A
// DATA_DIR that the database cannot use stops it with one sentence, before anything is created.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIRED_NODE_MAJOR } from '../../bin/nodeRuntime.mjs';

const BIN = fileURLToPath(new URL('../../bin/osteopad.mjs', import.meta.url));
const SLOW = 240_000;
const isRoot = process.getuid?.() === 0;

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const started: Running[] = [];
const folders: string[] = [];

/** `osteopad …args` as a user starts it: no LOG_LEVEL, no REQUEST_LOG, the embedded database. */
function osteopad(args: string[], env: Record<string, string>, user?: { uid: number; gid: number }): Running {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, COOKIE_SECURE: '0', ...env };
  for (const name of ['DATABASE_URL', 'LOG_LEVEL', 'REQUEST_LOG', 'OSTEOPAD_STOP_WITH_PARENT'])
    if (!(name in env)) Reflect.deleteProperty(childEnv, name);
  const child = spawn(process.execPath, [BIN, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(user ?? {}),
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  const running = { child, stdout: () => out, stderr: () => err, exited };
  started.push(running);
  return running;
}

async function folder(prefix: string): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), prefix));
  folders.push(made);
  return made;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; the bound only keeps a broken build from hanging the run. */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  boundMs = 180_000,
): Promise<void> {
  const since = Date.now();
  while (!(await check())) {
    if (Date.now() - since > boundMs) throw new Error(`Not within ${boundMs / 1000} s: ${what}`);
    await sleep(200);
  }
}

/** A free port below Linux's ephemeral range, so the embedded PostgreSQL is not handed it too. */
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

async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ server: Running; url: string }> {
  const port = await fixedPort();
  const server = osteopad(['start'], { DATA_DIR: dataDir, PORT: String(port), OSTEOPAD_DEMO: '1', ...env });
  await eventually('the start-up message ends', () => {
    if (server.child.exitCode !== null)
      throw new Error(`the server exited:\n${server.stdout()}${server.stderr()}`);
    return server.stdout().includes('Press Ctrl+C to stop.');
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

async function stop(server: Running): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** A few requests of the kinds a first visit makes (the built web app may not be there: not asked for). */
async function visit(url: string): Promise<void> {
  expect((await fetch(`${url}/api/health`)).status).toBe(200);
  expect((await fetch(`${url}/api/health`)).status).toBe(200);
  expect((await fetch(`${url}/api/auth/session`)).status).toBe(401);
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
  });
  expect(login.status).toBe(401);
}

interface LogLine {
  msg: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
}

async function requestLog(dataDir: string): Promise<LogLine[]> {
  const file = join(dataDir, 'logs', 'requests.log');
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LogLine);
}

const completed = (lines: LogLine[]): number => lines.filter((l) => l.msg === 'request completed').length;
const REQUEST_LINE = /incoming request|request completed|"reqId"/;

afterAll(async () => {
  for (const r of started)
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
  await Promise.all(started.map((r) => r.exited));
  for (const made of folders) {
    await chmod(made, 0o700).catch(() => undefined);
    await rm(made, { recursive: true, force: true });
  }
}, SLOW);

describe('the first start', () => {
  let dataDir: string;

  it(
    'names its Node.js, ends with the URL and the demo logins, and keeps requests in the request log',
    async () => {
      dataDir = await folder('osteopad-first-start-');
      const { server, url } = await startServer(dataDir);
      await visit(url);
      // Each line goes to the console (if at all) before it goes to the file: once the file has all
      // four requests, the console has had every chance to show them.
      await eventually(
        'the four requests are in the request log',
        async () => completed(await requestLog(dataDir)) >= 4,
      );
      expect(await stop(server)).toBe(0);

      const lines = server.stdout().split('\n');
      const runtime = /^Starting Osteopad on Node\.js v(\d+)\.\d+\.\d+ \((.+)\)\.$/.exec(lines[0] ?? '');
      expect(runtime, lines[0]).not.toBeNull();
      expect(Number(runtime?.[1])).toBeGreaterThanOrEqual(REQUIRED_NODE_MAJOR);
      expect(runtime?.[2]).toBe(process.execPath);

      const running = lines.findIndex((l) => l.startsWith('Osteopad is running at '));
      const logins = lines.findIndex((l) => l.startsWith('  Demo logins'));
      expect(running).toBeGreaterThan(0);
      expect(logins).toBeGreaterThan(running);
      expect(lines.slice(logins + 1, logins + 7).map((l) => l.trim().split(/\s+/)[0])).toEqual([
        'admin',
        'specialist',
        'nurse',
        'secretary',
        'quality',
        'patient',
      ]);
      expect(lines).toContain(
        `  request log: ${join(dataDir, 'logs', 'requests.log')} (LOG_LEVEL=info shows requests here too)`,
      );
      // after the logins: the demo patient's unused portal code, the portal accounts of the patient with
      // results (demoPortalResults.ts) and of the one answering the questionnaire (demoPortalIntake.ts),
      // the closing line, and what stopping says
      expect(lines.slice(logins + 7).filter((l) => l.trim() !== '')).toEqual([
        expect.stringMatching(
          /^ {4}portal activation \(\/portal\/activate\): code [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}, date of birth \d{4}-\d{2}-\d{2} \(.+\)$/,
        ),
        expect.stringMatching(/^ {4}patient +patient\.uitslagen +\S+$/),
        expect.stringMatching(/^ {4}patient +patient\.vragenlijst +\S+$/),
        'Press Ctrl+C to stop.',
        'SIGTERM: stopping Osteopad…',
      ]);
      expect(server.stdout()).not.toMatch(REQUEST_LINE);
      expect(server.stderr()).not.toMatch(REQUEST_LINE);

      const log = await requestLog(dataDir);
      const requests = log
        .filter((l) => l.msg === 'incoming request')
        .map((l) => `${l.req?.method} ${l.req?.url}`);
      expect(requests).toEqual([
        'GET /api/health',
        'GET /api/health',
        'GET /api/auth/session',
        'POST /api/auth/login',
      ]);
      expect(log.filter((l) => l.msg === 'request completed').map((l) => l.res?.statusCode)).toEqual([
        200, 200, 401, 401,
      ]);
      const text = await readFile(join(dataDir, 'logs', 'requests.log'), 'utf8');
      expect(text).not.toContain('not-the-password');
      expect((await stat(join(dataDir, 'logs', 'requests.log'))).mode & 0o777).toBe(0o600);
    },
    SLOW,
  );

  it(
    'shows the requests on the console as well with LOG_LEVEL=info',
    async () => {
      const before = completed(await requestLog(dataDir));
      const { server, url } = await startServer(dataDir, { LOG_LEVEL: 'info' });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      await eventually(
        'the request is in the request log',
        async () => completed(await requestLog(dataDir)) > before,
      );
      expect(await stop(server)).toBe(0);
      expect(server.stdout()).toContain(
        `  request log: ${join(dataDir, 'logs', 'requests.log')}, and on this console (LOG_LEVEL=info)`,
      );
      const shown = server
        .stdout()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine);
      expect(shown.filter((l) => l.msg === 'request completed').map((l) => l.res?.statusCode)).toEqual([200]);
    },
    SLOW,
  );
});

describe('a DATA_DIR the database cannot use', () => {
  /** Runs `osteopad start` on `dataDir`; it must stop at once with exactly `message` on stderr. */
  async function refused(
    dataDir: string,
    message: string,
    user?: { uid: number; gid: number },
  ): Promise<void> {
    const run = osteopad(['start'], { DATA_DIR: dataDir, PORT: String(await fixedPort()) }, user);
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim()).toBe(message);
    expect(run.stdout().trim().split('\n')).toHaveLength(1); // "Starting Osteopad on Node.js …"
  }

  it(
    'a file instead of a folder',
    async () => {
      const base = await folder('osteopad-datadir-file-');
      const file = join(base, 'data');
      await writeFile(file, 'not a folder');
      await refused(
        file,
        `Osteopad cannot keep its database in DATA_DIR ${file}: ${file} is a file, not a folder. Point DATA_DIR at a folder (one that does not exist yet is created).`,
      );
      expect(await readFile(file, 'utf8')).toBe('not a folder');
    },
    SLOW,
  );

  it.skipIf(!isRoot)(
    'as root, a folder inside a private temporary folder that the postgres user may not enter',
    async () => {
      const privateTmp = await folder('osteopad-datadir-private-'); // mkdtemp: mode 700, owned by root
      const dataDir = join(privateTmp, 'data');
      await refused(
        dataDir,
        `Osteopad cannot keep its database in DATA_DIR ${dataDir}: ${privateTmp} may not be entered by the user "postgres", ` +
          'which runs the embedded PostgreSQL here because PostgreSQL refuses to run as root. ' +
          `Choose a DATA_DIR that "postgres" can reach (for example under /var/lib or /srv), or let it pass: chmod o+x ${privateTmp}`,
      );
      expect(await readdir(privateTmp)).toEqual([]); // nothing was created
      expect((await stat(privateTmp)).mode & 0o777).toBe(0o700); // nor changed
    },
    SLOW,
  );

  it.skipIf(!isRoot)(
    'as root under umask 077, the folders created for DATA_DIR are opened up for the postgres user',
    async () => {
      const base = await folder('osteopad-datadir-umask-');
      await chmod(base, 0o755);
      const dataDir = join(base, 'created', 'data');
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, OSTEOPAD_DEMO: '0' };
      Reflect.deleteProperty(env, 'DATABASE_URL');
      // `migrate` initialises the cluster (initdb as postgres, inside the folders created here)
      const run = spawnSync('sh', ['-c', 'umask 077 && exec "$0" "$1" migrate', process.execPath, BIN], {
        env,
        encoding: 'utf8',
        timeout: SLOW,
      });
      expect(run.stderr).not.toContain('cannot keep its database');
      expect(run.status, run.stderr).toBe(0);
      expect((await stat(join(base, 'created'))).mode & 0o777).toBe(0o711);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o711);
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    },
    SLOW,
  );

  it(
    'a folder that the user Osteopad runs as may not write',
    async () => {
      const base = await folder('osteopad-datadir-readonly-');
      await chmod(base, 0o755);
      const readOnly = join(base, 'read-only');
      await mkdir(readOnly);
      await chmod(readOnly, 0o555);
      const dataDir = join(readOnly, 'data');
      // root may write anywhere: the command runs as nobody then, as an ordinary user would
      const user = isRoot ? { uid: 65534, gid: 65534 } : undefined;
      const run = osteopad(['start'], { DATA_DIR: dataDir, PORT: String(await fixedPort()) }, user);
      expect(await run.exited).toBe(1);
      const message = run.stderr().trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toMatch(
        new RegExp(
          `^Osteopad cannot keep its database in DATA_DIR ${dataDir}: ${readOnly} may not be written by the user Osteopad runs as \\("[^"]+"\\)\\. `,
        ),
      );
      expect(message).toContain(`or create this one for it: mkdir -p ${dataDir} && chown `);
      expect(await readdir(readOnly)).toEqual([]);
    },
    SLOW,
  );
});
