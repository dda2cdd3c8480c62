import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`./fixtures/imports/${relative}`, import.meta.url));
}

export function fixtureStream(relative: string): Readable {
  return createReadStream(fixturePath(relative));
}

export function textStream(text: string | Buffer): Readable {
  return Readable.from([typeof text === 'string' ? Buffer.from(text, 'utf8') : text]);
}
