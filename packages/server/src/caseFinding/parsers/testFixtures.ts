// Test support: paths of the defect fixtures and small stream helpers. Used by *.test.ts only.
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../test/fixtures/imports/', import.meta.url));

export function fixturePath(relative: string): string {
  return `${FIXTURE_DIR}${relative}`;
}

export function fixtureStream(relative: string): Readable {
  return createReadStream(fixturePath(relative));
}

/** A byte stream of `text`, cut into chunks of `chunkSize` bytes to exercise chunk boundaries. */
export function bytesStream(content: string | Uint8Array, chunkSize = 65_536): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Resolves to the rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
