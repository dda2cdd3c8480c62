import { expect, test } from '@playwright/test';
import { demoLogin } from './support/demoLogins';
import { fillLoginForm } from './support/logIn';

const GENERIC_FAILURE = /Inloggen is niet gelukt\. Controleer uw gebruikersnaam en wachtwoord\./;

test('the app is served under the strict Content Security Policy, also on deep links', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });

  const root = await page.goto('/');
  expect(root?.status()).toBe(200);
  const csp = root?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-eval'");

  // Not logged in: the app itself sends the visitor to the login page, in Dutch.
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page).toHaveTitle('Inloggen – Osteopad');

  // The SPA fallback: a deep link is answered with the app, under the same policy.
  const deep = await page.goto('/patients/00000000-0000-4000-8000-000000000000');
  expect(deep?.headers()['content-security-policy']).toBe(csp);
  await expect(page).toHaveURL(/\/login\?redirect=/);
  expect(violations).toEqual([]);
});

test('a wrong password and an unknown user get the same generic message', async ({ page }) => {
  const { username } = demoLogin('specialist');
  await page.goto('/login');

  await fillLoginForm(page, username, 'not-the-password');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(GENERIC_FAILURE);
  const wrongPasswordText = await alert.textContent();
  await expect(page).toHaveURL(/\/login$/);
  // The password field is emptied after a failed attempt.
  await expect(page.getByRole('textbox', { name: 'Wachtwoord', exact: true })).toHaveValue('');

  await fillLoginForm(page, 'nobody-has-this-name', 'whatever-password');
  await expect(alert).toHaveText(GENERIC_FAILURE);
  expect(await alert.textContent()).toBe(wrongPasswordText);
});

test('empty fields are pointed out before anything is sent', async ({ page }) => {
  let loginRequests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth/login')) loginRequests += 1;
  });
  await page.goto('/login');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul uw gebruikersnaam in.')).toBeVisible();
  await expect(page.getByText('Vul uw wachtwoord in.')).toBeVisible();
  expect(loginRequests).toBe(0);
});
