import { expect, test, type Page } from '@playwright/test';
import { configWordsFor } from '../support/configWords';
import { logInQuickly } from '../support/logIn';
import { expectDialogAccessible } from '../support/pageChecks';

// Runs after every other demo test (project admin-clinical-config): it changes the demo's configuration.
const WINDOW = 'eligibility.recentFractureWindowMonths';

test.use({ viewport: { width: 1280, height: 800 } });

test('a specialist changes a value with a reason, is refused one out of range, then confirms the rest and the notice goes', async ({
  page,
  context,
}) => {
  await logInQuickly(context, 'specialist');
  // The demo's specialist has made a version already (demoClinicalConfig.ts): this change is the next.
  const before = (await (await page.request.get('/api/clinical-config')).json()) as { versionNumber: number };
  const next = before.versionNumber + 1;
  await page.goto('/clinical-config');
  const words = configWordsFor('nl', WINDOW);
  const unit = words.unit ?? '';
  const card = page.getByRole('article', { name: words.title });
  await card.getByRole('button', { name: `${words.title} wijzigen` }).click();

  const dialog = page.getByRole('dialog', { name: `Wijzigen: ${words.title}` });
  await expect(dialog).toContainText(`Nu: 24 ${unit}`);
  const field = dialog.getByRole('textbox', { name: 'Nieuwe waarde' });
  await expect(dialog).toContainText(`Toegestaan: een heel getal van 1 tot en met 120 ${unit}`);
  await field.fill('200');
  await dialog.getByRole('textbox', { name: 'Reden' }).fill('Besproken in de vakgroep');
  await dialog.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(dialog).toContainText(
    `Deze waarde valt buiten het toegestane bereik: een heel getal van 1 tot en met 120 ${unit}`,
  );
  await expectDialogAccessible(page);
  await field.fill('18');
  await dialog.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Opgeslagen als configuratieversie ${String(next)}.`)).toBeVisible();
  await expect(page.getByTestId('config-version')).toHaveText(new RegExp(`\\+${String(next)}$`));

  // Changed is confirmed: it left the values to confirm. Among all values it reads as set.
  await expect(card).toHaveCount(0);
  await page
    .getByRole('radiogroup', { name: 'Welke waarden' })
    .getByText(/^Alle waarden/)
    .click();
  await expect(card.getByTestId('config-value')).toHaveText(`18 ${unit}`);
  await expect(card).toContainText('Bevestigd door');
  await expect(card).toContainText('Besproken in de vakgroep');
  const history = page.getByRole('list', { name: 'Versies' });
  await expect(history.getByRole('listitem').first()).toContainText(`Versie ${String(next)} —`);
  await expect(history).toContainText(`${words.title}: gewijzigd van 24 ${unit} naar 18 ${unit}`);

  // The API refuses what the screen would not send, and names the range.
  const refused = await page.request.post('/api/clinical-config/versions', {
    data: { basedOn: next, reason: 'Rechtstreeks', changes: [{ key: WINDOW, value: 0 }] },
    headers: { 'x-csrf-token': await csrfToken(page) },
  });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain('1…120');

  // Confirm all that is left, in one version.
  await page
    .getByRole('radiogroup', { name: 'Welke waarden' })
    .getByText(/^Te bevestigen/)
    .click();
  const remaining = await page.getByRole('article').count();
  expect(remaining).toBeGreaterThan(1);
  await page.getByRole('button', { name: `Selecteer de ${String(remaining)} getoonde waarden` }).click();
  await page.getByRole('button', { name: `${String(remaining)} geselecteerde waarden bevestigen` }).click();
  const confirm = page.getByRole('dialog', { name: `${String(remaining)} waarden bevestigen` });
  await expect(confirm.getByRole('listitem')).toHaveCount(remaining);
  await expectDialogAccessible(page);
  await confirm.getByRole('textbox', { name: 'Reden' }).fill('Alle waarden nagelopen voor de ingebruikname');
  await confirm.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'bevestigd' })).toHaveText(
    'Alle waarden zijn bevestigd.',
  );

  await page.goto('/worklist');
  await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Melding over de klinische configuratie' })).toHaveCount(0);
});

async function csrfToken(page: Page): Promise<string> {
  const session = await page.request.get('/api/auth/session');
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}
