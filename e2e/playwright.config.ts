import { defineConfig, type ReporterDescription } from '@playwright/test';
import { join } from 'node:path';
import { BASE_URL, E2E_DATA_DIR, E2E_PORT, REPO_ROOT } from './support/environment';

// `npm test` sets PLAYWRIGHT_JSON_OUTPUT_NAME and adds the JSON report up with the other suites.
const reporter: ReporterDescription[] =
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME === undefined ? [['list']] : [['list'], ['json']];

export default defineConfig({
  testDir: '.',
  outputDir: join(REPO_ROOT, '.test-output', 'e2e-results'),
  globalSetup: './support/globalSetup.ts',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  reporter,
  projects: [
    // The demo data as seeded: these tests count and page through the 40 demo patients.
    {
      name: 'demo',
      testMatch: '*.spec.ts',
      testIgnore: ['case-finding/**', 'consult/**', 'followup/**', 'portal/**', 'sso/**', 'admin/**'],
    },
    // These import patients and move them along the pathway, so they start when the demo tests are done.
    { name: 'case-finding', testMatch: 'case-finding/*.spec.ts', dependencies: ['demo'] },
    // The consult moves demo episodes along the pathway: after the case-finding tests.
    { name: 'consult', testMatch: 'consult/*.spec.ts', dependencies: ['case-finding'] },
    // The follow-up completes the demo's follow-up tasks: after the consult tests.
    { name: 'followup', testMatch: 'followup/*.spec.ts', dependencies: ['consult'] },
    { name: 'portal', testMatch: 'portal/*.spec.ts', dependencies: ['followup'] },
    { name: 'sso', testMatch: 'sso/*.spec.ts', dependencies: ['followup'] },
    { name: 'admin-users', testMatch: 'admin/users.spec.ts', dependencies: ['portal'] },
    { name: 'admin-organization', testMatch: 'admin/organization.spec.ts', dependencies: ['portal'] },
    { name: 'admin-auditfind', testMatch: 'admin/auditfind.spec.ts', dependencies: ['portal'] },
    // Changes the demo's clinical configuration (and confirms every value): after all the others.
    {
      name: 'admin-clinical-config',
      testMatch: 'admin/clinical-config-edit.spec.ts',
      dependencies: ['admin-users', 'admin-organization', 'admin-auditfind', 'sso'],
    },
  ],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    // Debian's Chromium; Playwright never downloads a browser here.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    // Dialogs open without their fade: axe then measures their final colours, never a frame half-way in.
    contextOptions: { reducedMotion: 'reduce' },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    // Traces record every action and cost seconds per test on a 2-core machine; a screenshot on
    // failure is cheap.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // This very Node.js (the project's, from node_modules), not whichever `node` the shell finds.
    command: `${JSON.stringify(process.execPath)} e2e/support/start-server.mjs`,
    cwd: REPO_ROOT,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // Lets the server stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      OSTEOPAD_ROOT: REPO_ROOT,
      DATA_DIR: E2E_DATA_DIR,
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      OSTEOPAD_DEMO: '1',
      LOG_LEVEL: 'warn',
      // Every test logs in from 127.0.0.1: the default 20 a minute is reached when the consult tests
      // start right after the login-form tests. The limit itself is tested in auth.int.test.ts.
      LOGIN_RATE_LIMIT_PER_MINUTE: '200',
    },
  },
});
