import { expect, test } from '@playwright/test';
import { adminApi, dutchDate, isoDay, validBsns } from '../support/caseFindingData';
import { sessionState } from '../support/sessions';

// This file's own dates and BSN, apart from the other tests' windows.
const FRACTURE_DATE = isoDay(-41);
const DIED_ON = isoDay(-9);
const [bsn = ''] = validBsns(1, 999_830_000);

test.use({ storageState: sessionState('nurse') });

test.beforeAll(async () => {
  const { api, upload } = await adminApi();
  // A hospital export that says the patient has died since the fracture (column `overlijdensdatum`).
  const csv = [
    'patientnummer,bsn,achternaam,voornamen,geboortedatum,geslacht,fractuurdatum,locatie,soort_contact,overlijdensdatum',
    `N-501,${bsn},Overweg,Cornelia,${dutchDate('1938-05-17')},V,${dutchDate(FRACTURE_DATE)},heup,opname,${dutchDate(DIED_ON)}`,
  ].join('\n');
  const summary = (await upload('/api/imports?format=csv', `${csv}\n`, 'text/csv', 'overleden-e2e.csv')) as {
    imported: number;
    eligible: number;
  };
  expect(summary).toMatchObject({ imported: 1, eligible: 1 });
  await api.dispose();
});

test('a deceased patient is not on the invitation worklist, and the patient page says so', async ({
  page,
}) => {
  // Not on any case-finding worklist: no invitation is due (the worklist API, all of it).
  for (const view of ['to_invite', 'identified', 'manual_review', 'awaiting_response']) {
    const answer = await page.request.get(`/api/worklist?view=${view}&limit=200`);
    expect(answer.status()).toBe(200);
    const { items } = (await answer.json()) as { items: { familyName: string }[] };
    expect(items.length).toBeGreaterThan(view === 'to_invite' ? 0 : -1);
    expect(items.filter((i) => i.familyName === 'Overweg')).toEqual([]);
  }

  await page.goto('/patients');
  await page.getByRole('searchbox', { name: 'Zoek een patiënt' }).fill(bsn);
  const rows = page.getByRole('table', { name: 'Gevonden patiënten' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link').first().click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Overweg');
  await expect(page.getByTestId('patient-deceased')).toHaveText(`Overleden op ${dutchDate(DIED_ON)}`);
  await expect(page.getByText(`Afgesloten: patiënt overleden op ${dutchDate(DIED_ON)}`)).toBeVisible();
});
