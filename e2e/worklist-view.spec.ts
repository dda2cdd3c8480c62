import { expect, test } from '@playwright/test';
import { logInQuickly } from './support/logIn';

test.use({ viewport: { width: 1280, height: 800 } });

test('at 1280×800 the first ten patients are in view, the table fits, and the batch bar waits for a selection', async ({
  page,
  context,
}, testInfo) => {
  await logInQuickly(context, 'nurse');
  await page.goto('/worklist');
  const rows = page.getByRole('table', { name: /Uit te nodigen/ }).locator('tbody tr');
  await expect(rows.nth(9)).toBeVisible();
  // Without scrolling: the tenth row ends inside the window, and nothing sticks out sideways.
  const tenth = await rows.nth(9).boundingBox();
  expect(tenth, 'the tenth row').not.toBeNull();
  expect((tenth?.y ?? 0) + (tenth?.height ?? 0)).toBeLessThanOrEqual(800);
  const sideways = await page.evaluate(() => {
    const scroller = document.querySelector('table')?.parentElement;
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      table: scroller === null || scroller === undefined ? 0 : scroller.scrollWidth - scroller.clientWidth,
    };
  });
  expect(sideways).toEqual({ page: 0, table: 0 });
  // Each row has one next action as a button; the rest are in its menu.
  const first = rows.first();
  await expect(first.getByRole('button', { name: /^Brief voor / })).toBeVisible();
  await expect(first.getByRole('button', { name: /^Meer acties voor / })).toBeVisible();
  await expect(first.getByRole('button', { name: /^Doet niet mee/ })).toHaveCount(0);
  // The batch bar appears with the first selected row, and goes with the last.
  await expect(page.getByRole('button', { name: 'Brieven afdrukken' })).toHaveCount(0);
  await first.getByRole('checkbox').check();
  await expect(page.getByRole('button', { name: 'Brieven afdrukken' })).toBeVisible();
  await first.getByRole('checkbox').uncheck();
  await expect(page.getByRole('button', { name: 'Brieven afdrukken' })).toHaveCount(0);

  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const path = testInfo.outputPath(`worklist-${String(width)}x${String(height)}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`worklist-${String(width)}x${String(height)}`, { path, contentType: 'image/png' });
  }
});
