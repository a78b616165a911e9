// Issue 23: the release review's in-page findings (C3, C4, C5, §3's failure paths, §6's service
// worker, §7's focus and keyboard), each checked as a reader meets it.
import type { Page, Route } from '@playwright/test';
import { test, expect, app, chartOption, expectCaused, query } from './fixtures';

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
const noticeRegion = (page: Page) => app(page).locator('div.notices');

/** Holds a response until `release` is called: a slow network. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  return { gate, release: () => release() };
}

test('C4: a map link with an indicator without district figures shades by GDP, says so, and the select shows GDP', async ({ page }) => {
  await page.goto('./?view=map&indicator=rd_intensity');
  await expect(noticeRegion(page)).toContainText('No district figures for indicator “rd_intensity”');
  await expect(page.getByRole('combobox', { name: 'Indicator' })).toHaveValue('gdp');
  await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
  const option = await chartOption(page, 'map');
  expect(option.title[0].text).not.toContain('No figures');
  const shaded = option.series[0].data.filter((d: any) => typeof d.value === 'number');
  expect(shaded.length).toBeGreaterThan(8);
  for (const d of shaded) expect(d.tip.join(' ')).toMatch(/GDP|gross domestic product/i);
  // The player steps through GDP's years, the ones drawn.
  await expect(page.getByRole('button', { name: 'Play the years' })).toBeVisible();
  // The same link in Chinese says it in Chinese.
  await page.goto('./?view=map&indicator=rd_intensity&lang=zh');
  await expect(noticeRegion(page)).toContainText('指标“rd_intensity”没有分区数字');
});

test('C5: a notice belongs to the link that caused it: a tab, a link and Back leave it behind', async ({ page }) => {
  await page.goto('./?view=trends&indicator=foo');
  const notice = noticeRegion(page).getByText(/Ignored indicator/);
  await expect(notice).toBeVisible();
  await expect.poll(() => query(page)).toBe('view=trends');
  await tab(page, 'Map').click();
  await expect(page).toHaveURL(/view=map/);
  await expect(notice).toHaveCount(0);
  await page.goBack();
  await expect.poll(() => query(page)).toBe('view=trends');
  await expect(page.locator('#view-title')).toHaveText('Trends');
  await expect(notice).toHaveCount(0);
  // The map's own notice goes too when a tab leaves the map.
  await page.goto('./?view=map&indicator=rd_intensity');
  await expect(noticeRegion(page)).toContainText('rd_intensity');
  await page.getByRole('link', { name: 'See the trend for the selected region' }).click();
  await expect(page).toHaveURL(/view=trends/);
  await expect(noticeRegion(page)).not.toContainText('rd_intensity');
});

test('A2: the notices region is in the accessibility tree while empty, so what arrives is announced', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect(page.locator('#view-title')).toHaveText('Trends');
  await expect(noticeRegion(page)).toBeEmpty();
  await expect(page.getByRole('status').and(noticeRegion(page))).toHaveCount(1);
});

test('A1: a view change moves focus to its heading; a filter change leaves focus on its control', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect(page.locator('#view-title')).toHaveText('Trends');
  // A filter: focus stays on the region checkbox the reader toggled.
  await app(page).locator('.regions summary').click();
  const haidianBox = page.getByRole('checkbox', { name: 'Haidian', exact: true });
  await haidianBox.check();
  await expect(page).toHaveURL(/region=beijing,haidian/);
  await expect(haidianBox).toBeFocused();
  await page.goto('./?view=trends');
  await tab(page, 'Map').click();
  await expect(page.locator('#view-title')).toHaveText('Map');
  await expect(page.locator('#view-title')).toBeFocused();
  // A5: districts are chosen by keyboard, from a list beside the map.
  const haidian = page.getByRole('navigation', { name: 'Districts of Beijing' }).getByRole('button', { name: 'Haidian', exact: true });
  await haidian.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=map&region=haidian/);
  await expect(haidian).toHaveAttribute('aria-current', 'true');
  await expect(haidian).toBeFocused();
  await expect(app(page).locator('.zone-card')).toContainText('Haidian');
  await app(page).locator('.zone-card').getByRole('link', { name: /Profile/ }).click();
  await expect(page).toHaveURL(/view=profile&region=haidian/);
  await expect(page.locator('#view-title')).toBeFocused();
});

test('A3: the source panel closes on Escape from anywhere and gives focus back to its opener', async ({ page }) => {
  await page.goto('./');
  const opener = page.getByRole('button', { name: /Source of R&D expenditure/ });
  await opener.click();
  const panel = page.getByRole('dialog', { name: 'Source of this figure' });
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(panel).toHaveAttribute('aria-modal', 'false');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();
  // Focus moved out of the (non-modal) panel: Escape still closes it.
  await opener.click();
  await expect(panel).toBeVisible();
  await tab(page, 'Trends').focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  // The Close button gives focus back too.
  await opener.click();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(opener).toBeFocused();
});

test('A3: on a phone the source panel covers the page and is modal: the page behind is inert', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  const opener = page.getByRole('button', { name: /Source of R&D expenditure/ });
  await opener.click();
  const panel = page.getByRole('dialog', { name: 'Source of this figure' });
  await expect(panel).toHaveAttribute('aria-modal', 'true');
  await expect(app(page).locator('main')).toHaveAttribute('inert', '');
  // Keyboard focus cannot reach the page beneath.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main, header, .tabs, .filters'))).toBe(false);
  }
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(app(page).locator('main')).not.toHaveAttribute('inert', '');
  await expect(opener).toBeFocused();
});

test('A7: the tour\'s ends are disabled buttons, not links that go nowhere', async ({ page }) => {
  await page.goto('./?view=tour');
  const nav = app(page).locator('.tour-nav');
  await expect(nav.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await expect(nav.getByRole('link', { name: '← Previous' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Next →' })).toHaveAttribute('href', /step=2$/);
  const last = await page.getByRole('navigation', { name: 'Tour steps' }).getByRole('link').count();
  await page.goto(`./?view=tour&step=${last}`);
  await expect(nav.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await expect(nav.getByRole('link', { name: 'Next →' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '← Previous' })).toHaveAttribute('href', new RegExp(`step=${last - 1}$`));
});

test('A9: lines differ by symbol, not by colour alone', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(2);
  const lines = (await chartOption(page, 'trend')).series.filter((s: any) => s.type === 'line');
  expect(new Set(lines.map((s: any) => s.symbol)).size).toBe(Math.min(lines.length, 8));
});

/** The service worker of this page's registration, once it controls the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** This build's worker script as another build's: another version, and without `drop` in its files. */
async function anotherBuild(page: Page, drop?: RegExp): Promise<string> {
  const script = await (await page.request.get('./sw.js')).text();
  expect(script).toMatch(/const VERSION = "[0-9a-f]{12}"/);
  let next = script.replace(/const VERSION = "([0-9a-f]{12})"/, 'const VERSION = "$1-next"');
  if (drop) next = next.replace(drop, '');
  return next;
}

