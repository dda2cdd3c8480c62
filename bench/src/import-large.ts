// `npm run bench -- import-large`: a 1,000,000-row CSV through the real CLI (`osteopad import`, with
// its progress bar) against a fresh embedded PostgreSQL; records wall time and the CLI process's peak
// memory (maximum resident set size, from /usr/bin/time -f %M or process.resourceUsage of the child).
// Budget: under 1 GB.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchDatabase, writeCsv } from './_importHarness';

const ROWS = Number(process.env.BENCH_LARGE_ROWS ?? 1_000_000);
const CLI = fileURLToPath(new URL('../../packages/server/src/cli/main.ts', import.meta.url));

/** Runs the CLI under GNU time when present (peak RSS in kB on stderr's last line). */
function runCli(
  file: string,
  databaseUrl: string,
): Promise<{ code: number; seconds: number; peakRssKb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const command = [process.execPath, '--import', 'tsx', CLI, 'import', file, '--format', 'csv', '--json'];
    // GNU time (Debian package `time`) reports the child's peak memory; without it the figure is -1.
    const timed = existsSync('/usr/bin/time')
      ? ['/usr/bin/time', '-f', 'PEAK_RSS_KB=%M', ...command]
      : command;
    const child = spawn(timed[0] ?? process.execPath, timed.slice(1), {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const match = /PEAK_RSS_KB=(\d+)/.exec(stderr);
      resolve({ code: code ?? -1, seconds, peakRssKb: match === null ? -1 : Number(match[1]), stdout });
    });
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const bench = await openBenchDatabase();
  try {
    const file = join(bench.workDir, 'fractures-large.csv');
    await writeCsv(file, ROWS);
    const bytes = (await stat(file)).size;
    const result = await runCli(file, bench.ownerUrl);
    if (result.code !== 0)
      throw new Error(`import exited with ${result.code}: ${result.stdout.slice(0, 500)}`);
    const summary = JSON.parse(result.stdout) as { rows: number; imported: number };
    const peakRssMb = Math.round(result.peakRssKb / 1024);
    return {
      rows: summary.rows,
      imported: summary.imported,
      fileBytes: bytes,
      seconds: Number(result.seconds.toFixed(1)),
      rowsPerSecond: Math.round(summary.rows / result.seconds),
      peakRssMb,
      budget: { peakRssMb: 1024 },
      withinBudget: peakRssMb > 0 && peakRssMb < 1024,
      note: 'peak resident memory of the `osteopad import` process (GNU time %M); PostgreSQL is a separate process',
    };
  } finally {
    await bench.close();
  }
}
