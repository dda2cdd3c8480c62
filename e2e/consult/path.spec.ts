import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dutchDate, isoDay, validBsns } from '../support/caseFindingData';
import { logIn } from '../support/logIn';

// One path end to end (issue 11 item 8): a demo patient from identified through the invitation, her
// reply, the intake, DXA/VFA, labs and fall risk and the decision to both letters, whose text is
// checked. Demo patient 27 of demoPatients(40) (packages/server/src/demo/demoData.ts): a woman born
// 18-04-1964 with a proximal humerus fracture, still `identified` — no demo seeding moves her and no
// other test uses her (the demo's 0–21, the DXA test's men 23, 26, …). The demo BSNs are the elfproef
// numbers from 999 990 000 on.
const PATIENT = {
  bsn: validBsns(40, 999_990_000)[27] ?? '',
  familyName: 'El Amrani',
  givenNames: 'Hendrika',
  birthDate: '18-04-1964',
};

let shot = 0;
/** A full-page screenshot of the screen as it stands, kept as an artefact of the test. */
async function screen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  shot += 1;
  const path = testInfo.outputPath(`${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const radioGroup = (page: Page, name: RegExp) => page.getByRole('radiogroup', { name });

async function answer(page: Page, name: RegExp, yes: boolean): Promise<void> {
  await radioGroup(page, name)
    .getByLabel(yes ? 'Ja' : 'Nee', { exact: true })
    .check();
}

/** Makes a letter from the stored decision, as the letters panel does, and answers its PDF's text. */
async function letterText(page: Page, testInfo: TestInfo, episodeId: string, kind: string): Promise<string> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const made = await page.request.post(`/api/episodes/${episodeId}/letters`, {
    data: { kind, locale: 'nl' },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { href } = (await made.json()) as { href: string };
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const path = testInfo.outputPath(`${kind}.pdf`);
  writeFileSync(path, await pdf.body());
  await testInfo.attach(kind, { path, contentType: 'application/pdf' });
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  await testInfo.attach(`${kind}.txt`, { body: text, contentType: 'text/plain' });
  // Line breaks and the layout's runs of spaces do not matter to what the letter says.
  return text.replace(/\s+/g, ' ');
}

test('one patient from identified to both letters', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const slow = { timeout: 20_000 };

  // Identified: the nurse finds her and opens her episode.
  await logIn(page, 'nurse');
  await page.goto('/patients');
  await page.getByRole('searchbox').fill(PATIENT.bsn);
  const found = page.getByRole('table', { name: 'Gevonden patiënten' }).getByRole('row');
  await expect(found.filter({ hasText: PATIENT.birthDate })).toHaveCount(1, slow);
  await page.getByRole('link', { name: `${PATIENT.familyName}, ${PATIENT.givenNames}` }).click();
  await expect(page.getByRole('link', { name: /^Episode van .* openen$/ }).first()).toBeVisible(slow);
  await screen(page, testInfo, 'patient');
  await page
    .getByRole('link', { name: /^Episode van .* openen$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/episodes\/[0-9a-f-]{36}$/, slow);
  const episodeId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByRole('heading', { level: 1, name: /Episode van .*El Amrani/ })).toBeVisible(slow);
  await expect(page.getByTestId('episode-state')).toHaveText('Gesignaleerd');
  await screen(page, testInfo, 'episode-identified');

  // Invited.
  const next = page.getByTestId('next-step');
  await next.getByRole('button', { name: 'Uitnodiging verstuurd' }).click();
  await expect(page.getByTestId('episode-state')).toHaveText('Uitgenodigd', slow);
  await screen(page, testInfo, 'episode-invited');

  // Her reply: an appointment today for the DXA and VFA, the labs and the consult.
  await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
  const reply = page.getByRole('region', { name: 'Reactie van de patiënt' });
  await reply.getByRole('textbox', { name: 'Datum' }).fill(dutchDate(isoDay(0)));
  await reply.getByRole('textbox', { name: 'Tijd' }).fill('09:00');
  for (const kind of ['DXA + VFA', 'Laboratorium', 'Consult']) {
    await expect(reply.getByRole('checkbox', { name: kind })).toBeChecked();
  }
  await screen(page, testInfo, 'reply');
  await reply.getByRole('button', { name: 'Afspraak opslaan' }).click();
  await expect(reply).toBeHidden(slow);
  await expect(page.getByTestId('episode-state')).toHaveText('Intake');
  await expect(page.getByTestId('episode-reason')).toHaveText(`Afspraak gepland op ${dutchDate(isoDay(0))}`);
  const appointments = page.getByRole('region', { name: 'Afspraken' });
  await expect(appointments.getByRole('row').nth(1)).toContainText('DXA + VFA, Laboratorium, Consult');
  await screen(page, testInfo, 'episode-appointment');

  // Intake: the questions the engine needs, for a postmenopausal woman without glucocorticoids.
  await next.getByRole('link', { name: 'Naar de intake' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible(slow);
  await expect(page.getByTestId('intake-status')).toContainText('nog niet opgeslagen');
  for (const question of [
    /^Heeft een van de ouders een heupfractuur/,
    /^Verminderde mobiliteit/,
    /^Reumatoïde artritis/,
    /^Een aandoening die tot secundaire osteoporose/,
    /^Rookt de patiënt/,
    /^Zwanger/,
    /^Geeft borstvoeding/,
    /^Gebruikt de patiënt glucocorticoïden/,
    /^Gebruik van valrisicoverhogende medicatie/,
    /^Is de patiënt bang om te vallen/,
    /^Heeft de patiënt moeite met bewegen/,
    /^Donkere huid/,
    /^Draagt de patiënt lichaamsbedekkende kleding/,
    /^Tandheelkundige ingreep gepland/,
    /^Problemen in de mond/,
    /^Aandoening van de slokdarm/,
    /^Ooit een hartinfarct of beroerte/,
    /^Ooit bestraling van het skelet/,
    /^Kwaadaardige aandoening of uitzaaiingen/,
  ]) {
    await answer(page, question, false);
  }
  for (const question of [
    /^Dagelijks voldoende buiten/,
    /^Het afgelopen jaar bij de tandarts/,
    /^Kan de patiënt 30 minuten rechtop/,
  ]) {
    await answer(page, question, true);
  }
  await radioGroup(page, /^Menopauzale status/)
    .getByLabel('Postmenopauzaal', { exact: true })
    .check();
  await page.getByLabel(/^Gewicht/).fill('68');
  await page.getByLabel(/^Lengte/).fill('165');
  await page.getByLabel(/^Stootkuren glucocorticoïden/).fill('0');
  await page.getByLabel(/^Aantal keer gevallen/).fill('0');
  await page.getByRole('button', { name: 'Afronden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Intake afgerond' })).toBeVisible(slow);
  await expect(page.getByTestId('intake-status')).toContainText('afgerond', slow);
  await screen(page, testInfo, 'intake');

  // She came: the appointment is marked attended, and the measurements are next.
  await page.goto(`/episodes/${episodeId}`);
  await page
    .getByRole('button', { name: `Gekomen: afspraak van ${dutchDate(isoDay(0))}`, exact: true })
    .click();
  await expect(next.getByRole('link', { name: 'Onderzoeken invoeren' })).toBeVisible(slow);
  await screen(page, testInfo, 'episode-attended');

  // DXA with a lowest T-score of −2.8 at the femoral neck, and a VFA without a vertebral fracture.
  await next.getByRole('link', { name: 'Onderzoeken invoeren' }).click();
  await expect(page.getByRole('heading', { name: 'Onderzoek: DXA en VFA' })).toBeVisible(slow);
  await page.getByLabel('Lendenwervels (L1–L4): T-score').fill('-2,1');
  await page.getByLabel('Totale heup: T-score').fill('-2,3');
  await page.getByLabel('Femurhals: T-score').fill('-2,8');
  await page.getByLabel('Femurhals: BMD (g/cm²)').fill('0,58');
  await expect(page.getByTestId('dxa-lowest')).toHaveText('Laagste T-score: -2.8 (Femurhals)', slow);
  await expect(page.getByTestId('dxa-category')).toHaveText(/^Categorie: (Ernstige o|O)steoporose$/);
  await page.getByRole('button', { name: 'Opslaan' }).first().click();
  await expect(page.getByText('Versie 1, vastgelegd door', { exact: false }).first()).toBeVisible(slow);
  for (const level of ['T12', 'L1', 'L2']) {
    await page.getByLabel(`${level}: Genant-graad (0–3)`).fill('0');
  }
  await expect(page.getByTestId('vfa-category')).toHaveText('Categorie: Geen wervelfractuur', slow);
  await page.getByRole('button', { name: 'Opslaan' }).nth(1).click();
  await expect(page.getByText('Versie 1, vastgelegd door', { exact: false })).toHaveCount(2, slow);
  await screen(page, testInfo, 'investigations');

  // Labs and fall risk.
  await page.getByRole('link', { name: 'Verder met lab en valrisico' }).click();
  await expect(page.getByRole('heading', { name: 'Laboratorium en valrisico' })).toBeVisible(slow);
  await expect(page.getByTestId('lab-order-list').getByText('Aan te vragen (R6)')).toBeVisible(slow);
  const entry = (analyte: string) => page.getByTestId('lab-entry').locator(`tr[data-analyte="${analyte}"]`);
  // Calcium corrected for albumin and the eGFR are what the drug choice (R10) needs.
  for (const [analyte, label, value, low, high] of [
    ['calcium', 'Calcium', '2,40', '2.20', '2.60'],
    ['albumin', 'Albumine', '42', '35', '50'],
    ['albuminCorrectedCalcium', 'Calcium gecorrigeerd voor albumine', '2,38', '2.20', '2.60'],
    ['creatinine', 'Creatinine', '72', '45', '90'],
    ['eGFR', 'eGFR', '84', '', ''],
    ['TSH', 'TSH', '1,5', '0.4', '4.0'],
    ['25OHD', '25-OH-vitamine D', '64', '', ''],
  ] as const) {
    const row = entry(analyte);
    await row.getByRole('textbox', { name: `${label}: Waarde` }).fill(value);
    if (low !== '') await row.getByRole('textbox', { name: `${label}: Ondergrens` }).fill(low);
    if (high !== '') await row.getByRole('textbox', { name: `${label}: Bovengrens` }).fill(high);
  }
  await page.getByRole('button', { name: 'Uitslagen opslaan' }).click();
  const results = page.getByTestId('lab-results');
  await expect(results.locator('tr[data-analyte="calcium"]').getByText('Normaal')).toBeVisible(slow);
  const falls = page.getByRole('region', { name: 'Valrisico (R7)' });
  await falls.getByRole('textbox', { name: 'Aantal keer gevallen in het afgelopen jaar' }).fill('0');
  for (const question of [
    'Bezorgd om te vallen',
    'Moeite met bewegen, lopen of evenwicht',
    'Gebruikt valrisicoverhogende medicatie',
  ]) {
    await falls.getByRole('radiogroup', { name: question }).getByText('Nee', { exact: true }).click();
  }
  await expect(falls.getByTestId('fall-advice').getByText('Geen valpreventie aangewezen.')).toBeVisible(slow);
  await falls.getByRole('button', { name: 'Screening opslaan' }).click();
  await expect(falls.getByText(/Laatst opgeslagen op/)).toBeVisible(slow);
  await screen(page, testInfo, 'labs-and-falls');

  // Decision: the engine's items, all accepted.
  await page.goto(`/episodes/${episodeId}`);
  await expect(page.getByTestId('episode-state')).toHaveText('Onderzocht', slow);
  await next.getByRole('link', { name: 'Naar het besluit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Besluit' })).toBeVisible(slow);
  const diagnosis = page.getByTestId('item-diagnosis');
  await expect(diagnosis).toContainText(/Voorstel: (Ernstige o|O)steoporose/, slow);
  // For her (no contraindication in the intake, eGFR 84) the engine proposes alendronate.
  await expect(page.getByTestId('item-drug')).toContainText('Voorstel: Alendroninezuur');
  await screen(page, testInfo, 'decision');
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByText('Het besluit is vastgelegd.')).toBeVisible(slow);
  const stored = page.getByTestId('stored-decision');
  await expect(stored.getByRole('heading', { name: 'Vastgelegd besluit' })).toBeVisible();
  await expect(page.getByTestId('stored-diagnosis')).toContainText('Overgenomen');
  await screen(page, testInfo, 'decision-recorded');

  // Both letters, made from the stored decision; what they say, read from the PDFs.
  const result = await letterText(page, testInfo, episodeId, 'result_letter');
  expect(result).toContain(`H. ${PATIENT.familyName}`);
  expect(result).toContain(`Geachte mevrouw ${PATIENT.familyName},`);
  expect(result).toContain('Onderwerp: de uitslag van uw onderzoek naar botontkalking');
  expect(result).toMatch(/U heeft (ernstige )?botontkalking(\. Een ander woord daarvoor is| \()osteoporose/);
  expect(result).toContain('U gaat een medicijn gebruiken dat uw botten sterker maakt: alendroninezuur.');
  expect(result).toContain('Hoeveel: 70 mg als tablet, één keer per week.');
  const gp = await letterText(page, testInfo, episodeId, 'gp_letter');
  expect(gp).toContain(`Betreft: H. ${PATIENT.familyName}, geboren 18 april 1964`);
  expect(gp).toContain('Geachte collega,');
  expect(gp).toMatch(
    /Conclusie (Ernstige \(manifeste\) o|O)steoporose \(laagste T-score -2,8, heupkop \(collum femoris\)\)/,
  );
  expect(gp).toContain('heupkop (collum femoris) 0,580 -2,8');
  expect(gp).toContain('VFA: geen wervelfracturen.');
  expect(gp).toContain('Medicatie: alendroninezuur, 70 mg als tablet, één keer per week.');

  // The episode page keeps both letters.
  await page.goto(`/episodes/${episodeId}`);
  await expect(page.getByTestId('episode-state')).not.toHaveText('Onderzocht', slow);
  const documents = page.getByRole('region', { name: 'Documenten' });
  await expect(documents.getByRole('link', { name: 'Openen' })).toHaveCount(2, slow);
  await screen(page, testInfo, 'episode-letters');
});
