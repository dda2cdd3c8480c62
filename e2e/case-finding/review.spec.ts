import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  adminApi,
  dutchDate,
  fractureCsv,
  isoDay,
  validBsns,
  type FracturePatient,
} from '../support/caseFindingData';
import { sessionState } from '../support/sessions';

// This file's own fracture dates, apart from the other tests' patients.
const FROM = isoDay(-45);
const TO = isoDay(-40);
const [b1, b2] = validBsns(2, 999_810_000);

const PATIENTS: FracturePatient[] = [
  {
    patientId: 'N-201',
    bsn: b1 ?? '',
    familyName: 'Verbeek',
    givenNames: 'Cornelia',
    birthDate: '1945-04-04',
    sex: 'V',
    street: 'Lindelaan',
    fractureDate: isoDay(-45),
    // A bone in neither list of the rules: a person decides.
    fractureSite: 'sesamoïd',
    encounter: 'SEH',
    trauma: 'laag',
    pathological: 'nee',
  },
  {
    patientId: 'N-202',
    bsn: b2 ?? '',
    familyName: 'Dijkman',
    givenNames: 'Pieter',
    birthDate: '1949-08-08',
    sex: 'M',
    street: 'Molenweg',
    fractureDate: isoDay(-40),
    fractureSite: 'polsfractuur',
    encounter: 'poli',
    trauma: 'laag',
    pathological: 'nee',
  },
];

// Two reports about Dijkman (known by his hospital number), one of them hedged, and one about a patient
// Osteopad does not know.
const REPORTS = [
  'reportId;patientRef;reportDate;text',
  `E2E-RV-1;N-202;${isoDay(-10)};X-wervelkolom. Wigvormige wervelfractuur Th12 met hoogteverlies, graad 2 volgens Genant.`,
  `E2E-RV-2;N-999;${isoDay(-9)};Bekende inzakkingsfractuur van L1, ongewijzigd.`,
  `E2E-RV-4;N-202;${isoDay(-8)};Vraagstelling: wervelfractuur? Conclusie: mogelijk inzakking van de bovenste dekplaat van L3.`,
].join('\n');

function rows(page: Page, list: string): Locator {
  return page.getByRole('table', { name: `Werklijst ${list}` }).locator('tbody tr');
}

test.use({ storageState: sessionState('nurse') });

test.beforeAll(async () => {
  const { api, upload } = await adminApi();
  await upload('/api/imports?format=csv', fractureCsv(PATIENTS), 'text/csv', 'beoordeling-e2e.csv');
  await upload('/api/report-imports', REPORTS, 'text/plain', 'verslagen-e2e.txt');
  await api.dispose();
});

