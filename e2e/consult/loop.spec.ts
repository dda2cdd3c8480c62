import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  adminApi,
  dutchDate,
  fractureCsv,
  isoDay,
  validBsns,
  type FracturePatient,
} from '../support/caseFindingData';
import { BASE_URL } from '../support/environment';
import { sessionState } from '../support/sessions';

// The invitation loop on the episode page: the reply (an appointment), the reminder call's outcome,
// reopening a declined patient, including an excluded fracture, and the timeline that records it all.
// This file's own patients, on fracture dates of their own.
const [b1, b2, b3] = validBsns(3, 999_870_000);
const patient = (p: Partial<FracturePatient> & Pick<FracturePatient, 'familyName' | 'givenNames'>) => ({
  patientId: '',
  bsn: '',
  birthDate: '1950-01-01',
  sex: 'V' as const,
  street: 'Dorpsstraat',
  fractureDate: isoDay(-33),
  fractureSite: 'distale radius',
  encounter: 'SEH' as const,
  trauma: 'laag' as const,
  pathological: 'nee' as const,
  ...p,
});
const PATIENTS: FracturePatient[] = [
  patient({ patientId: 'LP-1', bsn: b1 ?? '', familyName: 'Appelboom', givenNames: 'Greet' }),
  patient({
    patientId: 'LP-2',
    bsn: b2 ?? '',
    familyName: 'Belder',
    givenNames: 'Truus',
    fractureDate: isoDay(-34),
  }),
  patient({
    patientId: 'LP-3',
    bsn: b3 ?? '',
    familyName: 'Cremer',
    givenNames: 'Wilma',
    fractureDate: isoDay(-35),
    fractureSite: 'teen',
  }),
];
/** The demo's declined patient (demoPatients(40)[6], packages/server/src/demo/demoData.ts). */
const DECLINED_DEMO = { familyName: 'Meijer', givenNames: 'Geertruida', birthDate: '11-07-1937' };

async function secretaryApi(): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await request.newContext({ baseURL: BASE_URL, storageState: sessionState('secretary') });
  const session = await api.get('/api/auth/session');
  return { api, csrf: ((await session.json()) as { csrfToken: string }).csrfToken };
}

async function episodeIdOf(api: APIRequestContext, familyName: string, view = 'to_invite'): Promise<string> {
  const response = await api.get(
    `/api/worklist?view=${view}&fractureFrom=${isoDay(-35)}&fractureTo=${isoDay(-33)}&limit=50`,
  );
  const body = (await response.json()) as { items: { familyName: string; episodeId: string | null }[] };
  const id = body.items.find((i) => i.familyName === familyName)?.episodeId;
  if (id === undefined || id === null) throw new Error(`no episode for ${familyName} on ${view}`);
  return id;
}

const timeline = (page: Page) => page.getByTestId('timeline');

// One story: the later tests read what the earlier ones did (the English check reads the appointment).
test.describe.configure({ mode: 'serial' });

let appointmentEpisode = '';
let callEpisode = '';

