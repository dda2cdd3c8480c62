/**
 * How the built web app (`packages/web/dist`) is served: the brotli or gzip copy the build made next
 * to each file, chosen by the request's Accept-Encoding, and how long a browser may keep each file.
 */
import { relative, sep } from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

/** Vite names every file under `assets/` after a hash of its content: a new build, a new name. */
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/**
 * Everything else (`index.html`, `favicon.svg`) keeps its name from build to build, so the browser
 * asks again every time; an unchanged file costs a 304 (ETag / Last-Modified), not a download.
 */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** `relativePath` is the file as served, relative to the build folder (`assets/x.js.br`). */
export function staticCacheControl(relativePath: string): string {
  const path = relativePath.split(sep).join('/');
  return path.startsWith('assets/') ? HASHED_ASSET_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

/** The compressed copies the build writes (`packages/web/build/precompress.ts`). */
const COMPRESSED_COPIES = ['**/*.br', '**/*.gz'];

export function staticFileOptions(root: string): FastifyStaticOptions {
  return {
    root,
    // One route per file found at start-up; anything else falls through to the not-found handler.
    wildcard: false,
    // The copies are served in place of their file, never under their own name.
    globIgnore: COMPRESSED_COPIES,
    index: ['index.html'],
    // br if accepted, else gzip, else the file itself; a file without copies is sent as it is.
    preCompressed: true,
    // Set per file below instead of one max-age for all.
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', staticCacheControl(relative(root, path)));
      // The answer depends on Accept-Encoding, also when it happens to be the file itself.
      res.setHeader('vary', 'accept-encoding');
    },
  };
}