test.describe('a service worker per deployment', () => {
  // These test the worker: it runs even where ATLAS_HOLD_WASM_MS blocks the suite's workers.
  test.use({ serviceWorkers: 'allow' });
  // Playwright routes a worker's script requests only with this set when the worker starts
  // (playwright-core's crServiceWorker.js reads it per worker); set for these tests alone.
  test.beforeEach(() => { process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1'; });
  test.afterEach(() => { delete process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS; });

  test('§6: a new build does not take an open tab from its own build, whose texts stay cached', async ({ page, context }) => {
    await page.goto('./?view=sources');
    await controlled(page);
    const script = await (await page.request.get('./sw.js')).text();
    const texts = script.match(/texts-[0-9a-f]{16}\.bin/)![0];
    // The next deployment: its texts have another name, so its cache lacks this build's.
    const next = await anotherBuild(page, new RegExp(`,"${texts.replace('.', '\\.')}"`));
    expect(next).not.toContain(texts);
    // Registered by the page under another script URL for the same scope: the browser's own
    // update checks are not routable, a page's registration is.
    await context.route(/\/sw\.js\?next$/, (route) => route.fulfill({ contentType: 'text/javascript', body: next }));
    await page.evaluate(async () => { await navigator.serviceWorker.register('sw.js?next', { scope: './' }); });
    await expect.poll(() => page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      return !registration.installing && (!!registration.waiting || registration.active?.scriptURL.endsWith('?next'));
    })).toBe(true);
    // The next build's worker is installed (its cache is there).
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((key) => key.endsWith('-next')))).toBe(true);
    await page.waitForTimeout(500);
    // The open tab keeps its own build's worker, whose cache still holds its texts, whatever the
    // server now has. (Playwright can neither route nor cut a worker's own requests, so the check
    // is on the cache the worker answers from.)
    const kept = await page.evaluate(async (url) => ({
      worker: navigator.serviceWorker.controller?.scriptURL.replace(/^.*\//, ''),
      texts: (await caches.match(url)) ? 'cached' : 'missing',
    }), texts);
    expect(kept).toEqual({ worker: 'sw.js', texts: 'cached' });
  });

  test('§6: two deployments on one origin keep each other\'s caches: the first still opens offline', async ({ page, context }) => {
    await page.goto('./?view=map');
    await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
    await controlled(page);
    // A staging deployment of another build under ./staging/ on the same origin.
    const staging = await anotherBuild(page);
    await context.route(/\/sw\.js\?staging$/, (route) => route.fulfill({ contentType: 'text/javascript', body: staging }));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.register('sw.js?staging', { scope: './staging/' });
      const worker = registration.installing ?? registration.waiting ?? registration.active!;
      if (worker.state !== 'activated') {
        await new Promise<void>((resolve) => worker.addEventListener('statechange', () => { if (worker.state === 'activated') resolve(); }));
      }
    });
    expect(await page.evaluate(async () => (await caches.keys()).filter((key) => key.endsWith('-next')).length)).toBe(1);
    await context.setOffline(true);
    await page.goto('./?view=map&time=2022');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beijing High-Tech Atlas');
    await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
    await context.setOffline(false);
  });
});

