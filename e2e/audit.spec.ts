import { expect, test } from '@playwright/test';
import { logInQuickly } from './support/logIn';
import { demoLogin } from './support/demoLogins';

test('an administrator sees the nurse reading a patient in the audit log', async ({
  page,
  context,
  playwright,
}) => {
  // The nurse searches and opens a record in her own session (through the API: the screens for
  // that are covered in patients.spec.ts; here only the audit trail they leave matters).
  const nurse = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const { username, password } = demoLogin('nurse');
  const session = await nurse.post('/api/auth/login', { data: { username, password } });
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const search = await nurse.post('/api/patients/search', {
    data: { limit: 10 },
    headers: { 'x-csrf-token': csrfToken },
  });
  const list = (await search.json()) as { items: { id: string; bsn: string; familyName: string }[] };
  const patientId = list.items[7]?.id ?? '';
  const patientBsn = list.items[7]?.bsn ?? '';
  const familyName = list.items[7]?.familyName ?? '';
  expect((await nurse.get(`/api/patients/${patientId}`)).status()).toBe(200);
  await nurse.dispose();

  await logInQuickly(context, 'admin');
  await page.goto('/');
  // Administrators land on the audit log; they have no patient list.
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Auditlog' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Auditlog' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Patiënten' })).toHaveCount(0);

  // The patient is chosen by BSN (exact), and shown by name.
  await page.getByRole('searchbox', { name: 'Patiënt' }).fill(patientBsn);
  await page.getByRole('option', { name: new RegExp(familyName) }).click();
  await expect(page.getByTestId('audit-chosen-patient')).toContainText(familyName);
  await page.getByRole('combobox', { name: 'Actie' }).selectOption({ label: 'Inzien' });
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();

  const rows = page.getByRole('table', { name: 'Auditgebeurtenissen' }).locator('tbody tr');
  const nurseRows = rows.filter({ hasText: 'nurse' });
  // Two reads: seeing the patient in the search results, and opening the record — more when a test
  // beside this one (patients.spec.ts, as the nurse) lists the same patient meanwhile.
  await expect(nurseRows.nth(1)).toBeVisible();
  expect(await nurseRows.count()).toBeGreaterThanOrEqual(2);
  await expect(nurseRows.first()).toContainText('Verpleegkundige');
  await expect(nurseRows.first()).toContainText('Inzien');
  await expect(nurseRows.first()).toContainText('Patiënt');
  await expect(nurseRows.first()).toContainText('Gelukt');
  await expect(nurseRows.first().locator('td').first()).toHaveText(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  // The filter holds: only reads, only this patient.
  await expect(rows.filter({ hasNotText: familyName })).toHaveCount(0);
  await expect(rows.filter({ hasNotText: 'Inzien' })).toHaveCount(0);

  // Filtering on another action leaves the nurse's reads out.
  await page.getByRole('combobox', { name: 'Actie' }).selectOption({ label: 'Inloggen' });
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await expect(page.getByText('Geen gebeurtenissen gevonden')).toBeVisible();

  // An administrator has no patient list either.
  await page.goto('/patients');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
});

test('wrong filter values are explained next to their fields', async ({ page, context }) => {
  await logInQuickly(context, 'admin');
  await page.goto('/audit');
  await expect(page.getByRole('status')).toHaveText(/gebeurtenis/);

  // Checked in the browser: a date that does not exist.
  const from = page.getByRole('textbox', { name: 'Vanaf' });
  await from.fill('31-02-2026');
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Vul een bestaande datum in als dd-mm-jjjj.')).toBeVisible();
  await from.fill('');

  // Checked by the server (400 with issues): a username longer than any.
  const username = page.getByRole('textbox', { name: 'Gebruikersnaam' });
  await username.fill('x'.repeat(101));
  await page.getByRole('button', { name: 'Filteren', exact: true }).click();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Deze waarde klopt niet.')).toBeVisible();

  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(username).toHaveValue('');
  await expect(page.getByRole('table', { name: 'Auditgebeurtenissen' })).toBeVisible();
});

test('a nurse has no audit log in the navigation and no access at its URL', async ({ page, context }) => {
  let auditRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/audit-events')) auditRequests += 1;
  });
  await logInQuickly(context, 'nurse');
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Patiënten' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await expect(
    page.getByText('U hebt met uw rol geen toegang tot deze pagina of deze gegevens.'),
  ).toBeVisible();
  expect(auditRequests).toBe(0);
});
