import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startLoopbackOidcProvider,
  type LoopbackOidcProvider,
} from '../../packages/server/src/auth/sso/test-support/loopbackOidcProvider';
import { adminApi } from '../support/caseFindingData';
import { demoLogin } from '../support/demoLogins';
import { BASE_URL, REPO_ROOT } from '../support/environment';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CLIENT_SECRET = 'e2e-loopback-client-secret';
// The server reads the client secret from the file the settings name; it is never in the database.
const SECRET_FILE = join(REPO_ROOT, '.test-output', 'e2e-sso', 'client-secret');

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${String(v.nodes.length)}`)).toEqual([]);
}

let provider: LoopbackOidcProvider;
let api: APIRequestContext;
let csrfToken: string;

async function putSettings(change: Record<string, unknown>): Promise<void> {
  const response = await api.put('/api/sso/settings', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: {
      slug: 'demo',
      issuerUrl: provider.issuer,
      clientId: 'osteopad-e2e',
      clientSecretRef: `file:${SECRET_FILE}`,
      accountClaim: 'preferred_username',
      roleSource: 'claim',
      roleClaim: 'groups',
      roleMap: { 'fls-verpleegkundigen': 'nurse' },
      ...change,
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  mkdirSync(join(SECRET_FILE, '..'), { recursive: true });
  writeFileSync(SECRET_FILE, `${CLIENT_SECRET}\n`, { mode: 0o600 });
  provider = await startLoopbackOidcProvider({
    clientId: 'osteopad-e2e',
    clientSecret: CLIENT_SECRET,
    redirectUris: [`${BASE_URL}/api/auth/sso/callback`],
    extraProfileClaims: ['groups'],
    accounts: {
      'h.jansen': {
        password: 'ziekenhuis-wachtwoord',
        claims: {
          preferred_username: demoLogin('nurse').username,
          groups: ['alle-medewerkers', 'fls-verpleegkundigen'],
        },
      },
      onbekend: {
        password: 'ziekenhuis-wachtwoord',
        claims: { preferred_username: 'niet.in.osteopad', groups: ['fls-verpleegkundigen'] },
      },
    },
  });
  const admin = await adminApi();
  api = admin.api;
  const session = await api.get('/api/auth/session');
  csrfToken = ((await session.json()) as { csrfToken: string }).csrfToken;
  await putSettings({});
});

test.afterAll(async () => {
  await putSettings({ enabled: false });
  await api.dispose();
  await provider.close();
});

async function signInAtHospital(page: Page, login: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Inloggen met ziekenhuisaccount' }).click();
  await expect(page.getByRole('heading', { name: 'Hospital sign-in' })).toBeVisible();
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill('ziekenhuis-wachtwoord');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('staff sign in with the hospital account at the provider and land in the app with the mapped role', async ({
  page,
}) => {
  await page.goto('/login');
  await expect(page.getByRole('link', { name: 'Inloggen met ziekenhuisaccount' })).toBeVisible();
  await expectNoAxeViolations(page);

  await signInAtHospital(page, 'h.jansen');
  await expect(page).toHaveURL(`${BASE_URL}/`);
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(200);
  expect(((await session.json()) as { user: { role: string; username: string } }).user).toMatchObject({
    role: 'nurse',
    username: demoLogin('nurse').username,
  });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an unknown hospital account ends on the login page with a clear message', async ({ page }) => {
  await signInAtHospital(page, 'onbekend');
  await expect(page).toHaveURL(/\/login\?sso=unknown_account/);
  await expect(page.getByRole('alert')).toContainText(
    'Er is geen Osteopad-account voor uw ziekenhuisaccount',
  );
  await expectNoAxeViolations(page);
});
