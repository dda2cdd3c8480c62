import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDirectory } from './precompress';

const SCRIPT = `export const labels = {${Array.from({ length: 500 }, (_, i) => `k${i}: 'waarde ${i}'`).join(', ')}};`;
const STYLE = `.a { color: red; }\n`.repeat(200);
const HTML = `<!doctype html><html lang="nl"><head><title>Osteopad</title></head><body>${'<div></div>'.repeat(50)}</body></html>`;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'osteopad-precompress-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), HTML);
  await writeFile(join(dir, 'assets', 'index-Ab12.js'), SCRIPT);
  await writeFile(join(dir, 'assets', 'index-Cd34.css'), STYLE);
  // Too short to gain anything from compression.
  await writeFile(join(dir, 'assets', 'tiny-Ef56.js'), 'x');
  // Not a text format.
  await writeFile(join(dir, 'assets', 'logo-Gh78.png'), Buffer.from(SCRIPT));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function listing(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map((e) => e.split('\\').join('/')).sort();
}

describe('precompressDirectory', () => {
  it('writes a brotli and a gzip copy next to every text file, each decoding to the file', async () => {
    const results = await precompressDirectory(dir);
    for (const file of ['index.html', 'assets/index-Ab12.js', 'assets/index-Cd34.css']) {
      const original = await readFile(join(dir, file));
      const br = await readFile(join(dir, `${file}.br`));
      const gz = await readFile(join(dir, `${file}.gz`));
      expect(brotliDecompressSync(br).equals(original), file).toBe(true);
      expect(gunzipSync(gz).equals(original), file).toBe(true);
      expect(br.length, file).toBeLessThan(original.length);
      expect(results.find((r) => r.file === file)).toEqual({
        file,
        bytes: original.length,
        br: br.length,
        gzip: gz.length,
      });
    }
    // Brotli at its highest level beats gzip on the scripts.
    const script = results.find((r) => r.file === 'assets/index-Ab12.js');
    expect(script?.br ?? Infinity).toBeLessThan(script?.gzip ?? 0);
  });

  it('leaves out copies that would not be smaller, and files that are not text', async () => {
    const results = await precompressDirectory(dir);
    expect(results.find((r) => r.file === 'assets/tiny-Ef56.js')).toEqual({
      file: 'assets/tiny-Ef56.js',
      bytes: 1,
      br: null,
      gzip: null,
    });
    expect(results.some((r) => r.file.endsWith('.png'))).toBe(false);
    const files = await listing();
    expect(files.filter((f) => f.startsWith('assets/tiny-Ef56.js'))).toEqual(['assets/tiny-Ef56.js']);
    expect(files.filter((f) => f.startsWith('assets/logo-Gh78.png'))).toEqual(['assets/logo-Gh78.png']);
  });

  it('gives the same result when run again: copies are not compressed once more', async () => {
    await precompressDirectory(dir);
    const first = await listing();
    const copy = await readFile(join(dir, 'assets', 'index-Ab12.js.br'));
    const again = await precompressDirectory(dir);
    expect(await listing()).toEqual(first);
    expect(again.map((r) => r.file)).not.toContain('assets/index-Ab12.js.br');
    expect((await readFile(join(dir, 'assets', 'index-Ab12.js.br'))).equals(copy)).toBe(true);
  });
});
