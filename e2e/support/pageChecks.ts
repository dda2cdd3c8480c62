import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** WCAG 2.1 AA on what the page shows now; `exclude` leaves out parts that are not this screen's. */
export async function expectAccessible(page: Page, exclude: readonly string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA);
  for (const selector of exclude) builder = builder.exclude(selector);
  const axe = await builder.analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

/** WCAG 2.1 AA on the open dialog alone: the page behind its overlay is dimmed on purpose. */
export async function expectDialogAccessible(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(WCAG_21_AA).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

/**
 * At a phone's (390×844) and a laptop's (1280×800) size: nothing sticks out sideways, the page passes axe,
 * and a full-page screenshot is kept as the test's artefact.
 */
export async function screenshotsAtBothSizes(
  page: Page,
  testInfo: TestInfo,
  name: string,
  exclude: readonly string[] = [],
): Promise<void> {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} at ${String(width)}×${String(height)}`).toBeLessThanOrEqual(0);
    await expectAccessible(page, exclude);
    const path = testInfo.outputPath(`${name}-${String(width)}x${String(height)}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${String(width)}x${String(height)}`, { path, contentType: 'image/png' });
  }
}
