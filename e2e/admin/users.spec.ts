import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { logIn, fillLoginForm } from '../support/logIn';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoAxeViolations(page: Page): Promise<void> {
  // The shell's clinical-configuration notice is checked on its own screen (as followup/complete.spec.ts does).
  const result = await new AxeBuilder({ page }).exclude('[href$="clinical-config"]').withTags(WCAG).analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const NEW_PASSWORD = 'mijn eigen lange wachtwoord';

test.use({ viewport: { width: 1280, height: 800 } });

test('an administrator adds a user, who sets a password through the link and is signed out when deactivated', async ({
  page,
  browser,
}, testInfo) => {
  // Two browsers, four axe runs and two argon2 hashes on a shared 2-core machine.
  test.slow();
  // Our own account: the demo accounts other tests use are never demoted or deactivated here.
  const username = `e2e.gebruiker.${String(Date.now())}`;
  const name = 'E2E Gebruiker';

  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Gebruikers' });
  await expect(table.getByRole('row', { name: /A\. Beheer/ })).toContainText('Beheerder');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-1280.png'), fullPage: true });

  // Add the user: name, username, role (staff roles only).
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  const add = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
  await expect(add).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-add-dialog-1280.png') });
  await add.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
  await add.getByRole('textbox', { name: 'Gebruikersnaam' }).fill('x');
  await add.getByRole('button', { name: 'Toevoegen' }).click();
  // The server's refusal at its field.
  await expect(add.getByText('Gebruik minstens 3 tekens')).toBeVisible();
  await add.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(username);
  await add.getByRole('button', { name: 'Toevoegen' }).click();

  // The password link is the next step: made once, shown once, with its expiry.
  const linkDialog = page.getByRole('dialog', { name: `Wachtwoordlink voor ${name}` });
  await expect(linkDialog).toContainText(`${name} is toegevoegd`);
  await linkDialog.getByRole('button', { name: 'Link maken' }).click();
  const linkBox = linkDialog.getByRole('textbox', { name: 'Link', exact: true });
  await expect(linkBox).toHaveValue(/\/set-password#token=[A-Za-z0-9_-]+$/);
  await expect(linkDialog).toContainText('Geldig tot');
  await expect(linkDialog.getByRole('button', { name: 'Link kopiëren' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-link-dialog-1280.png') });
  const link = await linkBox.inputValue();
  await linkDialog.getByRole('button', { name: 'Sluiten' }).last().click();
  const row = table.getByRole('row', { name: new RegExp(username.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Verpleegkundige');
  await expect(row).toContainText('Actief');
  await expect(row).toContainText('Nooit');

  // The new user follows the link in a browser of their own, sets a password and signs in.
  const userContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const userPage = await userContext.newPage();
  await userPage.goto(new URL(link).pathname + new URL(link).hash);
  await expect(userPage.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' })).toBeVisible();
  await expect(userPage).not.toHaveURL(/token=/);
  await expectNoAxeViolations(userPage);
  await userPage.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
  await userPage.getByLabel('Herhaal het wachtwoord').fill(NEW_PASSWORD);
  await userPage.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(userPage.getByRole('status')).toContainText(`Log in met gebruikersnaam ${username}`);
  await userPage.screenshot({ path: testInfo.outputPath('set-password-done-390.png'), fullPage: true });
  await userPage.getByRole('link', { name: 'Naar inloggen' }).click();
  await fillLoginForm(userPage, username, NEW_PASSWORD);
  await expect(userPage).not.toHaveURL(/\/login/);
  expect((await userPage.request.get('/api/auth/session')).status()).toBe(200);

  // The link works once.
  const again = await userPage.request.post('/api/auth/password-link', {
    data: { token: new URL(link).hash.replace('#token=', ''), password: 'nog een ander wachtwoord' },
  });
  expect(again.status()).toBe(400);

  // The administrator sees the sign-in, then deactivates the account: its open session ends at once.
  await page.reload();
  await expect(row).not.toContainText('Nooit');
  await page.getByRole('button', { name: `Deactiveren: ${name}` }).click();
  const deactivate = page.getByRole('dialog', { name: `${name} deactiveren` });
  await expect(deactivate).toContainText('meteen uitgelogd');
  await deactivate.getByRole('button', { name: 'Deactiveren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is gedeactiveerd en uitgelogd' })).toBeVisible();
  await expect(row).toContainText('Gedeactiveerd');
  expect((await userPage.request.get('/api/auth/session')).status()).toBe(401);
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/login/);
  await userContext.close();
});

test('the user list and its dialogs work at 390×844 and pass axe', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('table', { name: 'Gebruikers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-390.png'), fullPage: true });
  // Opened and cancelled: the demo administrator's role is never changed here.
  await page.getByRole('button', { name: 'Rol wijzigen: A. Beheer' }).click();
  const roleDialog = page.getByRole('dialog', { name: 'Rol wijzigen van A. Beheer' });
  await expect(roleDialog).toContainText('uitgelogd op alle apparaten');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-role-dialog-390.png') });
  await roleDialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(roleDialog).toBeHidden();
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  await expect(page.getByRole('dialog', { name: 'Gebruiker toevoegen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('users-add-dialog-390.png') });
});
