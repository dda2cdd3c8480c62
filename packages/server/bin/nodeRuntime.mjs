// The Node.js that Osteopad runs on. `npm ci` installs it into node_modules (the `node` package of
// the root package.json ships the binary), so a machine whose own Node.js is older still runs
// Osteopad on this one: npm scripts and `npx` put node_modules/.bin first on PATH. A program that
// is started some other way with an older Node.js stops here with one plain message, before it
// loads anything that might behave differently there.
//
// Plain JavaScript that any Node.js can parse, imported before everything else.
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Kept equal to `engines.node` and the `node` dependency of the root package.json (test/nodeRuntime.test.ts). */
export const REQUIRED_NODE_MAJOR = 24;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The Node.js that `npm ci` installed for this checkout. */
export const PROJECT_NODE = join(ROOT, 'node_modules', '.bin', 'node');

export function nodeMajor(version = process.versions.node) {
  return Number(version.split('.')[0]);
}

/** One line for start-up messages: which Node.js runs this process, and from where. */
export function describeRuntime() {
  return `Node.js ${process.version} (${process.execPath})`;
}

/** The explanation shown when `version` is too old; null when it will do. */
export function unsupportedNodeMessage(
  program,
  version = process.versions.node,
  execPath = process.execPath,
) {
  if (nodeMajor(version) >= REQUIRED_NODE_MAJOR) return null;
  const installed = existsSync(PROJECT_NODE);
  return (
    `${program} needs Node.js ${REQUIRED_NODE_MAJOR} or newer, but was started with Node.js v${version} (${execPath}).\n` +
    (installed
      ? `The Node.js ${REQUIRED_NODE_MAJOR} that \`npm ci\` installed is ${PROJECT_NODE}. Start Osteopad through npm ` +
        '(`npm start`, `npm test`, `npx osteopad <command>`), which uses it, or name it: ' +
        `${PROJECT_NODE} ${join(ROOT, 'packages', 'server', 'bin', 'osteopad.mjs')} <command>.`
      : `Run \`npm ci\` in ${ROOT} first: it installs Node.js ${REQUIRED_NODE_MAJOR} into node_modules. ` +
        'Then start Osteopad through npm (`npm start`, `npx osteopad <command>`).')
  );
}

/** Exits with the explanation when this process runs on a Node.js older than the project's. */
export function requireProjectNode(program) {
  const message = unsupportedNodeMessage(program);
  if (message === null) return;
  console.error(message);
  process.exit(1);
}

/**
 * The environment for a child process, with the directory of this process's Node.js first on PATH,
 * so a child that looks up `node` on PATH (`npm`, `npx`, a `#!/usr/bin/env node` script) gets the
 * same Node.js as this process.
 */
export function childEnvironment(extra = {}) {
  const env = { ...process.env, ...extra };
  const own = dirname(process.execPath);
  const entries = (env.PATH ?? '').split(delimiter).filter((entry) => entry !== '');
  if (entries[0] !== own) env.PATH = [own, ...entries].join(delimiter);
  env.NODE = process.execPath;
  return env;
}
