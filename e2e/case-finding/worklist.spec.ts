import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  adminApi,
  dutchDate,
  fractureCsv,
  isoDay,
  validBsns,
  type FracturePatient,
} from '../support/caseFindingData';
import { sessionState } from '../support/sessions';
import { openFilters } from '../support/filters';

// This file's own fracture dates: the date filter keeps other tests' patients out of its lists.
const FROM = isoDay(-27);
const TO = isoDay(-23);
const [b1, b2, b3, b4, b5] = validBsns(5, 999_800_000);

const patient = (p: Partial<FracturePatient> & Pick<FracturePatient, 'familyName' | 'givenNames'>) => ({
  patientId: '',
  bsn: '',
  birthDate: '1950-01-01',
  sex: 'V' as const,
  street: 'Kerkstraat',
  fractureDate: FROM,
  fractureSite: 'heupfractuur',
  encounter: 'opname' as const,
  trauma: 'laag' as const,
  pathological: 'nee' as const,
  ...p,
});

const PATIENTS: FracturePatient[] = [
  patient({
    patientId: 'W-101',
    bsn: b1 ?? '',
    familyName: 'Hoekstra',
    givenNames: 'Gerda',
    birthDate: '1948-05-12',
    fractureDate: isoDay(-27),
  }),
  patient({
    patientId: 'W-102',
    bsn: b2 ?? '',
    familyName: 'Zwart',
    givenNames: 'Hendrika',
    birthDate: '1951-09-03',
    fractureDate: isoDay(-26),
    fractureSite: 'collumfractuur',
    encounter: 'SEH',
  }),
  patient({
    patientId: 'W-103',
    bsn: b3 ?? '',
    familyName: 'Brink',
    givenNames: 'Johannes',
    sex: 'M',
    birthDate: '1946-02-20',
    fractureDate: isoDay(-25),
    fractureSite: 'distale radius',
    encounter: 'poli',
  }),
  // No address (no letter possible), and the source says nothing about trauma or a pathological cause.
  patient({
    patientId: 'W-104',
    bsn: b4 ?? '',
    familyName: 'Wolters',
    givenNames: 'Maria',
    birthDate: '1955-11-30',
    street: '',
    fractureDate: isoDay(-24),
    fractureSite: 'bovenarm',
    trauma: '',
    pathological: '',
  }),
  // A toe fracture does not count.
  patient({
    patientId: 'W-105',
    bsn: b5 ?? '',
    familyName: 'Kuiper',
    givenNames: 'Anna',
    fractureDate: isoDay(-23),
    fractureSite: 'teen',
    encounter: 'poli',
  }),
];

// More than a page (20 rows) on one day of their own, all with one family name: paging and its ties.
const PAGING_DAY = isoDay(-62);
const PAGING_PATIENTS: FracturePatient[] = validBsns(23, 999_840_000).map((bsn, i) =>
  patient({
    patientId: `WP-${String(i + 1)}`,
    bsn,
    familyName: 'Vermeer',
    givenNames: `Anna${String(i + 1).padStart(2, '0')}`,
    fractureDate: PAGING_DAY,
    fractureSite: 'distale radius',
    encounter: 'poli',
  }),
);

// Two patients of one name on a day of their own: told apart by hospital number and date of birth.
const NAMESAKES_DAY = isoDay(-64);
const NAMESAKES: FracturePatient[] = validBsns(2, 999_860_000).map((bsn, i) =>
  patient({
    patientId: `WD-${String(i + 1)}`,
    bsn,
    familyName: 'de Vries',
    givenNames: 'Jan',
    sex: 'M',
    birthDate: i === 0 ? '1945-02-01' : '1950-04-03',
    fractureDate: NAMESAKES_DAY,
    fractureSite: 'distale radius',
    encounter: 'poli',
  }),
);

function rows(page: Page, list: string): Locator {
  return page.getByRole('table', { name: `Werklijst ${list}` }).locator('tbody tr');
}

function names(list: Locator): Promise<string[]> {
  return list.locator('td a').allInnerTexts();
}

test.use({ storageState: sessionState('secretary') });

test.beforeAll(async () => {
  const { api, upload } = await adminApi();
  await upload('/api/imports?format=csv', fractureCsv(PATIENTS), 'text/csv', 'werklijst-e2e.csv');
  await upload('/api/imports?format=csv', fractureCsv(PAGING_PATIENTS), 'text/csv', 'werklijst-pagina.csv');
  await upload('/api/imports?format=csv', fractureCsv(NAMESAKES), 'text/csv', 'werklijst-naamgenoten.csv');
  await api.dispose();
});

