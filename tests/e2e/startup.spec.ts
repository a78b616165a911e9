// Issue 26 (no long tasks at start, a faster filter click): what the start-up's deferrals and the
// filter click's shortcuts must not change for a reader on a wide screen.
import { test, expect, app, chartOption, countFiltersAtMount, filtersAtMount, openSectors } from './fixtures';

test('on a wide screen the filter row is drawn with the app, in its first frame', async ({ page }) => {
  // Only the phone's closed sheet is built after the first paint: here the controls are on screen.
  await countFiltersAtMount(page, 'input[name=sector], select[name=indicator], input[type=range]');
  await page.goto('./?view=trends');
  await expect.poll(() => filtersAtMount(page)).not.toBeNull();
  const all = await app(page).locator('.filters').locator('input[name=sector], select[name=indicator], input[type=range]').count();
  expect(all).toBeGreaterThan(0);
  expect(await filtersAtMount(page)).toBe(all);
});

test('after the chart is resized, a filter change fits its credit line to the new width', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  const chart = page.locator('[data-chart="trend"]');
  const creditWidth = async () => {
    const option = await chartOption(page, 'trend');
    return option.title.find((t: any) => t.bottom === 0)?.textStyle?.width;
  };
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  const wide = await chart.evaluate((el) => el.clientWidth);
  const wideCredit = await creditWidth();
  expect(wideCredit).toBeLessThan(wide);
  await page.setViewportSize({ width: 700, height: 900 });
  await expect.poll(() => chart.evaluate((el) => el.clientWidth)).toBeLessThan(wide);
  const narrow = await chart.evaluate((el) => el.clientWidth);
  // The new width alone refits it (no filter change)…
  await expect.poll(creditWidth).toBe(wideCredit - (wide - narrow));
  // …and a filter change keeps it fitted.
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).click();
  await expect.poll(async () => (await chartOption(page, 'trend')).series.map((s: any) => s.name)).not.toContain('Integrated circuits');
  expect(await creditWidth()).toBe(wideCredit - (wide - narrow));
});

test('the sectors\' profile links follow the language, and a filter change leaves them as they are', async ({ page }) => {
  await page.goto('./?view=trends');
  await openSectors(page);
  const link = app(page).locator('.sector-picker').getByRole('link', { name: 'Profile of Integrated circuits' });
  await expect(link).toHaveAttribute('href', /\?view=profile&sector=integrated_circuits$/);
  // Every write to a profile link's href during the click, even of the same value.
  await app(page).locator('.sector-picker').evaluate((picker) => {
    (window as any).__hrefWrites = 0;
    new MutationObserver((records) => { (window as any).__hrefWrites += records.length; })
      .observe(picker, { attributes: true, attributeFilter: ['href'], subtree: true });
  });
  await page.getByRole('checkbox', { name: 'Medicine and health' }).click();
  await expect(page).toHaveURL(/sector=/);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).__hrefWrites)).toBe(0);
  await expect(link).toHaveAttribute('href', /\?view=profile&sector=integrated_circuits$/);
  await page.getByRole('button', { name: '中文' }).click();
  await openSectors(page);
  await expect(app(page).locator('.sector-picker a.profile-link').first()).toHaveAttribute('href', /lang=zh/);
});
