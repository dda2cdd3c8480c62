/**
 * Which answers are compressed on the fly, and how. `app.ts` registers `@fastify/compress` with
 * these options and applies `compressesOnTheFly` to every route as it is registered.
 */
import { constants } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import { isApiPath } from './responsePolicy';

/**
 * The answers that carry a secret the browser keeps: the CSRF token (login and session). They are
 * never compressed. A compressed answer that holds a secret next to text an attacker can choose leaks
 * the secret through its length (BREACH). The session cookie (SameSite=Strict) already keeps other
 * sites from making a logged-in browser request them, so this is defence in depth, at no cost: they
 * are a few hundred bytes. `compression.int.test.ts` checks this list against every answer schema
 * that has a `csrfToken`; docs/OPERATIONS.md (HTTP) has the reasoning for the other answers.
 */
export const ANSWERS_CARRYING_SECRETS: ReadonlySet<string> = new Set([
  'GET /api/auth/session',
  'POST /api/auth/login',
  // The portal's sign-ins (portal/portal.routes.ts) answer with the new session's CSRF token too.
  'POST /api/portal/activate',
  'POST /api/portal/magic-link/redeem',
]);

/** Smaller answers gain less than the compression costs (and fit in one TCP packet anyway). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Answers up to this size are compressed in one synchronous call instead of through a stream: a
 * worklist page (20 rows, ~13 KB of JSON) cost ~500 µs of CPU through the brotli stream and ~40 µs in
 * one call (`npm run bench -- worklist`, --cpu-prof). The plugin's default on 2 cores is 8 KiB.
 */
export const SYNC_COMPRESSION_MAX_BYTES = 65_536;

/**
 * Brotli's quality for answers made per request. Every answer is compressed once and read once, so
 * the cheapest level wins: on a 13 KB worklist page quality 1 took 38 µs for 2,928 bytes, quality 4
 * (the plugin's default) 102 µs for 2,553; gzip level 1, 45 µs for 2,869. The web app's own files are
 * compressed at the highest quality when it is built (staticFiles.ts).
 */
export const DYNAMIC_BROTLI_QUALITY = 1;

export const COMPRESSION_OPTIONS: FastifyCompressOptions = {
  global: true,
  // In the order the server prefers them. zstd (Node 24) is left out: the built web app has br and
  // gzip copies only, and one order for both keeps answers predictable.
  encodings: ['br', 'gzip'],
  threshold: COMPRESSION_THRESHOLD_BYTES,
  syncThreshold: SYNC_COMPRESSION_MAX_BYTES,
  brotliOptions: {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: DYNAMIC_BROTLI_QUALITY,
    },
  },
  zlibOptions: { level: 1 },
  // Request bodies are taken as sent: no compressed uploads (a small body could unpack to gigabytes,
  // and the upload route streams its raw body into the import).
  globalDecompression: false,
  // Types that do not shrink (PDF, images) are left alone by the plugin's MIME database.
};

/**
 * Whether a route's answers are compressed as they are sent. Only the API's: the web app's files are
 * compressed once, when it is built (`packages/web/build/precompress.ts`), and served as those copies
 * (`staticFiles.ts`), so a browser never waits for the same file to be compressed again.
 */
export function compressesOnTheFly(method: string, url: string): boolean {
  if (!isApiPath(url)) return false;
  return !ANSWERS_CARRYING_SECRETS.has(`${method} ${url}`);
}
