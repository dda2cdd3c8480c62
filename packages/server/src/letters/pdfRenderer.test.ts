import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LETTER_FONT, renderPdf } from './pdfRenderer';
import { pdfFonts, pdfPages } from './test-support/pdfTools';

// A file that certainly exists: without the policy, pdfmake would try to read it.
const EXISTING_LOCAL_FILE = fileURLToPath(import.meta.url);

const simpleDocument = (content: TDocumentDefinitions['content']): TDocumentDefinitions => ({
  content,
  defaultStyle: { font: LETTER_FONT },
});

describe('the locked-down pdfmake printer', () => {
  let server: Server | undefined;

  afterEach(async () => {
    vi.restoreAllMocks();
    const running = server;
    server = undefined;
    if (running === undefined) return;
    await new Promise<void>((resolve) => {
      running.close(() => {
        resolve();
      });
    });
  });

  it('renders text with the bundled Roboto, embedded in the PDF', async () => {
    const pdf = await renderPdf(simpleDocument('Goedemorgen, één test'));
    const [page] = await pdfPages(pdf);
    expect(page).toContain('Goedemorgen, één test');
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+Roboto-/);
      expect(font.embedded).toBe(true);
    }
  });

  it('does not open font files from disk while rendering', async () => {
    await renderPdf(simpleDocument('warm-up'));
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const openSync = vi.spyOn(fs, 'openSync');
    await renderPdf(simpleDocument({ text: 'vet en gewoon', bold: true }));
    const opened = [...readFileSync.mock.calls, ...openSync.mock.calls].map(([path]) => String(path));
    expect(opened.filter((path) => /\.(ttf|otf|afm|woff2?)$/i.test(path))).toEqual([]);
  });

  it('refuses to read an image from a local path', async () => {
    await expect(renderPdf(simpleDocument({ image: EXISTING_LOCAL_FILE }))).rejects.toThrow(
      /Access to local file denied/,
    );
  });

  it('refuses to read a local file named in the images dictionary', async () => {
    const document: TDocumentDefinitions = {
      ...simpleDocument({ image: 'logo' }),
      images: { logo: EXISTING_LOCAL_FILE },
    };
    await expect(renderPdf(document)).rejects.toThrow(/Access to local file denied/);
  });

  it('refuses to embed a local file', async () => {
    const document: TDocumentDefinitions = {
      ...simpleDocument('met bijlage'),
      files: { secret: { src: EXISTING_LOCAL_FILE } },
    };
    await expect(renderPdf(document)).rejects.toThrow(/Access to local file denied/);
  });

  it('never fetches a URL named in the document', async () => {
    let requests = 0;
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const document: TDocumentDefinitions = {
      ...simpleDocument({ image: 'logo' }),
      images: { logo: `http://127.0.0.1:${port}/logo.png` },
    };
    await expect(renderPdf(document)).rejects.toThrow(/Access to URL denied/);
    expect(requests).toBe(0);
  });
});
