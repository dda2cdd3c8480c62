// PostgreSQL's own CPU time during a benchmark: the cluster's processes read from Linux /proc, so a figure
// on the shared machine says what the database spent, apart from what the other engineers' runs took.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ticks (user + system) per PostgreSQL process of the cluster under `workDir` (Linux /proc). */
function postgresCpuTicks(workDir: string): Map<string, number> {
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return ''; // the process ended meanwhile
    }
  };
  const statFields = (pid: string): string[] => read(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? [];
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const fields = statFields(pid);
    // The postmaster names the cluster's folder; its backends and helpers are its children.
    const ours =
      read(`/proc/${pid}/cmdline`).includes(workDir) ||
      read(`/proc/${fields[1] ?? ''}/cmdline`).includes(workDir);
    if (ours) ticks.set(pid, Number(fields[11] ?? 0) + Number(fields[12] ?? 0));
  }
  return ticks;
}

/** Starts counting PostgreSQL CPU; the function it returns gives the seconds since (per process, so a
 * connection that closes meanwhile does not make the count go backwards). */
export function postgresCpuSince(workDir: string): () => number {
  const before = postgresCpuTicks(workDir);
  return () => {
    let ticks = 0;
    for (const [pid, now] of postgresCpuTicks(workDir)) ticks += now - (before.get(pid) ?? 0);
    return ticks / 100; // USER_HZ
  };
}
