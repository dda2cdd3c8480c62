// PostgreSQL refuses to run as root. Started as root, Osteopad runs it as the `postgres` system
// user (created when missing), which must then be able to reach the cluster folder (dataDirCheck.ts).
import { execFile } from 'node:child_process';

export interface RunAs {
  uid: number;
  gid: number;
}

export const POSTGRES_USER = 'postgres';

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(program, args, (error, stdout, stderr) => {
      if (error === null) resolvePromise(stdout.trim());
      else
        reject(
          new Error(`${program} ${args.join(' ')}: ${stderr.trim() || error.message}`, { cause: error }),
        );
    });
  });
}

async function lookUp(): Promise<RunAs | null> {
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', POSTGRES_USER]),
      run('id', ['-g', POSTGRES_USER]),
    ]);
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** Null when not root (PostgreSQL then runs as the current user). */
export async function postgresRunAs(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const known = await lookUp();
  if (known !== null) return known;
  try {
    const groupExists = await run('getent', ['group', POSTGRES_USER]).then(
      () => true,
      () => false,
    );
    if (!groupExists) await run('groupadd', ['--system', POSTGRES_USER]);
    await run('useradd', [
      '--system',
      '--gid',
      POSTGRES_USER,
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      POSTGRES_USER,
    ]);
  } catch (error) {
    throw new Error(
      `Osteopad runs as root, so its embedded PostgreSQL must run as the system user "${POSTGRES_USER}", ` +
        `which does not exist and could not be created (${error instanceof Error ? error.message : String(error)}). ` +
        `Create it (useradd --system ${POSTGRES_USER}) or run Osteopad as an ordinary user.`,
      { cause: error },
    );
  }
  const created = await lookUp();
  if (created === null) throw new Error(`The user "${POSTGRES_USER}" was created but cannot be looked up.`);
  return created;
}
