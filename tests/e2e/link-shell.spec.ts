// Issue 26's next lever: a link to a chart view is painted from the served page. Its words (the
// phone's filter summary, the heading, the note under the chart) are in index.html's shell, and
// its chart is drawn there from the option the build wrote (src/shell/links.rs), as soon as ECharts
// has loaded: before the wasm. The app then takes over in the same boxes, with the same series,
// without a grey frame between the two charts.
import { test, expect, app, chartOption, expectCaused, holdWasm, shellRowsHidden, wrapEcharts, nextFrames } from './fixtures';
import type { Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every layout shift from the start, and each frame's answer to "is a drawn chart on screen?"
 *  (the shell's, or the app's once ECharts has drawn it). */
async function watchFrames(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__shift = 0;
    w.__shifted = [];
    const name = (node: any) => node && `${node.nodeName.toLowerCase()}${node.id ? '#' + node.id : ''}${typeof node.className === 'string' && node.className ? '.' + node.className.trim().split(/\s+/).join('.') : ''}`;
    const rect = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round).join(' ');
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) {
        if (entry.hadRecentInput) continue;
        w.__shift += entry.value;
        // What moved, for the failure message: the node under its parent, from → to, and whether the shell still stood.
        for (const source of entry.sources ?? []) w.__shifted.push(`${name(source.node?.parentElement)} > ${name(source.node)}: ${rect(source.previousRect)} → ${rect(source.currentRect)} at ${Math.round(entry.startTime)} ms, ${w.__shellGoneAt === undefined || entry.startTime < w.__shellGoneAt ? 'shell up' : 'shell gone'} (to a frame)`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    w.__frames = [];
    const look = () => {
      // Gone once seen: a frame before the shell was parsed is not its removal.
      if (document.querySelector('#shell')) w.__shellSeen = true;
      else if (w.__shellSeen && w.__shellGoneAt === undefined) w.__shellGoneAt = performance.now();
      const shell = document.querySelector('#shell [data-shell-chart]:not(.skeleton) canvas');
      const app = document.querySelector('[data-chart]:not(.chart-pending) canvas');
      w.__frames.push(!!(shell || app));
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

/** No layout shift since `watchFrames` began watching, up to the last frame painted (a shift is
 *  reported in the frame after it, so this lets one pass first); a failure lists what moved. */
async function expectNoShift(page: Page) {
  await nextFrames(page);
  const { shift, shifted } = await page.evaluate(() => ({ shift: (window as any).__shift, shifted: (window as any).__shifted }));
  expect(shift, shifted.join('\n')).toBe(0);
}

/** The drawn series of the chart in `selector`: each line's name and values. */
function series(page: Page, selector: string): Promise<[string, unknown[]][] | null> {
  return page.locator(selector).evaluate((el) => {
    const chart = (window as any).echarts?.getInstanceByDom(el);
    const option = chart?.getOption();
    if (!option?.series?.length) return null;
    return option.series.map((s: any) => [s.name, s.data.map((d: any) => (d && typeof d === 'object' ? d.value : d))]);
  });
}

/** The chart's titles as drawn: each one's text and how it is cut to fit. index.html's head script
 *  fits the shell's credit line as `bridge::echart::fit_credit` fits the app's (a copy in JS, so
 *  this is what ties the two). */
function titles(page: Page, selector: string): Promise<unknown[]> {
  return page.locator(selector).evaluate((el) => ((window as any).echarts.getInstanceByDom(el).getOption().title ?? [])
    .map((t: any) => ({ text: t.text, width: t.textStyle?.width, overflow: t.textStyle?.overflow, ellipsis: t.textStyle?.ellipsis })));
}

/** The visible text of each part, under `root`, with each part's box (rounded to 0.1 px). */
function parts(page: Page, root: string, selectors: string[]) {
  return page.evaluate(({ root, selectors }) => Object.fromEntries(selectors.map((selector) => [selector,
    [...document.querySelectorAll(`${root} ${selector}`)]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { text: (el as HTMLElement).innerText.trim(), box: [box.x, box.y, box.width, box.height].map((v) => Math.round(v * 10) / 10).join(' ') };
      })])), { root, selectors });
}

const WORDS = ['.filter-summary-text', 'main h2', '.chart-note'];
const BOXES = ['.filter-summary-text', '.filter-summary .filters-button', 'main h2', '.scale-toggle', '.chart', '.chart-note'];

for (const lang of ['en', 'zh']) {
  test(`a one-sector trends link shows its chart and words before the wasm, and the app takes over in place (${lang})`, async ({ page }) => {
    // Lighthouse's phone screen: the summary row is shown there, and the note is the largest text.
    await page.setViewportSize({ width: 412, height: 823 });
    await watchFrames(page);
    const release = await holdWasm(page);
    await page.goto(`./?view=trends&sector=integrated_circuits&lang=${lang}`, { waitUntil: 'commit' });
    const shellChart = '#shell [data-shell-chart="trend"]:visible';
    await expect.poll(() => series(page, shellChart), { timeout: 15_000 }).not.toBeNull();
    const before = await series(page, shellChart);
    const shellTitles = await titles(page, shellChart);
    // The credit line at the foot is fitted to the chart's width, cut with "…" if it runs over.
    expect(shellTitles).toContainEqual(expect.objectContaining({ width: expect.any(Number), overflow: 'truncate', ellipsis: '\u2026' }));
    // One line, the sector's, with its published figures.
    expect(before).toHaveLength(1);
    expect(before![0][0]).toBe(lang === 'zh' ? '集成电路' : 'Integrated circuits');
    expect(before![0][1].filter((v) => v !== null && v !== undefined && v !== '-').length).toBeGreaterThan(1);
    const shell = await parts(page, '#shell', [...new Set([...WORDS, ...BOXES])]);
    expect(shell['.chart-note'][0].text).toMatch(lang === 'zh' ? /^空缺表示该年没有公开数字/ : /^Gaps are years with no published figure/);
    expect(shell['.filter-summary-text'][0].text).toMatch(lang === 'zh' ? /^集成电路 · / : /^Integrated circuits · /);
    expect(await page.locator('#shell .shell-other').isVisible()).toBe(false);
    // Parsed whole, every row is shown (a row without an element after it would stay hidden).
    expect(await shellRowsHidden(page), 'a row of the shell hidden once parsed').toEqual([]);

    release();
    await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
    await expect(page.locator('#shell')).toHaveCount(0);
    await expect(page.locator('[data-chart="trend"]')).toHaveCount(1);
    // The app's chart draws the same line, its words are the shell's, in the same boxes.
    expect(await series(page, '[data-chart="trend"]')).toEqual(before);
    expect(await titles(page, '[data-chart="trend"]')).toEqual(shellTitles);
    const app = await parts(page, '.app', [...new Set([...WORDS, ...BOXES])]);
    for (const part of WORDS) expect(app[part].map((p) => p.text), part).toEqual(shell[part].map((p) => p.text));
    for (const part of BOXES) expect(app[part].map((p) => p.box), part).toEqual(shell[part].map((p) => p.box));
    // Nothing moved, and from the shell's drawn chart on, every frame showed a drawn chart.
    await expectNoShift(page);
    const frames: boolean[] = await page.evaluate(() => (window as any).__frames);
    const first = frames.indexOf(true);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(frames.slice(first).every(Boolean), 'a frame without a drawn chart after the shell drew it').toBe(true);
  });
}

for (const [view, name, boxes] of [
  ['sectors', 'sectors', ['.filter-summary-text', '.filter-summary .filters-button', 'main h2', '.chart', '.chart-note']],
  ['map', 'map', ['.filter-summary-text', '.filter-summary .filters-button', 'main h2', '.chart', '.year-player', '.chart-note', '.hint']],
] as const) {
  test(`the ${view} view's default link draws its chart before the wasm, and the app takes it over in place`, async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await watchFrames(page);
    const release = await holdWasm(page);
    await page.goto(`./?view=${view}`, { waitUntil: 'commit' });
    const shellChart = `#shell [data-shell-chart="${name}"]:visible`;
    await expect.poll(() => series(page, shellChart), { timeout: 15_000 }).not.toBeNull();
    const before = await series(page, shellChart);
    const shellTitles = await titles(page, shellChart);
    await expect(page.locator('#shell main h2:visible')).toHaveText(view === 'map' ? 'Map' : 'Sectors');
    const shell = await parts(page, '#shell', [...boxes]);
    expect(await shellRowsHidden(page), 'a row of the shell hidden once parsed').toEqual([]);
    release();
    await expect.poll(async () => (await chartOption(page, name))?.series?.length ?? 0).toBeGreaterThan(0);
    await expect(page.locator('#shell')).toHaveCount(0);
    await expect(page.locator(`[data-chart="${name}"]`)).toHaveCount(1);
    expect(await series(page, `[data-chart="${name}"]`)).toEqual(before);
    expect(await titles(page, `[data-chart="${name}"]`)).toEqual(shellTitles);
    const app = await parts(page, '.app', [...boxes]);
    for (const part of boxes) expect(app[part], part).toEqual(shell[part]);
    await expectNoShift(page);
    const frames: boolean[] = await page.evaluate(() => (window as any).__frames);
    const first = frames.indexOf(true);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(frames.slice(first).every(Boolean)).toBe(true);
  });
}

