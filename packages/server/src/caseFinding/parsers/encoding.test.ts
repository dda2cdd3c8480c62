import { describe, expect, it } from 'vitest';
import { decodeText, SNIFF_BYTES } from './encoding';
import { bytesStream, collect, rejectionOf } from './testFixtures';
import { ImportFileError } from './types';

async function decodeAll(
  bytes: Uint8Array | string,
  options: Parameters<typeof decodeText>[1] = {},
  chunkSize?: number,
) {
  const decoded = await decodeText(bytesStream(bytes, chunkSize), options);
  return { ...decoded, text: (await collect(decoded.chunks)).join('') };
}

async function fileError(bytes: Uint8Array | string): Promise<ImportFileError> {
  const error = await rejectionOf(decodeText(bytesStream(bytes)));
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('decodeText', () => {
  it('drops a UTF-8 BOM and reports it decided the encoding', async () => {
    const result = await decodeAll(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('Zoë')]));
    expect(result).toMatchObject({ encoding: 'utf-8', detectedBy: 'bom', text: 'Zoë' });
  });

  it('sniffs valid UTF-8', async () => {
    expect(await decodeAll('Müller;Çelik')).toMatchObject({
      encoding: 'utf-8',
      detectedBy: 'sniff',
      text: 'Müller;Çelik',
    });
  });

  it('falls back to Windows-1252 when the first 64 KB are not UTF-8', async () => {
    const bytes = Buffer.from('Müller;Gödel;€5', 'latin1');
    bytes[bytes.length - 2] = 0x80; // € in Windows-1252
    const result = await decodeAll(bytes);
    expect(result).toMatchObject({ encoding: 'windows-1252', detectedBy: 'sniff', text: 'Müller;Gödel;€5' });
  });

  it('keeps a multi-byte character that straddles a chunk boundary', async () => {
    const text = 'a'.repeat(9) + 'ë'.repeat(10);
    expect((await decodeAll(text, {}, 10)).text).toBe(text);
  });

  it('does not mistake a character cut at the 64 KB sniff boundary for invalid UTF-8', async () => {
    const text = 'a'.repeat(SNIFF_BYTES - 1) + 'ë' + 'b';
    expect(await decodeAll(text, {}, 4096)).toMatchObject({ encoding: 'utf-8', text });
  });

  it('honours an explicit encoding', async () => {
    const result = await decodeAll(Buffer.from([0x4d, 0xfc, 0x6c]), { encoding: 'windows-1252' });
    expect(result).toMatchObject({ encoding: 'windows-1252', detectedBy: 'option', text: 'Mül' });
  });

  it('turns invalid UTF-8 after the sniff window into replacement characters (reported per row by parsers)', async () => {
    const bytes = Buffer.concat([Buffer.from('x'.repeat(SNIFF_BYTES + 10)), Buffer.from([0xfc])]);
    const result = await decodeAll(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.text.endsWith('\uFFFD')).toBe(true);
  });

  it('reports byte progress', async () => {
    const seen: number[] = [];
    await decodeAll('x'.repeat(100), { onProgress: (n) => seen.push(n) }, 40);
    expect(seen.at(-1)).toBe(100);
  });

  it('refuses an empty file', async () => {
    expect(await fileError('')).toMatchObject({ code: 'file.empty' });
  });

  it('refuses UTF-16 with a BOM and without one', async () => {
    expect(await fileError(Buffer.from('\uFEFFa;b\n', 'utf16le'))).toMatchObject({ code: 'file.utf16' });
    expect(await fileError(Buffer.from('patient_id;bsn\n1;2\n', 'utf16le'))).toMatchObject({
      code: 'file.utf16',
    });
  });

  it('names the kind of binary file when it recognises one', async () => {
    const xlsx = await fileError(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(xlsx).toMatchObject({ code: 'file.binary' });
    expect(xlsx.message).toContain('Excel');
  });

  it('refuses text with NUL bytes', async () => {
    expect(await fileError(Buffer.from('a;b\n\u0000\u0001\u0002'))).toMatchObject({ code: 'file.binary' });
  });
});
