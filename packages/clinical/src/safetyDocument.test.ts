/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, DEFAULT_CONFIG, listUnconfirmedValues } from './config';
import { CONFLICT_IDS } from './explanation';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const document = readFileSync(resolve(repoRoot, 'docs', 'CLINICAL-SAFETY.md'), 'utf8');

function section(title: string): string {
  const start = document.indexOf(title);
  expect(start, `section "${title}"`).toBeGreaterThanOrEqual(0);
  const next = document.indexOf('\n## ', start + title.length);
  return document.slice(start, next < 0 ? undefined : next);
}

describe('docs/CLINICAL-SAFETY.md', () => {
  it('lists every unconfirmed or inferred configuration value with its default marker', () => {
    const list = section('## 6. Values a clinic must confirm before go-live');
    const unconfirmed = listUnconfirmedValues(DEFAULT_CONFIG);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const value of unconfirmed) {
      const row = list.split('\n').find((line) => line.startsWith(`| \`${value.key}\` |`));
      expect(row, value.key).toBeDefined();
      expect(row).toContain(`| ${value.marker} |`);
    }
  });

  it('lists no value as unconfirmed that the code marks as sourced', () => {
    const list = section('## 6. Values a clinic must confirm before go-live');
    const listed = [...list.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(
      listUnconfirmedValues(DEFAULT_CONFIG)
        .map((u) => u.key)
        .sort(),
    );
  });

  it('gives every conflict C1–C18 a row naming its configuration keys', () => {
    const table = section('## 7. Conflicts C1–C18 and the chosen defaults');
    for (const conflict of CONFLICT_IDS) {
      const row = table.split('\n').find((line) => line.startsWith(`| ${conflict} |`));
      expect(row, conflict).toBeDefined();
      for (const key of CONFIG_KEYS.filter((k) => DEFAULT_CONFIG.entries[k].conflicts.includes(conflict))) {
        expect(row, `${conflict} → ${key}`).toContain(`\`${key}\``);
      }
    }
  });
});
