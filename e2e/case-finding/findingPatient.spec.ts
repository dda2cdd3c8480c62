import { expect, test } from '@playwright/test';
import {
  adminApi,
  dutchDate,
  fractureCsv,
  isoDay,
  validBsns,
  type FracturePatient,
} from '../support/caseFindingData';
import { sessionState } from '../support/sessions';

// This file's own dates, apart from the other tests' windows: the finger fracture that brings the
// patient into Osteopad (excluded, so no episode yet), and the date of the radiology report.
const FINGER_FRACTURE = isoDay(-36);
const REPORT_DATE = isoDay(-35);
const [bsn] = validBsns(1, 999_820_000);

const PATIENT: FracturePatient = {
  patientId: 'N-301',
  bsn: bsn ?? '',
  familyName: 'Zwanenburg',
  givenNames: 'Hendrika',
  birthDate: '1947-03-12',
  sex: 'V',
  street: 'Kastanjelaan',
  fractureDate: FINGER_FRACTURE,
  fractureSite: 'vinger',
  encounter: 'SEH',
  trauma: 'laag',
  pathological: 'nee',
};

// The report names a hospital number no patient has: the finding cannot be matched to anyone.
const SENTENCE = 'Wigvormige wervelfractuur L2 met hoogteverlies, graad 2 volgens Genant.';
const REPORTS = ['reportId;patientRef;reportDate;text', `E2E-RV-3;N-398;${REPORT_DATE};${SENTENCE}`].join(
  '\n',
);

test.use({ storageState: sessionState('nurse') });

test.beforeAll(async () => {
  const { api, upload } = await adminApi();
  await upload('/api/imports?format=csv', fractureCsv([PATIENT]), 'text/csv', 'patientkeuze-e2e.csv');
  const reports = (await upload('/api/report-imports', REPORTS, 'text/plain', 'patientkeuze-e2e.txt')) as {
    findings: number;
    matched: number;
  };
  // The premise of this test: one finding, matched to nobody.
  expect(reports).toMatchObject({ findings: 1, matched: 0 });
  await api.dispose();
});

test('a nurse confirms a finding about an unknown patient by choosing the patient', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(decodeURIComponent(request.url())));
  await page.goto('/worklist?view=report_findings');
  const findings = page.getByRole('table', { name: 'Bevindingen in röntgenverslagen' }).locator('tbody tr');
  const finding = findings.filter({ hasText: 'E2E-RV-3' });
  await expect(finding).toContainText('Onbekende patiënt');
  await expect(finding).toContainText('N-398');
  const confirm = finding.getByRole('button', { name: 'Bevestigen: verslag E2E-RV-3' });
  await expect(confirm).toBeEnabled();
  await expect(confirm).toHaveAccessibleDescription(/kiest u bij het bevestigen zelf de patiënt/);
  await confirm.click();

  const dialog = page.getByRole('dialog', { name: 'Wervelfractuur bevestigen' });
  await expect(dialog).toContainText('kenmerk in verslag: N-398');
  // Nothing can be confirmed before a patient is chosen, and the dialog says why.
  const submit = dialog.getByRole('button', { name: 'Bevestigen', exact: true });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(/Nog geen patiënt gekozen/);

  const search = dialog.getByRole('searchbox', { name: 'Zoek de patiënt' });
  await expect(search).toBeFocused();
  await search.fill('Zwanenburg');
  const choices = dialog.getByRole('radiogroup', { name: 'Kies de patiënt' }).getByRole('radio');
  await expect(choices).toHaveCount(1);
  const option = dialog.getByRole('radio', { name: /^Zwanenburg, Hendrika/ });
  // Name, date of birth and BSN, as staff check a patient's identity.
  await expect(option).toHaveAccessibleName(
    `Zwanenburg, Hendrika Geboren ${dutchDate(PATIENT.birthDate)} · BSN ${PATIENT.bsn}`,
  );
  await expect(option).not.toBeChecked();
  await option.check();

  const chosen = dialog.getByTestId('chosen-patient');
  await expect(chosen).toContainText('Gekozen patiënt');
  await expect(chosen).toContainText('Zwanenburg, Hendrika');
  await expect(chosen).toContainText(PATIENT.bsn);
  await expect(dialog).toContainText(
    `Voor Zwanenburg, Hendrika wordt een wervelfractuur vastgelegd op ${dutchDate(REPORT_DATE)}.`,
  );
  await expect(submit).toBeEnabled();

  // Another search does not undo the choice; Enter in the search box does not confirm.
  await search.fill(PATIENT.bsn);
  await search.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(option).toBeChecked();
  await expect(chosen).toContainText('Zwanenburg, Hendrika');
  // The picker searched by name and by BSN, but neither reached a URL (proxy logs, history).
  expect(urls.filter((url) => url.includes('Zwanenburg') || url.includes(PATIENT.bsn))).toEqual([]);

  await submit.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Bevestigd. De wervelfractuur is vastgelegd.' }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(finding).toHaveCount(0);

  // The vertebral fracture is the patient's now, and like any fracture it went through the rules:
  // she is on the worklist to be invited, with the report date as the fracture date.
  await page.goto(`/worklist?view=to_invite&fractureFrom=${REPORT_DATE}&fractureTo=${REPORT_DATE}`);
  const toInvite = page.getByRole('table', { name: 'Werklijst Uit te nodigen' }).locator('tbody tr');
  await expect(toInvite).toHaveCount(1);
  await expect(toInvite).toContainText('Zwanenburg, Hendrika');
  await expect(toInvite).toContainText(dutchDate(REPORT_DATE));
  await expect(toInvite).toContainText('Borst- of lendenwervel');

  await toInvite.getByRole('link', { name: 'Zwanenburg, Hendrika' }).click();
  const fractures = page.getByRole('table', { name: 'Fracturen' }).locator('tbody tr');
  await expect(fractures).toHaveCount(2);
  const vertebral = fractures.filter({ hasText: dutchDate(REPORT_DATE) });
  await expect(vertebral).toContainText(SENTENCE);
});
