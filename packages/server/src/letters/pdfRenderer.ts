/**
 * A locked-down pdfmake printer for letters.
 *
 * We do not use pdfmake's public entry point (`require('pdfmake')`): it is one process-wide object whose fonts, virtual
 * file system and access policies any other module may change. Instead we build pdfmake's own `Printer` with:
 *  - a read-only, private virtual file system holding only the Roboto fonts that ship inside the package
 *    (`pdfmake/build/vfs_fonts.js`), so no font file is opened from disk while rendering;
 *  - pdfmake's URL resolver with an access policy that refuses every URL, so a document definition can never make
 *    the server fetch anything (CVE-2026-26801 is about exactly that);
 *  - a local-file access policy that refuses every path, so images, attachments or embedded files named by path in a
 *    document definition are never read.
 * The internal module paths are stable within the exactly pinned pdfmake 0.3.11; `pdfRenderer.test.ts` proves the
 * lock-down, so an upgrade that moves them fails loudly.
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

interface VirtualFileSystem {
  existsSync(filename: string): boolean;
  readFileSync(filename: string): Buffer;
  writeFileSync(filename: string, content: unknown): void;
}

interface UrlResolver {
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
}

type UrlResolverConstructor = new (virtualFileSystem: VirtualFileSystem) => UrlResolver;

/** pdfkit's document: a readable stream of PDF bytes that is finished by `end()`. */
interface PdfKitDocument extends Readable {
  end(): void;
}

interface PdfmakePrinter {
  createPdfKitDocument(
    docDefinition: TDocumentDefinitions,
    options: Record<string, never>,
  ): Promise<PdfKitDocument>;
}

type PrinterConstructor = new (
  fonts: TFontDictionary,
  virtualFileSystem: VirtualFileSystem,
  urlResolver: UrlResolver,
  localAccessPolicy: (path: string) => boolean,
) => PdfmakePrinter;

const require = createRequire(import.meta.url);

function defaultExport(moduleId: string): unknown {
  const loaded: unknown = require(moduleId);
  if (
    typeof loaded === 'object' &&
    loaded !== null &&
    'default' in loaded &&
    typeof loaded.default === 'function'
  ) {
    return loaded.default;
  }
  throw new Error(`${moduleId} no longer has a default export: check the pdfmake version`);
}

const Printer = defaultExport('pdfmake/js/Printer.js') as PrinterConstructor;
const PdfmakeUrlResolver = defaultExport('pdfmake/js/URLResolver.js') as UrlResolverConstructor;

/** The font family name used in document definitions. */
export const LETTER_FONT = 'Roboto';

export const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let fontFiles: ReadonlyMap<string, Buffer> | undefined;

/** Decodes the bundled fonts once per process (about 0.6 MB); every later document reuses the buffers. */
export function bundledFonts(): ReadonlyMap<string, Buffer> {
  if (fontFiles !== undefined) return fontFiles;
  const vfs: unknown = require('pdfmake/build/vfs_fonts.js');
  if (typeof vfs !== 'object' || vfs === null) throw new Error('pdfmake/build/vfs_fonts.js has no fonts');
  const decoded = new Map<string, Buffer>();
  for (const name of Object.values(FONT_FILES)) {
    const base64: unknown = (vfs as Record<string, unknown>)[name];
    if (typeof base64 !== 'string') throw new Error(`pdfmake/build/vfs_fonts.js lacks ${name}`);
    decoded.set(name, Buffer.from(base64, 'base64'));
  }
  fontFiles = decoded;
  return decoded;
}

function readOnlyFileSystem(files: ReadonlyMap<string, Buffer>): VirtualFileSystem {
  return {
    existsSync: (filename) => files.has(filename),
    readFileSync(filename) {
      const file = files.get(filename);
      if (file === undefined) throw new Error(`No bundled file ${filename}`);
      return file;
    },
    writeFileSync(filename) {
      // pdfmake writes here only to cache a downloaded URL, which the URL policy already refuses.
      throw new Error(`Letters never store files (${filename})`);
    },
  };
}

const denyAll = (): boolean => false;

/** Renders a document definition to PDF bytes without any file or network access. */
export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Buffer> {
  const fileSystem = readOnlyFileSystem(bundledFonts());
  const urlResolver = new PdfmakeUrlResolver(fileSystem);
  urlResolver.setUrlAccessPolicy(denyAll);
  // A fresh font dictionary per document: pdfmake's printer writes resolved names back into it.
  const fonts: TFontDictionary = { [LETTER_FONT]: { ...FONT_FILES } };
  const printer = new Printer(fonts, fileSystem, urlResolver, denyAll);
  const document = await printer.createPdfKitDocument(docDefinition, {});
  return collect(document);
}

function collect(document: PdfKitDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    document.on('error', reject);
    document.end();
  });
}
