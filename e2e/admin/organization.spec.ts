import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { logIn } from '../support/logIn';
import { expectAccessible, screenshotsAtBothSizes } from '../support/pageChecks';

// The shell's clinical-configuration notice is checked on its own screen (as admin/users.spec.ts does).
const NOT_THIS_SCREEN = ['[href$="clinical-config"]'];
const PREVIEW = '/api/organization/letter-preview';

interface Preview {
  signOff: string | undefined;
  pdf: Buffer;
}

/**
 * Every letter preview the page receives, with the sign-off of the unsaved profile it asked about: passed through to
 * the page as the server answered it, and kept here to be read (the browser keeps no copy of a no-store answer).
 */
async function recordPreviews(page: Page): Promise<Preview[]> {
  const previews: Preview[] = [];
  await page.route(`**${PREVIEW}*`, async (route) => {
    const response = await route.fetch();
    const pdf = await response.body();
    const asked = route.request().postDataJSON() as { signOff?: string } | null;
    previews.push({ signOff: asked?.signOff, pdf });
    await route.fulfill({ response, body: pdf });
  });
  return previews;
}

/** The text of a PDF as pdftotext reads it, runs of white space squashed. */
function pdfText(pdf: Buffer, testInfo: TestInfo, name: string): string {
  const path = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

test('an administrator changes the letter’s sign-off, sees the preview follow, saves and finds it kept', async ({
  page,
}, testInfo) => {
  // PDF previews, two axe runs at two sizes and a reload on a shared 2-core machine.
  test.slow();
  const signOff = `Dr. E. Tweede, internist (${String(Date.now())})`;
  await page.setViewportSize({ width: 1280, height: 800 });
  const previews = await recordPreviews(page);
  await logIn(page, 'admin');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Organisatie' })
    .click();
  await expect(page).toHaveURL(/\/admin\/organization$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Organisatie' })).toBeVisible();

  // The demo profile, with the hours of three weekdays, and its letter in the preview.
  const signOffField = page.getByRole('textbox', { name: 'Ondertekening' });
  await expect(signOffField).toHaveValue('Het team van de osteoporosepolikliniek');
  const hours = page.getByRole('group', { name: 'Telefonisch bereikbaar' });
  await expect(hours.getByRole('group', { name: /^Dag \d$/ })).toHaveCount(3);
  const frame = page.getByTitle('Voorbeeld van de uitnodigingsbrief (PDF)');
  await expect(frame).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Voorbeeld bijgewerkt' })).toBeVisible();
  const firstSrc = await frame.getAttribute('src');
  expect(firstSrc).toMatch(/^blob:/);
  await screenshotsAtBothSizes(page, testInfo, 'organization', NOT_THIS_SCREEN);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Wrong hours are refused at their field, and the preview waits for them.
  const firstDay = hours.getByRole('group', { name: 'Dag 1' });
  await firstDay.getByLabel('Tot').fill('15:00');
  await expect(firstDay.getByText('De eindtijd moet na de begintijd liggen.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Het voorbeeld wacht' })).toBeVisible();
  await firstDay.getByLabel('Tot').fill('16:30');
  await expect(firstDay.getByText('De eindtijd moet na de begintijd liggen.')).toBeHidden();

  // Typing the sign-off: a moment later the preview is the letter with the new sign-off, not yet saved.
  await signOffField.fill('');
  await signOffField.pressSequentially(signOff, { delay: 20 });
  await expect.poll(() => previews.some((p) => p.signOff === signOff)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Voorbeeld bijgewerkt' })).toBeVisible();
  await expect(frame).not.toHaveAttribute('src', firstSrc ?? '');
  const shown = previews.filter((p) => p.signOff === signOff).at(-1);
  const text = pdfText(shown?.pdf ?? Buffer.alloc(0), testInfo, 'preview');
  expect(text).toContain(signOff);
  expect(text).toContain('maandag, woensdag en vrijdag van 15.30 tot 16.30 uur');
  expect(text).toContain('P. Voorbeeld');
  // Asked for once the typing paused, not for what was half typed.
  const halfTyped = previews.filter(
    (p) =>
      p.signOff !== undefined && p.signOff !== '' && p.signOff !== signOff && signOff.startsWith(p.signOff),
  );
  expect(halfTyped.map((p) => p.signOff)).toEqual([]);

  // Saved, announced, and still there after a reload.
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Het profiel is opgeslagen.')).toBeVisible();
  await expectAccessible(page, NOT_THIS_SCREEN);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Ondertekening' })).toHaveValue(signOff);
  await page.screenshot({ path: testInfo.outputPath('organization-saved-1280.png'), fullPage: true });
});

test('a nurse has no organisation profile screen: no menu entry, and the page says so', async ({ page }) => {
  await logIn(page, 'nurse');
  await expect(
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisatie' }),
  ).toHaveCount(0);
  await page.goto('/admin/organization');
  await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ondertekening' })).toHaveCount(0);
});
