// The README's pictures: every view in both languages, written to docs/screenshots/ by
// `bash scripts/screenshots`, never by the test command (a test run leaves the tree clean).
import { test, expect, chartOption } from '../e2e/fixtures';

for (const lang of ['en', 'zh']) {
  test(`screenshots of every view in ${lang}`, async ({ page }) => {
    // Reduced motion turns chart animations off, so each picture shows the finished chart.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const view of ['overview', 'tour', 'trends', 'sectors', 'map', 'table', 'sources']) {
      await page.goto(`./?view=${view}&lang=${lang}`.replace('&lang=en', ''));
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      if (view !== 'overview' && view !== 'table' && view !== 'sources') {
        const chart = view === 'trends' || view === 'tour' ? 'trend' : view;
        await expect.poll(async () => (await chartOption(page, chart))?.series?.length ?? 0).toBeGreaterThan(0);
      }
      await page.screenshot({ path: `docs/screenshots/${view}-${lang}.png`, fullPage: view !== 'sources' && view !== 'table' });
    }
  });
}

test('screenshots of profiles', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [link, file] of [['view=profile&sector=integrated_circuits', 'profile-en'], ['view=profile&region=haidian&lang=zh', 'profile-zh']]) {
    await page.goto(`./?${link}`);
    await expect.poll(async () => (await chartOption(page, 'profile-map'))?.series?.length ?? 0).toBeGreaterThan(0);
    await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: true });
  }
});

test('the filter bar at 1280 px, for the README\'s before and after', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect(page.locator('.filters')).toBeVisible();
  await page.locator('.filters').screenshot({ path: 'docs/screenshots/filters-wide-after.png' });
test('screenshots of a search answer and a source panel', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Search' }).fill('haidian gdp');
  await expect(page.getByRole('option').first()).toContainText('Gross domestic product · Haidian');
  await page.screenshot({ path: 'docs/screenshots/search-en.png', clip: { x: 0, y: 0, width: 1280, height: 360 } });
  await page.goto('./?view=table&indicator=gdp&region=haidian&time=2022');
  await page.getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('dialog').locator('.quote')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/source-panel-en.png' });
});

// Issue 24: the scale ladder in both languages and at phone width.
test('screenshots of the sectors ladder', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const [link, file, width] of [['lang=en', 'sectors-ladder-en', 1280], ['lang=zh', 'sectors-ladder-zh', 1280], ['lang=en', 'sectors-ladder-phone', 390]] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.goto(`./?view=sectors&${link}`.replace('&lang=en', ''));
    await expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.[0]?.type ?? '').toBe('heatmap');
    await page.locator('[data-chart="sectors"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: true });
  }
});
