import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './environment';

/*
 * A generated pseudo-locale for the portal's pseudo-locale test: every Dutch text of the web app (the main
 * catalogue and every screen's) with its letters accented and wrapped in ⟦…⟧, placeholders ({{name}}),
 * nesting ($t(…)) and tags (<1>…</1>) kept as they are. A page shown in it that has a text without ⟦
 * has a text that does not come from the catalogues.
 */

const WEB_SRC = join(REPO_ROOT, 'packages', 'web', 'src');
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  n: 'ñ',
  c: 'ç',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
  N: 'Ñ',
  C: 'Ç',
};
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]+>)/;

export function pseudoText(text: string): string {
  const parts = text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTED[ch] ?? ch)));
  return `⟦${parts.join('')}⟧`;
}

function pseudo(node: unknown): unknown {
  if (typeof node === 'string') return pseudoText(node);
  if (typeof node === 'object' && node !== null)
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, pseudo(v)]));
  return node;
}

function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (typeof existing === 'object' && existing !== null && typeof value === 'object' && value !== null)
      merge(existing as Record<string, unknown>, value as Record<string, unknown>);
    else into[key] = value;
  }
}

/** Every Dutch catalogue of the web app, merged as i18next merges them, then made pseudo. */
export function pseudoCatalogue(): Record<string, unknown> {
  const files = [
    join(WEB_SRC, 'i18n', 'nl.json'),
    ...readdirSync(WEB_SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(WEB_SRC, e.name, 'i18n', 'nl.json'))
      .filter((path) => existsSync(path)),
  ];
  const all: Record<string, unknown> = {};
  for (const file of files) merge(all, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  return pseudo(all) as Record<string, unknown>;
}
