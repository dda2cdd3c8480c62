// Test helpers around poppler-utils (pdftotext, pdfinfo, pdffonts): the tests read the PDF the way a person or a
// screen reader gets it, not the way pdfmake meant it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_OUTPUT = 256 * 1024 * 1024;

async function withPdfFile<T>(pdf: Buffer, use: (path: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'osteopad-letters-'));
  try {
    const path = join(directory, 'letters.pdf');
    await writeFile(path, pdf);
    return await use(path);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function popplerOutput(tool: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(tool, [...args], { encoding: 'utf8', maxBuffer: MAX_OUTPUT });
  return stdout;
}

/** Text of every page (`pdftotext -layout`), one string per page. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const text = await withPdfFile(pdf, (path) => popplerOutput('pdftotext', ['-layout', path, '-']));
  // pdftotext ends every page with a form feed, so the last split element is the empty rest.
  return text.split('\f').slice(0, -1);
}

export interface MillimetreBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Text inside a rectangle of one page, measured in millimetres from the top-left corner. */
export async function pdfTextInBox(pdf: Buffer, page: number, box: MillimetreBox): Promise<string> {
  // At 72 dpi, pdftotext's crop "pixels" are PDF points.
  const points = (millimetres: number): string => String(Math.round((millimetres * 72) / 25.4));
  return withPdfFile(pdf, (path) =>
    popplerOutput('pdftotext', [
      '-layout',
      '-r',
      '72',
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      points(box.left),
      '-y',
      points(box.top),
      '-W',
      points(box.width),
      '-H',
      points(box.height),
      path,
      '-',
    ]),
  );
}

/** `pdfinfo` fields, e.g. `Pages`, `Title`, `CreationDate` (ISO 8601). */
export async function pdfInfo(pdf: Buffer): Promise<Map<string, string>> {
  const output = await withPdfFile(pdf, (path) => popplerOutput('pdfinfo', ['-isodates', path]));
  const fields = new Map<string, string>();
  for (const line of output.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return fields;
}

/** The document's XMP metadata stream, as `pdfinfo -meta` prints it. */
export async function pdfXmpMetadata(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, (path) => popplerOutput('pdfinfo', ['-meta', path]));
}

export interface PdfFont {
  readonly name: string;
  readonly embedded: boolean;
}

/** Fonts used by the document (`pdffonts`). */
export async function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  const output = await withPdfFile(pdf, (path) => popplerOutput('pdffonts', [path]));
  // Two header lines, then one line per font: name, type (may contain spaces), encoding, emb, sub, uni, object, ID.
  return output
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const name = columns[0] ?? '';
      const embedded = columns.at(-5) === 'yes';
      return { name, embedded };
    });
}

/** Collapses runs of white space, so assertions do not depend on pdftotext's column layout. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
