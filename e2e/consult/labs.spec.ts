import { expect, request, test, type Page } from '@playwright/test';
import { BASE_URL } from '../support/environment';
import { sessionState } from '../support/sessions';

test.use({ storageState: sessionState('nurse') });

const OPEN_STATES = new Set(['identified', 'invited', 'reminded', 'intake']);

/** An open episode of a demo patient, found as the nurse would (patient search, then the record). */
async function openEpisode(skip: number): Promise<string> {
  const api = await request.newContext({ baseURL: BASE_URL, storageState: sessionState('nurse') });
  const session = await api.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const list = await api.post('/api/patients/search', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { q: '', limit: 50, offset: 0 },
  });
  const { items } = (await list.json()) as { items: { id: string }[] };
  const found: string[] = [];
  for (const p of items) {
    const record = await api.get(`/api/patients/${p.id}`);
    const { episodes } = (await record.json()) as { episodes: { id: string; state: string }[] };
    const open = episodes.find((e) => OPEN_STATES.has(e.state));
    if (open !== undefined) found.push(open.id);
    if (found.length > skip) break;
  }
  await api.dispose();
  const id = found[skip];
  if (id === undefined) throw new Error('No open episode in the demo data');
  return id;
}

const entryRow = (page: Page, analyte: string) =>
  page.getByTestId('lab-entry').locator(`tr[data-analyte="${analyte}"]`);

test('labs: order list, a flagged value, a refused negative value, saved values after reload', async ({
  page,
}) => {
  const episodeId = await openEpisode(20);
  await page.goto(`/episodes/${episodeId}/labs`);
  await expect(page.getByRole('heading', { name: 'Laboratorium en valrisico' })).toBeVisible();
  // The engine's order list (R6): without a DXA T-score it says what it still needs, with its rule.
  const orders = page.getByTestId('lab-order-list');
  await expect(orders.getByText('Aan te vragen (R6)')).toBeVisible();
  await expect(orders.getByText(/Regel R6\.1/).first()).toBeVisible();

  // A negative value is refused at its field; nothing is saved.
  await entryRow(page, 'albumin').getByRole('textbox', { name: 'Albumine: Waarde' }).fill('-3');
  await page.getByRole('button', { name: 'Uitslagen opslaan' }).click();
  await expect(entryRow(page, 'albumin').getByText('Een waarde kan niet negatief zijn.')).toBeVisible();
  await expect(page.getByText('Nog geen uitslagen.')).toBeVisible();

  // A calcium above the laboratory's range is flagged high, in colour and in words.
  await entryRow(page, 'albumin').getByRole('textbox', { name: 'Albumine: Waarde' }).fill('');
  const calcium = entryRow(page, 'calcium');
  await calcium.getByRole('textbox', { name: 'Calcium: Waarde' }).fill('2,9');
  await calcium.getByRole('textbox', { name: 'Calcium: Ondergrens' }).fill('2.2');
  await calcium.getByRole('textbox', { name: 'Calcium: Bovengrens' }).fill('2.6');
  await entryRow(page, 'TSH').getByRole('textbox', { name: 'TSH: Waarde' }).fill('1.5');
  await page.getByRole('button', { name: 'Uitslagen opslaan' }).click();
  const results = page.getByTestId('lab-results');
  await expect(results.locator('tr[data-analyte="calcium"]').getByText('Te hoog')).toBeVisible();
  await expect(
    results.locator('tr[data-analyte="TSH"]').getByText('referentiewaarden onbevestigd'),
  ).toBeVisible();

  await page.reload();
  await expect(
    page.getByTestId('lab-results').locator('tr[data-analyte="calcium"]').getByText('2.9 mmol/L'),
  ).toBeVisible();
});

test('fall risk: the advice follows the answers and is kept after reload', async ({ page }) => {
  const episodeId = await openEpisode(21);
  await page.goto(`/episodes/${episodeId}/labs`);
  const section = page.getByRole('region', { name: 'Valrisico (R7)' });
  await section.getByRole('textbox', { name: 'Aantal keer gevallen in het afgelopen jaar' }).fill('2');
  await section
    .getByRole('radiogroup', { name: 'Moeite met bewegen, lopen of evenwicht' })
    .getByText('Ja')
    .click();
  const advice = section.getByTestId('fall-advice');
  await expect(advice.getByText('Fysiotherapie: kracht- en balanstraining')).toBeVisible();
  await expect(advice.getByText('Valpreventie aangewezen.')).toBeVisible();
  await expect(advice.getByText(/Regel R7\.3/).first()).toBeVisible();
  await section.getByRole('button', { name: 'Screening opslaan' }).click();
  await expect(section.getByText(/Laatst opgeslagen op/)).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId('fall-advice').getByText('Fysiotherapie: kracht- en balanstraining'),
  ).toBeVisible();
});

test.describe('in English', () => {
  test('the screen speaks English', async ({ page }) => {
    const episodeId = await openEpisode(22);
    await page.goto(`/episodes/${episodeId}/labs`);
    await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
    await expect(page.getByRole('heading', { name: 'Laboratory and fall risk' })).toBeVisible();
    await expect(page.getByText('To order (R6)')).toBeVisible();
  });
});