test('a dark reader\'s link with a left-out count: the dark chart and the count in the shell, the same after the takeover', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const fetched: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/link-shells-')) fetched.push(request.url()); });
  const release = await holdWasm(page);
  await page.goto('./?view=trends&sector=new_energy_vehicles', { waitUntil: 'commit' });
  const shellChart = '#shell [data-shell-chart="trend"]:visible';
  await expect.poll(() => series(page, shellChart), { timeout: 15_000 }).not.toBeNull();
  expect(fetched).toHaveLength(1);
  expect(fetched[0]).toMatch(/\/link-shells-[0-9a-f]{16}\/view_trends_sector_new_energy_vehicles\.en\.dark\.json$/);
  const before = await series(page, shellChart);
  const note = (await page.locator('#shell .chart-note:visible').innerText()).trim();
  // The five figures the chart leaves out, as the app counts them (TrendData::note).
  expect(note).toMatch(/ 5 figures for part of a year or in other units are in the table only\.$/);
  // Drawn in the dark theme's colours: its text is not the light theme's near-black.
  const shellText = await page.locator(shellChart).evaluate((el) => (window as any).echarts.getInstanceByDom(el).getOption().textStyle?.color);
  expect(shellText).toMatch(/^#/);
  expect(shellText).not.toBe('#1f2328');
  release();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await expect(page.locator('#shell')).toHaveCount(0);
  expect(await series(page, '[data-chart="trend"]')).toEqual(before);
  await expect(page.locator('main .chart-note:not(.index-note)').first()).toHaveText(note);
  expect((await chartOption(page, 'trend'))?.textStyle?.color).toBe(shellText);
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
});

