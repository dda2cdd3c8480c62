import { expect, test, type Locator, type Page } from '@playwright/test';
import { logIn, logInQuickly } from './support/logIn';

function resultRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Gevonden patiënten' }).locator('tbody tr');
}

async function cellText(row: Locator, column: number): Promise<string> {
  return (await row.locator('td').nth(column).innerText()).trim();
}

test('a nurse finds patients by name, BSN and date of birth, and pages through the list', async ({
  page,
}) => {
  // Every request the page makes, to prove below that no search text reaches a URL.
  const urls: string[] = [];
  const searches: unknown[] = [];
  page.on('request', (request) => {
    urls.push(request.url());
    if (request.url().endsWith('/api/patients/search')) searches.push(request.postDataJSON());
  });
  await logIn(page, 'nurse');

  // Nurses start on the worklist; the patient list is the next item in the menu.
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeFocused();
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('link', { name: 'Patiënten' }).click();
  await expect(page).toHaveURL(/\/patients$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Patiënten' })).toBeFocused();
  await expect(nav.getByRole('link', { name: 'Patiënten' })).toHaveAttribute('aria-current', 'page');
  const search = page.getByRole('searchbox', { name: 'Zoek een patiënt' });
  await expect(search).toHaveAttribute('placeholder', 'Naam, BSN of geboortedatum (dd-mm-jjjj)');
  for (const column of ['Naam', 'BSN', 'Geboortedatum', 'Geslacht', 'Woonplaats']) {
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible();
  }
  await expect(page.getByRole('status')).toHaveText('40 patiënten gevonden');
  const rows = resultRows(page);
  await expect(rows).toHaveCount(20);
  await expect(rows.first().locator('td').nth(2)).toHaveText(/^\d{2}-\d{2}-\d{4}$/);

  // Paging: the second page holds the other 20.
  await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(page.getByText('21–40 van 40')).toBeVisible();
  await page.getByRole('button', { name: 'Pagina 1' }).click();
  await expect(page.getByText('1–20 van 40')).toBeVisible();

  // Take the search terms from the list itself, from three different rows.
  // The surname itself, without a prefix such as "van" (the list sorts on it, Dutch order).
  const familyName = (await cellText(rows.nth(2), 0)).split(',')[0]?.split(' ').at(-1) ?? '';
  const bsnRow = rows.nth(5);
  const bsn = await cellText(bsnRow, 1);
  const bsnName = await cellText(bsnRow, 0);
  const birthDate = await cellText(rows.nth(12), 2);
  expect(bsn).toMatch(/^\d{9}$/);

  // Part of a name, in other letter case.
  await search.fill(familyName.slice(0, 4).toLowerCase());
  await expect(rows.filter({ hasNotText: familyName.slice(0, 4) })).toHaveCount(0);
  await expect(rows).not.toHaveCount(0);
  await expect(page.getByRole('status')).not.toHaveText('40 patiënten gevonden');

  await search.fill(bsn);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(bsnName);
  await expect(page.getByRole('status')).toHaveText('1 patiënt gevonden');

  await search.fill(birthDate);
  await expect(rows.filter({ hasNotText: birthDate })).toHaveCount(0);
  await expect(rows).not.toHaveCount(0);

  await search.fill('zzzzqqq');
  await expect(page.getByText('Geen patiënten gevonden')).toBeVisible();
  await expect(rows).toHaveCount(0);

  // Nothing typed into the search ends up in a URL, neither the page's nor a request's (patient data
  // stays out of history and proxy logs): the search text travels in the body of a POST.
  expect(page.url()).not.toContain('zzzzqqq');
  const typed = [familyName.slice(0, 4).toLowerCase(), bsn, birthDate, 'zzzzqqq'];
  for (const text of typed) {
    expect(urls.filter((url) => decodeURIComponent(url).includes(text))).toEqual([]);
    expect(searches).toContainEqual(expect.objectContaining({ q: text }));
  }
});

test('API answers are not cached, and a missing file is a 404, not the app', async ({ request }) => {
  const api = await request.get('/api/health');
  expect(api.headers()['cache-control']).toBe('no-store');
  for (const path of ['/assets/index-missing.js', '/favicon.ico', '/assets/index-missing.css']) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(missing.headers()['content-type'] ?? '', path).not.toContain('text/html');
  }
  const clientRoute = await request.get('/patients/00000000-0000-4000-8000-000000000000');
  expect(clientRoute.status()).toBe(200);
  expect(clientRoute.headers()['content-type']).toContain('text/html');
  // The patient search refuses its text in the URL, whoever asks.
  expect((await request.get('/api/patients?q=Jansen')).status()).toBe(400);
});

test('a patient opens from the keyboard and shows name, BSN and date of birth', async ({ page, context }) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/patients');
  const rows = resultRows(page);
  await expect(rows).toHaveCount(20);
  const row = rows.nth(3);
  const name = await cellText(row, 0);
  const bsn = await cellText(row, 1);
  const birthDate = await cellText(row, 2);

  await page.getByRole('searchbox', { name: 'Zoek een patiënt' }).fill(bsn);
  await expect(rows).toHaveCount(1);
  const link = rows.first().getByRole('link', { name });
  await link.focus();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('patient-bsn')).toHaveText(bsn);
  await expect(page.getByTestId('patient-birth-date')).toHaveText(birthDate);
  // Demo patients came in through a CSV export: their details count from when they were stored.
  await expect(page.getByTestId('patient-details-as-of')).toHaveText(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  // The tab title names no patient: browser history is not a place for patient names.
  await expect(page).toHaveTitle('Patiënt – Osteopad');
  for (const section of ['Persoonsgegevens', 'Huisarts', 'Fracturen', 'Trajecten', 'Openstaande taken']) {
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  }
  // Every demo patient came in through the demo hospital's fracture export.
  const fractures = page.getByRole('region', { name: 'Fracturen' });
  await expect(fractures.getByRole('row')).not.toHaveCount(0);
  await expect(page.getByText('Er zijn geen fracturen geregistreerd.')).toHaveCount(0);

  // Back to the list: the search is still there.
  await page.getByRole('link', { name: 'Terug naar patiënten' }).click();
  await expect(page.getByRole('searchbox', { name: 'Zoek een patiënt' })).toHaveValue(bsn);
  await expect(rows).toHaveCount(1);
});

test('an unknown patient or page shows the not-found page inside the app', async ({ page, context }) => {
  await logInQuickly(context, 'nurse');
  const notFound = page.getByRole('heading', { level: 1, name: 'Niet gevonden' });
  await page.goto('/patients/00000000-0000-4000-8000-000000000000'); // the server answers 404
  await expect(notFound).toBeVisible();
  await page.goto('/patients/not-a-patient');
  await expect(notFound).toBeVisible();
  await page.goto('/no-such-page');
  await expect(notFound).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar de startpagina' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
});

test('switching to English changes the labels and survives a reload', async ({ page, context }) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1, name: 'Patiënten' })).toBeVisible();

  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const search = page.getByRole('searchbox', { name: 'Find a patient' });
  await expect(search).toHaveAttribute('placeholder', 'Name, BSN or date of birth (dd-mm-yyyy)');
  await expect(page.getByRole('columnheader', { name: 'Date of birth' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('40 patients found');
  await expect(page.getByRole('cell', { name: /^(Female|Male)$/ }).first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Patients – Osteopad');
  await page.getByRole('button', { name: /^User menu of / }).click();
  await expect(page.getByRole('menuitem', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText('Role: Nurse')).toBeVisible();
});
