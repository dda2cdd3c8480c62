import { expect, test, type Page } from '@playwright/test';
import { demoLogin } from './support/demoLogins';
import { fillLoginForm } from './support/logIn';

/**
 * docs/DESIGN: the first load of the app sends at most 250 kB of JavaScript over the wire (kB as Vite
 * reports it: 1000 bytes). Counted as the browser received it — compressed body and response headers —
 * not as the files are on disk.
 */
const BUDGET_BYTES = 250_000;

interface ScriptLoad {
  url: string;
  /** `Content-Encoding` of the answer; '' when it came uncompressed. */
  encoding: string;
  /** Bytes received for it (headers and encoded body), from CDP `Network.loadingFinished`. */
  transferred: number | null;
  /** The encoded body alone (its Content-Length): what is left of `transferred` without headers. */
  body: number;
  /** Bytes of the script after decoding, from CDP `Network.dataReceived`. */
  decoded: number;
}

/**
 * Records every script the page loads, by the browser's own network accounting: Chromium's DevTools
 * protocol reports the encoded bytes of each finished request (`encodedDataLength`).
 */
async function recordScripts(page: Page): Promise<Map<string, ScriptLoad>> {
  const cdp = await page.context().newCDPSession(page);
  const loads = new Map<string, ScriptLoad>();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    if (type !== 'Script') return;
    const header = (wanted: string): string =>
      Object.entries(response.headers).find(([name]) => name.toLowerCase() === wanted)?.[1] ?? '';
    loads.set(requestId, {
      url: response.url,
      encoding: header('content-encoding'),
      transferred: null,
      body: Number(header('content-length') || '0'),
      decoded: 0,
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const load = loads.get(requestId);
    if (load !== undefined) load.decoded += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const load = loads.get(requestId);
    if (load !== undefined) load.transferred = encodedDataLength;
  });
  // No cache at all: this is a new user's browser.
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return loads;
}

/** Waits until every script seen has finished loading, then adds them up. */
async function finishedScripts(loads: Map<string, ScriptLoad>): Promise<ScriptLoad[]> {
  await expect.poll(() => [...loads.values()].filter((l) => l.transferred === null).length).toBe(0);
  return [...loads.values()];
}

function report(name: string, scripts: ScriptLoad[]): number {
  const transferred = scripts.reduce((sum, s) => sum + (s.transferred ?? 0), 0);
  const body = scripts.reduce((sum, s) => sum + s.body, 0);
  const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
  const encodings = [...new Set(scripts.map((s) => s.encoding || 'identity'))].sort().join(',');
  test
    .info()
    .annotations.push(
      { type: `${name}-js-scripts`, description: String(scripts.length) },
      { type: `${name}-js-transferred-bytes`, description: String(transferred) },
      { type: `${name}-js-body-bytes`, description: String(body) },
      { type: `${name}-js-decoded-bytes`, description: String(decoded) },
      { type: `${name}-js-encodings`, description: encodings },
    );
  return transferred;
}

/** Scripts this small may come as they are: the build keeps no copy that would not be smaller. */
const TOO_SMALL_TO_COMPRESS = 1000;

function expectCompressed(scripts: ScriptLoad[]): void {
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts.filter((s) => s.decoded >= TOO_SMALL_TO_COMPRESS))
    expect(script.encoding, script.url).toMatch(/^(br|gzip)$/);
  // Compression actually paid off on the wire (headers included), it is not just a header.
  const transferred = scripts.reduce((sum, s) => sum + (s.transferred ?? 0), 0);
  const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
  expect(transferred).toBeLessThan(decoded / 3);
}

test('the login page loads no screen behind the login, compressed', async ({ page }) => {
  const loads = await recordScripts(page);
  // Module scripts and their static imports have all run by the load event.
  await page.goto('/login', { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

  const scripts = await finishedScripts(loads);
  const transferred = report('login', scripts);
  expectCompressed(scripts);
  expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
  expect(
    scripts.some((script) =>
      /PatientListScreen|AuditLogScreen|WorklistScreen|ImportScreen|ClinicalConfigScreen/.test(script.url),
    ),
  ).toBe(false);
});

test(`a new user's first load of the worklist transfers at most 250 kB of JavaScript`, async ({ page }) => {
  const loads = await recordScripts(page);
  const { username, password } = demoLogin('nurse');
  // Straight to the worklist, as from a bookmark: the app sends the visitor to the login first.
  await page.goto('/worklist');
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await fillLoginForm(page, username, password);
  await expect(page).toHaveURL(/\/worklist/);
  await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Uit te nodigen' })).toBeVisible();

  const scripts = await finishedScripts(loads);
  expect(scripts.some((script) => script.url.includes('WorklistScreen'))).toBe(true);
  const transferred = report('worklist', scripts);
  expectCompressed(scripts);
  expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
});
