// Issue 26 (no long tasks at start): on a phone the filter sheet's controls, off screen in the
// closed sheet, are built after the app's first paint, one control per task. What a reader could
// notice of that deferral: a sheet opened at once must hold its controls, the controls must come
// by themselves, and nothing may move. Runs in the `phone` and `phone-360` projects only.
import { test, expect, app, APP, chartOption, countFiltersAtMount, filtersAtMount, layoutShift, nextFrames } from './fixtures';

test('the filter sheet opened the moment the app appears already holds every control', async ({ page }) => {
  // In the task that mounts the app, before any later task can run, press "Filters"; in the next
  // frame, count what the sheet holds.
  await page.addInitScript((root) => {
    const observer = new MutationObserver(() => {
      const button = document.querySelector(`${root} .filters-button`) as HTMLButtonElement | null;
      if (!button) return;
      observer.disconnect();
      button.click();
      requestAnimationFrame(() => {
        const sheet = document.querySelector('#filter-sheet')!;
        (window as any).__sheetAtOnce = {
          sectors: sheet.querySelectorAll('input[name=sector]').length,
          years: sheet.querySelectorAll('input[type=range]').length,
          indicator: sheet.querySelectorAll('select[name=indicator]').length,
        };
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  }, APP);
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => page.evaluate(() => (window as any).__sheetAtOnce ?? null)).not.toBeNull();
  // Against what the sheet holds once everything has settled: the browser idle, twice over (a
  // deferred task queues the next; an idle callback runs only when none is waiting).
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  const settled = await page.evaluate(() => {
    const sheet = document.querySelector('#filter-sheet')!;
    return {
      sectors: sheet.querySelectorAll('input[name=sector]').length,
      years: sheet.querySelectorAll('input[type=range]').length,
      indicator: sheet.querySelectorAll('select[name=indicator]').length,
    };
  });
  expect(settled.sectors * settled.years * settled.indicator).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).__sheetAtOnce)).toEqual(settled);
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  // And it works: a sector taken out leaves the chart.
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await sheet.getByRole('checkbox', { name: 'Integrated circuits' }).tap();
  await expect.poll(async () => (await chartOption(page, 'trend')).series.map((s: any) => s.name)).not.toContain('Integrated circuits');
});

test('the sheet\'s controls are built after the first paint, and arrive without opening it', async ({ page }) => {
  // What the mount's task drew: the app's filter section, with or without its controls.
  await countFiltersAtMount(page, 'input, select');
  await page.goto('./?view=trends');
  await expect.poll(() => filtersAtMount(page)).toBe(0);
  await expect(app(page).locator('.filters input[name=sector]')).toHaveCount(10);
  await expect(app(page).locator('.filters select[name=indicator]')).toHaveCount(1);
  await expect(app(page).locator('.filters input[type=range]')).toHaveCount(2);
  // Closed, they stay out of sight and out of the keyboard's way.
  await expect(app(page).locator('input[name=sector]').first()).toBeHidden();
});

for (const url of ['./', './?view=trends&sector=integrated_circuits']) {
  test(`nothing moves while the app takes over and builds what it deferred (${url})`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('#shell')).toHaveCount(0);
    if (url === './') await expect(app(page).locator('svg.sparkline[data-sparkline]').first()).toBeVisible();
    else await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
    // Everything deferred has arrived: the footer (the source panel renders with it, empty while
    // closed), every one of the sheet's controls (the indicator list is the last), the overview's
    // milestones.
    await expect(app(page).locator('footer.site-footer')).toBeAttached();
    await expect(app(page).locator('.filters input[type=range]').first()).toBeAttached();
    if (url !== './') await expect(app(page).locator('.filters select[name=indicator]')).toBeAttached();
    // A shift is reported in the frame after it: let one pass.
    await nextFrames(page);
    if (url === './') await expect(app(page).locator('.overview .timeline')).toBeAttached();
    expect(await layoutShift(page)).toBe(0);
  });
}

test('widened past the phone layout before its controls are built, the filter row has them at once', async ({ page }) => {
  // Zero-delay timeouts (the deferral's "one control per task") are held until released, so the
  // screen widens while the controls are still to come.
  await page.addInitScript(() => {
    const held: Array<() => void> = [];
    const later = window.setTimeout.bind(window);
    (window as any).setTimeout = (fn: any, delay?: number, ...rest: any[]) => {
      if (!delay && (window as any).__hold !== false) {
        held.push(() => fn(...rest));
        return 0;
      }
      return later(fn, delay, ...rest);
    };
    (window as any).__release = () => {
      (window as any).__hold = false;
      for (const run of held.splice(0)) later(run, 0);
    };
  });
  await page.goto('./?view=trends');
  const sectors = app(page).locator('.filters input[name=sector]');
  await expect(app(page).locator('.filters')).toBeAttached();
  await expect(sectors).toHaveCount(0);
  await page.setViewportSize({ width: 900, height: 800 });
  // Without the held tasks: the widening itself builds every control, in the row, in sight (the
  // sectors in their picker, closed on a wide screen).
  await expect(app(page).locator('.filters select[name=indicator]')).toBeVisible();
  await expect(app(page).locator('.filters input[type=range]').first()).toBeVisible();
  await expect(app(page).locator('.filters .sector-picker')).toBeVisible();
  const built = await sectors.count();
  expect(built).toBeGreaterThan(0);
  // The held tasks, released, have nothing left to add.
  await page.evaluate(() => (window as any).__release());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  await expect(sectors).toHaveCount(built);
});
