/**
 * A language a clinic adds with a catalogue file alone (issue 13, item 5): `<web build>/locales/<code>.json`,
 * the web app's texts in i18next's nested format (every screen's namespace in one file; a key left out
 * shows in Dutch). The file is read when it is asked for, so a clinic drops it in place without a rebuild
 * or a restart; the web app loads it for `?lng=<code>` (web/src/i18n/clinicLanguage.ts). The catalogue is
 * public like the app's own files: the login page needs it before anyone signs in, and it holds no data.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clinicLanguageCatalogueSchema, clinicLanguageParams } from '@osteopad/contract';
import type { AppDeps, TypedApp } from '../http/app';
import { notFound } from '../domain/errors';

/** Larger than any catalogue we write (the nl catalogues together are < 300 kB). */
const MAX_CATALOGUE_BYTES = 2_000_000;

async function readCatalogue(path: string): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  if (text.length > MAX_CATALOGUE_BYTES) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function registerClinicLanguageRoutes(app: TypedApp, deps: AppDeps): void {
  const root = deps.config.webDistDir;
  app.get(
    '/locales/:file',
    {
      config: { access: { public: true } },
      schema: {
        summary: 'A language catalogue a clinic added (web build folder locales/<code>.json)',
        tags: ['i18n'],
        params: clinicLanguageParams,
        response: { 200: clinicLanguageCatalogueSchema },
      },
    },
    async (request, reply) => {
      const catalogue =
        root === null ? null : await readCatalogue(join(root, 'locales', request.params.file.toLowerCase()));
      if (catalogue === null) throw notFound('Language catalogue');
      return reply.header('cache-control', 'no-cache').send(catalogue);
    },
  );
}
