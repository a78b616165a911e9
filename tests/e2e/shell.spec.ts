// Issue 16 (speed): index.html carries a static shell (header, tabs, a skeleton of the view) that
// paints before the wasm has arrived; the app takes its place on mount, in the same boxes.
import { test, expect, chartOption, holdWasm, layoutShift, shellRowsHidden } from './fixtures';
import type { Page } from '@playwright/test';

/** The app has drawn the view's content: the overview's sparklines or the chart's series. */
async function appDrawn(page: Page, url: string) {
  if (url.includes('view=trends')) {
    await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  } else {
    // The app's (index.html's shell draws the overview's sparklines too, without data-sparkline).
    await expect(page.locator('svg.sparkline[data-sparkline]').first()).toBeVisible();
  }
}

test('the served page already holds the header and title, before any script runs', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const shell = html.slice(html.indexOf('<div id="shell"'), html.indexOf('<noscript>'));
  expect(shell).toMatch(/^<div id="shell" class="app" aria-hidden="true" inert>/);
  expect(shell).toMatch(/<header class="site-header">\s*<div class="brand">\s*<h1><span[^>]*>Beijing High-Tech Atlas<\/span>/);
  expect(shell).toContain('<div class="tabs">');
  expect(html.match(/<h1>/g)).toHaveLength(1);
});

test('before the wasm arrives the shell speaks the link\'s language and view, then the app replaces it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?view=trends&lang=zh', { waitUntil: 'commit' });
  await expect(page.locator('#shell h1')).toHaveJSProperty('innerText', '北京高精尖产业图集');
  await expect(page.locator('#shell h1')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#shell [data-tab="trends"]')).toHaveCSS('font-weight', '600');
  await expect(page.locator('#shell .lede')).toBeHidden();
  release();
  await appDrawn(page, '?view=trends');
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('header.site-header')).toHaveCount(1);
  await expect(page.locator('.tabs')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('北京高精尖产业图集');
});

test('an embedded view\'s shell has no header, and neither has the app after it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?embed=1', { waitUntil: 'commit' });
  await expect(page.locator('#shell .lede')).toBeVisible();
  await expect(page.locator('#shell h1')).toBeHidden();
  release();
  await appDrawn(page, '/');
  await expect(page.locator('#shell')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(0);
  await expect(page.locator('.lede')).toHaveCount(1);
});

