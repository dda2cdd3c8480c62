import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** docs/DESIGN: initial JavaScript ≤ 250 kB gzipped (kB as Vite reports it: 1000 bytes). */
const BUDGET_BYTES = 250_000;

test('the first page loads at most 250 kB of gzipped JavaScript', async ({ page }) => {
  const scripts: Promise<{ url: string; gzipped: number }>[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.push(response.body().then((body) => ({ url: response.url(), gzipped: gzipSync(body).length })));
  });
  // Module scripts and their static imports have all run by the load event.
  await page.goto('/login', { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

  const loaded = await Promise.all(scripts);
  expect(loaded.length).toBeGreaterThan(0);
  const total = loaded.reduce((sum, script) => sum + script.gzipped, 0);
  test.info().annotations.push({ type: 'initial-js-gzip-bytes', description: String(total) });
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  // The screens behind the login are not part of the first load.
  expect(
    loaded.some((script) =>
      /PatientListScreen|AuditLogScreen|WorklistScreen|ImportScreen|ClinicalConfigScreen/.test(script.url),
    ),
  ).toBe(false);
});
