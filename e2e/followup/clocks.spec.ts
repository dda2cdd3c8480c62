import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logInQuickly } from '../support/logIn';

// Demo patient 34 (demoPatients(40), packages/server/src/demo/demoClocks.ts): a hip fracture 132 days ago,
// DXA on day 60, decided on day 100 with denosumab; the start of the treatment is the specialist's, a week
// overdue, and the clocks show met (DXA), missed (assessment, first follow-up) and running (52 weeks).

test('a specialist sees the overdue start of treatment with its clocks, sorted by clock, in Dutch and English', async ({
  page,
  context,
}) => {
  await logInQuickly(context, 'specialist');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Follow-up' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up' })).toBeVisible();

  await page.getByRole('tab', { name: /^Te laat \(\d+\)$/ }).click();
  const table = page.getByRole('table', { name: 'Follow-uptaken' });
  const row = table
    .getByRole('row')
    .filter({ hasText: 'Behandeling starten' })
    .filter({ hasText: 'DXA binnen 90 d: gehaald' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-clock="assessment_12w"]')).toHaveText(/Beoordeling ≤ 12 wk: gemist/);
  await expect(row.locator('[data-clock="dxa_90d"]')).toHaveAttribute('data-state', 'met');
  await expect(row.locator('[data-clock="follow_up_16w"]')).toHaveAttribute('data-state', 'missed');
  await expect(row.locator('[data-clock="persistence_52w"]')).toHaveText(/loopt, nog \d+ d/);
  await expect(row.getByRole('cell', { name: /d te laat/ })).toBeVisible();

  // The shell's notice of unconfirmed clinical values (ClinicalConfigNotice) is not this screen's.
  const axe = await new AxeBuilder({ page })
    .exclude('[href$="clinical-config"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  // Sorted by the clock closest to being missed: the rows' first open deadlines ascend.
  await page.getByRole('combobox', { name: 'Sorteren op' }).click();
  await page.getByRole('option', { name: 'Klok die het eerst verloopt' }).click();
  await expect(row).toHaveCount(1);

  // All roles: the nurse's overdue tasks too, never fewer rows than the specialist's own.
  await page.getByRole('combobox', { name: 'Rol' }).click();
  await page.getByRole('option', { name: 'Alle rollen' }).click();
  await expect(row).toHaveCount(1);

  // Only the kind of task chosen; the choices live in the URL, so a reload keeps them.
  await page.getByRole('combobox', { name: 'Soort taak' }).click();
  await page.getByRole('option', { name: 'Behandeling starten', exact: true }).click();
  await expect(row).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasNotText: 'Behandeling starten' })).toHaveCount(1); // the header
  await expect(page).toHaveURL(/tab=overdue/);
  await expect(page).toHaveURL(/kind=start_treatment/);
  await page.reload();
  await expect(page.getByRole('tab', { name: /^Te laat \(\d+\)$/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Soort taak' })).toHaveValue('Behandeling starten');
  await expect(row).toHaveCount(1);

  await row.getByRole('link', { name: /^Traject openen: .+$/ }).click();
  await expect(page).toHaveURL(/\/episodes\/[0-9a-f-]{36}$/);

  await page.goBack();
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText(/^EN\b/).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-up' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Overdue \(\d+\)$/ })).toBeVisible();
  await page.getByRole('tab', { name: /^Overdue \(\d+\)$/ }).click();
  await expect(
    page
      .getByRole('table', { name: 'Follow-up tasks' })
      .locator('[data-clock="dxa_90d"][data-state="met"]')
      .first(),
  ).toHaveText(/DXA ≤ 90 d: met/);
});
