import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './environment';

/** The configuration screen's words for one value (the web's own catalogue), for what the screen must show. */
export function configWordsFor(language: 'nl' | 'en', key: string): { title: string; unit?: string } {
  const catalogue = JSON.parse(
    readFileSync(join(REPO_ROOT, 'packages/web/src/clinicalConfig/i18n', `${language}.json`), 'utf8'),
  ) as { configWords: { keys: Record<string, unknown> } };
  let node: unknown = catalogue.configWords.keys;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as { title: string; unit?: string };
}
