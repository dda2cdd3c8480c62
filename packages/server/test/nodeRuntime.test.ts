// Osteopad runs on Node.js 24, also on a machine whose own Node.js is older: `npm ci` installs it
// (the `node` package), and every process the project starts must run on it. These tests fail when
// a test worker, a child started through PATH, or the declared requirement is on another Node.js,
// and check that a program started on an older one stops with a plain message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  childEnvironment,
  nodeMajor,
  PROJECT_NODE,
  REQUIRED_NODE_MAJOR,
  unsupportedNodeMessage,
} from '../bin/nodeRuntime.mjs';
import { OSTEOPAD_BIN } from './osteopadProcess';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface RootPackage {
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as RootPackage;

function versionOf(node: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8', env }).trim();
}

/** A Node.js older than the project's that is installed outside node_modules, if the machine has one. */
function olderSystemNode(): string | null {
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => dir !== '' && !dir.includes('node_modules'))
      .map((dir) => join(dir, 'node')),
    '/usr/bin/node',
    '/usr/local/bin/node',
  ];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      if (nodeMajor(versionOf(candidate)) < REQUIRED_NODE_MAJOR) return candidate;
    } catch {
      // not a runnable Node.js
    }
  }
  return null;
}

describe('the Node.js Osteopad runs on', () => {
  it('is Node.js 24 or newer in this test worker', () => {
    expect(REQUIRED_NODE_MAJOR).toBe(24);
    expect(nodeMajor(process.version.slice(1))).toBeGreaterThanOrEqual(24);
  });

  it('is declared once: engines.node, the pinned `node` package, and its install script allowed', () => {
    expect(rootPackage.engines?.node).toBe(`>=${REQUIRED_NODE_MAJOR}`);
    const pinned = rootPackage.dependencies?.node ?? '';
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/); // exact: every machine gets the same binary
    expect(nodeMajor(pinned)).toBe(REQUIRED_NODE_MAJOR);
    // the `node` package fetches its binary in a preinstall script
    expect(rootPackage.allowScripts?.node).toBe(true);
  });

  it('is the one npm ci installed into node_modules, and this worker runs on it', () => {
    expect(existsSync(PROJECT_NODE)).toBe(true);
    expect(versionOf(PROJECT_NODE)).toBe(rootPackage.dependencies?.node);
    expect(process.execPath).toBe(realpathSync(PROJECT_NODE));
  });

  it('is what a child finds on PATH when it is started with childEnvironment()', () => {
    const env = childEnvironment();
    // `node` looked up on PATH by a shell, as npm, npx and `#!/usr/bin/env node` scripts do
    const found = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env }).trim();
    expect(realpathSync(found)).toBe(process.execPath);
    expect(versionOf('node', env)).toBe(process.versions.node);
    expect(env.NODE).toBe(process.execPath);
  });

  it('explains itself when a program starts on an older Node.js', () => {
    expect(unsupportedNodeMessage('Osteopad', '24.21.0', '/x/node')).toBeNull();
    expect(unsupportedNodeMessage('Osteopad', '26.0.0', '/x/node')).toBeNull();
    const message = unsupportedNodeMessage('Osteopad', '20.20.2', '/usr/bin/node');
    expect(message).toContain(
      'Osteopad needs Node.js 24 or newer, but was started with Node.js v20.20.2 (/usr/bin/node).',
    );
    expect(message).toContain(PROJECT_NODE);
  });

  const older = olderSystemNode();
  it.skipIf(older === null)(
    `stops the osteopad command started on an older Node.js (${older ?? 'none on this machine'})`,
    () => {
      const result = spawnSync(older ?? 'node', [OSTEOPAD_BIN, 'migrate'], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Osteopad needs Node.js 24 or newer, but was started with Node.js v');
      expect(result.stderr).toContain(PROJECT_NODE);
      expect(result.stdout).toBe('');
    },
  );

  it.skipIf(older === null)('stops a project script started on an older Node.js', () => {
    // scripts/start.mjs and scripts/run-tests.mjs make the same call first; this one is harmless
    // to run should the check ever let it through.
    const result = spawnSync(older ?? 'node', [join(ROOT, 'scripts', 'check-engines.mjs')], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('scripts/check-engines.mjs needs Node.js 24 or newer');
  });
});
