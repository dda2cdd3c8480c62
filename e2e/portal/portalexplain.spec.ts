import { expect, test, type Page } from '@playwright/test';
import { screenshotsAtBothSizes } from '../support/pageChecks';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { demoLoginNamed } from '../support/demoLogins';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/environment';
import { fillLoginForm } from '../support/logIn';
import { pseudoCatalogue } from '../support/pseudoLocale';

// Issue 13, item 5: the demo patient with results (packages/server/src/demo/demoPortalResults.ts: demo
// patient 14, DXA and VFA recorded, decided, a result letter) reads their results and plan in plain language.

const USERNAME = 'patient.uitslagen';

function password(): string {
  return demoLoginNamed(USERNAME).password;
}

interface Results {
  status: string;
  diagnosis: { bmdCategory: string | null; lowestTScore: number | null };
  plan: { drug: { code: string } | null };
}

const CATEGORY_NL: Record<string, string> = {
  normal: 'Normale botdichtheid',
  osteopenia: 'Osteopenie: iets minder stevige botten',
  osteoporosis: 'Osteoporose: botontkalking',
  severeOsteoporosis: 'Ernstige osteoporose: ernstige botontkalking',
};
const DRUG_INSTRUCTION_NL: Record<string, string> = {
  alendronate: 'Blijf daarna 30 minuten rechtop staan of zitten.',
  risedronate: 'Blijf daarna 30 minuten rechtop staan of zitten.',
  zoledronicAcid: 'Dit lijkt op griep.',
  denosumab: 'Sla geen prik over.',
};

test('a patient signs in, reads their results and plan explained, and downloads their letter', async ({
  page,
}, testInfo) => {
  await page.goto('/login');
  await fillLoginForm(page, USERNAME, password());
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole('link', { name: 'Bekijk uw uitslagen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw uitslagen en uw plan' })).toBeFocused();
  const results = (await (await page.request.get('/api/portal/results')).json()) as Results;
  expect(results.status).toBe('ready');

  await expect(page.getByRole('heading', { name: 'Wat is een T-score?' })).toBeVisible();
  await expect(
    page.getByText('De T-score vergelijkt uw bot met het bot van een gezonde jonge volwassene.'),
  ).toBeVisible();
  const category = results.diagnosis.bmdCategory ?? '';
  await expect(page.getByTestId('bmd-category')).toContainText(`Uw uitslag: ${CATEGORY_NL[category] ?? '?'}`);
  // Demo patient 14: femoral neck −2,7 is the lowest, a grade-2 fracture of T12 (demoDensitometry.ts).
  await expect(page.getByTestId('lowest-t-score')).toContainText('Uw laagste T-score is -2,7.');
  await expect(page.getByTestId('vfa-fractures')).toContainText('Wervel T12: graad 2 (matig)');
  const drug = results.plan.drug?.code ?? '';
  expect(Object.keys(DRUG_INSTRUCTION_NL)).toContain(drug);
  await expect(page.getByText(DRUG_INSTRUCTION_NL[drug] ?? '?', { exact: false }).first()).toBeVisible();
  await expect(page.getByTestId('rule-source').first()).toContainText('Bron: RULES R4.2');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download uw uitslagbrief van/ }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

  await screenshotsAtBothSizes(page, testInfo, 'portal-results');

  // The calculators inside the portal's own shell: no staff navigation.
  await page.goto('/portal');
  await page.getByRole('link', { name: 'Naar calcium en vitamine D' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calcium en vitamine D' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toHaveCount(0);
  await screenshotsAtBothSizes(page, testInfo, 'portal-advice');
});

test('another patient’s letter is not found, whatever the link says', async ({ page }) => {
  await page.goto('/login');
  await fillLoginForm(page, USERNAME, password());
  await expect(page).toHaveURL(/\/portal$/);
  const response = await page.request.get('/api/portal/letters/00000000-0000-4000-8000-000000000000/pdf');
  expect(response.status()).toBe(404);
});

// A clinic adds a language with one catalogue file (web build folder locales/<code>.json, read when asked
// for): the portal's pages shown in a generated pseudo-locale have no text that is not from the catalogues.
test.describe('the portal in a language a clinic added (pseudo-locale)', () => {
  const file = join(REPO_ROOT, 'packages', 'web', 'dist', 'locales', 'qps.json');
  test.beforeAll(() => {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify(pseudoCatalogue()));
  });
  test.afterAll(() => {
    rmSync(file, { force: true });
  });

  /** Data shown as it is: dates, times, numbers, scores, vertebra levels, the patient's name. */
  const DATA = [/^[\d\s.,:%()\-–−*]+$/, /^[TL]\d{1,2}$/, /^Pieter$/, /^van Leeuwen$/];

  async function untranslated(page: Page): Promise<string[]> {
    await expect(page.locator('h1')).toContainText('⟦');
    const texts = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        if (text === '' || parent === null || ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
        if (!parent.checkVisibility()) continue;
        out.push(text);
      }
      return out;
    });
    return texts.filter((t) => !t.includes('⟦') && !DATA.some((d) => d.test(t)));
  }

  test('activation, home, results, access log, advice and questionnaire: every visible text comes from the catalogue', async ({
    page,
  }) => {
    await page.goto('/portal/activate?lng=qps');
    await expect(page.locator('html')).toHaveAttribute('lang', 'qps');
    expect(await untranslated(page)).toEqual([]);

    const login = await page.request.post('/api/auth/login', {
      data: { username: USERNAME, password: password() },
    });
    expect(login.status()).toBe(200);
    await page.goto('/portal');
    expect(await untranslated(page)).toEqual([]);
    await page.goto('/portal/results');
    await expect(page.getByTestId('bmd-category')).toBeVisible();
    expect(await untranslated(page)).toEqual([]);
    await page.goto('/portal/access-log');
    expect(await untranslated(page)).toEqual([]);
    await page.goto('/portal/advice');
    expect(await untranslated(page)).toEqual([]);
    await page.goto('/portal/intake');
    expect(await untranslated(page)).toEqual([]);
  });
});
