import { expect, type Page } from '@playwright/test';

/** The list's filter fields, opened from the one line they fold into (a no-op when they are open). */
export async function openFilters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Filters( \(\d+ actief\))?$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