test('a nurse decides a fracture the rules could not place, and reviews radiology findings', async ({
  page,
}) => {
  await page.goto(`/worklist?view=manual_review&fractureFrom=${FROM}&fractureTo=${TO}`);
  await expect(page.getByRole('tab', { name: 'Handmatige beoordeling' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('list', { name: 'Actieve filters' })).toContainText(
    `Fractuurdatum vanaf: ${dutchDate(FROM)}`,
  );
  const review = rows(page, 'Handmatige beoordeling');
  await expect(review).toHaveCount(1);
  await expect(review.first()).toContainText('Verbeek, Cornelia');
  await expect(review.first()).toContainText('Plaats onbekend');
  await expect(review.first()).toContainText('sesamoïd');
  await expect(review.first()).toContainText('Plaats van de fractuur onbekend');

  await review.first().getByRole('button', { name: 'Beoordelen: Verbeek, Cornelia' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fractuur beoordelen' });
  await expect(dialog).toContainText('sesamoïd');
  await dialog.getByRole('radio', { name: 'Komt in aanmerking', exact: true }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Verbeek, Cornelia komt in aanmerking en staat nu bij ‘Uit te nodigen’.' }),
  ).toBeVisible();
  await expect(review).toHaveCount(0);

  await page.getByRole('tab', { name: 'Uit te nodigen' }).click();
  const toInvite = rows(page, 'Uit te nodigen');
  await expect(toInvite).toHaveCount(2);
  const verbeek = toInvite.filter({ hasText: 'Verbeek, Cornelia' });
  await expect(verbeek).toContainText('Handmatig beoordeeld: komt in aanmerking');
  // On this list the task is to invite: the row offers its letter.
  await expect(verbeek.getByRole('button', { name: 'Brief voor Verbeek, Cornelia' })).toBeVisible();

  // Radiology findings: the matched phrase is marked in the report's sentence.
  await page.getByRole('tab', { name: 'Röntgenverslagen' }).click();
  const findings = page.getByRole('table', { name: 'Bevindingen in röntgenverslagen' }).locator('tbody tr');
  const known = findings.filter({ hasText: 'E2E-RV-1' });
  await expect(known).toContainText('Dijkman, Pieter');
  await expect(known).toContainText('Th12');
  await expect(known.locator('td').nth(4)).toHaveText('2');
  await expect(known.locator('td').nth(5)).toHaveText('Zeker');
  await expect(known.locator('mark')).toHaveText(/wervelfractuur/i);
  const sentence = await known.locator('.finding-sentence').innerText();
  expect(sentence).toContain(await known.locator('mark').innerText());
  const confirmKnown = known.getByRole('button', { name: 'Bevestigen: verslag E2E-RV-1' });
  await expect(confirmKnown).toBeEnabled();
  await expect(confirmKnown).not.toHaveAccessibleDescription(/.+/);

  // The report named a known patient: the confirmation is for him, and there is nobody to choose.
  await confirmKnown.click();
  const confirmDialog = page.getByRole('dialog', { name: 'Wervelfractuur bevestigen' });
  await expect(confirmDialog).toContainText('Voor Dijkman, Pieter wordt een wervelfractuur vastgelegd');
  await expect(confirmDialog.getByRole('searchbox')).toHaveCount(0);
  await expect(confirmDialog.getByRole('button', { name: 'Bevestigen', exact: true })).toBeEnabled();
  await confirmDialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirmDialog).toBeHidden();

  // A report about a patient Osteopad does not know: whoever confirms it chooses the patient (see
  // findingPatient.spec.ts); the page says so.
  const unknown = findings.filter({ hasText: 'E2E-RV-2' });
  await expect(unknown).toContainText('Onbekende patiënt');
  await expect(unknown).toContainText('N-999');
  await expect(unknown).toContainText('Bekend/oud');
  const confirmUnknown = unknown.getByRole('button', { name: 'Bevestigen: verslag E2E-RV-2' });
  await expect(confirmUnknown).toBeEnabled();
  await expect(confirmUnknown).toHaveAccessibleDescription(/kiest u bij het bevestigen zelf de patiënt/);

  // A hedged report: the list says so with the report's own words, and the confirmation asks to make sure.
  // Its clinical question ("Vraagstelling: wervelfractuur?") is no finding.
  const hedged = findings.filter({ hasText: 'E2E-RV-4' });
  await expect(hedged).toHaveCount(1);
  await expect(hedged.locator('td').nth(5)).toContainText('Onzeker');
  await expect(hedged).toContainText('Het verslag zegt: ‘mogelijk’');
  await expect(hedged.locator('mark')).toHaveText('inzakking');
  await hedged.getByRole('button', { name: 'Bevestigen: verslag E2E-RV-4' }).click();
  const hedgedDialog = page.getByRole('dialog', { name: 'Wervelfractuur bevestigen' });
  await expect(hedgedDialog).toContainText('Niveau volgens het verslag: L3.');
  await expect(hedgedDialog).toContainText('Het verslag is hier niet zeker van (‘mogelijk’).');
  await hedgedDialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(hedgedDialog).toBeHidden();

  await known.getByRole('button', { name: 'Afwijzen: verslag E2E-RV-1' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Bevinding afwijzen' });
  await expect(dismiss.locator('mark')).toHaveText(/wervelfractuur/i);
  await dismiss
    .getByRole('textbox', { name: 'Toelichting' })
    .fill('Oude fractuur, al bekend bij de internist.');
  await dismiss.getByRole('button', { name: 'Afwijzen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Afgewezen.' })).toBeVisible();
  await expect(findings.filter({ hasText: 'E2E-RV-1' })).toHaveCount(0);
  await expect(unknown).toHaveCount(1);
});