for (const url of ['./', './?view=trends', './?lang=zh']) {
  test(`the app takes the shell's place without a layout shift (${url})`, async ({ page }) => {
    await page.goto(url);
    await appDrawn(page, url);
    await expect(page.locator('#shell')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveCount(1);
    // What is drawn after the first paint (the overview's milestones, the footer) has arrived too.
    await expect(page.locator('footer.site-footer')).toBeAttached();
    if (url !== './?view=trends') await expect(page.locator('.overview .timeline')).toBeAttached();
    expect(await layoutShift(page)).toBe(0);
  });
}

test('the overview drawn again by a tab change and Back has its milestones and footer in its first frame', async ({ page }) => {
  await page.goto('./');
  await appDrawn(page, '/');
  await expect(page.locator('footer.site-footer')).toBeAttached();
  await expect(page.locator('.overview .timeline')).toBeAttached();
  await page.locator('.tabs').getByRole('link', { name: 'Trends' }).click();
  await expect(page.locator('.overview')).toHaveCount(0);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  const shiftBefore = await layoutShift(page);
  // Every frame from here on: is the overview there, and are its milestones and the footer with it?
  await page.evaluate(() => {
    const frames: string[] = ((window as any).__frames = []);
    const look = () => {
      if (document.querySelector('.overview .lede')) {
        frames.push(`${!!document.querySelector('.overview .timeline')} ${!!document.querySelector('footer.site-footer')}`);
      }
      if (frames.length < 5) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goBack();
  await expect.poll(() => page.evaluate(() => (window as any).__frames.length)).toBeGreaterThanOrEqual(5);
  expect(await page.evaluate(() => (window as any).__frames)).toEqual(Array(5).fill('true true'));
  expect(await layoutShift(page)).toBe(shiftBefore);
});

test('in a browser without Element Timing (Safari, Firefox) the app does not wait for the 2 s cap', async ({ page }) => {
  await page.addInitScript(() => {
    const types = PerformanceObserver.supportedEntryTypes.filter((type) => type !== 'element');
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types, configurable: true });
    // When index.html's promise that gates the app's start settles (bridge::shell_painted).
    let painted: Promise<void> | undefined;
    Object.defineProperty(window, 'atlasShellPainted', {
      configurable: true,
      get: () => painted,
      set: (promise) => {
        painted = promise;
        promise.then(() => ((window as any).__shellPaintedAt = performance.now()));
      },
    });
  });
  const release = await holdWasm(page);
  await page.goto('./', { waitUntil: 'commit' });
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('#shell .lede')).toBeVisible();
  const releasedAt = await page.evaluate(() => performance.now());
  release();
  await expect(page.locator('#shell')).toHaveCount(0);
  const { parsed, paintedAt, mountedAt } = await page.evaluate(() => ({
    parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
    paintedAt: (window as any).__shellPaintedAt as number,
    mountedAt: performance.getEntriesByName('atlas-dataset-decoded-start')[0]?.startTime ?? Infinity,
  }));
  console.log(`without Element Timing: shell painted ${Math.round(paintedAt - parsed)} ms after the parse, app started ${Math.round(mountedAt - releasedAt)} ms after the wasm's release`);
  // Two frames after the parse, not the 2 s cap (the app's own start-up time is logged only: it
  // is the wasm's compile time on a shared machine, not this rule).
  expect(paintedAt - parsed).toBeLessThan(1000);
  await appDrawn(page, '/');
});

test('a chart view\'s chart keeps the skeleton\'s grey until ECharts has drawn: no empty frame', async ({ page }) => {
  // Each frame with a chart container: is it still grey (chart-pending) or drawn by ECharts (its canvas)?
  await page.addInitScript(() => {
    const frames: boolean[] = ((window as any).__chartFrames = []);
    const look = () => {
      const chart = document.querySelector('main [data-chart="trend"]');
      if (chart) frames.push(chart.classList.contains('chart-pending') || !!chart.querySelector('canvas'));
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  // A link the build did not prerender (src/shell/links.rs): the app's own grey-to-chart path.
  await page.goto('./?view=trends&time=2019..2022');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await expect(page.locator('[data-chart="trend"]')).not.toHaveClass(/chart-pending/);
  const frames: boolean[] = await page.evaluate(() => (window as any).__chartFrames);
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.every(Boolean)).toBe(true);
  // Pending, it wears the shell's skeleton grey.
  const grey = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.className = 'chart chart-pending';
    document.body.append(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  });
  expect(grey).not.toBe('rgba(0, 0, 0, 0)');
});

test('the page\'s largest paint is the shell\'s, before the app has started', async ({ page }) => {
  // A phone's width, as Lighthouse's mobile run: the lede is the largest text there too.
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('./');
  await appDrawn(page, '/');
  const { largest, appStart } = await page.evaluate(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    const entries = observer.takeRecords();
    observer.disconnect();
    return {
      largest: entries[entries.length - 1]?.startTime ?? Infinity,
      appStart: performance.getEntriesByName('atlas-dataset-decoded-start')[0]?.startTime ?? 0,
    };
  });
  // The overview's lede is the largest text; the app draws it again, no larger, so it stays the shell's.
  expect(largest).toBeLessThan(appStart);
});

// What the shell and the app's first render must place alike. The overview's shell copies its
// filter bar, heading and lede; other views have a skeleton below the tabs.
const chrome = ['.site-header', '.site-header h1', '.tagline', '.header-controls > *', '.tabs', '.tabs > *'];
// The cards with their figures and the industries are the build's (src/shell.rs, issue 26).
const figures = ['.cards > *', '.card > *', '.card-target > *', '.industries > *', '.industries strong > *'];
const overview = ['.filters', '.years > *', 'main h2', '.lede', '.tour-start', ...figures];
// On a phone (issue 22) the lede under the title is the overview's only, and the filter bar is a
// summary row with its Filters button (the years are in the sheet it opens).
const phoneChrome = chrome.filter((part) => part !== '.tagline');
const phoneOverview = ['.filters', '.filter-summary > *', 'main h2', '.lede', '.tour-start', ...figures];
const layouts = [
  { url: './', width: 1280, parts: [...chrome, ...overview] },
  { url: './?embed=1', width: 1280, parts: overview },
  { url: './?view=trends', width: 1280, parts: chrome },
  { url: './', width: 412, parts: [...chrome, ...phoneOverview] },
  { url: './?lang=zh', width: 412, parts: [...chrome, ...phoneOverview] },
  { url: './?view=trends&lang=zh', width: 412, parts: phoneChrome },
];
for (const { url, width, parts } of layouts) {
  test(`the shell puts the header, tabs and text where the app draws them (${url}, ${width} px wide)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    const boxes = (root: string) => page.evaluate(({ root, parts }) => Object.fromEntries(parts.map((part) => [part,
      [...document.querySelectorAll(`${root} ${part}`)]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0 || box.height > 0)
        .map((box) => [box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10).join(' '))])), { root, parts });
    await page.goto(url, { waitUntil: 'commit' });
    await expect(page.locator('#shell .tabs, #shell .lede').first()).toBeAttached();
    await page.waitForLoadState('domcontentloaded');
    const shell = await boxes('#shell');
    // Parsed whole, every row of the shell is shown (atlas.css hides one only while it is parsed).
    expect(await shellRowsHidden(page)).toEqual([]);
    release();
    await appDrawn(page, url);
    await expect(page.locator('#shell')).toHaveCount(0);
    const app = await boxes('.app');
    for (const part of parts) expect(shell[part].length, `the shell has ${part}`).toBeGreaterThan(0);
    expect(shell).toEqual(app);
  });
}

// Issue 26: the overview's first screen is real content in the served page: the build writes its
// cards (figures, targets, sparklines) and the ten industries into the shell from the core
// functions the app draws them with. The shell is a picture (no buttons, no links); once the app
// has mounted in its place, every figure's source is one click away again.
/** The visible text of each element matching `selector` under `root`, in order. */
function shown(page: Page, root: string, selector: string): Promise<string[]> {
  return page.evaluate(({ root, selector }) => [...document.querySelectorAll(`${root} ${selector}`)]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => (el as HTMLElement).innerText), { root, selector });
}
for (const width of [390, 1280]) {
  for (const lang of ['en', 'zh']) {
    test(`the served overview shows the app's figures and industries before the wasm, word for word (${lang}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      const release = await holdWasm(page);
      await page.goto(`./?lang=${lang}`, { waitUntil: 'commit' });
      await page.waitForLoadState('domcontentloaded');
      const parts = ['.card', '.industries li', 'main h3'];
      const before = Object.fromEntries(await Promise.all(parts.map(async (part) => [part, await shown(page, '#shell', part)])));
      expect(before['.card']).toHaveLength(10);
      expect(before['.industries li']).toHaveLength(10);
      // In the link's language: Chinese figures say 亿元 or %, the English ones yuan or %.
      expect(before['.card'].join(' ')).toMatch(lang === 'zh' ? /[\u4e00-\u9fff]/ : /^[^\u4e00-\u9fff]*$/);
      release();
      await appDrawn(page, '/');
      await expect(page.locator('#shell')).toHaveCount(0);
      const after = Object.fromEntries(await Promise.all(parts.map(async (part) => [part, await shown(page, '.app', part)])));
      // The app's overview also lists milestones under the industries: compare the shell's part.
      after['main h3'] = after['main h3'].slice(0, before['main h3'].length);
      expect(before).toEqual(after);
      expect(await layoutShift(page)).toBe(0);
    });
  }
}

test('a figure link that the app may move to the Table shows the skeleton, not the overview\'s figures', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?figure=no-such-figure&lang=en', { waitUntil: 'commit' });
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('#shell .lede')).toBeVisible();
  expect(await shown(page, '#shell', '.card')).toEqual([]);
  expect((await shown(page, '#shell', '.card-skeleton')).length).toBeGreaterThan(0);
  release();
  await expect(page.locator('#shell')).toHaveCount(0);
});

test('a link to the overview on other years shows the cards\' skeleton, not the default years\' figures', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?time=2015..2018', { waitUntil: 'commit' });
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('#shell .lede')).toBeVisible();
  expect(await shown(page, '#shell', '.card')).toEqual([]);
  expect((await shown(page, '#shell', '.card-skeleton')).length).toBeGreaterThan(0);
  release();
  await appDrawn(page, '/');
  await expect(page.locator('.card').first()).toBeVisible();
});
