import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { validBsns } from '../support/caseFindingData';
import { logInQuickly } from '../support/logIn';

// A demo man (index 3k + 2 of demoPatients(40)) with an episode still `identified`, past the ones other
// tests use: his DXA classification is decided without an intake. The demo BSNs are the elfproef
// numbers from 999 990 000 on (demoData.ts).
const CANDIDATES = [23, 26, 29, 32, 35, 38].map((i) => validBsns(40, 999_990_000)[i] ?? '');

async function episodeOf(request: APIRequestContext): Promise<{ episodeId: string; patientId: string }> {
  const session = await request.get('/api/auth/session');
  const csrf = (await session.json()) as { csrfToken: string };
  for (const bsn of CANDIDATES) {
    const found = await request.post('/api/patients/search', {
      data: { q: bsn },
      headers: { 'x-csrf-token': csrf.csrfToken },
    });
    expect(found.status()).toBe(200);
    const patientId = ((await found.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    const record = await request.get(`/api/patients/${patientId}`);
    const episodes = ((await record.json()) as { episodes: { id: string; state: string }[] }).episodes;
    const episode = episodes.find((e) => e.state === 'identified');
    if (episode !== undefined) return { episodeId: episode.id, patientId };
  }
  throw new Error('no demo man with an identified episode');
}

async function openScreen(page: Page): Promise<string> {
  await logInQuickly(page.context(), 'nurse');
  const { episodeId } = await episodeOf(page.request);
  await page.goto(`/episodes/${episodeId}/investigations`);
  await expect(page.getByRole('heading', { name: 'Onderzoek: DXA en VFA' })).toBeVisible();
  return episodeId;
}

test.describe.configure({ mode: 'serial' });

test('a T-score of 15 is refused at its field and nothing is saved', async ({ page }) => {
  const episodeId = await openScreen(page);
  await page.getByLabel('Totale heup: T-score').fill('15');
  await expect(
    page.getByText('Deze score ligt buiten het bereik dat de regels aannemen (−10 tot +10).'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).first().click();
  await expect(page.getByTestId('save-problem').first()).toContainText('Er is niets opgeslagen');
  const read = await page.request.get(`/api/episodes/${episodeId}/investigations`);
  expect(((await read.json()) as { dxaExams: unknown[] }).dxaExams).toHaveLength(0);
});

test('the DXA classification appears as the values are typed, and the saved exam is there after a reload', async ({
  page,
}) => {
  await openScreen(page);
  await page.getByLabel('Lendenwervels (L1–L4): T-score').fill('-1,8');
  await page.getByLabel('Femurhals: T-score').fill('-2,7');
  await page.getByLabel('Femurhals: BMD (g/cm²)').fill('0,59');
  await expect(page.getByTestId('dxa-lowest')).toHaveText('Laagste T-score: -2.7 (Femurhals)');
  await expect(page.getByTestId('dxa-category')).toHaveText('Categorie: Ernstige osteoporose');
  await expect(page.getByTestId('dxa-result').locator('[data-rule="R4.1"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'Opslaan' }).first().click();
  await expect(page.getByText('Versie 1, vastgelegd door', { exact: false }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Femurhals: T-score')).toHaveValue('-2.7');
  await expect(page.getByTestId('dxa-category')).toHaveText('Categorie: Ernstige osteoporose');
});

test('a VFA grade gives the R5 category; grade 4 is refused', async ({ page }) => {
  await openScreen(page);
  await page.getByLabel('T12: Genant-graad (0–3)').fill('4');
  await expect(page.getByText('Een Genant-graad is 0, 1, 2 of 3.')).toBeVisible();
  await page.getByLabel('T12: Genant-graad (0–3)').fill('2');
  await page.getByLabel('L1: Hoogteverlies (%)').fill('30');
  await expect(page.getByTestId('vfa-category')).toHaveText(
    'Categorie: Meerdere matige wervelfracturen (graad 2)',
  );
});

test('in English', async ({ page }) => {
  await logInQuickly(page.context(), 'nurse');
  const { episodeId } = await episodeOf(page.request);
  await page.addInitScript(() => {
    window.localStorage.setItem('osteopad.language', 'en');
  });
  await page.goto(`/episodes/${episodeId}/investigations`);
  await expect(page.getByTestId('dxa-category')).toHaveText('Category: Severe osteoporosis');
});