test.beforeAll(async () => {
  const { api: admin, upload } = await adminApi();
  await upload('/api/imports?format=csv', fractureCsv(PATIENTS), 'text/csv', 'lus-e2e.csv');
  await admin.dispose();
  const { api, csrf } = await secretaryApi();
  appointmentEpisode = await episodeIdOf(api, 'Appelboom');
  callEpisode = await episodeIdOf(api, 'Belder');
  // Belder: invited five weeks ago and reminded, so the reminder call is due.
  for (const [path, sentOn] of [
    ['invitation', isoDay(-30)],
    ['reminder', isoDay(-9)],
  ] as const) {
    const r = await api.post(`/api/episodes/${callEpisode}/${path}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { sentOn },
    });
    expect(r.status()).toBe(200);
  }
  await api.dispose();
});

test.describe('as the secretary', () => {
  test.use({ storageState: sessionState('secretary') });

  test('invites from the episode page, then plans the appointment the patient asked for', async ({
    page,
  }) => {
    await page.goto(`/episodes/${appointmentEpisode}`);
    await expect(page.getByRole('heading', { level: 1, name: /Episode van .*Appelboom/ })).toBeVisible();
    const next = page.getByTestId('next-step');
    await next.getByRole('button', { name: 'Uitnodiging verstuurd' }).click();
    await expect(page.getByTestId('episode-state')).toHaveText('Uitgenodigd');

    await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
    const dialog = page.getByRole('region', { name: 'Reactie van de patiënt' });
    // Impossible values are refused at the field, with the reason; nothing is saved.
    await dialog.getByRole('textbox', { name: 'Datum' }).fill('31-02-2030');
    await dialog.getByRole('textbox', { name: 'Tijd' }).fill('25:00');
    await dialog.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(dialog.getByText('Vul een bestaande datum in (dd-mm-jjjj).')).toBeVisible();
    await expect(dialog.getByText('Vul een tijd in als uu:mm (00:00–23:59).')).toBeVisible();

    await dialog.getByRole('textbox', { name: 'Datum' }).fill(dutchDate(isoDay(12)));
    await dialog.getByRole('textbox', { name: 'Tijd' }).fill('09:30');
    await dialog.getByText('Laboratorium', { exact: true }).click();
    await expect(dialog.getByRole('checkbox', { name: 'Laboratorium' })).not.toBeChecked();
    await dialog.getByRole('textbox', { name: 'Notitie' }).fill('komt met haar zoon');
    await dialog.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('episode-state')).toHaveText('Intake');
    await expect(page.getByTestId('episode-reason')).toHaveText(
      `Afspraak gepland op ${dutchDate(isoDay(12))}`,
    );
    await expect(next.getByRole('link', { name: 'Naar de intake' })).toHaveAttribute(
      'href',
      `/episodes/${appointmentEpisode}/intake`,
    );
    const appointments = page.getByRole('region', { name: 'Afspraken' });
    await expect(appointments.getByRole('row').nth(1)).toContainText('DXA + VFA, Consult');
    await expect(page.getByRole('region', { name: 'Open taken' })).toContainText('Afspraak polikliniek');
    await expect(timeline(page)).toContainText(
      `Afspraak gepland op ${dutchDate(isoDay(12))} om 09:30: DXA + VFA, Consult`,
    );
    await expect(timeline(page)).toContainText('Notitie: komt met haar zoon');
    await expect(timeline(page)).toContainText('Taak afgerond: Herinnering sturen');
  });

  test('records that the reminder call did not reach the patient; a stale page is refused', async ({
    page,
    browser,
  }) => {
    await page.goto(`/episodes/${callEpisode}`);
    await expect(page.getByTestId('episode-state')).toHaveText('Herinnering gestuurd');

    // Someone else records the call first, in another browser: this page is now out of date.
    const other = await browser.newContext({ storageState: sessionState('secretary') });
    const otherPage = await other.newPage();
    await otherPage.goto(`/episodes/${callEpisode}`);
    await otherPage
      .getByTestId('next-step')
      .getByRole('button', { name: 'Uitkomst belpoging vastleggen' })
      .click();
    const otherDialog = otherPage.getByRole('region', { name: 'Uitkomst van de belpoging' });
    await otherDialog.getByRole('radio', { name: 'Niet bereikt' }).check();
    await expect(otherDialog.getByText('Onbevestigde instelling')).toBeVisible();
    await otherDialog.getByRole('button', { name: 'Vastleggen' }).click();
    await expect(otherDialog).toBeHidden();
    await other.close();

    await page.getByRole('button', { name: 'Reactie vastleggen' }).click();
    const dialog = page.getByRole('region', { name: 'Reactie van de patiënt' });
    await dialog.getByRole('textbox', { name: 'Datum' }).fill(dutchDate(isoDay(5)));
    await dialog.getByRole('textbox', { name: 'Tijd' }).fill('11:00');
    await dialog.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect(dialog.getByTestId('action-refusal')).toHaveText(
      'Iemand anders heeft deze episode intussen gewijzigd. De pagina toont nu de nieuwste gegevens: controleer ze en probeer het opnieuw.',
    );
    await dialog.getByRole('button', { name: 'Annuleren' }).click();

    // The page shows what the other user saved: the first call, and the next one waiting.
    await expect(timeline(page)).toContainText('Belpoging 1: Niet bereikt');
    await expect(page.getByRole('region', { name: 'Open taken' })).toContainText('Bellen: geen reactie');
    await expect(page.getByTestId('episode-state')).toHaveText('Herinnering gestuurd');
  });

  test('reopens the demo patient who declined, from the patient page', async ({ page }) => {
    await page.goto('/patients');
    await page.getByRole('searchbox').fill(DECLINED_DEMO.familyName);
    const found = page
      .getByRole('table', { name: 'Gevonden patiënten' })
      .getByRole('row')
      .filter({ hasText: DECLINED_DEMO.birthDate });
    await expect(found).toHaveCount(1);
    await found
      .getByRole('link', { name: `${DECLINED_DEMO.familyName}, ${DECLINED_DEMO.givenNames}` })
      .click();
    await page
      .getByRole('link', { name: /^Episode van .* openen$/ })
      .first()
      .click();
    await expect(page.getByTestId('episode-state')).toHaveText('Patiënt ziet af');
    await expect(page.getByTestId('next-step')).toContainText('Er staat geen stap open.');

    await page.getByRole('button', { name: 'Heropenen' }).click();
    const dialog = page.getByRole('region', { name: 'Episode heropenen' });
    await dialog.getByRole('radio', { name: 'Andere reden' }).check();
    await dialog.getByRole('button', { name: 'Heropenen' }).click();
    await expect(dialog.getByText('Beschrijf de reden bij ‘Andere reden’.')).toBeVisible();
    await dialog.getByRole('radio', { name: 'Patiënt wil alsnog' }).check();
    await dialog.getByRole('button', { name: 'Heropenen' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('episode-state')).toHaveText('Gesignaleerd');
    await expect(page.getByTestId('episode-reason')).toHaveText('Heropend (patiënt wil alsnog)');
    await expect(
      page.getByTestId('next-step').getByRole('button', { name: 'Uitnodiging verstuurd' }),
    ).toBeVisible();
    await expect(timeline(page)).toContainText('Status Gesignaleerd: Heropend (patiënt wil alsnog)');
    await expect(timeline(page)).toContainText('Taak aangemaakt: Uitnodigen');
  });
});

test.describe('as the nurse', () => {
  test.use({ storageState: sessionState('nurse') });

  test('includes an excluded fracture from the patient page; the new episode opens', async ({ page }) => {
    await page.goto(`/worklist?view=excluded&fractureFrom=${isoDay(-35)}&fractureTo=${isoDay(-35)}`);
    // The excluded tab lists the fracture; the clinician opens the patient and includes it there.
    await page.getByRole('link', { name: /Cremer/ }).click();
    await page
      .getByRole('button', { name: `Fractuur van ${dutchDate(isoDay(-35))} toch includeren` })
      .click();
    const dialog = page.getByRole('region', { name: 'Fractuur toch includeren' });
    await dialog.getByRole('radio', { name: 'Klinisch oordeel' }).check();
    await dialog.getByRole('textbox', { name: 'Toelichting' }).fill('teen gebroken bij val, telt hier mee');
    await dialog.getByRole('button', { name: 'Includeren' }).click();

    await expect(page).toHaveURL(/\/episodes\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('episode-state')).toHaveText('Gesignaleerd');
    await expect(page.getByTestId('episode-reason')).toHaveText(
      'Toch geïncludeerd door een behandelaar (klinisch oordeel)',
    );
    await expect(timeline(page)).toContainText('Fractuur toch geïncludeerd: Klinisch oordeel');
    await expect(timeline(page)).toContainText('Notitie: teen gebroken bij val, telt hier mee');
  });

  test('shows the episode page in English', async ({ page }) => {
    await page.goto(`/episodes/${appointmentEpisode}`);
    await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
    await expect(page.getByRole('heading', { level: 1, name: /Episode of .*Appelboom/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Appointment planned on');
    await expect(page.getByTestId('next-step').getByRole('link', { name: 'Go to the intake' })).toBeVisible();
  });
});
