/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseClinicalConfig } from '../config';
import { RULE_SETS } from './ruleSets';
import { parseVectorFile, runVectorCases, VectorFileError, type VectorCase } from './runner';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
// The shared reference lives next to the repository: <repo>/../shared/clinical/vectors.
const sharedVectors =
  process.env.OSTEOPAD_VECTORS_DIR ?? resolve(repoRoot, '..', 'shared', 'clinical', 'vectors');

function sharedFiles(): string[] {
  return readdirSync(sharedVectors)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(sharedVectors, f));
}

describe('shared clinical vectors', () => {
  it('exist', () => {
    expect(sharedFiles().length).toBeGreaterThan(0);
  });

  it('all pass', () => {
    const cases = sharedFiles().flatMap((file) => parseVectorFile(readFileSync(file, 'utf8'), file));
    expect(cases.length).toBeGreaterThanOrEqual(126);
    const summary = runVectorCases(cases);
    const failures = summary.results
      .filter((r) => !r.pass)
      .map((r) => `${r.id}: ${r.error ?? r.mismatches.join('; ')}`);
    expect(failures).toEqual([]);
    expect(summary.failed).toBe(0);
  });

  it('cover every rule set the runner knows, and every known rule set is used', () => {
    const used = new Set(
      sharedFiles().flatMap((file) =>
        parseVectorFile(readFileSync(file, 'utf8'), file).map((c) => c.ruleSet),
      ),
    );
    expect([...used].sort()).toEqual(Object.keys(RULE_SETS).sort());
  });

  it('detect a changed default: the runner is sensitive to configuration', () => {
    const cases = sharedFiles().flatMap((file) => parseVectorFile(readFileSync(file, 'utf8'), file));
    const strict = parseClinicalConfig({ version: 't', values: { 'eligibility.minimumAgeYears': 51 } });
    expect(runVectorCases(cases, strict).failed).toBeGreaterThan(0);
    expect(runVectorCases(cases, DEFAULT_CONFIG).failed).toBe(0);
  });
});

describe('runner', () => {
  const good: VectorCase = {
    id: 'x-1',
    ruleSet: 'R7-fallRisk',
    input: { fallsPastYear: 2, worriedAboutFalling: false, difficultyWalkingOrBalance: false },
    expected: { nhgFallRiskInventory: true },
  };

  it('fails a case that names an unknown rule set', () => {
    const summary = runVectorCases([good, { ...good, id: 'x-2', ruleSet: 'R99-nothing' }]);
    expect(summary).toMatchObject({ passed: 1, failed: 1 });
    expect(summary.results[1]?.error).toMatch(/unknown ruleSet/);
  });

  it('does not treat inherited object keys as rule sets', () => {
    expect(runVectorCases([{ ...good, ruleSet: 'toString' }]).failed).toBe(1);
  });

  it('fails a case whose input is rejected, with the reason', () => {
    const summary = runVectorCases([
      {
        ...good,
        input: { fallsPastYear: -1, worriedAboutFalling: false, difficultyWalkingOrBalance: false },
      },
    ]);
    expect(summary.failed).toBe(1);
    expect(summary.results[0]?.error).toMatch(/fallsPastYear/);
  });

  it('fails a case whose expectation differs', () => {
    expect(runVectorCases([{ ...good, expected: { nhgFallRiskInventory: false } }]).failed).toBe(1);
  });

  it('rejects malformed vector files with a clear message', () => {
    expect(() => parseVectorFile('{', 'a.json')).toThrow(VectorFileError);
    expect(() => parseVectorFile('{"cases": 3}', 'b.json')).toThrow(
      /b\.json: expected an object with a "cases" array/,
    );
    expect(() =>
      parseVectorFile('{"cases": [{"id": "q", "ruleSet": "R7-fallRisk", "input": {}}]}', 'c.json'),
    ).toThrow(/"expected"/);
    expect(parseVectorFile(JSON.stringify([good]), 'd.json')).toHaveLength(1);
  });
});

describe('npm run vectors (CLI)', () => {
  const cli = join(repoRoot, 'packages', 'clinical', 'src', 'vectors', 'cli.ts');
  const tsx = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = (...args: string[]) => spawnSync(process.execPath, [tsx, cli, ...args], { encoding: 'utf8' });
  const lastLine = (text: string) => text.trim().split('\n').at(-1);

  it('passes the shared vectors with exit code 0', () => {
    const result = run(...sharedFiles());
    expect(lastLine(result.stdout)).toMatch(/^\d+ passed, 0 failed$/);
    expect(result.status).toBe(0);
  });

  it('prints the failing case and exits non-zero for an unknown rule set or a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteopad-vectors-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ cases: [{ id: 'u-1', ruleSet: 'R42-unknown', input: {}, expected: { a: 1 } }] }),
    );
    const bad = run(file);
    expect(bad.stdout).toContain('u-1');
    expect(bad.stdout).toContain('R42-unknown');
    expect(lastLine(bad.stdout)).toBe('0 passed, 1 failed');
    expect(bad.status).toBe(1);

    const missing = run(join(dir, 'nope.json'));
    expect(missing.stderr).toMatch(/cannot read/);
    expect(lastLine(missing.stdout)).toBe('0 passed, 0 failed');
    expect(missing.status).not.toBe(0);
  });
}, 60_000);
