#!/usr/bin/env node
// Starts the real server for the browser tests on a fresh data folder. Playwright starts its
// webServer before globalSetup runs, so the folder is cleared here, right before the server starts.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dataDir = process.env.DATA_DIR;
const root = process.env.OSTEOPAD_ROOT;
if (dataDir === undefined || root === undefined) {
  console.error('start-server.mjs needs DATA_DIR and OSTEOPAD_ROOT (set by e2e/playwright.config.ts).');
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dirname(dataDir), { recursive: true });

const cli = join(root, 'packages', 'server', 'bin', 'osteopad.mjs');
// In a process group of its own, so that a signal to this wrapper's group (Playwright stops the group)
// reaches the server once, forwarded below; and it stops by itself should this wrapper be killed outright.
const server = spawn(process.execPath, [cli, 'start'], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, OSTEOPAD_STOP_WITH_PARENT: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 1) : 0));
