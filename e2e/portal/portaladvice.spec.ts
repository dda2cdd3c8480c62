import { expect, test, type Page } from '@playwright/test';
import { screenshotsAtBothSizes } from '../support/pageChecks';
import { logInQuickly } from '../support/logIn';

/** The shell's notice of unconfirmed values is not this screen's. */
const ADVICE_EXCLUDE = ['[href$="clinical-config"]'];

// The advice screen (/advice): the calcium calculator (R12) and the vitamin D advisor (R13), for a nurse in
// the consult and for a patient. Nothing is saved, so the tests share the demo data with everyone.

async function aboutYou(page: Page, age: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Leeftijd in jaren' }).fill(age);
  await page.getByRole('radio', { name: 'Vrouw' }).check();
}

test('a nurse fills in the calcium calculator: the shortfall in portions, then the upper-limit warning', async ({
  page,
  context,
}, testInfo) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/worklist');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Adviezen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calcium en vitamine D' })).toBeFocused();
  await expect(page.getByText('Vul uw leeftijd in.')).toBeVisible();

  await aboutYou(page, '72');
  await page.getByRole('textbox', { name: 'Glazen melk per dag' }).fill('2');
  await page.getByRole('textbox', { name: 'Plakken kaas per dag' }).fill('1');
  const result = page.getByTestId('calcium-result');
  // 2 × 180 + 155 = 515 mg against 1200 mg at 72 (R12.1, ≥ 71 years).
  await expect(result.getByText('ongeveer 515 mg calcium per dag')).toBeVisible();
  await expect(result.getByText('Bij uw leeftijd hebt u minstens 1200 mg per dag nodig.')).toBeVisible();
  await expect(result.getByText('515 van de 1200 mg per dag (43 procent)')).toBeVisible();
  await expect(result.getByRole('progressbar', { name: /Calcium per dag/ })).toHaveAttribute(
    'aria-valuenow',
    '43',
  );
  const shortfall = result.getByTestId('calcium-shortfall');
  await expect(shortfall.getByText('U komt 685 mg per dag tekort.')).toBeVisible();
  await expect(shortfall.getByText('4 bakjes yoghurt')).toBeVisible();
  await expect(shortfall.getByText('of 4 glazen melk')).toBeVisible();
  await expect(result.getByText('Regel R12.1')).toBeVisible();
  await expect(result.getByText('bron: S22/004, S45')).toBeVisible();
  await expect(result.getByTestId('calcium-upper-limit')).toHaveCount(0);
  await screenshotsAtBothSizes(page, testInfo, 'calcium-shortfall', ADVICE_EXCLUDE);

  await page.getByRole('textbox', { name: 'Glazen melk per dag' }).fill('10');
  await page.getByRole('textbox', { name: 'Plakken kaas per dag' }).fill('6');
  await expect(result.getByText('ongeveer 2730 mg calcium per dag')).toBeVisible();
  await expect(result.getByTestId('calcium-upper-limit')).toContainText('meer dan 2500 mg calcium per dag');
  await expect(result.getByText('Dat is genoeg. Goed zo!')).toBeVisible();
  await screenshotsAtBothSizes(page, testInfo, 'calcium-upper-limit', ADVICE_EXCLUDE);

  // Impossible portions are refused at the field, by the server, and no result is shown for them.
  const milk = page.getByRole('textbox', { name: 'Glazen melk per dag' });
  await milk.fill('200');
  await expect(milk).toHaveAccessibleDescription(/Dit getal is te hoog\./);
  await expect(page.getByText('Eén of meer antwoorden kloppen niet.')).toBeVisible();
  await milk.fill('-1');
  await expect(milk).toHaveAccessibleDescription(/Dit getal is te laag\./);
  await milk.fill('2');
  await expect(result.getByText('ongeveer 1290 mg calcium per dag')).toBeVisible();
});

test('the vitamin D advisor: dose in µg and IU, and why (R13.3 with medication, R13.1 without)', async ({
  page,
  context,
}, testInfo) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/advice');
  await page.getByRole('tab', { name: 'Vitamine D' }).click();
  await expect(page.getByText('Beantwoord alle vragen.')).toBeVisible();
  await aboutYou(page, '63');
  const answer = async (question: string, choice: 'Ja' | 'Nee') => {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: choice }).check();
  };
  await answer('Hebt u een donkere huid?', 'Nee');
  await answer('Bent u elke dag minstens 15 tot 30 minuten buiten, met uw gezicht en handen onbedekt?', 'Ja');
  await answer('Draagt u kleding die bijna uw hele lichaam bedekt, bijvoorbeeld een sluier?', 'Nee');
  await answer('Gebruikt u medicijnen om botbreuken te voorkomen?', 'Nee');
  const result = page.getByTestId('vitamin-d-result');
  // GR 2012: a woman of 50 to 70 → 10 µg.
  await expect(result.getByText('Neem elke dag 10 microgram vitamine D extra. Dat is 400 IE.')).toBeVisible();
  await expect(result.getByText('u een vrouw bent van 50 tot 70 jaar')).toBeVisible();
  await expect(result.getByText('Regel R13.1')).toBeVisible();

  await answer('Gebruikt u medicijnen om botbreuken te voorkomen?', 'Ja');
  await expect(result.getByText('Neem elke dag 20 microgram vitamine D extra. Dat is 800 IE.')).toBeVisible();
  await expect(
    result.getByText('Dit is omdat u medicijnen gebruikt om botbreuken te voorkomen.', { exact: false }),
  ).toBeVisible();
  await expect(result.getByText('U mag ook één keer per week een capsule van 5600 IE nemen.')).toBeVisible();
  await expect(result.getByText('Regel R13.3')).toBeVisible();

  await page.getByRole('textbox', { name: 'Hoeveel vitamine D neemt u nu? (IE per dag)' }).fill('4000');
  await expect(result.getByTestId('vitamin-d-fall-risk')).toContainText('Vanaf 3000 IE per dag');
  await screenshotsAtBothSizes(page, testInfo, 'vitamin-d', ADVICE_EXCLUDE);
});

test('a patient uses the calculators too, with the keyboard', async ({ page, context }, testInfo) => {
  await logInQuickly(context, 'patient');
  await page.goto('/advice');
  await expect(page.getByRole('heading', { level: 1, name: 'Calcium en vitamine D' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Leeftijd in jaren' }).focus();
  await page.keyboard.type('80');
  await page.keyboard.press('Tab');
  // The radio group takes one Tab stop; Space chooses the focused option.
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Vrouw' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Bakjes yoghurt per dag' }).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const result = page.getByTestId('calcium-result');
  // Two steps of ½: 1 pot, 190 mg, below 500 mg (a risk factor, R3.4/R12.2).
  await expect(result.getByText('ongeveer 190 mg calcium per dag')).toBeVisible();
  await expect(
    result.getByText('Minder dan 500 mg calcium per dag is een risico voor uw botten.'),
  ).toBeVisible();
  await screenshotsAtBothSizes(page, testInfo, 'calcium-patient', ADVICE_EXCLUDE);
});
