import { expect, test, type APIRequestContext } from '@playwright/test';
import { configWordsFor } from './support/configWords';
import { logInQuickly } from './support/logIn';
import { screenshotsAtBothSizes } from './support/pageChecks';
import { sessionState } from './support/sessions';

interface ClinicalConfigAnswer {
  engineVersion: string;
  configVersion: string;
  configFingerprint: string;
  versionNumber: number;
  entries: { key: string; value: unknown; marker: string; confirmedBy: string | null }[];
  unconfirmed: { key: string; value: unknown; marker: string }[];
}

/** What the server says, through the same logged-in session as the browser: the screen must show exactly that. */
async function clinicalConfig(request: APIRequestContext): Promise<ClinicalConfigAnswer> {
  const response = await request.get('/api/clinical-config');
  expect(response.status()).toBe(200);
  return (await response.json()) as ClinicalConfigAnswer;
}

// These tests only read: the configuration is changed by admin/clinical-config-edit.spec.ts, after the others.
const WINDOW = 'eligibility.recentFractureWindowMonths';

test('a specialist follows the notice to the values to confirm, each in words, in Dutch and in English', async ({
  page,
  context,
}, testInfo) => {
  // Two full-page screenshots of some forty values take their time on a 2-core machine.
  test.setTimeout(60_000);
  await logInQuickly(context, 'specialist');
  const config = await clinicalConfig(page.request);
  // The reference configuration leaves values unconfirmed; the notice only appears when some are.
  expect(config.unconfirmed.length).toBeGreaterThan(0);
  const total = config.unconfirmed.length;

  await page.goto('/');
  await expect(page).toHaveURL(/\/worklist$/);
  const notice = page.getByRole('note', { name: 'Melding over de klinische configuratie' });
  await expect(notice).toContainText(`${String(total)} klinische waarden zijn nog niet bevestigd.`);
  await notice.getByRole('link', { name: 'Bekijk de klinische configuratie' }).click();

  await expect(page).toHaveURL(/\/clinical-config$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Klinische configuratie' })).toBeFocused();
  await expect(page).toHaveTitle('Klinische configuratie – Osteopad');
  // On the screen itself the reminder would only repeat the page.
  await expect(notice).toHaveCount(0);

  // Which rules and which configuration decide.
  await expect(page.getByTestId('engine-version')).toHaveText(config.engineVersion);
  await expect(page.getByTestId('config-version')).toHaveText(config.configVersion);
  await expect(page.getByTestId('config-fingerprint')).toHaveText(config.configFingerprint);

  // The values to confirm first: one card each, titled in words, never by the key.
  await expect(page.getByRole('status').filter({ hasText: 'nog niet bevestigd' })).toHaveText(
    `${String(total)} waarden zijn nog niet bevestigd`,
  );
  await expect(page.getByRole('radio', { name: `Te bevestigen (${String(total)})` })).toBeChecked();
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(total);
  await expect(page.getByText(WINDOW, { exact: true })).toHaveCount(0);
  const words = configWordsFor('nl', WINDOW);
  const window = page.getByRole('article', { name: words.title });
  await expect(window).toContainText('Afgeleid');
  await expect(window.getByTestId('config-value')).toHaveText(`24 ${words.unit ?? ''}`);
  await expect(window).toContainText('Bron: C2');
  await expect(window.getByRole('button', { name: `${words.title} wijzigen` })).toBeVisible();

  await screenshotsAtBothSizes(page, testInfo, 'clinical-config');

  // Every value, also those a source fixes.
  await page
    .getByRole('radiogroup', { name: 'Welke waarden' })
    .getByText(`Alle waarden (${String(config.entries.length)})`)
    .click();
  await expect(cards).toHaveCount(config.entries.length);
  await page.getByLabel('Zoeken in de waarden').fill(words.title);
  await expect(cards).toHaveCount(1);
  await page.getByLabel('Zoeken in de waarden').fill('');

  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinical configuration' })).toBeVisible();
  const english = configWordsFor('en', WINDOW);
  await expect(page.getByRole('article', { name: english.title }).getByTestId('config-value')).toHaveText(
    `24 ${english.unit ?? ''}`,
  );
});

test.describe('a secretary', () => {
  test.use({ storageState: sessionState('secretary') });

  test('reads the clinical configuration from the menu, without the reminder and without changing it', async ({
    page,
  }) => {
    await page.goto('/worklist');
    await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'Melding over de klinische configuratie' })).toHaveCount(0);

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Klinische configuratie' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Klinische configuratie' })).toBeFocused();
    const { unconfirmed } = await clinicalConfig(page.request);
    await expect(page.getByRole('article')).toHaveCount(unconfirmed.length);
    await expect(
      page.getByText('Alleen een specialist of een beheerder kan waarden bevestigen of wijzigen.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /wijzigen$/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /bevestigen$/ })).toHaveCount(0);
  });
});
