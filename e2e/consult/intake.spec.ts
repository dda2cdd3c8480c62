import { expect, request, test, type Page } from '@playwright/test';
import { BASE_URL } from '../support/environment';
import { sessionState } from '../support/sessions';

// Demo patient 12 (demoPatients(40), born 21-01-1939) has an intake partly filled by the demo.
test.use({ storageState: sessionState('nurse') });

async function demoEpisodeId(): Promise<string> {
  const api = await request.newContext({ baseURL: BASE_URL, storageState: sessionState('nurse') });
  const session = (await (await api.get('/api/auth/session')).json()) as { csrfToken: string };
  const found = await api.post('/api/patients/search', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { q: '21-01-1939', limit: 5, offset: 0 },
  });
  const list = (await found.json()) as { items: { id: string }[] };
  expect(list.items).toHaveLength(1);
  const record = (await (await api.get(`/api/patients/${list.items[0]?.id ?? ''}`)).json()) as {
    episodes: { id: string }[];
  };
  await api.dispose();
  return record.episodes[0]?.id ?? '';
}

const question = (page: Page, name: RegExp) => page.getByRole('radiogroup', { name });

async function answer(page: Page, name: RegExp, yes: boolean) {
  await question(page, name)
    .getByLabel(yes ? 'Ja' : 'Nee', { exact: true })
    .check();
}

test('a nurse fills the intake in parts, an impossible dose is refused at the field, then completes it', async ({
  page,
}) => {
  // A long form on a shared 2-core machine.
  test.setTimeout(60_000);
  const episodeId = await demoEpisodeId();
  await page.goto(`/episodes/${episodeId}/intake`);
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await expect(page.getByTestId('intake-status')).toContainText('deels ingevuld');
  await expect(page.getByLabel(/^Gewicht/)).toHaveValue('64');

  // Part of it, saved and kept.
  await answer(page, /^Rookt de patiënt/, true);
  await page.getByLabel(/^Aantal keer gevallen/).fill('1');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
  await page.reload();
  await expect(question(page, /^Rookt de patiënt/).getByLabel('Ja', { exact: true })).toBeChecked();
  await expect(page.getByLabel(/^Aantal keer gevallen/)).toHaveValue('1');

  // 5,000 mg a day is refused at the field with the reason, and nothing is saved.
  const dose = page.getByLabel(/^Dosis glucocorticoïd/);
  await dose.fill('5000');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    page.getByText('Onmogelijke waarde: vul een getal in van 0 tot en met 2000 mg per dag.'),
  ).toBeVisible();
  await expect(dose).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await expect(page.getByLabel(/^Dosis glucocorticoïd/)).toHaveValue('10');

  // Completing asks for every required answer; then it is done.
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByText('Beantwoord deze vraag om de intake af te ronden.').first()).toBeVisible();
  await answer(page, /^Reumatoïde artritis/, false);
  await answer(page, /^Een aandoening die tot secundaire osteoporose/, false);
  await page.getByLabel(/^Stootkuren glucocorticoïden/).fill('0');
  await answer(page, /^Is de patiënt bang om te vallen/, false);
  await answer(page, /^Heeft de patiënt moeite met bewegen/, true);
  await answer(page, /^Donkere huid/, false);
  await answer(page, /^Dagelijks voldoende buiten/, true);
  await answer(page, /^Draagt de patiënt lichaamsbedekkende kleding/, false);
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Intake afgerond' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('intake-status')).toContainText('afgerond');

  // In English, the reason is given in English.
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
  await expect(page.getByRole('link', { name: /Back to the patient/ })).toBeVisible();
  await page.getByLabel(/^Glucocorticoid dose/).fill('5000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Impossible value: enter a number from 0 to 2000 mg a day.')).toBeVisible();
});
