/**
 * Compresses the built web app once, at build time: next to every text file in the build folder go a
 * brotli (`.br`) and a gzip (`.gz`) copy at the highest levels, which the server sends in place of the
 * file when the browser accepts them (server `http/staticFiles.ts`). Compressing at the highest level
 * takes seconds for the whole app; doing it per request would cost that on every first load.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats the build emits; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.map']);
export const COPY_EXTENSIONS = { br: '.br', gzip: '.gz' } as const;

export interface CompressedFile {
  /** Relative to the build folder, with `/`. */
  file: string;
  bytes: number;
  /** Size of the copy, or null when it would not be smaller than the file and was not written. */
  br: number | null;
  gzip: number | null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes `copy` next to `path` when it is smaller than the file; otherwise removes a stale copy. */
async function keepIfSmaller(path: string, original: Buffer, copy: Buffer): Promise<number | null> {
  if (copy.length >= original.length) {
    await rm(path, { force: true });
    return null;
  }
  await writeFile(path, copy);
  return copy.length;
}

/**
 * Writes `.br` and `.gz` next to every compressible file under `dir` (a copy that saves nothing is left
 * out: the server then sends the file itself). Running it again gives the same copies.
 */
export async function precompressDirectory(dir: string): Promise<CompressedFile[]> {
  const files = (await filesUnder(dir)).filter((path) => COMPRESSIBLE.has(extname(path).toLowerCase()));
  const results: CompressedFile[] = [];
  for (const path of files.sort()) {
    const original = await readFile(path);
    const [br, gz] = await Promise.all([
      brotli(original, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      }),
      gzipAsync(original, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    results.push({
      file: relative(dir, path).split('\\').join('/'),
      bytes: original.length,
      br: await keepIfSmaller(path + COPY_EXTENSIONS.br, original, br),
      gzip: await keepIfSmaller(path + COPY_EXTENSIONS.gzip, original, gz),
    });
  }
  return results;
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The Vite plugin: runs `precompressDirectory` on the build folder when the build is written. */
export function precompress(): Plugin {
  let outDir = '';
  let log: (message: string) => void = () => undefined;
  return {
    name: 'osteopad-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => {
        config.logger.info(message);
      };
    },
    async closeBundle() {
      if ((await stat(outDir).catch(() => null)) === null) return;
      const results = await precompressDirectory(outDir);
      const sum = (pick: (r: CompressedFile) => number | null): number =>
        results.reduce((total, r) => total + (pick(r) ?? r.bytes), 0);
      log(
        `precompressed ${String(results.length)} files: ${kB(sum((r) => r.bytes))} → ` +
          `br ${kB(sum((r) => r.br))}, gzip ${kB(sum((r) => r.gzip))}`,
      );
    },
  };
}
