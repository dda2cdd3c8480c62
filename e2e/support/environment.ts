import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Shared by the Playwright config, the server start script and the tests. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/**
 * An uncommon port, so a developer's own server on 3000 does not get in the way; `OSTEOPAD_E2E_PORT`
 * moves it, so two checkouts can run their browser tests at the same time.
 */
export const E2E_PORT = Number(process.env.OSTEOPAD_E2E_PORT ?? 3199);
export const BASE_URL = `http://127.0.0.1:${String(E2E_PORT)}`;
/** Wiped before every run (see start-server.mjs): each run gets a fresh database and demo data. */
export const E2E_DATA_DIR = join(REPO_ROOT, '.test-output', 'e2e-data');
export const WEB_INDEX = join(REPO_ROOT, 'packages', 'web', 'dist', 'index.html');
