// How the built web app reaches the browser: the compressed copies made at build time, chosen by
// Accept-Encoding; hashed assets cached for good; the app shell revalidated on every load.
import { request as httpRequest } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/appHarness';

const INDEX_HTML = `<!doctype html><title>Osteopad test shell</title><div id="root"></div>${'<!-- pad -->'.repeat(100)}`;
const SCRIPT = `export const labels = {${Array.from({ length: 400 }, (_, i) => `k${i}: 'waarde ${i}'`).join(', ')}};`;
/** An asset the build left uncompressed (too small to gain from it). */
const SMALL_SCRIPT = 'export const x = 1;';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let h: Harness;
let webDist: string;

async function writeWithCompressedCopies(path: string, content: string): Promise<void> {
  await writeFile(path, content);
  await writeFile(`${path}.br`, brotliCompressSync(content));
  await writeFile(`${path}.gz`, gzipSync(content));
}

beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'osteopad-web-'));
  await mkdir(join(webDist, 'assets'));
  await writeWithCompressedCopies(join(webDist, 'index.html'), INDEX_HTML);
  await writeWithCompressedCopies(join(webDist, 'assets', 'labels-Ab12Cd34.js'), SCRIPT);
  await writeFile(join(webDist, 'assets', 'tiny-Zz99Yy88.js'), SMALL_SCRIPT);
  await writeFile(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  h = await createHarness({ webDistDir: webDist });
});
afterAll(async () => {
  await h.close();
  await rm(webDist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers });

function varyNames(value: string | string[] | number | undefined): string[] {
  return String(value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
}

describe('compressed copies made at build time', () => {
  it('sends the brotli copy to a browser that accepts br, preferring it over gzip', async () => {
    for (const acceptEncoding of ['gzip, deflate, br, zstd', 'br', 'br;q=1.0, gzip;q=0.8, *;q=0.1']) {
      const r = await get('/assets/labels-Ab12Cd34.js', { 'accept-encoding': acceptEncoding });
      expect(r.statusCode, acceptEncoding).toBe(200);
      expect(r.headers['content-encoding'], acceptEncoding).toBe('br');
      expect(r.headers['content-type'], acceptEncoding).toMatch(/javascript/);
      expect(brotliDecompressSync(r.rawPayload).toString(), acceptEncoding).toBe(SCRIPT);
      expect(Number(r.headers['content-length'])).toBe(r.rawPayload.length);
      expect(varyNames(r.headers.vary), acceptEncoding).toContain('accept-encoding');
    }
  });

  it('sends the gzip copy when gzip is accepted and br is not', async () => {
    for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip', '*']) {
      const r = await get('/assets/labels-Ab12Cd34.js', { 'accept-encoding': acceptEncoding });
      expect(r.headers['content-encoding'], acceptEncoding).toBe('gzip');
      expect(gunzipSync(r.rawPayload).toString(), acceptEncoding).toBe(SCRIPT);
      expect(varyNames(r.headers.vary), acceptEncoding).toContain('accept-encoding');
    }
  });

  it('sends the file itself to a client that accepts neither', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'deflate' },
    ];
    for (const headers of variants) {
      const r = await get('/assets/labels-Ab12Cd34.js', headers);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body).toBe(SCRIPT);
      expect(varyNames(r.headers.vary)).toContain('accept-encoding');
    }
  });

  it('sends a file without compressed copies as it is, not compressed on the fly', async () => {
    const r = await get('/assets/tiny-Zz99Yy88.js', { 'accept-encoding': 'br, gzip' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body).toBe(SMALL_SCRIPT);
  });

  it('does not serve the compressed copies as files of their own', async () => {
    for (const url of ['/assets/labels-Ab12Cd34.js.br', '/assets/labels-Ab12Cd34.js.gz', '/index.html.br']) {
      const r = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(r.statusCode, url).toBe(404);
    }
  });

  it('puts the brotli copy on a real socket byte for byte', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (address === null || typeof address !== 'object') throw new Error('not listening');
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: address.port,
            path: '/assets/labels-Ab12Cd34.js',
            headers: { 'accept-encoding': 'gzip, deflate, br' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              resolve({ headers: res.headers, body: Buffer.concat(chunks) });
            });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(headers['content-encoding']).toBe('br');
    expect(body.equals(await readFile(join(webDist, 'assets', 'labels-Ab12Cd34.js.br')))).toBe(true);
    expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3);
  });
});

describe('caching', () => {
  it('keeps hashed assets for a year, as immutable, in every encoding', async () => {
    const variants: Record<string, string>[] = [
      { 'accept-encoding': 'br' },
      { 'accept-encoding': 'gzip' },
      {},
    ];
    for (const headers of variants) {
      const r = await get('/assets/labels-Ab12Cd34.js', headers);
      expect(r.headers['cache-control'], JSON.stringify(headers)).toBe(IMMUTABLE);
    }
    expect((await get('/assets/tiny-Zz99Yy88.js')).headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates the app shell on every load: no-cache, with validators, and 304 when unchanged', async () => {
    for (const url of ['/', '/worklist?view=to_invite', '/patients/0b6f7a7e-1c1d-4c3e-9a55-0c1f2a3b4c5d']) {
      for (const acceptEncoding of ['gzip, deflate, br', 'gzip', 'identity']) {
        const first = await get(url, { 'accept-encoding': acceptEncoding });
        expect(first.statusCode, url).toBe(200);
        expect(first.headers['content-type'], url).toMatch(/^text\/html/);
        expect(first.headers['cache-control'], url).toBe('no-cache');
        expect(varyNames(first.headers.vary), url).toContain('accept-encoding');
        const etag = first.headers.etag ?? '';
        expect(etag, url).not.toBe('');
        expect(first.headers['last-modified'], url).toBeDefined();

        const again = await get(url, { 'accept-encoding': acceptEncoding, 'if-none-match': etag });
        expect(again.statusCode, `${url} ${acceptEncoding}`).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers['cache-control'], url).toBe('no-cache');
        const since = await get(url, {
          'accept-encoding': acceptEncoding,
          'if-modified-since': first.headers['last-modified'] ?? '',
        });
        expect(since.statusCode, url).toBe(304);
      }
    }
    const shell = await get('/', { 'accept-encoding': 'br' });
    expect(shell.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(shell.rawPayload).toString()).toBe(INDEX_HTML);
  });

  it('answers a changed app shell in full', async () => {
    const r = await get('/', { 'accept-encoding': 'br', 'if-none-match': 'W/"an-older-build"' });
    expect(r.statusCode).toBe(200);
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(INDEX_HTML);
  });

  it('revalidates files that keep their name between builds (favicon)', async () => {
    const r = await get('/favicon.svg');
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('never marks a missing asset as cacheable', async () => {
    const r = await get('/assets/labels-Gone0000.js', { 'accept-encoding': 'br' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['cache-control'] ?? '').not.toMatch(/immutable|max-age/);
  });
});
