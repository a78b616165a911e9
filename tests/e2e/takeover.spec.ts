// index.html's served shell (#shell) is drawn with the app's own markup until the app mounts and
// removes it (issue 26's takeover). Every locator of the app's markup goes through fixtures'
// `app(page)`, which waits for the app; a page-wide CSS locator meets the shell first. With the
// wasm held back (the takeover made long), this shows both.
import { test, expect, app, holdWasm } from './fixtures';

test('a locator through app() waits for the app, where a page-wide one meets the served shell', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.locator('#shell .card').first()).toBeVisible();
  // Page-wide, the overview's first card and the filter summary are the shell's: an assertion
  // would pass on them before the app has drawn anything, and a strict one finds two summaries.
  expect(await page.locator('.card').first().evaluate((el) => !!el.closest('#shell'))).toBe(true);
  expect(await page.locator('.filter-summary-text').count()).toBeGreaterThan(1);
  // Through app(): nothing yet, and a locator waits for the app's own.
  await expect(app(page).locator('.card')).toHaveCount(0);
  await expect(app(page).locator('.filter-summary-text')).toHaveCount(0);
  const card = app(page).locator('.card').first().evaluate((el) => !!el.closest('#shell'));
  release();
  expect(await card).toBe(false);
  await expect(app(page).locator('.filter-summary-text')).toHaveCount(1);
  await expect(page.locator('#shell')).toHaveCount(0);
});
