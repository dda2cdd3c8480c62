import { expect, test, type APIRequestContext } from '@playwright/test';
import { logInQuickly } from './support/logIn';
import { sessionState } from './support/sessions';

interface ClinicalConfigAnswer {
  engineVersion: string;
  configVersion: string;
  configFingerprint: string;
  unconfirmed: { key: string; value: unknown; marker: string; conflicts: string[] }[];
}

/** What the server says, through the same logged-in session as the browser: the screen must show exactly that. */
async function clinicalConfig(request: APIRequestContext): Promise<ClinicalConfigAnswer> {
  const response = await request.get('/api/clinical-config');
  expect(response.status()).toBe(200);
  return (await response.json()) as ClinicalConfigAnswer;
}

const BADGE: Record<string, { nl: string; en: string }> = {
  UNCONFIRMED: { nl: 'Niet bevestigd', en: 'Unconfirmed' },
  INFERRED: { nl: 'Afgeleid', en: 'Inferred' },
};

test('a specialist follows the notice to the unconfirmed clinical values, in Dutch and in English', async ({
  page,
  context,
}) => {
  await logInQuickly(context, 'specialist');
  const config = await clinicalConfig(page.request);
  // The reference configuration leaves values unconfirmed; the notice only appears when some are.
  expect(config.unconfirmed.length).toBeGreaterThan(0);
  const total = config.unconfirmed.length;

  await page.goto('/');
  await expect(page).toHaveURL(/\/worklist$/);
  const notice = page.getByRole('note', { name: 'Melding over de klinische configuratie' });
  await expect(notice).toContainText(
    total === 1
      ? '1 klinische waarde is nog niet bevestigd.'
      : `${String(total)} klinische waarden zijn nog niet bevestigd.`,
  );
  await notice.getByRole('link', { name: 'Bekijk de klinische configuratie' }).click();

  await expect(page).toHaveURL(/\/clinical-config$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Klinische configuratie' })).toBeFocused();
  await expect(page).toHaveTitle('Klinische configuratie – Osteopad');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Klinische configuratie' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // On the screen itself the reminder would only repeat the page.
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('OSTEOPAD_CLINICAL_CONFIG', { exact: false })).toBeVisible();

  // Which rules and which configuration this server runs with.
  await expect(page.getByTestId('engine-version')).toHaveText(config.engineVersion);
  await expect(page.getByTestId('config-version')).toHaveText(config.configVersion);
  await expect(page.getByTestId('config-fingerprint')).toHaveText(config.configFingerprint);

  // Every unconfirmed value, one row each, named by its key, in the server's order.
  const table = page.getByRole('table', { name: 'Nog niet bevestigde klinische waarden' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(total);
  await expect(rows.getByRole('rowheader')).toHaveText(config.unconfirmed.map((value) => value.key));
  await expect(page.getByRole('status').filter({ hasText: 'nog niet bevestigd' })).toHaveText(
    total === 1 ? '1 waarde is nog niet bevestigd' : `${String(total)} waarden zijn nog niet bevestigd`,
  );

  // Each marker the server uses is shown as a badge in words on the value's row.
  const markers = [...new Set(config.unconfirmed.map((value) => value.marker))];
  for (const marker of markers) {
    const value = config.unconfirmed.find((v) => v.marker === marker);
    if (value === undefined) continue;
    const row = rows.filter({ has: page.getByRole('rowheader', { name: value.key, exact: true }) });
    await expect(row.locator('td').nth(1)).toHaveText(BADGE[marker]?.nl ?? marker);
    await expect(row.locator('td').last()).toHaveText(
      value.conflicts.length === 0 ? 'Geen' : value.conflicts.join(', '),
    );
  }
  // A number is shown as the configuration file writes it.
  const numeric = config.unconfirmed.find((v) => typeof v.value === 'number');
  if (numeric !== undefined) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name: numeric.key, exact: true }) });
    await expect(row.locator('td').first()).toHaveText(String(numeric.value));
  }

  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinical configuration' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Values not yet confirmed' })).toBeVisible();
  const englishTable = page.getByRole('table', { name: 'Clinical values not yet confirmed' });
  await expect(englishTable.getByRole('columnheader')).toHaveText([
    'Key',
    'Value',
    'Marker',
    'Source',
    'Description',
    'Conflicts',
  ]);
  await expect(englishTable.locator('tbody tr')).toHaveCount(total);
  const first = config.unconfirmed[0];
  if (first !== undefined) {
    const row = englishTable
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: first.key, exact: true }) });
    await expect(row.locator('td').nth(1)).toHaveText(BADGE[first.marker]?.en ?? first.marker);
  }
});

test.describe('a secretary', () => {
  test.use({ storageState: sessionState('secretary') });

  test('can open the clinical configuration from the menu, without the reminder', async ({ page }) => {
    await page.goto('/worklist');
    await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'Melding over de klinische configuratie' })).toHaveCount(0);

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Klinische configuratie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Klinische configuratie' })).toBeFocused();
    const { unconfirmed } = await clinicalConfig(page.request);
    await expect(
      page.getByRole('table', { name: 'Nog niet bevestigde klinische waarden' }).locator('tbody tr'),
    ).toHaveCount(unconfirmed.length);
  });
});
