import { expect, type BrowserContext, type Page } from '@playwright/test';
import { demoLogin, type DemoRole } from './demoLogins';

/** Fills the Dutch login form as a user would and waits until the app has taken over. */
export async function logIn(page: Page, role: DemoRole): Promise<void> {
  const { username, password } = demoLogin(role);
  await page.goto('/login');
  await fillLoginForm(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

export async function fillLoginForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Gebruikersnaam' }).fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Logs in through the API, for tests about what comes after the login: the session cookie lands in
 * the browser context, so the next page load is logged in. Saves a page load and the form per test.
 */
export async function logInQuickly(context: BrowserContext, role: DemoRole): Promise<void> {
  const { username, password } = demoLogin(role);
  const response = await context.request.post('/api/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
}
