// Where a provider's client secret lives: never in the repository or the database. The configuration
// names it — `env:NAME` (an environment variable of the server) or `file:/absolute/path` (a file only the
// server's user can read, e.g. a mounted secret) — and it is read when a sign-in needs it.
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/** The secret the reference names, or null when it is not there (unset, empty or unreadable). */
export function readClientSecret(ref: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (ref.startsWith('env:')) {
    const value = env[ref.slice('env:'.length)];
    return value === undefined || value.trim() === '' ? null : value.trim();
  }
  if (ref.startsWith('file:')) {
    const path = ref.slice('file:'.length);
    if (!isAbsolute(path)) return null;
    try {
      const value = readFileSync(path, 'utf8').trim();
      return value === '' ? null : value;
    } catch {
      return null;
    }
  }
  return null;
}
