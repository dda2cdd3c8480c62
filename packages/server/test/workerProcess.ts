// Runs `osteopad worker` (bin/osteopad.mjs) as a child process against a test database, for the tests that
// kill it with SIGKILL mid-work and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { OSTEOPAD_BIN } from './osteopadProcess';

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<void>;
}

/** `osteopad worker` on the database `ownerUrl`, with `env` on top of this process's environment. */
export function startWorkerProcess(ownerUrl: string, env: Readonly<Record<string, string>>): WorkerProcess {
  const child = spawn(process.execPath, [OSTEOPAD_BIN, 'worker'], {
    env: { ...process.env, DATABASE_URL: ownerUrl, OSTEOPAD_DEMO: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      resolve();
    }),
  );
  return { child, output: () => text, exited };
}

/** Polls `condition` every 20 ms until it holds; fails after `timeoutMs` naming `what`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
