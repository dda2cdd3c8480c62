// Turns a byte stream into text: finds the encoding (BOM, then UTF-8 validity of the first 64 KB, else
// Windows-1252) and refuses files that are not text at all, before any row is read.
import iconv from 'iconv-lite';
import { ImportFileError } from './types';

import type { ImportEncoding } from '@osteopad/contract';

export type TextEncodingOption = ImportEncoding;
export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  encoding: TextEncoding;
  /** How the encoding was chosen, for the import report. */
  detectedBy: 'bom' | 'sniff' | 'option';
  chunks: AsyncGenerator<string, void, undefined>;
}

export interface DecodeOptions {
  encoding?: TextEncodingOption;
  /** Called after each chunk with the running byte count (progress bars). */
  onProgress?: (bytesRead: number) => void;
}

/** Decoders emit this for bytes they cannot read; parsers report rows that contain it. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export const SNIFF_BYTES = 64 * 1024;

interface Signature {
  bytes: readonly number[];
  what: string;
}

const BINARY_SIGNATURES: readonly Signature[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive or an Excel workbook (.xlsx); save it as CSV first',
  },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls); save it as CSV first' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file; decompress it first' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** C0 control bytes that never occur in text files (TAB, LF, CR, FF and the MLLP frame bytes VT and FS do). */
function isForeignControlByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1c;
}

function refuseNonText(sample: Uint8Array): void {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new ImportFileError(
      'file.utf16',
      'The file is UTF-16 encoded (it starts with a UTF-16 byte order mark). Save it as UTF-8 or Windows-1252 ("CSV (comma delimited)" in Excel) and try again.',
    );
  }
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(sample, signature.bytes)) {
      throw new ImportFileError(
        'file.binary',
        `The file is not a text file: it looks like ${signature.what}.`,
      );
    }
  }
  let nulAtEven = 0;
  let nulAtOdd = 0;
  let foreign = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] ?? 0;
    if (b === 0) {
      if (i % 2 === 0) nulAtEven++;
      else nulAtOdd++;
    } else if (isForeignControlByte(b)) {
      foreign++;
    }
  }
  const half = sample.length / 2;
  if ((nulAtOdd > half * 0.3 && nulAtEven === 0) || (nulAtEven > half * 0.3 && nulAtOdd === 0)) {
    throw new ImportFileError(
      'file.utf16',
      'The file looks UTF-16 encoded (every other byte is zero). Save it as UTF-8 or Windows-1252 and try again.',
    );
  }
  // A stray control byte (a NUL typed into one value) is the row's problem, reported with its row and
  // column; many of them mean the file is not text at all.
  const controls = nulAtEven + nulAtOdd + foreign;
  if (controls >= 2 && controls > sample.length / 100) {
    const offset = sample.findIndex((b) => b === 0 || isForeignControlByte(b));
    throw new ImportFileError(
      'file.binary',
      `The file is not a text file: it contains binary data (first control byte at byte offset ${offset}).`,
    );
  }
}

function isValidUtf8Prefix(sample: Uint8Array, complete: boolean): boolean {
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new ImportFileError('file.unreadable', 'The input stream did not deliver bytes.');
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface ByteDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

function byteDecoder(encoding: TextEncoding): ByteDecoder {
  switch (encoding) {
    case 'utf-8': {
      const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
      return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
    }
    case 'windows-1252': {
      // iconv-lite maps the five bytes Windows-1252 leaves undefined to U+FFFD, so they are reported like
      // any other undecodable byte instead of turning into invisible control characters.
      const decoder = iconv.getDecoder('windows-1252');
      return {
        write: (b) => decoder.write(Buffer.from(b.buffer, b.byteOffset, b.length)),
        end: () => decoder.end() ?? '',
      };
    }
  }
}

/**
 * Reads the first 64 KB to choose the encoding and reject non-text, then streams the rest. A UTF-8 BOM always
 * means UTF-8 and is dropped. Throws ImportFileError (before yielding anything) for empty, UTF-16 or binary input.
 */
export async function decodeText(
  input: AsyncIterable<unknown>,
  options: DecodeOptions = {},
): Promise<DecodedText> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    const bytes = toBytes(next.value);
    head.push(bytes);
    headBytes += bytes.length;
  }
  const first = concat(head, headBytes);
  if (first.length === 0) {
    throw new ImportFileError('file.empty', 'The file is empty.');
  }
  const sample = first.subarray(0, SNIFF_BYTES);
  refuseNonText(sample);

  const hasUtf8Bom = startsWith(first, [0xef, 0xbb, 0xbf]);
  const requested = options.encoding ?? 'auto';
  let encoding: TextEncoding;
  let detectedBy: DecodedText['detectedBy'];
  if (hasUtf8Bom) {
    encoding = 'utf-8';
    detectedBy = 'bom';
  } else if (requested !== 'auto') {
    encoding = requested;
    detectedBy = 'option';
  } else {
    encoding = isValidUtf8Prefix(sample, ended && sample.length === first.length) ? 'utf-8' : 'windows-1252';
    detectedBy = 'sniff';
  }

  const decoder = byteDecoder(encoding);
  const onProgress = options.onProgress;
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    let bytesRead = first.length;
    const firstText = decoder.write(hasUtf8Bom ? first.subarray(3) : first);
    onProgress?.(bytesRead);
    if (firstText !== '') yield firstText;
    if (!ended) {
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) break;
        const bytes = toBytes(next.value);
        bytesRead += bytes.length;
        const text = decoder.write(bytes);
        onProgress?.(bytesRead);
        if (text !== '') yield text;
      }
    }
    const tail = decoder.end();
    if (tail !== '') yield tail;
  }
  return { encoding, detectedBy, chunks: chunks() };
}

export function describeEncoding(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'windows-1252':
      return 'Windows-1252';
  }
}

/** The row-level message for a row that contains undecodable bytes. */
export function undecodableBytesMessage(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'contains bytes that are not valid UTF-8; if the file was saved as Windows-1252 (ANSI), import it again with the encoding option windows-1252';
    case 'windows-1252':
      return 'contains a byte that Windows-1252 does not define; check the file encoding';
  }
}
