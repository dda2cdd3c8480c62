// The DATA_DIR check on real folders. A PostgreSQL user that is not this process's is given by
// its numbers (as Osteopad does as root), so the checks of file modes run as any user.
import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirUnusable, findDataDirProblem } from './dataDirCheck';
import type { RunAs } from './postgresUser';

const isRoot = process.getuid?.() === 0;
/** A user and group that own none of the test's folders (nobody/nogroup on Debian). */
const OTHER: RunAs = { uid: 65534, gid: 65534 };

let base: string;
const links: string[] = [];
beforeEach(async () => {
  // mkdtemp makes the folder mode 700: private to this process's user, like a private temp folder
  base = await mkdtemp(join(tmpdir(), 'osteopad-datadir-'));
});
afterEach(async () => {
  await chmod(base, 0o700);
  await rm(base, { recursive: true, force: true });
  for (const link of links.splice(0)) await rm(link, { force: true });
});

describe('findDataDirProblem', () => {
  it('accepts a folder that does not exist yet under one it may write, and changes nothing', async () => {
    expect(await findDataDirProblem(join(base, 'data', 'deeper'), null)).toBeNull();
    expect(await readdir(base)).toEqual([]);
    expect((await stat(base)).mode & 0o777).toBe(0o700);
  });

  it('names a file given as DATA_DIR', async () => {
    const file = join(base, 'data');
    await writeFile(file, '');
    expect(await findDataDirProblem(file, null)).toEqual({
      path: file,
      reason: 'is a file, not a folder',
      fix: 'Point DATA_DIR at a folder (one that does not exist yet is created).',
    });
  });

  it('names the file on the way to DATA_DIR', async () => {
    const file = join(base, 'a-file');
    await writeFile(file, '');
    const problem = await findDataDirProblem(join(file, 'data', 'more'), null);
    expect(problem?.path).toBe(file);
    expect(problem?.reason).toBe('is a file, not a folder');
    expect(problem?.fix).toBe(`Point DATA_DIR at a folder that is not inside ${file}.`);
  });

  it('names DATA_DIR/postgres when it is a file', async () => {
    await writeFile(join(base, 'postgres'), '');
    const problem = await findDataDirProblem(base, null);
    expect(problem?.path).toBe(join(base, 'postgres'));
    expect(problem?.reason).toContain('is not a folder');
  });

  it('names the private folder that the PostgreSQL user may not enter, with the fix', async () => {
    const dataDir = join(base, 'data');
    expect(await findDataDirProblem(dataDir, OTHER)).toEqual({
      path: base,
      reason:
        'may not be entered by the user "postgres", which runs the embedded PostgreSQL here because PostgreSQL refuses to run as root',
      fix: `Choose a DATA_DIR that "postgres" can reach (for example under /var/lib or /srv), or let it pass: chmod o+x ${base}`,
    });
    await chmod(base, 0o711);
    expect(await findDataDirProblem(dataDir, OTHER)).toBeNull();
  });

  it('accepts a private DATA_DIR itself (it is opened up for PostgreSQL), but not a private folder above it', async () => {
    expect(await findDataDirProblem(base, OTHER)).toBeNull();
    const inner = join(base, 'inner');
    await mkdir(inner);
    expect((await findDataDirProblem(inner, OTHER))?.path).toBe(base);
  });

  it('follows a symbolic link to the folders that must let PostgreSQL through', async () => {
    const target = join(base, 'target');
    await mkdir(target);
    const link = join(tmpdir(), `osteopad-datadir-link-${process.pid}-${Date.now()}`);
    await symlink(target, link);
    links.push(link);
    expect((await findDataDirProblem(link, OTHER))?.path).toBe(base);
    expect((await findDataDirProblem(join(link, 'data'), OTHER))?.path).toBe(base);
  });

  it.skipIf(isRoot)('names a folder this user may not write (as root only a read-only disk is)', async () => {
    const readOnly = join(base, 'read-only');
    await mkdir(readOnly, { mode: 0o555 });
    const problem = await findDataDirProblem(join(readOnly, 'data'), null);
    expect(problem?.path).toBe(readOnly);
    expect(problem?.reason).toMatch(/^may not be written by the user Osteopad runs as/);
    expect(problem?.fix).toContain(`mkdir -p ${join(readOnly, 'data')} && chown`);
  });

  it.skipIf(!isRoot)(
    'names a cluster folder that belongs to another user than the PostgreSQL user',
    async () => {
      const cluster = join(base, 'postgres');
      await mkdir(cluster);
      await writeFile(join(cluster, 'PG_VERSION'), '18\n');
      await chmod(base, 0o711);
      await chown(cluster, OTHER.uid, OTHER.gid);
      const postgres: RunAs = { uid: OTHER.uid + 1, gid: OTHER.gid };
      const problem = await findDataDirProblem(base, postgres);
      expect(problem?.path).toBe(cluster);
      expect(problem?.reason).toMatch(/^belongs to the user "[^"]+", but PostgreSQL runs as "[^"]+" here/);
      expect(problem?.fix).toContain(`chown -R postgres: ${cluster}`);
      expect(await findDataDirProblem(base, OTHER)).toBeNull();
    },
  );
});

describe('DataDirUnusable', () => {
  it('is one sentence: the DATA_DIR, the folder, why, and what to do', () => {
    const error = new DataDirUnusable('/srv/x/data', {
      path: '/srv/x',
      reason: 'is a file, not a folder',
      fix: 'Point DATA_DIR at a folder that is not inside /srv/x.',
    });
    expect(error.message).toBe(
      'Osteopad cannot keep its database in DATA_DIR /srv/x/data: /srv/x is a file, not a folder. Point DATA_DIR at a folder that is not inside /srv/x.',
    );
  });
});