test('a secretary filters and sorts the worklist, prints letters, invites, and records a decline', async ({
  page,
}) => {
  // One long journey through five screens and two PDFs: on a busy 2-core machine it can outlast the
  // default 20 s per test while every step is still well within its own 5 s expectation.
  test.slow();
  await page.goto('/');
  // Secretaries start on the worklist, at "Uit te nodigen".
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Uit te nodigen' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Röntgenverslagen' })).toHaveCount(0);

  // The filters fold into one line, the list stays in view; opened, the server checks how the ages
  // relate, and its answer appears next to the field (the fields stay open).
  await openFilters(page);
  const ageMax = page.getByRole('textbox', { name: 'Leeftijd tot en met' });
  await page.getByRole('textbox', { name: 'Leeftijd vanaf' }).fill('80');
  await ageMax.fill('60');
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await expect(ageMax).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Deze leeftijd is lager dan de leeftijd bij ‘Leeftijd vanaf’.')).toBeVisible();

  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await openFilters(page);
  await page.getByRole('textbox', { name: 'Fractuurdatum vanaf' }).fill(dutchDate(FROM));
  await page.getByRole('textbox', { name: 'Fractuurdatum tot en met' }).fill(dutchDate(TO));
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  const toInvite = rows(page, 'Uit te nodigen');
  // Oldest fracture first; the toe fracture is not on this list.
  await expect
    .poll(() => names(toInvite))
    .toEqual(['Hoekstra, Gerda', 'Zwart, Hendrika', 'Brink, Johannes', 'Wolters, Maria']);
  await expect(page.getByRole('status').filter({ hasText: /^4 patiënten$/ })).toBeVisible();
  // Filters are in the URL, patient data never.
  expect(page.url()).toContain(`fractureFrom=${FROM}`);
  expect(page.url()).not.toMatch(/Hoekstra|Zwart|Brink|Wolters/);
  // Applied, the fields fold again: the filters in force are chips.
  const chips = page.getByRole('list', { name: 'Actieve filters' });
  await expect(chips).toContainText(`Fractuurdatum vanaf: ${dutchDate(FROM)}`);
  await expect(page.getByRole('button', { name: 'Filters (2 actief)' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );

  const wolters = toInvite.filter({ hasText: 'Wolters' });
  await expect(wolters).toContainText('Bovenarm');
  await expect(wolters).toContainText('Andere fractuur, opgenomen');
  await expect(wolters).toContainText('Te controleren bij intake');
  await expect(wolters).toContainText('Traumamechanisme niet vermeld');
  await expect(toInvite.filter({ hasText: 'Hoekstra' })).toContainText('Heup (bovenkant dijbeen)');

  await openFilters(page);
  await page.getByRole('combobox', { name: 'Patiëntgroep' }).selectOption({ label: 'Heupfractuur' });
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await expect.poll(() => names(toInvite)).toEqual(['Hoekstra, Gerda', 'Zwart, Hendrika']);
  // A chip removes its filter alone.
  await page.getByRole('button', { name: 'Filter Patiëntgroep: Heupfractuur verwijderen' }).click();
  await expect(toInvite).toHaveCount(4);
  await expect(page.getByRole('list', { name: 'Actieve filters' })).not.toContainText('Patiëntgroep');

  // Sorting by name, both ways.
  const nameHeader = page.getByRole('columnheader', { name: 'Naam' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'none');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(() => names(toInvite))
    .toEqual(['Brink, Johannes', 'Hoekstra, Gerda', 'Wolters, Maria', 'Zwart, Hendrika']);
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(() => names(toInvite))
    .toEqual(['Zwart, Hendrika', 'Wolters, Maria', 'Hoekstra, Gerda', 'Brink, Johannes']);

  // A letter that cannot be printed says for whom and what is missing.
  await page.getByRole('button', { name: 'Brief voor Wolters, Maria' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is niets afgedrukt.' })).toContainText(
    'Wolters, Maria: straat ontbreekt of klopt niet.',
  );

  // Two letters in one PDF.
  await page.getByRole('checkbox', { name: 'Hoekstra, Gerda selecteren' }).check();
  await page.getByRole('checkbox', { name: 'Zwart, Hendrika selecteren' }).check();
  await expect(page.getByText('2 patiënten geselecteerd')).toBeVisible();
  const pdfAnswer = page.waitForResponse((r) => r.url().endsWith('/api/invitation-letters'));
  await page.getByRole('button', { name: 'Brieven afdrukken' }).click();
  const answer = await pdfAnswer;
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('application/pdf');
  expect(answer.request().postDataJSON()).toMatchObject({ locale: 'nl' });
  await expect(page.getByText('De 2 brieven staan klaar in één PDF.')).toBeVisible();
  const downloadLink = page.getByRole('link', { name: 'PDF downloaden' });
  await expect(downloadLink).toHaveAttribute('href', /^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe('uitnodigingen.pdf');
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Marked as invited three weeks ago: the reminder (21 days later) is already due.
  const sentOn = page.getByRole('textbox', { name: 'Verstuurd op' });
  await expect(sentOn).toHaveValue(dutchDate(isoDay(0)));
  const sent = isoDay(-22);
  const reminderDue = dutchDate(isoDay(-1));
  await sentOn.fill(dutchDate(sent));
  await page.getByRole('button', { name: 'Markeren als uitgenodigd' }).click();
  const results = page.getByRole('status').filter({ hasText: 'Gemarkeerd als uitgenodigd: 2 van 2' });
  await expect(results).toContainText(`Hoekstra, Gerda: Uitgenodigd. Herinnering op ${reminderDue}.`);
  await expect(results).toContainText(`Zwart, Hendrika: Uitgenodigd. Herinnering op ${reminderDue}.`);
  await expect.poll(() => names(toInvite)).toEqual(['Wolters, Maria', 'Brink, Johannes']);

  await page.getByRole('tab', { name: 'Wacht op reactie' }).click();
  await expect(page).toHaveURL(/view=awaiting_response/);
  const awaiting = rows(page, 'Wacht op reactie');
  await expect.poll(() => names(awaiting)).toEqual(['Zwart, Hendrika', 'Hoekstra, Gerda']);
  for (const row of await awaiting.all()) {
    await expect(row).toContainText('Herinnering sturen');
    await expect(row).toContainText(reminderDue);
    await expect(row).toContainText('Te laat');
  }

  // The reminder letter has its own wording (the server's letter tests read it); printed for one row.
  const reminderAnswer = page.waitForResponse((r) => r.url().includes('/invitation-letter?'));
  await page.getByRole('button', { name: 'Herinneringsbrief voor Hoekstra, Gerda' }).click();
  const reminderPdf = await reminderAnswer;
  expect(reminderPdf.status()).toBe(200);
  expect(new URL(reminderPdf.url()).searchParams.get('kind')).toBe('reminder');
  expect(reminderPdf.headers()['content-disposition']).toContain('herinnering.pdf');
  await expect(page.getByRole('link', { name: 'PDF downloaden' })).toHaveAttribute('href', /^blob:/);
  // Reminders print in batch too, from their own toolbar, which appears with the first selected row.
  await expect(page.getByRole('heading', { name: 'Herinneren' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Herinneringen afdrukken' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Hoekstra, Gerda selecteren' }).check();
  await expect(page.getByRole('heading', { name: 'Herinneren' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Herinneringen afdrukken' })).toBeEnabled();
  await page.getByRole('checkbox', { name: 'Hoekstra, Gerda selecteren' }).uncheck();
  await expect(page.getByRole('heading', { name: 'Herinneren' })).toHaveCount(0);

  // The reminder went out today: a phone call is planned three weeks on.
  // The row's one next action is a button; the others are in its menu.
  await page.getByRole('button', { name: 'Meer acties voor Hoekstra, Gerda' }).click();
  await page.getByRole('menuitem', { name: 'Herinnering verstuurd: Hoekstra, Gerda' }).click();
  const reminder = page.getByRole('dialog', { name: 'Herinnering verstuurd' });
  await expect(reminder.getByRole('textbox', { name: 'Verstuurd op' })).toHaveValue(dutchDate(isoDay(0)));
  await reminder.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Herinnering vastgelegd voor Hoekstra, Gerda.' }),
  ).toBeVisible();
  const hoekstra = awaiting.filter({ hasText: 'Hoekstra' });
  await expect(hoekstra).toContainText('Bellen: geen reactie');
  await expect(hoekstra).toContainText(dutchDate(isoDay(21)));
  await expect(hoekstra).not.toContainText('Te laat');

  // Zwart does not take part: a reason is required, then she leaves every list.
  // The row's one next action is a button; the others are in its menu.
  await page.getByRole('button', { name: 'Meer acties voor Zwart, Hendrika' }).click();
  await page.getByRole('menuitem', { name: 'Doet niet mee: Zwart, Hendrika' }).click();
  const decline = page.getByRole('dialog', { name: 'Doet niet mee' });
  await decline.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(decline.getByText('Kies een reden.')).toBeVisible();
  await decline.getByRole('radio', { name: 'Andere reden' }).check();
  await decline.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(decline.getByText('Beschrijf de reden als u ‘Andere reden’ kiest.')).toBeVisible();
  await decline.getByRole('radio', { name: 'Wil niet meedoen' }).check();
  await decline.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(decline).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Vastgelegd: Zwart, Hendrika doet niet mee.' }),
  ).toBeFocused();
  await expect.poll(() => names(awaiting)).toEqual(['Hoekstra, Gerda']);

  await page.getByRole('tab', { name: 'Geïdentificeerd' }).click();
  await expect
    .poll(() => names(rows(page, 'Geïdentificeerd')))
    .toEqual(['Wolters, Maria', 'Brink, Johannes']);
  await page.getByRole('tab', { name: 'Uitgesloten' }).click();
  const excluded = rows(page, 'Uitgesloten');
  await expect.poll(() => names(excluded)).toEqual(['Kuiper, Anna']);
  await expect(excluded.first()).toContainText('Plaats telt niet mee');
  // Excluded fractures have no patient group to filter on.
  await openFilters(page);
  await expect(page.getByRole('textbox', { name: 'Leeftijd vanaf' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Patiëntgroep' })).toHaveCount(0);

  // The patient page: the open task in words, and the invitation letter from there too.
  await page.getByRole('tab', { name: 'Uit te nodigen' }).click();
  await toInvite.getByRole('link', { name: 'Brink, Johannes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brink, Johannes' })).toBeFocused();
  await expect(page).toHaveTitle('Patiënt – Osteopad');
  await expect(page.getByRole('table', { name: 'Openstaande taken' })).toContainText('Uitnodigen');
  const letterAnswer = page.waitForResponse((r) => r.url().includes('/invitation-letter?locale=nl'));
  await page.getByRole('button', { name: 'Uitnodigingsbrief' }).click();
  expect((await letterAnswer).headers()['content-type']).toBe('application/pdf');
  await expect(page.getByText('De brief staat klaar.')).toBeVisible();

  // The patient page says in words why a pathway is where it is: the reminder sent today.
  await page.goBack();
  await page.getByRole('tab', { name: 'Wacht op reactie' }).click();
  await awaiting.getByRole('link', { name: 'Hoekstra, Gerda' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hoekstra, Gerda' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Trajecten' })).toContainText(
    `Herinnering verstuurd op ${dutchDate(isoDay(0))}`,
  );
});

test('a long worklist pages forward and back by cursor; another order starts again at page 1', async ({
  page,
}) => {
  await page.goto(`/worklist?fractureFrom=${PAGING_DAY}&fractureTo=${PAGING_DAY}`);
  const toInvite = rows(page, 'Uit te nodigen');
  await expect(page.getByRole('status').filter({ hasText: /^23 patiënten$/ })).toBeVisible();
  await expect(toInvite).toHaveCount(20);
  await expect(page.getByText('1–20 van 23')).toBeVisible();
  const pager = page.getByRole('navigation', { name: "Pagina's" });
  await expect(pager.getByRole('button', { name: 'Vorige pagina' })).toBeDisabled();
  const firstPage = await names(toInvite);

  await pager.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(pager.getByText('Pagina 2')).toBeVisible();
  await expect(toInvite).toHaveCount(3);
  await expect(page.getByText('21–23 van 23')).toBeVisible();
  await expect(pager.getByRole('button', { name: 'Volgende pagina' })).toBeDisabled();
  const secondPage = await names(toInvite);
  // Every patient once, though they share the name and the fracture date.
  expect(new Set([...firstPage, ...secondPage]).size).toBe(23);
  // The cursor never carries a name into the address bar.
  expect(page.url()).not.toContain('Vermeer');

  await pager.getByRole('button', { name: 'Vorige pagina' }).click();
  await expect(pager.getByText('Pagina 1')).toBeVisible();
  await expect.poll(() => names(toInvite)).toEqual(firstPage);

  await pager.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(pager.getByText('Pagina 2')).toBeVisible();
  await page.getByRole('columnheader', { name: 'Naam' }).getByRole('button').click();
  await expect(pager.getByText('Pagina 1')).toBeVisible();
  await expect(toInvite).toHaveCount(20);
});

test('two patients of one name are told apart by hospital number, date of birth and age', async ({
  page,
}) => {
  await page.goto(`/worklist?fractureFrom=${NAMESAKES_DAY}&fractureTo=${NAMESAKES_DAY}`);
  // The demo may have a fracture on that day too: the two namesakes are the rows that carry the name.
  const toInvite = rows(page, 'Uit te nodigen').filter({ hasText: 'de Vries, Jan' });
  await expect(toInvite).toHaveCount(2);
  const identities = await toInvite.getByTestId('patient-identity').allInnerTexts();
  expect(identities.sort()).toEqual([
    expect.stringMatching(/^Nr\. WD-1 · geb\. 01-02-1945 \(\d+ jaar\) · Man$/),
    expect.stringMatching(/^Nr\. WD-2 · geb\. 03-04-1950 \(\d+ jaar\) · Man$/),
  ]);
  // The patient page says the same under the name.
  await toInvite.getByRole('link', { name: 'de Vries, Jan' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'de Vries, Jan' })).toBeVisible();
  await expect(page.getByTestId('patient-identity')).toContainText(/Nr\. WD-[12] · geb\./);
});
