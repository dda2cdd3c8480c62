import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotatingLogFile } from './rotatingLogFile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'osteopad-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (n: number): string => `${JSON.stringify({ n, msg: 'x'.repeat(40) })}\n`;
const noErrors = (message: string): void => {
  throw new Error(`unexpected: ${message}`);
};

describe('RotatingLogFile', () => {
  it('creates its folder (700) and file (600) and appends every line in order', async () => {
    const path = join(dir, 'logs', 'nested', 'requests.log');
    const log = RotatingLogFile.open({ path, maxBytes: 1_000_000, keep: 2, onError: noErrors });
    for (let n = 0; n < 1000; n++) log.write(line(n));
    await log.close();
    const text = await readFile(path, 'utf8');
    expect(text).toBe(Array.from({ length: 1000 }, (_, n) => line(n)).join(''));
    expect((await stat(join(dir, 'logs', 'nested'))).mode & 0o777).toBe(0o700);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('appends to a file that is already there', async () => {
    const path = join(dir, 'requests.log');
    await writeFile(path, 'earlier\n');
    const log = RotatingLogFile.open({ path, maxBytes: 1_000_000, keep: 2, onError: noErrors });
    log.write(line(1));
    await log.close();
    expect(await readFile(path, 'utf8')).toBe(`earlier\n${line(1)}`);
  });

  it('rotates at maxBytes and keeps only `keep` older files, newest first', async () => {
    const path = join(dir, 'requests.log');
    const size = line(0).length;
    // one line per opening, so that every rotation point is reached exactly
    for (let n = 0; n < 45; n++) {
      const log = RotatingLogFile.open({ path, maxBytes: size * 10, keep: 2, onError: noErrors });
      log.write(line(n));
      await log.close();
    }
    const lines = async (file: string): Promise<number[]> =>
      (await readFile(file, 'utf8'))
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(await lines(path)).toEqual([40, 41, 42, 43, 44]);
    expect(await lines(`${path}.1`)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    expect(await lines(`${path}.2`)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(existsSync(`${path}.3`)).toBe(false);
  });

  it('refuses a path it cannot open with a sentence naming the file and the way out', async () => {
    await writeFile(join(dir, 'a-file'), '');
    const path = join(dir, 'a-file', 'requests.log');
    expect(() => RotatingLogFile.open({ path, maxBytes: 1000, keep: 1, onError: noErrors })).toThrow(
      `Cannot open the request log ${path} (`,
    );
    expect(() => RotatingLogFile.open({ path, maxBytes: 1000, keep: 1, onError: noErrors })).toThrow(
      'or REQUEST_LOG=off to keep no request log.',
    );
  });

  it.skipIf(!existsSync('/dev/full'))(
    'says once, plainly, when the disk is full, and goes on without it',
    async () => {
      const errors: string[] = [];
      const log = RotatingLogFile.open({
        path: '/dev/full',
        maxBytes: 1_000_000,
        keep: 0,
        onError: (message) => errors.push(message),
      });
      log.write(line(1));
      log.write(line(2));
      await log.close();
      log.write(line(3));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('Osteopad can no longer write its request log /dev/full (ENOSPC');
    },
  );

  it('writes what is still buffered when the process exits at once', () => {
    const path = join(dir, 'requests.log');
    const module = fileURLToPath(new URL('./rotatingLogFile.ts', import.meta.url));
    const script = [
      `import { RotatingLogFile } from ${JSON.stringify(module)};`,
      `const log = RotatingLogFile.open({ path: ${JSON.stringify(path)}, maxBytes: 1e6, keep: 1, onError: () => {} });`,
      `for (let n = 0; n < 100; n++) log.write('line ' + n + '\\n');`,
      'process.exit(0);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    return readFile(path, 'utf8').then((text) => {
      expect(text.split('\n').filter((l) => l !== '')).toHaveLength(100);
    });
  });
});