// The app's first drawing of a chart the shell drew can still fail (an option ECharts rejects): the
// reader is told, no figures stay on screen as if the app had drawn them, and the next drawing works.
test("a chart link whose app drawing fails after the shell's chart: 'Chart unavailable', no stale chart, the next drawing works", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  // ECharts' namespace as the page gets it: the shell's instances draw, the app's first setOption throws.
  await wrapEcharts(page, (real) => {
    let failures = 1;
    const init = (...args: any[]) => {
      const chart = real.init(...args);
      if (args[0].closest('#shell')) return chart;
      const setOption = chart.setOption.bind(chart);
      chart.setOption = (...options: any[]) => {
        if (failures > 0) {
          failures -= 1;
          // The app's first drawing of a chart it adopted from the shell is unanimated.
          (window as any).failedOptionAnimates = options[0].animation;
          throw new Error('injected setOption failure');
        }
        return setOption(...options);
      };
      return chart;
    };
    return new Proxy(real, { get: (target, key) => (key === 'init' ? init : target[key]) });
  });
  const release = await holdWasm(page);
  await page.goto('./?view=trends&sector=integrated_circuits', { waitUntil: 'commit' });
  await expect.poll(() => series(page, '#shell [data-shell-chart="trend"]:visible'), { timeout: 15_000 }).not.toBeNull();
  release();
  const error = app(page).locator('figure').getByRole('status');
  await expect(error).toHaveText('Chart unavailable');
  await expect(error).toHaveAttribute('data-error', 'injected setOption failure');
  await expect(page.locator('#shell')).toHaveCount(0);
  // The failed drawing was the adopting one (an app chart drawn the usual way animates its first).
  expect(await page.evaluate(() => (window as any).failedOptionAnimates)).toBe(false);
  const chart = page.locator('[data-chart="trend"]');
  await expect(chart).toHaveAccessibleName('Chart unavailable');
  expect(await chart.evaluate((el) => !!(window as any).echarts.getInstanceByDom(el))).toBe(false);
  // The reader's next choice draws: the chart comes, the notice goes.
  await page.getByRole('radio', { name: /Indexed growth/ }).check();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await expect(error).toHaveCount(0);
  await expect(chart.locator('canvas')).toHaveCount(1);
});

/** Servers started by `servedInParts`, closed once the file's tests (and their pages) are done: a
 *  page can still fetch after its test's last step (the words at idle), and a refused request
 *  would fail the test. */
const proxies: http.Server[] = [];
test.afterAll(() => { for (const server of proxies) server.close(); });

/** A server in front of the test's that sends the page (index.html) in two parts, the second once
 *  the test calls `release`: a slow network as a phone meets it. The first part ends just after
 *  the first `cut` following `marker`. Everything else passes through whole. */
