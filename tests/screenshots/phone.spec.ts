// The README's phone pictures (issue 22): every view on a 390 × 844 phone screen with touch, as a
// link opens it (the first screen), and the filter sheet open. Written to docs/screenshots/phone-*.png
// by `bash scripts/screenshots` (the `phone` project of playwright.screenshots.config.ts).
import { test, expect, chartOption } from '../e2e/fixtures';

const views: [string, string, string | null][] = [
  ['overview', './', null],
  ['tour', './?view=tour', 'trend'],
  ['trends', './?view=trends', 'trend'],
  ['sectors', './?view=sectors', 'sectors'],
  ['map', './?view=map', 'map'],
  ['table', './?view=table', null],
  ['sources', './?view=sources', null],
  ['profile', './?view=profile&region=haidian', 'profile-map'],
];

test('screenshots of every view on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [name, link, chart] of views) {
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    if (chart) await expect.poll(async () => (await chartOption(page, chart))?.series?.length ?? 0).toBeGreaterThan(0);
    await page.screenshot({ path: `docs/screenshots/phone-${name}.png` });
  }
  await page.goto('./?view=trends');
  await page.getByRole('button', { name: 'Filters' }).tap();
  await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
  await page.waitForTimeout(500); // the tap's highlight fades
  await page.screenshot({ path: 'docs/screenshots/phone-filters.png' });
});
