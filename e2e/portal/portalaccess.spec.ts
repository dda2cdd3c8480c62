import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoPortalActivation } from '../support/demoLogins';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
}

/** dd-mm-jjjj, as the patient types it. */
function typed(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d ?? ''}-${m ?? ''}-${y ?? ''}`;
}

test.use({ viewport: { width: 390, height: 844 } });

test('a patient activates the portal with the code from the letter, then sees their own dates', async ({
  page,
}, testInfo) => {
  const activation = demoPortalActivation();
  await page.goto('/login');
  await page.getByRole('link', { name: 'Ik heb een code uit mijn brief' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activeer uw portaal' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A wrong code: one neutral message, back at the code.
  await page.getByLabel('Code uit uw brief').fill('AAAA-BBBB-CCCC');
  await page.getByLabel('Geboortedatum').fill(typed(activation.birthDate));
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByLabel('Gebruikersnaam').fill('demo.portaal');
  await page.locator('input[name="new-password"]').fill('een wachtwoord van mij');
  await page.getByRole('button', { name: 'Portaal activeren' }).click();
  await expect(page.getByTestId('activation-problem')).toContainText(
    'De code of de geboortedatum klopt niet',
  );
  await expect(page.getByLabel('Code uit uw brief')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('activation-wrong-code-390.png'), fullPage: true });

  // The right code (typed loosely) and date of birth.
  await page.getByLabel('Code uit uw brief').fill(activation.code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.locator('input[name="new-password"]').fill('een wachtwoord van mij');
  await page.getByRole('button', { name: 'Portaal activeren' }).click();

  await expect(page).toHaveURL(/\/portal$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Welkom, ${activation.patientName}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Komende afspraken' })).toBeVisible();
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noOverflow).toBe(true);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('portal-home-390.png'), fullPage: true });
  const calendar = await page.request.get('/api/portal/upcoming.ics');
  expect(calendar.status()).toBe(200);
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

  // Signed out, the patient signs in with the new password; the code is used up.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByLabel('Gebruikersnaam').fill('demo.portaal');
  await page.locator('input[name="password"]').fill('een wachtwoord van mij');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('portal-home-1280.png'), fullPage: true });

  // Who looked at the record: the patient's own visits of the portal are in it, in words.
  await page.getByRole('link', { name: 'Wie heeft uw dossier bekeken?' }).click();
  await expect(page).toHaveURL(/\/portal\/access-log$/);
  const log = page.getByTestId('portal-access-log');
  await expect(log.getByRole('row').filter({ hasText: 'U zelf' }).first()).toContainText(
    'Bekeken: uw gegevens',
  );
  await expect(log).not.toContainText('_');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('portal-access-log-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('portal-access-log-390.png'), fullPage: true });
});

test('the sign-in link form answers the same for any address and is accessible', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Stuur mij een inloglink per e-mail' }).click();
  await page.getByLabel('E-mailadres').fill('niemand@example.org');
  await page.getByRole('button', { name: 'Stuur mij een link' }).click();
  await expect(page.getByRole('status')).toContainText('Als wij dit adres kennen');
  await expectNoAxeViolations(page);
});
