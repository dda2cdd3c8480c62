#!/usr/bin/env node
// `npm test`: every suite of the project — static checks, clinical vectors, unit and integration
// tests (real PostgreSQL), and browser tests (real Chromium) — then one closing line
// `N passed, N failed, N skipped` that CI reads. Exits non-zero when anything failed.
// Runs on the project's Node.js, and so does every child (packages/server/bin/nodeRuntime.mjs).
import {
  childEnvironment,
  describeRuntime,
  requireProjectNode,
} from '../packages/server/bin/nodeRuntime.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

requireProjectNode('npm test');
console.log(`Running the tests on ${describeRuntime()}.`);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: childEnvironment(env),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function runCapture(label, command, args) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: childEnvironment(),
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
}

function record(label, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(
    `${label.padEnd(28)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  record(`${label} (${seconds}s)`, ok ? 1 : 0, ok ? 0 : 1);
}

// 1. Static checks: one pass/fail each.
check('typecheck', 'npm', ['run', '-s', 'typecheck']);
check('lint', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('engines', process.execPath, ['scripts/check-engines.mjs']);

// 2. Clinical test vectors (the shared reference next to this checkout, or OSTEOPAD_VECTORS_DIR).
const vectorsDir = process.env.OSTEOPAD_VECTORS_DIR ?? resolve(root, '..', 'shared', 'clinical', 'vectors');
if (existsSync(vectorsDir)) {
  const files = readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(vectorsDir, f));
  const { ok, stdout } = runCapture('clinical vectors', 'npx', [
    'tsx',
    'packages/clinical/src/vectors/cli.ts',
    ...files,
  ]);
  const match = /(\d+) passed, (\d+) failed/.exec(stdout.trim().split('\n').pop() ?? '');
  if (match)
    record('clinical vectors', Number(match[1]), Number(match[2]) + (ok || Number(match[2]) > 0 ? 0 : 1));
  else record('clinical vectors', 0, 1);
} else {
  console.log(`\n━━ clinical vectors: ${vectorsDir} not found — skipped`);
  record('clinical vectors (not found)', 0, 0, 1);
}

// 3. Unit and integration tests (Vitest; the server project starts its own embedded PostgreSQL).
const vitestJson = join(out, 'vitest.json');
const vitest = run('unit + integration (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  const failed = report.numFailedTests + (vitest.ok || report.numFailedTests > 0 ? 0 : 1);
  record(
    `vitest (${vitest.seconds}s)`,
    report.numPassedTests,
    failed,
    report.numPendingTests + report.numTodoTests,
  );
} else {
  record('vitest (no report)', 0, 1);
}

// 4. Browser tests: build the web app, then Playwright in Debian's Chromium.
const build = run('web build', 'npm', ['run', '-s', 'build:web']);
if (!build.ok) {
  record('web build', 0, 1);
} else {
  const playwrightJson = join(out, 'playwright.json');
  const e2e = run('browser (playwright)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  if (existsSync(playwrightJson)) {
    const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    record(
      `playwright (${e2e.seconds}s)`,
      stats.expected ?? 0,
      failed + (e2e.ok || failed > 0 ? 0 : 1),
      stats.skipped ?? 0,
    );
  } else {
    record('playwright (no report)', 0, 1);
  }
}

console.log('\n━━ summary');
for (const line of summary) console.log(`  ${line}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
