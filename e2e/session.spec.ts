import { expect, test } from '@playwright/test';
import { fillLoginForm, logInQuickly } from './support/logIn';
import { demoLogin } from './support/demoLogins';

test('logging out returns to the login page, and the patient URL then asks for a login', async ({
  page,
  context,
}) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/patients');
  await page.getByRole('table', { name: 'Gevonden patiënten' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = page.url();
  const name = await page.getByRole('heading', { level: 1 }).innerText();

  const userMenu = page.getByRole('button', { name: 'Gebruikersmenu van V. Verpleegkundige' });
  await userMenu.click();
  await expect(page.getByText('Rol: Verpleegkundige')).toBeVisible();
  await expect(page.getByText('Organisatie: Ziekenhuis Demostad')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Uitloggen' }).click();

  await expect(page).toHaveURL(/\/login\?reason=loggedOut$/);
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();

  await page.goto(patientUrl);
  await expect(page).toHaveURL(/\/login\?redirect=%2Fpatients%2F/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});

test('an expired session sends the user to the login page and back after logging in', async ({
  page,
  context,
  playwright,
}) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/patients');
  await expect(page.getByRole('status')).toHaveText('40 patiënten gevonden');

  // The server ends the session (as after 30 idle minutes) while the page still holds the cookie.
  const cookie = (await context.cookies()).find((c) => c.name === 'osteopad_session');
  expect(cookie).toBeDefined();
  const elsewhere = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { cookie: `osteopad_session=${cookie?.value ?? ''}` },
  });
  const { csrfToken } = (await (await elsewhere.get('/api/auth/session')).json()) as { csrfToken: string };
  expect(
    (await elsewhere.post('/api/auth/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status(),
  ).toBe(204);
  await elsewhere.dispose();

  // The next request of the page gets a 401.
  await page.getByRole('searchbox', { name: 'Zoek een patiënt' }).fill('jans');

  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.')).toBeVisible();
  const { username, password } = demoLogin('nurse');
  await fillLoginForm(page, username, password);
  await expect(page).toHaveURL(/\/patients$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Patiënten' })).toBeVisible();
});

test('a quality officer gets a placeholder page and no patient navigation', async ({ page, context }) => {
  await logInQuickly(context, 'quality');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom' })).toBeVisible();
  await expect(page.getByText('Met uw rol ziet u geen gegevens van individuele patiënten.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Patiënten' })).toHaveCount(0);
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});
