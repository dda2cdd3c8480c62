import { expect, test, type Page } from '@playwright/test';
import { screenshotsAtBothSizes } from '../support/pageChecks';
import type { PortalIntake } from '@osteopad/contract';
import { demoLoginNamed } from '../support/demoLogins';
import { fillLoginForm, logInQuickly } from '../support/logIn';

// Issue 13, item 2: demo patient 2 (packages/server/src/demo/demoPortalIntake.ts), a man invited a month
// ago, has answered the first part online; he carries on, is refused an impossible weight at the field,
// stops and comes back, sends the questionnaire once, and the nurse sees his answers on the episode page.

const USERNAME = 'patient.vragenlijst';

const saveButton = (page: Page) => page.getByRole('button', { name: 'Opslaan en verder' });

/** Saves the step and waits until the next one is shown (the form saves on the version it holds). */
async function next(page: Page): Promise<void> {
  const step = page.getByTestId('portal-intake-step');
  const before = (await step.textContent()) ?? '';
  await saveButton(page).click();
  await expect(step).not.toHaveText(before);
}
const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });

async function answer(page: Page, question: RegExp, choice: 'Ja' | 'Nee'): Promise<void> {
  await page
    .getByRole('radiogroup', { name: question })
    .getByRole('radio', { name: choice, exact: true })
    .check();
}

test('a patient fills in the questionnaire in parts, sends it once, and the nurse sees it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/login');
  await fillLoginForm(page, USERNAME, demoLoginNamed(USERNAME).password);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: 'Naar de vragenlijst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vragenlijst voor uw afspraak' })).toBeFocused();
  const total = (await (await page.request.get('/api/portal/intake')).json()) as PortalIntake;
  const episodeId = total.episode?.id ?? '';
  expect(episodeId).not.toBe('');

  // The demo's first part is there as he left it.
  await expect(stepHeading(page, 'Uw gezondheid en uw familie')).toBeVisible();
  await expect(
    page.getByRole('radiogroup', { name: /Rookt u\?/ }).getByRole('radio', { name: 'Nee', exact: true }),
  ).toBeChecked();
  await screenshotsAtBothSizes(page, testInfo, 'portal-intake-step');
  await next(page);

  // His body: an impossible weight is refused at the field; no questions about pregnancy for a man.
  await expect(stepHeading(page, 'Uw lichaam')).toBeFocused();
  await expect(page.getByText('Stap 2 van')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: /Bent u zwanger/ })).toHaveCount(0);
  const weight = page.getByRole('textbox', { name: /Hoeveel weegt u/ });
  await weight.fill('4000');
  await page.getByRole('textbox', { name: /Hoe lang bent u/ }).fill('178');
  await saveButton(page).click();
  await expect(
    page.getByText('Dit kan niet kloppen. Vul een getal in van 1 tot en met 400 kilo.'),
  ).toBeVisible();
  await expect(stepHeading(page, 'Uw lichaam')).toBeVisible();
  await weight.fill('80');
  await next(page);
  await expect(stepHeading(page, 'Uw medicijnen')).toBeFocused();
  await expect(page.getByRole('status')).toContainText('Uw antwoorden zijn bewaard.');

  // He stops and comes back: what he saved is there.
  await page.reload();
  await next(page);
  await expect(page.getByRole('textbox', { name: /Hoeveel weegt u/ })).toHaveValue('80');
  await next(page);

  // Medicines: he leaves the prednisone courses empty for now.
  await answer(page, /Gebruikt u prednison/, 'Nee');
  await next(page);
  await expect(stepHeading(page, 'Vallen')).toBeVisible();
  await page.getByRole('textbox', { name: /Hoe vaak bent u het afgelopen jaar gevallen/ }).fill('1');
  await answer(page, /Bent u bang om te vallen/, 'Ja');
  await answer(page, /bewegen, lopen of uw evenwicht/, 'Nee');
  await next(page);
  await expect(stepHeading(page, 'Wat u eet en drinkt (calcium)')).toBeVisible();
  await page.getByRole('textbox', { name: /Glazen melk/ }).fill('2');
  await next(page);
  await expect(stepHeading(page, 'Vitamine D en zonlicht')).toBeVisible();
  await answer(page, /donkere huid/, 'Nee');
  await answer(page, /elke dag 15 tot 30 minuten buiten/, 'Ja');
  await answer(page, /hele lichaam bedekt/, 'Nee');
  await next(page);
  await next(page);
  await next(page);

  // The review: sending with a required answer missing takes him to it.
  await expect(stepHeading(page, 'Kijk uw antwoorden na en verstuur ze')).toBeFocused();
  await expect(page.getByTestId('portal-intake-answers')).toContainText('80 kilo');
  await screenshotsAtBothSizes(page, testInfo, 'portal-intake-review');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('U hebt nog niet alle vragen met een * beantwoord.');
  await expect(stepHeading(page, 'Uw medicijnen')).toBeVisible();
  await expect(page.getByText('Beantwoord deze vraag om de vragenlijst te versturen.')).toBeVisible();
  await page.getByRole('textbox', { name: /korte kuur prednison/ }).fill('0');
  for (let i = 0; i < 6; i += 1) await next(page);
  await expect(stepHeading(page, 'Kijk uw antwoorden na en verstuur ze')).toBeVisible();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByTestId('portal-intake-sent')).toContainText(
    'Uw antwoorden zijn naar de polikliniek gestuurd',
  );
  await expect(page.getByRole('button', { name: 'Versturen' })).toHaveCount(0);
  await screenshotsAtBothSizes(page, testInfo, 'portal-intake-sent');

  // Sent once: the portal changes nothing more.
  const again = (await (await page.request.get('/api/portal/intake')).json()) as PortalIntake;
  expect(again.open).toBe(false);

  // The nurse sees it on the episode page and in the intake, as filled in online by the patient.
  const staff = await browser.newContext();
  await logInQuickly(staff, 'nurse');
  const nursePage = await staff.newPage();
  await nursePage.goto(`/episodes/${episodeId}`);
  await expect(nursePage.getByTestId('episode-intake')).toContainText('Afgerond op');
  await expect(nursePage.getByTestId('episode-intake')).toContainText('online ingevuld door de patiënt');
  await nursePage.getByRole('link', { name: 'Bekijken' }).click();
  await expect(nursePage.getByTestId('intake-by-patient')).toHaveText('Online ingevuld door de patiënt');
  await expect(nursePage.getByRole('textbox', { name: /Gewicht/ })).toHaveValue('80');
  await staff.close();
});
