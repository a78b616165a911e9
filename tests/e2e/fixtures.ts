// Every test runs as a reader would, and fails on what a reader would suffer: a console error, an
// uncaught exception, a failed request, or any request leaving loopback (those are also blocked).
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Watch = { problems: string[] };

// ATLAS_HOLD_WASM_MS=1500 holds every page's wasm back that long, so index.html's served shell
// stands that long in each test: a locator that can meet the shell (see `app`) then passes on it
// too early, reads its words, or finds two. A test's own route for the wasm comes first. With the
// hold no service worker runs (a spec's own `test.use` aside): the wasm it served from its cache
// would not meet the route, and every page after a test's first would not be held.
const hold = Number(process.env.ATLAS_HOLD_WASM_MS ?? 0);

/** Watches a page as the suite watches every test's `page`: holds its wasm back when asked (above),
 *  blocks and reports any request leaving loopback, and collects console errors, page errors and
 *  failed requests into the list it returns (empty while all is well). For a second page a test
 *  opens itself (in `page`'s context or its own); `watch` below does it for `page`. */
export async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  if (hold > 0) {
    await page.route(/_bg\.wasm$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, hold));
      await route.fallback();
    });
  }
  await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/, (route) => {
    problems.push(`request left loopback: ${route.request().url()}`);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A download the test triggered ends as "failed" in Chromium's eyes; it is not a broken asset.
    if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  return problems;
}

export const test = base.extend<{ watch: Watch }>({
  serviceWorkers: [hold > 0 ? 'block' : 'allow', { option: true }],
  watch: [async ({ page }, use) => {
    const watch: Watch = { problems: await watchPage(page) };
    await use(watch);
    expect(watch.problems, 'console errors, page errors or failed requests').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** The app's mounted root (not the served shell's `div.app#shell`) as a CSS selector, for a script
 *  that runs in the page (an init script's MutationObserver, an `evaluate`): pass it in as the
 *  script's argument. Locators go through `app(page)` below. */
export const APP = 'div.app:not(#shell)';

/** The app as mounted: what every locator of the app's own markup goes through. index.html's
 *  served shell (`#shell`, removed in the task that mounts the app) is drawn with the app's
 *  markup and classes (`.card`, `.tabs`, `h2`, `main`, `.filter-summary-text` …), so a page-wide
 *  CSS or text locator can meet the shell during the takeover: pass on the shell's copy before the
 *  app has drawn anything, read the shell's words, or find two where the app has one. Inside the
 *  app's root it waits for the app. Roles need no scoping (the shell is aria-hidden), nor ids,
 *  `[data-chart]` (never in the shell) or `html`.
 *  It waits only for what it must find: a count of none (`toHaveCount(0)`, `not.toBeVisible()`)
 *  passes before the app has mounted, when there is no app root yet. Wait for something of the
 *  app first (a heading by role, a drawn chart), as a reader would see it. */
export function app(page: Page): Locator {
  return page.locator(APP);
}

/** Holds the page's wasm back until `release` is called, so a test can look at the served page
 *  before the app. Held, not aborted: an aborted wasm is a failed request and an uncaught error,
 *  which the suite's watch rightly reports. */
export async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The served shell's rows that atlas.css shows only once parsed whole (a row whose parts place
 *  each other, painted in part, would move): those laid out (not `display: none`) and still
 *  hidden, as class names. Empty once the page is parsed; a row whose rule never comes true (no
 *  element after it; a phone's map without its hint) would stay in this list. */
export function shellRowsHidden(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#shell .site-header .header-controls, #shell .filters, #shell .chart-downloads, #shell .scale-toggle, #shell .map-main > :not(:first-child), #shell .cards .source-button')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'hidden')
    .map((el) => el.className));
}

/** Resolves at the start of the second frame from now: the first (which may already be under way
 *  when this is called) has then been laid out and painted. With `andTask`, also after the task
 *  that follows, where work put off past a frame (a link written a frame late) has run. */
export function nextFrames(page: Page, { andTask = false } = {}): Promise<void> {
  return page.evaluate((andTask) => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => (andTask ? setTimeout(done, 0) : done())))), andTask);
}

/** The chart's current ECharts option, read from the instance on the element with `data-chart`. */
export function chartOption(page: Page, name: string): Promise<any> {
  return page.locator(`[data-chart="${name}"]`).evaluate((el) => {
    const chart = (window as any).echarts?.getInstanceByDom(el);
    return chart ? chart.getOption() : null;
  });
}

/** Names of the chart's series, once it is drawn. */
export async function seriesNames(page: Page, name: string): Promise<string[]> {
  const option = await chartOption(page, name);
  return option ? option.series.map((s: any) => s.name) : [];
}

