// What the operating system knows about a process: alive or not, its parent, its command line.
// Linux answers from /proc; elsewhere (macOS) `ps` does.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ProcessState = 'running' | 'zombie' | 'absent';

export interface ProcessFacts {
  state: ProcessState;
  /** Null when the process is absent or its parent could not be read. */
  parentPid: number | null;
  /** The argument vector, or null when it could not be read (absent, or hidden from us). */
  argv: string[] | null;
}

const ABSENT: ProcessFacts = { state: 'absent', parentPid: null, argv: null };
const HAS_PROC = existsSync('/proc/self/stat');

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** `kill(pid, 0)`: does a process with this id exist at all (EPERM: it exists but is not ours)? */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Parses `/proc/<pid>/stat`: the command name is in parentheses and may itself contain them. */
export function parseProcStat(text: string): { state: string; parentPid: number } | null {
  const close = text.lastIndexOf(')');
  if (close < 0) return null;
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const state = fields[0];
  const parentPid = Number(fields[1]);
  if (state === undefined || !Number.isInteger(parentPid)) return null;
  return { state, parentPid };
}

async function fromProc(pid: number): Promise<ProcessFacts> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return ABSENT;
  }
  const parsed = parseProcStat(stat);
  if (parsed === null) return ABSENT;
  // X (dead) is transient; Z is a zombie: exited but not yet reaped by its parent.
  if (parsed.state === 'Z' || parsed.state === 'X')
    return { state: 'zombie', parentPid: parsed.parentPid, argv: null };
  let argv: string[] | null;
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    argv = (raw.endsWith('\0') ? raw.slice(0, -1) : raw).split('\0');
  } catch {
    argv = null;
  }
  return { state: 'running', parentPid: parsed.parentPid, argv };
}

function fromPs(pid: number): Promise<ProcessFacts> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'stat=', '-o', 'ppid=', '-o', 'args=', '-p', String(pid)], (error, stdout) => {
      const line = stdout.trim();
      if (error !== null || line === '') {
        resolve(processExists(pid) ? { state: 'running', parentPid: null, argv: null } : ABSENT);
        return;
      }
      const [stat = '', ppid = '', ...args] = line.split(/\s+/);
      const parentPid = Number(ppid);
      resolve({
        state: stat.startsWith('Z') ? 'zombie' : 'running',
        parentPid: Number.isInteger(parentPid) ? parentPid : null,
        // `ps` joins the arguments with spaces: paths with spaces cannot be told apart here.
        argv: args.length > 0 ? args : null,
      });
    });
  });
}

export function inspectProcess(pid: number): Promise<ProcessFacts> {
  return HAS_PROC ? fromProc(pid) : fromPs(pid);
}