async function servedInParts(upstream: string, marker: string, cut: string) {
  const served = await (await fetch(new URL('./', upstream))).text();
  const from = served.indexOf(marker);
  expect(from, `${marker} in index.html`).toBeGreaterThan(0);
  expect(served.indexOf(cut, from), `${cut} after ${marker} in index.html`).toBeGreaterThan(from);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer((request, response) => pass(request, response).catch((error) => {
    // A 502 and a line in the test's output, not a load that hangs.
    if (!response.headersSent) response.writeHead(502);
    response.end();
    console.error(`servedInParts: ${request.url}: ${error}`);
  }));
  async function pass(request: http.IncomingMessage, response: http.ServerResponse) {
    const answer = await fetch(new URL(request.url!, upstream), { headers: { 'accept-encoding': 'identity' } });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, key) => { if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive'].includes(key)) headers[key] = value; });
    const body = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, headers);
    if (!(headers['content-type'] ?? '').startsWith('text/html')) return response.end(body);
    const text = body.toString('utf8');
    const at = text.indexOf(cut, text.indexOf(marker)) + cut.length;
    response.write(text.slice(0, at));
    await held;
    response.end(text.slice(at));
  }
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release };
}

/** Waits until the page has parsed all it has been sent: `selector` is there and the number of
 *  elements has stopped growing (the rest is held back). */
async function parsedSoFar(page: Page, selector: string) {
  let last = -1;
  await expect.poll(async () => {
    const [there, count] = await page.evaluate((selector) => [!!document.querySelector(selector), document.getElementsByTagName('*').length] as const, selector);
    const still = count === last;
    last = count;
    return there && still;
  }, { intervals: [100], timeout: 15_000 }).toBe(true);
}

// A phone on a slow network gets the page in parts, and Chromium paints what it has parsed. Where
// a row's parts place each other, a row painted in part moved as the rest arrived: the summary
// stood full width without its Filters button and was then narrowed (0.0002, seen in a CI run).
// Each case pauses the page inside such a row, where it shifted before atlas.css showed the row only
// once parsed whole: the row is hidden while paused, and nothing moves when the rest arrives.
const oneSector = '?view=trends&sector=integrated_circuits';
const explorerRow = '<div class="filters shell-explorer">';
const overviewRow = '<div class="filters shell-overview">';
const headerRow = '<div class="header-controls">';
const explorerHidden = { wait: '.filters.shell-explorer', hidden: ['filters shell-explorer'] };
for (const { link, width, height = 823, marker, cut, pause, wait, hidden } of [
  { link: oneSector, width: 412, marker: explorerRow, cut: '</p>', pause: 'after the summary, before its Filters button', ...explorerHidden },
  { link: oneSector, width: 412, marker: explorerRow, cut: 'filters-button">', pause: 'before the Filters button\'s word', ...explorerHidden },
  { link: '?view=map', width: 412, marker: explorerRow, cut: '</p>', pause: 'after the summary, before its Filters button', ...explorerHidden },
  { link: '', width: 412, marker: overviewRow, cut: '</p>', pause: 'after the summary, before its Filters button', wait: '.filters.shell-overview', hidden: ['filters shell-overview'] },
  // Share is held at the row's end by `:last-child`, which matches once the row is parsed.
  { link: oneSector, width: 412, marker: headerRow, cut: '分享</span></span>', pause: 'after Share, before the header\'s end', wait: '.header-controls', hidden: ['header-controls'] },
  { link: '', width: 1280, marker: headerRow, cut: 'search-skeleton"></span>', pause: 'after the search box, before the other header controls', wait: '.header-controls', hidden: ['header-controls'] },
  { link: '?view=trends', width: 412, marker: '<div class="chart-downloads">', cut: 'PNG</span>', pause: 'after PNG, before CSV', wait: '.chart-downloads', hidden: ['chart-downloads'] },
  { link: '?view=trends', width: 412, marker: '<fieldset class="scale-toggle">', cut: '</legend>', pause: 'after the scale toggle\'s legend, before its options', wait: '.scale-toggle', hidden: ['scale-toggle'] },
  // At 800 px the cards stand three in a row, and the second row's second card is taller than its first
  // (a tablet held upright: that row is on screen).
  { link: '', width: 800, height: 1200, marker: '<h3>100-billion-yuan-level industrial clusters</h3>', cut: '</article>', pause: 'after a row\'s first card, before a taller one', wait: '.cards > article:nth-child(4)', hidden: Array(4).fill('source-button') },
  // The first map (the default link's, in English): the hint, last in the source, goes under the map.
  { link: '?view=map', width: 412, marker: '<div class="map-layout">', cut: '</span></p>', pause: 'after the map\'s notes, before its hint', wait: '.map-main > p.chart-note:not(.player-note)', hidden: ['year-player', 'chart-note player-note', 'chart-note'] },
]) {
  test(`a page that arrives in two parts, paused ${pause}, paints without a shift (${link || 'overview'}, ${width} px)`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height });
    await watchFrames(page);
    const slow = await servedInParts(baseURL!, marker, cut);
    const releaseWasm = await holdWasm(page);
    try {
      await page.goto(`${slow.origin}/${link}`, { waitUntil: 'commit' });
      await parsedSoFar(page, `#shell ${wait}`);
      expect(await shellRowsHidden(page), 'the row parsed in part is hidden').toEqual(hidden);
      // Two frames laid out and painted before the rest arrives.
      await nextFrames(page);
      expect(await page.evaluate(() => document.readyState), 'the page is still arriving').toBe('loading');
      // Where the hidden row's parts are laid out now, to see below that the rest moved them.
      await page.evaluate(() => {
        (window as any).__paused = [...document.querySelectorAll('#shell *')]
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'hidden')
          .map((el) => [el, JSON.stringify(el.getBoundingClientRect())]);
      });
      slow.release();
      await page.waitForLoadState('domcontentloaded');
      await nextFrames(page);
      expect(await shellRowsHidden(page), 'parsed whole, the row is shown').toEqual([]);
      // Else this pause would test nothing: shown as it was, the row would have moved.
      expect(await page.evaluate(() => (window as any).__paused.some(([el, box]: [Element, string]) => JSON.stringify(el.getBoundingClientRect()) !== box)),
        'the rest of the page moved the hidden row\'s parts').toBe(true);
      releaseWasm();
      await expect(app(page).getByRole('heading', { level: 2 })).toBeVisible();
      await expectNoShift(page);
    } finally {
      slow.release();
      releaseWasm();
    }
  });
}

