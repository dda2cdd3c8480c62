import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/environment';
import { sessionState } from '../support/sessions';

const FIXTURE = join(
  REPO_ROOT,
  'packages',
  'server',
  'test',
  'fixtures',
  'imports',
  'csv',
  'valid-utf8-comma.csv',
);
/** Copies of the fixture's six rows: a file over the screen's job threshold (4 MiB), cheap to import. */
const COPIES = 7_000;

test.describe('an administrator', () => {
  test.use({ storageState: sessionState('admin') });

  test('imports a large file through the job queue and sees its summary', async ({ page }, testInfo) => {
    test.slow();
    const [header, ...fixtureRows] = (await readFile(FIXTURE, 'utf8')).trimEnd().split('\n');
    // Patients of their own (another hospital number, no BSN): the import-screen test imports the
    // fixture itself and expects all six rows to be new, whichever of the two runs first.
    const rows = fixtureRows.map((row) => row.replace(/^Z1(\d{6}),\d*,/, 'J1$1,,'));
    expect(rows.filter((row) => row.startsWith('J1'))).toHaveLength(fixtureRows.length);
    const body = Array.from({ length: COPIES }, () => rows.join('\n')).join('\n');
    const file = testInfo.outputPath('fracturen-groot.csv');
    await writeFile(file, `${header ?? ''}\n${body}\n`);

    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await page.getByRole('radio', { name: 'CSV', exact: true }).check();
    await page.locator('input[type=file]').setInputFiles(file);
    const queued = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/import-jobs' && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Importeren' }).click();
    // The upload ends when the file is spooled (202); the screen then follows the job.
    expect((await queued).status()).toBe(202);
    const result = page.getByRole('region', { name: 'Resultaat: fracturen-groot.csv' });
    await expect(result.getByTestId('import-status')).toHaveText('Geïmporteerd', { timeout: 90_000 });
    await expect(page.getByTestId('count-rows').locator('dd')).toHaveText(String(rows.length * COPIES));
    // Every copy after the first is the same fracture again.
    await expect(page.getByTestId('count-imported').locator('dd')).toHaveText(/^[0-6]$/);
  });
});