test.describe('without a service worker (so the test sees every fetch)', () => {
  test.use({ serviceWorkers: 'block' });

  test('C3: the sources\' words are fetched once, though a download asks while the idle fetch is on its way', async ({ page }) => {
    const { gate, release } = held();
    let fetched = 0;
    await page.route(/texts-[0-9a-f]{16}\.bin$/, async (route: Route) => {
      fetched += 1;
      await gate;
      await route.continue();
    });
    await page.goto('./?view=table');
    await expect.poll(() => fetched).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    // Give a second fetch every chance to start before the first answers.
    await page.waitForTimeout(300);
    release();
    expect((await download).suggestedFilename()).toBe('beijing-atlas-figures.csv');
    await expect(app(page).locator('.texts-state')).toHaveCount(0);
    expect(fetched).toBe(1);
  });

  test('C3: two maps shown before the boundaries arrive share one fetch', async ({ page }) => {
    const { gate, release } = held();
    let fetched = 0;
    await page.route(/beijing\.json$/, async (route: Route) => {
      fetched += 1;
      await gate;
      await route.continue();
    });
    await page.goto('./?view=map');
    await expect.poll(() => fetched).toBe(1);
    // The tour's map step, reached in the page while the first map still waits.
    await tab(page, 'Tour').click();
    await page.getByRole('navigation', { name: 'Tour steps' }).getByRole('link', { name: 'Three science cities and one zone' }).click();
    await expect(app(page).getByText('Loading the district map…')).toBeVisible();
    await page.waitForTimeout(300);
    release();
    await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
    expect(fetched).toBe(1);
  });

  test('§3: ECharts failing to load: the chart says so, the page stays usable', async ({ page, watch }) => {
    await page.route(/echarts\.js$/, (route) => route.abort());
    await page.goto('./?view=table');
    await tab(page, 'Trends').click();
    await expect(app(page).locator('figure').getByRole('status')).toContainText('Chart unavailable');
    await tab(page, 'Table').click();
    await expect(app(page).locator('tbody tr').first()).toBeVisible();
    await expect(page.locator('#view-title')).toBeFocused();
    // A deep link to a chart view (index.html's early fetch) fails the same way.
    await page.goto('./?view=sectors');
    await expect(app(page).locator('figure').getByRole('status')).toContainText('Chart unavailable');
    await expect(page.locator('#view-title')).toHaveText('Sectors');
    await tab(page, 'Overview').click();
    await page.getByRole('button', { name: /Source of R&D expenditure/ }).click();
    await expect(page.getByRole('dialog')).toContainText('6.58');
    expectCaused(watch, [/^request failed: .*echarts\.js/, /^console error: Failed to load resource/]);
  });

  test('§3: the boundaries failing to load: the map says so, the zones and districts still work', async ({ page, watch }) => {
    await page.route(/beijing\.json$/, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto('./?view=map');
    await expect(page.getByRole('status').filter({ hasText: 'The district map could not be loaded' })).toHaveAttribute('data-error', /HTTP 503/);
    await page.getByRole('navigation', { name: 'Science cities, parks and zones' }).getByRole('button', { name: 'Huairou Science City' }).click();
    await expect(page).toHaveURL(/region=huairou_science_city/);
    await expect(app(page).locator('.zone-card')).toContainText('怀柔科学城');
    expectCaused(watch, [/^console error: Failed to load resource: the server responded with a status of 503/]);
  });
});