// Links the build did not write, though a listed link's words are in them: the app may read some
// the same (another key order, an escaped comma, a duplicate `lang`), but the script matches the
// app's own spelling only; others draw another page (other years, embedded, another language).
for (const link of [
  'view=trends&time=2019..2022',
  'sector=integrated_circuits&view=trends',
  'view=trends&region=chaoyang%2Chaidian',
  'view=trends&embed=1',
  'view=trends&lang=fr',
  'view=trends&lang=en&lang=zh',
]) test(`a link the build did not write keeps the skeleton: no words or chart the app would not show (?${link})`, async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  const fetched: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/link-shells')) fetched.push(request.url()); });
  const release = await holdWasm(page);
  await page.goto(`./?${link}`, { waitUntil: 'commit' });
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('#shell .shell-other .chart')).toBeVisible();
  expect(await page.locator('#shell .shell-link:visible, #shell [data-shell-chart]:visible, #shell .chart-note:visible').count()).toBe(0);
  expect(await page.locator('#shell').innerText()).not.toContain('Gaps are years');
  expect(fetched).toEqual([]);
  release();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await expect(page.locator('#shell')).toHaveCount(0);
});

// The app never waits for ECharts to mount: on a prerendered link whose echarts.js is slow (the wasm
// came first), the reader gets the app's controls at once and only the chart waits for it.
test("a chart link whose ECharts is slow mounts the app's controls and draws the chart once it is in", async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/echarts\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.goto('./?view=trends&sector=integrated_circuits&lang=en', { waitUntil: 'commit' });
    // The app's controls, while ECharts is still held.
    await expect(app(page).getByRole('radio', { name: /Indexed growth/ })).toBeVisible();
    await expect(page.locator('#shell')).toHaveCount(0);
    expect(await page.evaluate(() => typeof (window as any).echarts)).toBe('undefined');
    await expect(app(page).locator('[data-chart="trend"]')).toHaveClass(/chart-pending/);
  } finally {
    release();
  }
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
  await expect(app(page).locator('[data-chart="trend"]')).not.toHaveClass(/chart-pending/);
});

test('a chart link whose ECharts fails to load mounts the app, which says the chart is unavailable', async ({ page, watch }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.route(/\/echarts\.js$/, (route) => route.abort());
  await page.goto('./?view=trends&sector=integrated_circuits&lang=en');
  await expect(app(page).locator('figure').getByRole('status')).toHaveText('Chart unavailable');
  await expect(app(page).getByRole('radio', { name: /Indexed growth/ })).toBeVisible();
  // The shell (and its chart block) gone: no grey block or stale drawing left beside the notice.
  await expect(page.locator('#shell')).toHaveCount(0);
  expectCaused(watch, [/^request failed: .*echarts\.js/, /^console error: Failed to load resource/]);
});
