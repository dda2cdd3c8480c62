// One postmaster process that this Osteopad process started: spawn it, wait until it accepts
// connections, notice when it exits, stop it (fast shutdown, escalating if it hangs).
import { spawn } from 'node:child_process';
import type { PostgresBinaries } from './postgresBinaries';
import type { RunAs } from './postgresUser';
import { readPostmasterPidFile } from './postmasterPidFile';

export interface PostmasterExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Why a start failed, so the caller can decide: connect to the winner, wait, pick a port, or give up. */
export type StartFailureKind = 'lock-conflict' | 'port-in-use' | 'shared-memory-in-use' | 'other';

export class PostmasterStartError extends Error {
  constructor(
    message: string,
    readonly kind: StartFailureKind,
    readonly output: readonly string[],
  ) {
    super(message);
    this.name = 'PostmasterStartError';
  }
}

export interface Postmaster {
  pid: number;
  port: number;
  /** Settles when the process has exited, whoever stopped it. */
  exited: Promise<PostmasterExit>;
  hasExited: () => boolean;
  /** The last lines PostgreSQL wrote (its log goes nowhere else). */
  recentOutput: () => string[];
  /** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) after `FAST_SHUTDOWN_MS`, SIGKILL last. */
  stop: () => Promise<PostmasterExit>;
}

export interface PostmasterSpec {
  binaries: PostgresBinaries;
  clusterDir: string;
  port: number;
  /** `-c name=value` pairs. */
  settings: readonly string[];
  runAs: RunAs | null;
  /** Ask the kernel to send the postmaster SIGINT (fast shutdown) when this process dies. */
  parentDeathSignal: boolean;
  onOutput?: (line: string) => void;
  /** Called once when start-up is still going after `SLOW_START_MS` (crash recovery takes a while). */
  onSlowStart?: () => void;
}

const OUTPUT_LINES = 40;
const READY_POLL_MS = 100;
const SLOW_START_MS = 10_000;
export const FAST_SHUTDOWN_MS = 60_000;
const IMMEDIATE_SHUTDOWN_MS = 15_000;

export function classifyStartFailure(output: readonly string[]): StartFailureKind {
  const text = output.join('\n');
  if (/lock file ".*postmaster\.pid" already exists/.test(text)) return 'lock-conflict';
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/s.test(text))
    return 'port-in-use';
  if (/pre-existing shared memory block .* is still in use/.test(text)) return 'shared-memory-in-use';
  return 'other';
}

function describeExit(exit: PostmasterExit): string {
  return exit.signal !== null ? `killed by ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
}

/** PostgreSQL's own messages among its output ("FATAL: …"), without the time and pid prefix. */
export function postgresMessages(
  output: readonly string[],
  severities: readonly string[],
  max: number,
): string[] {
  return output
    .map((line) =>
      line
        .replace(/^\S+ \S+ \S+ \[\d+\] /, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => severities.some((severity) => line.startsWith(`${severity}:`)))
    .slice(-max);
}

function startError(spec: PostmasterSpec, exit: PostmasterExit, output: string[]): PostmasterStartError {
  const kind = classifyStartFailure(output);
  const said = postgresMessages(output, ['FATAL', 'PANIC', 'ERROR', 'DETAIL', 'HINT'], 4).join(' ');
  const detail = said === '' ? output.slice(-3).join(' ') || describeExit(exit) : said;
  const messages: Record<StartFailureKind, string> = {
    'lock-conflict': `Another PostgreSQL already runs on ${spec.clusterDir} (${detail}).`,
    'port-in-use': `Port ${spec.port} on 127.0.0.1 is in use by another program, so PostgreSQL cannot listen on it.`,
    'shared-memory-in-use': `Processes of a PostgreSQL that stopped abnormally still use ${spec.clusterDir}; they end by themselves shortly (${detail}).`,
    other: `PostgreSQL did not start (${describeExit(exit)}): ${detail}`,
  };
  return new PostmasterStartError(messages[kind], kind, output);
}

/** Starts a postmaster on `spec.clusterDir` and resolves when it accepts connections. */
export function startPostmaster(spec: PostmasterSpec): Promise<Postmaster> {
  const args = ['-D', spec.clusterDir, '-p', String(spec.port), ...spec.settings];
  const useSetpriv = spec.parentDeathSignal && spec.binaries.setpriv !== null;
  const program = useSetpriv ? (spec.binaries.setpriv ?? '') : spec.binaries.postgres;
  const argv = useSetpriv ? ['--pdeathsig', 'SIGINT', spec.binaries.postgres, ...args] : args;
  // Own session (detached): a Ctrl+C in the terminal reaches Osteopad, which stops its requests
  // first and the database after, instead of PostgreSQL going down under running requests.
  const child = spawn(program, argv, {
    cwd: spec.clusterDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(spec.runAs ?? {}),
  });
  const output: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer): void => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') continue;
      output.push(line);
      if (output.length > OUTPUT_LINES) output.shift();
      spec.onOutput?.(line);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exitInfo: PostmasterExit | null = null;
  const exited = new Promise<PostmasterExit>((resolveExit) => {
    child.on('error', (error) => {
      output.push(`could not run ${program}: ${error.message}`);
      exitInfo ??= { code: null, signal: null };
      resolveExit(exitInfo);
    });
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolveExit(exitInfo);
    });
  });

  const hasExited = (): boolean => exitInfo !== null;

  const stop = async (): Promise<PostmasterExit> => {
    if (exitInfo !== null) return exitInfo;
    const escalate = (signal: NodeJS.Signals, afterMs: number): NodeJS.Timeout =>
      setTimeout(() => {
        if (exitInfo === null) child.kill(signal);
      }, afterMs);
    child.kill('SIGINT');
    const immediate = escalate('SIGQUIT', FAST_SHUTDOWN_MS);
    const kill = escalate('SIGKILL', FAST_SHUTDOWN_MS + IMMEDIATE_SHUTDOWN_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(immediate);
      clearTimeout(kill);
    }
  };

  return new Promise<Postmaster>((resolveStart, rejectStart) => {
    const pid = child.pid;
    const started = Date.now();
    let slowReported = false;
    let timer: NodeJS.Timeout | undefined;
    void exited.then((exit) => {
      clearTimeout(timer);
      rejectStart(startError(spec, exit, output));
    });
    const poll = async (): Promise<void> => {
      if (hasExited() || pid === undefined) return;
      const lock = await readPostmasterPidFile(spec.clusterDir).catch(() => null);
      if (hasExited()) return;
      if (lock?.pid === pid && lock.status === 'ready') {
        resolveStart({
          pid,
          port: spec.port,
          exited,
          hasExited,
          recentOutput: () => [...output],
          stop,
        });
        return;
      }
      if (!slowReported && Date.now() - started > SLOW_START_MS) {
        slowReported = true;
        spec.onSlowStart?.();
      }
      timer = setTimeout(() => void poll(), READY_POLL_MS);
    };
    void poll();
  });
}