/** The query string of the page's URL, without `?`. */
export function query(page: Page): string {
  return new URL(page.url()).search.replace(/^\?/, '');
}

/** axe's WCAG 2.1 A/AA violations of any impact (minor and moderate too: none is accepted) on
 *  the page as it is now, labelled. */
export async function wcagViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens the filter bar's sector picker (on wide screens the sectors are in a panel its button opens). */
export async function openSectors(page: Page) {
  const toggle = app(page).locator('.sector-picker .picker-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** What a drawn map shows as text, read from ECharts' scene (issue 27): every visible text with its
 *  box in the chart's pixels (labels hidden by the label layout are not drawn, so not listed),
 *  which of them are district names, the titles and the scale's end texts, and the box the map
 *  itself is drawn in. `overlaps` names each pair of visible texts whose boxes meet. */
export async function mapTexts(page: Page, name: string) {
  return page.locator(`[data-chart="${name}"]`).evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const option = chart.getOption();
    const texts: { text: string; x: number; y: number; w: number; h: number }[] = [];
    const seen = new Set();
    // A text is drawn as spans; the display list holds only what is drawn (no ignored labels).
    for (const span of chart.getZr().storage.getDisplayList(true)) {
      const text = span.type === 'tspan' ? span.parent : null;
      if (!text || seen.has(text) || !text.style?.text || text.style.opacity === 0) continue;
      seen.add(text);
      const rect = text.getBoundingRect().clone();
      const transform = text.getComputedTransform();
      if (transform) rect.applyTransform(transform);
      texts.push({ text: text.style.text, x: rect.x, y: rect.y, w: rect.width, h: rect.height });
    }
    const overlaps: string[] = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`${a.text} / ${b.text}`);
    }));
    const names = option.series[option.series.length - 1].data.map((d: any) => d.name);
    const map = chart.getModel().getComponent('geo').coordinateSystem.getViewRectAfterRoam();
    const titles = option.title.map((t: any) => t.text);
    return {
      box: { w: el.clientWidth, h: el.clientHeight },
      texts,
      overlaps,
      districtNames: texts.filter((t) => names.includes(t.text)).map((t) => t.text),
      title: texts.find((t) => t.text === titles[0]),
      // The credit line may be cut to fit ("…"); the scale's ends are its `text`.
      foot: texts.filter((t) => t.text !== titles[0] && (titles.slice(1).some((c: string) => c.startsWith(t.text.replace(/…$/, '')))
        || (option.visualMap?.[0]?.text ?? []).includes(t.text))),
      map: { x: map.x, y: map.y, w: map.width, h: map.height },
    };
  });
}

/** The layout shift the page has had so far: buffered entries are in the observer at once. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => {
    const observer = new PerformanceObserver(() => {});
    observer.observe({ type: 'layout-shift', buffered: true });
    const entries = observer.takeRecords() as any[];
    observer.disconnect();
    return entries.filter((entry) => !entry.hadRecentInput).reduce((sum, entry) => sum + entry.value, 0);
  });
}

/** Runs `wrap` on ECharts' namespace when its bundle sets `window.echarts` (the end of its
 *  evaluation), before any other script reads it: the page then gets what `wrap` returns. It runs
 *  in the page, so it may use only its argument and the page's globals. */
export async function wrapEcharts(page: Page, wrap: (real: any) => any): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const wrap = (${wrap.toString()});
      let namespace;
      Object.defineProperty(window, 'echarts', { configurable: true, get: () => namespace, set: (real) => { namespace = wrap(real); } });
    })();`,
  });
}

/** Takes the problems a test caused on purpose out of the fixture's list; each must be there. */
export function expectCaused(watch: { problems: string[] }, caused: RegExp[]) {
  for (const problem of caused) {
    expect(watch.problems.some((p) => problem.test(p)), `expected a problem matching ${problem}`).toBe(true);
  }
  const left = watch.problems.filter((p) => !caused.some((c) => c.test(p)));
  watch.problems.splice(0, watch.problems.length, ...left);
}

/** Counts, once the app's filter section first appears (in the mount's task, before any later task
 *  adds to it), how many of its elements match `controls`; `filtersAtMount` reads the count (null
 *  until the section has appeared). Call before `goto`. */
export async function countFiltersAtMount(page: Page, controls: string): Promise<void> {
  await page.addInitScript(([root, controls]) => {
    const observer = new MutationObserver(() => {
      const filters = document.querySelector(`${root} .filters`);
      if (!filters) return;
      observer.disconnect();
      (window as any).__filtersAtMount = filters.querySelectorAll(controls).length;
    });
    observer.observe(document, { childList: true, subtree: true });
  }, [APP, controls]);
}

export function filtersAtMount(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as any).__filtersAtMount ?? null);
}
