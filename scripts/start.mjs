#!/usr/bin/env node
// `npm start`: builds the web app when its sources are newer than the build, then starts the server
// (embedded PostgreSQL under ./data unless DATABASE_URL is set). Runs on the project's Node.js
// (packages/server/bin/nodeRuntime.mjs), and so does everything it starts.
import {
  childEnvironment,
  describeRuntime,
  requireProjectNode,
} from '../packages/server/bin/nodeRuntime.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

requireProjectNode('npm start');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const builtIndex = join(web, 'dist', 'index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts')].filter(existsSync);
const stale = !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
if (stale) {
  console.log(`Building the web app on ${describeRuntime()}…`);
  const build = spawnSync('npm', ['run', '-s', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    env: childEnvironment(),
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The server runs in this very process (no child to relay signals to): SIGINT/SIGTERM stop it and
// its embedded PostgreSQL, and its exit code is this script's. The CLI reads its command from argv.
const cli = join(root, 'packages', 'server', 'bin', 'osteopad.mjs');

// `npm start` runs this under npm and a shell. SIGTERM to npm reaches the shell, which exits
// without passing it on: the server would run on with its database. So it stops (as on SIGTERM)
// when the process that started it has gone.
process.env.OSTEOPAD_STOP_WITH_PARENT = '1';
process.argv.splice(2, 0, 'start');
await import(pathToFileURL(cli).href);
