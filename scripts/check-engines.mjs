#!/usr/bin/env node
// Every installed package accepts the Node.js that Osteopad runs on. `npm ci` runs on the
// machine's own Node.js (older than the project's, on some machines) and would judge packages'
// `engines.node` against that one, so `.npmrc` does not set engine-strict; this script does the
// check against the right Node.js instead: the one running it (`npm test` runs it on the project's).
// Reads package-lock.json, which records each package's `engines`. Exits 1 and names every package
// that does not accept this Node.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describeRuntime, requireProjectNode } from '../packages/server/bin/nodeRuntime.mjs';

requireProjectNode('scripts/check-engines.mjs');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

const refused = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  const wanted = entry.engines?.node;
  // The root project declares the Node.js it needs; the packages are what is checked (optional
  // ones for other platforms are in the lock file but not installed).
  if (path === '' || typeof wanted !== 'string' || !existsSync(join(root, path))) continue;
  checked++;
  if (!semver.satisfies(process.version, wanted, { includePrerelease: true }))
    refused.push(`  ${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} wants node ${wanted}`);
}

if (refused.length > 0) {
  console.error(`${refused.length} installed packages do not accept ${describeRuntime()}:`);
  console.error(refused.join('\n'));
  process.exit(1);
}
console.log(`All ${checked} packages that name a Node.js version accept ${describeRuntime()}.`);
