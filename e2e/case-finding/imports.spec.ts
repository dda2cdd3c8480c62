import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/environment';
import { sessionState } from '../support/sessions';

const FIXTURES = join(REPO_ROOT, 'packages', 'server', 'test', 'fixtures', 'imports');

function count(page: Page, name: string): Locator {
  return page.getByTestId(`count-${name}`).locator('dd');
}

async function upload(page: Page, kind: string, file: string, skipInvalid: boolean): Promise<void> {
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.locator('input[type=file]').setInputFiles(join(FIXTURES, file));
  const skip = page.getByRole('checkbox', { name: 'Ongeldige rijen overslaan' });
  await skip.setChecked(skipInvalid);
  await page.getByRole('button', { name: 'Importeren' }).click();
}

test.describe('an administrator', () => {
  test.use({ storageState: sessionState('admin') });

  test('imports fracture registrations and radiology reports through the import screen', async ({ page }) => {
    // Four uploads, one of them held back on purpose (below): longer than the default 20 s on a busy machine.
    test.slow();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/imports$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeFocused();

    // Nothing chosen: the file field says so, and nothing is sent.
    await page.getByRole('button', { name: 'Importeren' }).click();
    await expect(page.getByText('Kies een bestand.')).toBeVisible();
    // A field's error message is readable (the theme's error red, WCAG AA contrast).
    const form = await new AxeBuilder({ page }).include('form').withRules(['color-contrast']).analyze();
    expect(
      form.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // A good CSV export: six registrations, two of them with a site the rules cannot place. The
    // server's answer is held back a moment (the import itself is done), so the screen's progress
    // report can be seen: it asks the server how far the upload has come while the request is open.
    await page.route(
      (url) => url.pathname === '/api/imports',
      async (route) => {
        if (route.request().method() !== 'POST') {
          await route.fallback();
          return;
        }
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await route.fulfill({ response });
      },
    );
    await upload(page, 'CSV', 'csv/valid-utf8-comma.csv', false);
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await expect(page.getByText('6 rijen gelezen')).toBeVisible();
    await page.unroute((url) => url.pathname === '/api/imports');
    const result = page.getByRole('region', { name: 'Resultaat: valid-utf8-comma.csv' });
    await expect(result.getByTestId('import-status')).toHaveText('Geïmporteerd');
    await expect(count(page, 'rows')).toHaveText('6');
    await expect(count(page, 'imported')).toHaveText('6');
    await expect(count(page, 'duplicates')).toHaveText('0');
    // A CSV export never changes the details of a patient Osteopad already knows (only dated HL7 does).
    await expect(count(page, 'patientsUpdated')).toHaveText('0');
    await expect(count(page, 'invalid')).toHaveText('0');
    // How the six divide over the lists depends on today's date (the rules count fractures of the
    // last 24 months as recent), but every one of them lands somewhere.
    const classified = await Promise.all(
      ['eligible', 'excluded', 'manualReview'].map(async (name) =>
        Number(await count(page, name).innerText()),
      ),
    );
    expect(classified.reduce((sum, n) => sum + n, 0)).toBe(6);
    // The two sites the rules cannot place are imported, and listed as worth a look with row and column.
    const warnings = result.getByRole('table', { name: 'Aandachtspunten' });
    await expect(warnings.locator('tbody tr')).toHaveCount(2);
    await expect(warnings.locator('tbody tr').nth(0)).toContainText('icd10');
    await expect(warnings.locator('tbody tr').nth(1)).toContainText('fracture_site');

    // Other tests import at the same time (a confirmed radiology finding is an import too), so the
    // row is found by its file name rather than by being on top.
    const history = page.getByRole('table', { name: 'Eerdere importen' });
    const historyRow = (fileName: string) => history.locator('tbody tr', { hasText: fileName }).first();
    const good = historyRow('valid-utf8-comma.csv');
    await expect(good).toContainText('CSV');
    await expect(good).toContainText('Upload');
    await expect(good).toContainText('Geïmporteerd');

    // Impossible and future dates: nothing is imported, and each problem is named by row and column.
    await upload(page, 'CSV', 'csv/invalid-and-future-dates.csv', false);
    const refused = page.getByRole('region', { name: 'Resultaat: invalid-and-future-dates.csv' });
    await expect(refused.getByTestId('import-status')).toHaveText('Niets geïmporteerd');
    await expect(refused.getByRole('alert')).toContainText('Ongeldige rijen overslaan');
    await expect(count(page, 'imported')).toHaveText('0');
    const errors = refused.getByRole('table', { name: 'Meldingen' });
    await expect(errors.getByRole('columnheader', { name: 'Melding' })).toBeVisible();
    const birthDate = errors.locator('tbody tr').filter({ hasText: 'birth_date' }).first();
    await expect(birthDate.locator('td').first()).toHaveText('1');
    const futureFracture = errors
      .locator('tbody tr')
      .filter({ hasText: 'fracture_date' })
      .filter({ hasText: '2031' });
    await expect(futureFracture.locator('td').first()).toHaveText('3');
    await expect(historyRow('invalid-and-future-dates.csv')).toContainText('Niets geïmporteerd');

    // A file the importer cannot read at all: the problem belongs to the file, not to a row.
    await upload(page, 'CSV', 'csv/missing-column.csv', false);
    const fileError = page.getByRole('region', { name: 'Resultaat: missing-column.csv' });
    await expect(fileError.getByTestId('import-status')).toHaveText('Niets geïmporteerd');
    await expect(
      fileError.getByRole('table', { name: 'Meldingen' }).locator('tbody tr td').first(),
    ).toHaveText('bestand');

    // Radiology reports, skipping the broken lines: the vertebral fractures go to the review list.
    await page.getByRole('radio', { name: 'Röntgenverslagen', exact: true }).check();
    await expect(page.getByRole('combobox', { name: 'Tekenset' })).toBeVisible();
    await upload(page, 'Röntgenverslagen', 'reports/reports-nl-en.txt', true);
    const reports = page.getByRole('region', { name: 'Resultaat: reports-nl-en.txt' });
    await expect(reports.getByTestId('import-status')).toHaveText('Geïmporteerd');
    await expect(count(page, 'findings')).toHaveText('4');
    await expect(
      reports.getByText('De bevindingen staan op de werklijst bij ‘Röntgenverslagen’.', { exact: false }),
    ).toBeVisible();
    // The bad BSN, the future date and the short line are reported, and were skipped.
    const skipped = reports.getByRole('table', { name: 'Meldingen' }).locator('tbody tr');
    await expect(skipped.filter({ hasText: 'bsn' })).not.toHaveCount(0);
    await expect(historyRow('reports-nl-en.txt')).toContainText('Röntgenverslagen');
  });
});

test.describe('a secretary', () => {
  test.use({ storageState: sessionState('secretary') });

  test('has no import in the navigation and no access at its URL', async ({ page }) => {
    let importRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/imports')) importRequests += 1;
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/worklist$/);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Werklijst' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Patiënten' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Import' })).toHaveCount(0);

    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    expect(importRequests).toBe(0);
  });
});
