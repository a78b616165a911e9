// Measures what a reader waits for; figures are reported, never asserted. See scripts/bench.
//   node scripts/bench.mjs [--baseline DIR] [--runs N] [--lighthouse N] [--phone] [--phone-only]
// Prints issue 26's table: Lighthouse mobile (median of --lighthouse runs) on the overview and on a
// one-sector chart link, with each one's largest-contentful-paint element; deep link → first chart
// ÷ a bare page on three chart links (the first chart drawn: the shell's, where the served page
// draws one before the wasm, else the app's); long tasks at start (until that chart); filter click
// → chart updated; the first load's brotli bytes. About 12 minutes with a baseline (7 rounds: 3 minutes; 3 Lighthouse runs per
// page and build, 12 in all: 9) on this 2-core machine under load, less when it is quiet;
// --lighthouse 0 leaves Lighthouse out (3 minutes).
// Every timing is taken in interleaved rounds (this build, the bare page, the baseline build, then
// again), because this machine's speed drifts by half within a day: only figures from one run,
// interleaved, compare. --baseline DIR measures another build (a dist/ copy) in the same rounds.
// --phone adds, and --phone-only measures only, the phone part (issue 22): each chart view's chart
// top on a 390 × 844 phone screen, and Lighthouse mobile's largest-contentful-paint element for each.
import { chromium } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { startServer } from './static-server.mjs';
import { codeByCrate } from './wasm-crates.mjs';

const { values: args } = parseArgs({
  options: { baseline: { type: 'string' }, runs: { type: 'string', default: '7' }, lighthouse: { type: 'string', default: '3' },
    phone: { type: 'boolean', default: false }, 'phone-only': { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const LIGHTHOUSE_RUNS = Number(args.lighthouse);
const CLICKS = 10;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fixed = (x, digits = 0) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// The chart links timed against the bare page, and the two pages Lighthouse loads (issue 26).
const CHART_LINKS = [
  ['default trends', '?view=trends'],
  ['one sector', '?view=trends&sector=integrated_circuits'],
  ['two places', '?view=trends&region=chaoyang,haidian'],
];
const LIGHTHOUSE_PAGES = [['the overview', ''], ['a one-sector chart link', '?view=trends&sector=integrated_circuits']];

// The first load is what index.html references (and the wasm its loader fetches). ECharts is
// loaded when the first chart opens: a deep link to a chart view adds it, the overview does not.
// The rest (the sources' words fetched at idle, the map's boundaries, icons) arrives later.
function sizes(dist) {
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = new Set(['index.html', ...[...index.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']\.\/([^"']+)["']/g)].map((m) => m[1])]);
  const assets = readdirSync(dist)
    .filter((name) => !/\.(br|gz)$/.test(name) && statSync(join(dist, name)).isFile())
    .map((name) => {
      const body = readFileSync(join(dist, name));
      const firstLoad = referenced.has(name);
      return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotli(body),
        firstLoad, chartViews: firstLoad || /^echarts.*\.js$/.test(name) };
    })
    .sort((a, b) => b.brotli - a.brotli);
  const sum = (list) => list.reduce((total, a) => total + a.brotli, 0);
  return {
    assets,
    overview: sum(assets.filter((a) => a.firstLoad)),
    chartLink: sum(assets.filter((a) => a.chartViews)),
    wasm: sum(assets.filter((a) => a.name.endsWith('.wasm'))),
  };
}

// The floor for a chart link: a page that only loads the same ECharts build and draws one line.
function barePage(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bare-'));
  for (const name of readdirSync(dist).filter((n) => /^echarts.*\.js(\.br|\.gz)?$/.test(n))) copyFileSync(join(dist, name), join(dir, name));
  const script = readdirSync(dist).find((n) => /^echarts.*\.js$/.test(n));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Bare ECharts page</title></head>
<body><div data-chart="bare" style="width: 100%; height: 420px"></div>
<script src="./${script}"></script>
<script>
  const chart = echarts.init(document.querySelector('[data-chart]'));
  chart.setOption({ xAxis: { type: 'category', data: ['2019', '2020', '2021', '2022', '2023', '2024'] },
    yAxis: { type: 'value' }, series: [{ type: 'line', data: [35445, 36102, 40269, 41611, 43761, 49843] }] });
</script></body></html>\n`);
  return dir;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// Long tasks (over 50 ms on the main thread) from the start of the page's own scripts: an
// observer installed before any of them runs. Blocking time is each one's part beyond 50 ms, as
// Lighthouse's TBT counts it.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask timing: reported as none */ }
};
// The long tasks that began before `until` (the first chart or the overview drawn), read a frame
// later so the task that drew it has been reported.
const longTasksUntil = (page, until) => page.evaluate((until) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
  const tasks = (window.__longTasks ?? []).filter((t) => t.start < until);
  resolve({ count: tasks.length, blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0) });
}, 0))), until);

// A fresh context per navigation: no HTTP cache, no service worker from an earlier run.
async function inFreshPage(url, work) {
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript(OBSERVE_LONG_TASKS);
  await context.addInitScript(WATCH_FIRST_CHART);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  try { return await work(page); } finally { await context.close(); }
}

// Navigation start to the first chart holding data, in the page's own clock: the app's
// (`data-chart`) or, on a link whose first screen the build wrote, the one index.html's shell draws
// from the served page before the wasm (`data-shell-chart`, issue 26): what the reader sees first
// either way. Watched every frame from the document's start by an init script, so the time is the
// draw's, not bounded by the load event that `page.goto` waits for (the shell's chart is drawn
// before it).
const WATCH_FIRST_CHART = () => {
  const holdsData = (el) => {
    const chart = window.echarts && window.echarts.getInstanceByDom(el);
    const series = chart && chart.getOption().series;
    return !!(series && series.length && series[0].data && series[0].data.length);
  };
  const check = () => {
    if ([...document.querySelectorAll('[data-chart], [data-shell-chart]')].some(holdsData)) window.__firstChartAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  // The app's own start-up, which the shell's chart no longer bounds: until it has taken over
  // (`#shell` removed) and drawn its chart (`data-chart` holding data).
  const app = () => {
    if (!document.getElementById('shell') && [...document.querySelectorAll('[data-chart]')].some(holdsData)) window.__appChartAt = performance.now();
    else requestAnimationFrame(app);
  };
  requestAnimationFrame(app);
};
const chartDrawn = (page, key = '__firstChartAt') => page.evaluate((key) => new Promise((resolve, reject) => {
  const wait = () => {
    if (window[key]) resolve(window[key]);
    else if (performance.now() > 30_000) reject(new Error(`${key}: no chart drawn within 30 s`));
    else requestAnimationFrame(wait);
  };
  wait();
}), key);

const firstChart = (url) => inFreshPage(url, async (page) => {
  const ms = await chartDrawn(page);
  const longTasks = await longTasksUntil(page, ms);
  const appMs = await chartDrawn(page, '__appChartAt');
  const appLongTasks = await longTasksUntil(page, appMs);
  const decode = await page.evaluate(() => performance.getEntriesByName('atlas-dataset-decoded')[0]?.duration ?? null);
  return { ms, decode, longTasks, appMs, appLongTasks };
});

const bareChart = (base) => inFreshPage(base, chartDrawn);

// Navigation to the overview's cards and sparklines drawn (it needs no chart library).
const overviewReady = (base) => inFreshPage(base, async (page) => {
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const check = () => (document.querySelector('.card svg.sparkline circle') ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  }));
  return { ms, longTasks: await longTasksUntil(page, ms) };
});

// A sector click to the chart holding the new series (updated), and to the next frame painted
// after that (painted: what a reader sees). Medians of CLICKS clicks on one page. The app writes
// the click's history entry in a task after that same frame, queued before this one's, so
// "painted" includes the router's push.
const filterLatency = (base) => inFreshPage(`${base}?view=trends&indicator=cluster_scale_threshold`, async (page) => {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-chart="trend"]');
    return el && window.echarts?.getInstanceByDom(el)?.getOption().series.length > 0;
  });
  const updated = [];
  const painted = [];
  for (let i = 0; i < CLICKS; i++) {
    const click = await page.evaluate((index) => new Promise((resolve) => {
      const el = document.querySelector('[data-chart="trend"]');
      const chart = window.echarts.getInstanceByDom(el);
      const names = () => JSON.stringify(chart.getOption().series.filter(Boolean).map((s) => s.name));
      const before = names();
      const input = document.querySelectorAll('input[type=checkbox][name=sector]')[index];
      // Poll through a MessageChannel (sub-millisecond), then wait for the next painted frame.
      const channel = new MessageChannel();
      const start = performance.now();
      channel.port1.onmessage = () => {
        if (names() === before) { channel.port2.postMessage(0); return; }
        const at = performance.now() - start;
        requestAnimationFrame(() => setTimeout(() => resolve({ updated: at, painted: performance.now() - start }), 0));
      };
      input.click();
      channel.port2.postMessage(0);
    }), i % 2);
    updated.push(click.updated);
    painted.push(click.painted);
    // Let the history entry and any idle work of this click finish before the next.
    await page.waitForTimeout(50);
  }
  // One more click, counting ECharts' repaints in the second after it and their time (an
  // animation repaints every frame): exact counts, unlike the timings on a shared machine.
  const repaints = await page.evaluate(() => new Promise((resolve) => {
    const painter = window.echarts.getInstanceByDom(document.querySelector('[data-chart="trend"]')).getZr().painter;
    const refresh = painter.refresh.bind(painter);
    let count = 0, ms = 0;
    painter.refresh = (...rest) => { count++; const t = performance.now(); const r = refresh(...rest); ms += performance.now() - t; return r; };
    document.querySelectorAll('input[type=checkbox][name=sector]')[0].click();
    setTimeout(() => { painter.refresh = refresh; resolve({ count, ms }); }, 1000);
  }));
  return { updated: median(updated), painted: median(painted), repaints };
});

// Lighthouse's mobile preset (simulated slow 4G, 4x slower CPU) in Debian's Chromium.
// Asynchronous: the pages are served from this process, whose event loop must keep running.
async function lighthouseReport(url, categories) {
  const out = join(tmpdir(), `atlas-lighthouse-${process.pid}.json`);
  await promisify(execFile)('node_modules/.bin/lighthouse', [url, '--quiet', '--output=json', `--output-path=${out}`,
    `--only-categories=${categories}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(readFileSync(out, 'utf8'));
}
function lcpElementOf(report) {
  const node = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  return node ? `${node.selector} ${node.snippet}`.replace(/\s+/g, ' ').slice(0, 160) : null;
}
// Lighthouse 12's own LCP element audit fails in this Chromium ("RootCauses … frame_sequence"):
// the page's own largest-contentful-paint entries name it instead, on Lighthouse's mobile screen
// (412 × 823) with its 4× CPU slowdown. Each entry's element is described when it is reported,
// since the app may replace it later (the shell's skeleton).
const LCP_SCREEN = { width: 412, height: 823 };
async function lcpElementInPage(url) {
  const context = await browser.newContext({ bypassCSP: true, viewport: LCP_SCREEN, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
  await context.addInitScript(() => {
    window.__lcp = [];
    const describe = (el) => {
      if (!el) return '(an element the app has since replaced)';
      const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const holder = el.closest?.('[data-chart], [data-shell-chart]');
      const chart = holder && (holder.getAttribute('data-chart') ?? holder.getAttribute('data-shell-chart'));
      // The served page's text (index.html's shell) or the app's, which may be the same words.
      const shell = el.closest?.('#shell') ? ' in the served shell' : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}${chart ? ` in chart ${chart}` : ''}${shell}${text ? ` "${text}"` : ''}`;
    };
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push({ at: e.startTime, element: describe(e.element) }); })
        .observe({ type: 'largest-contentful-paint', buffered: true });
    } catch { /* no LCP timing */ }
  });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.card svg.sparkline circle')
      || (window.echarts && [...document.querySelectorAll('[data-chart]')].some((el) => window.echarts.getInstanceByDom(el))), null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const last = window.__lcp.at(-1);
      return last ? `${last.element} at ${Math.round(last.at)} ms` : null;
    });
  } finally { await context.close(); }
}
// A report Lighthouse could not finish (runtimeError, a category without a score, an audit
// without its value) would count as 0 in the medians or end the run: it is refused, and
// `attempt` names it on stderr.
function checkedReport(report, audits) {
  if (report.runtimeError) throw new Error(`Lighthouse runtimeError ${report.runtimeError.code}: ${report.runtimeError.message}`);
  const unscored = Object.entries(report.categories ?? {}).filter(([, c]) => typeof c.score !== 'number').map(([id]) => id);
  if (unscored.length) throw new Error(`Lighthouse gave no score for ${unscored.join(', ')}`);
  const missing = audits.filter((id) => typeof report.audits?.[id]?.numericValue !== 'number');
  if (missing.length) throw new Error(`Lighthouse gave no value for ${missing.join(', ')}`);
  return report;
}
async function lighthouse(url) {
  const report = checkedReport(await lighthouseReport(url, 'performance,accessibility,best-practices,seo'),
    ['largest-contentful-paint', 'total-blocking-time', 'first-contentful-paint', 'cumulative-layout-shift']);
  return {
    scores: Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)])),
    lcpMs: report.audits['largest-contentful-paint'].numericValue,
    tbtMs: report.audits['total-blocking-time'].numericValue,
    fcpMs: report.audits['first-contentful-paint'].numericValue,
    cls: report.audits['cumulative-layout-shift'].numericValue,
    lcpElement: lcpElementOf(report) ?? await attempt('LCP element', () => lcpElementInPage(url)),
  };
}

// Issue 22, on a phone: where each chart view's chart starts (CSS px from the top of the page, on a
// 390 × 844 screen with touch; the target is the first 55% of the screen, 464 px), and which element
// Lighthouse's mobile run finds as the largest paint (the view's content, not a skeleton).
const PHONE = { width: 390, height: 844 };
const PHONE_VIEWS = [
  ['trends', '?view=trends'], ['sectors', '?view=sectors'], ['map', '?view=map'], ['tour step', '?view=tour'],
  ['profile', '?view=profile&region=haidian'],
];
async function chartTop(base, link) {
  const context = await browser.newContext({ bypassCSP: true, viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    await page.goto(`${base}${link}`);
    return await page.evaluate(() => new Promise((resolve) => {
      const started = performance.now();
      const check = () => {
        const el = document.querySelector('main [data-chart]');
        const chart = el && window.echarts && window.echarts.getInstanceByDom(el);
        if (chart && chart.getOption().series?.length) resolve(Math.round(el.getBoundingClientRect().top + window.scrollY));
        else if (performance.now() - started > 20_000) resolve(null);
        else requestAnimationFrame(check);
      };
      check();
    }));
  } finally { await context.close(); }
}
async function phoneReport(base) {
  const rows = [];
  for (const [name, link] of PHONE_VIEWS) {
    const top = await chartTop(base, link);
    let lcp = null;
    if (LIGHTHOUSE_RUNS > 0) {
      try {
        const report = checkedReport(await lighthouseReport(`${base}${link}`, 'performance'), ['largest-contentful-paint']);
        lcp = { lcpMs: report.audits['largest-contentful-paint'].numericValue,
          element: lcpElementOf(report) ?? await attempt('LCP element', () => lcpElementInPage(`${base}${link}`)) };
      } catch (error) { console.error(`lighthouse did not run: ${error.message}`); }
    }
    rows.push({ view: name, link, chartTopPx: top, withinFirst55: top !== null && top < PHONE.height * 0.55, lcpMs: lcp?.lcpMs ?? null, lcpElement: lcp?.element ?? null });
  }
  console.log(`\n| on a phone (${PHONE.width} × ${PHONE.height}) | chart top, px (target < ${Math.round(PHONE.height * 0.55)}) | Lighthouse mobile LCP | LCP element |\n|---|---:|---:|---|`);
  for (const r of rows) {
    console.log(`| ${r.view} (\`${r.link}\`) | ${r.chartTopPx ?? '—'} | ${r.lcpMs === null ? '—' : `${(r.lcpMs / 1000).toFixed(1)} s`} | ${r.lcpElement === null ? '—' : `\`${r.lcpElement.replace(/\|/g, '\\|')}\``} |`);
  }
  return rows;
}

if (args['phone-only']) {
  const server = await startServer({ root: 'dist', port: 0 });
  const phone = await phoneReport(`http://127.0.0.1:${server.address().port}/`);
  await browser.close();
  server.close();
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/phone.json', JSON.stringify({ date: new Date().toISOString(), screen: PHONE, views: phone }, null, 2) + '\n');
  console.log('\nwritten: bench/phone.json');
  process.exit(0);
}

const started = Date.now();
const builds = [{ name: 'this build', dist: 'dist' }];
if (args.baseline) builds.push({ name: 'baseline', dist: args.baseline });
const servers = [];
for (const build of builds) {
  const server = await startServer({ root: build.dist, port: 0 });
  servers.push(server);
  Object.assign(build, { base: `http://127.0.0.1:${server.address().port}/`, sizes: sizes(build.dist),
    firstChart: Object.fromEntries(CHART_LINKS.map(([name]) => [name, []])), longTasks: { overview: [], chart: [], app: [] }, appChart: [],
    decode: [], overview: [], filter: [], filterPainted: [], repaints: [], lighthouse: Object.fromEntries(LIGHTHOUSE_PAGES.map(([name]) => [name, []])) });
}
const bare = await startServer({ root: barePage('dist'), port: 0 });
servers.push(bare);
const bareBase = `http://127.0.0.1:${bare.address().port}/`;
const bareRuns = [];

// A measurement that fails (a timeout on a loaded machine) is reported and left out, not fatal.
async function attempt(what, work) {
  try { return await work(); } catch (error) { console.error(`${what} failed: ${error.message.split('\n')[0]}`); return null; }
}

// Each round measures the builds in turn, starting with a different one each round, so neither
// gains from always going first or second; the bare page is loaded before each chart link.
const inTurn = (round) => builds.map((_, i) => builds[(i + round) % builds.length]);
for (let round = 0; round < RUNS; round++) {
  for (const [name, link] of CHART_LINKS) {
    const floor = await attempt('bare page', () => bareChart(bareBase));
    if (floor !== null) bareRuns.push(floor);
    for (const build of inTurn(round + CHART_LINKS.findIndex(([n]) => n === name))) {
      const load = await attempt(`${build.name} ${link}`, () => firstChart(`${build.base}${link}`));
      if (!load) continue;
      build.firstChart[name].push(load.ms);
      build.longTasks.chart.push({ link, ...load.longTasks });
      build.longTasks.app.push({ link, ...load.appLongTasks });
      if (link === LIGHTHOUSE_PAGES[1][1]) build.appChart.push(load.appMs);
      if (load.decode !== null) build.decode.push(load.decode);
    }
  }
  for (const build of inTurn(round)) {
    const overview = await attempt(`${build.name} overview`, () => overviewReady(build.base));
    if (overview) { build.overview.push(overview.ms); build.longTasks.overview.push(overview.longTasks); }
    const filter = await attempt(`${build.name} filter clicks`, () => filterLatency(build.base));
    if (filter) { build.filter.push(filter.updated); build.filterPainted.push(filter.painted); build.repaints.push(filter.repaints); }
  }
  console.error(`round ${round + 1} of ${RUNS} done (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}
for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
  for (const [page, link] of LIGHTHOUSE_PAGES) {
    for (const build of inTurn(round)) {
      const report = await attempt(`lighthouse ${build.name} ${page}`, () => lighthouse(`${build.base}${link}`));
      if (report) build.lighthouse[page].push(report);
    }
  }
  console.error(`Lighthouse round ${round + 1} of ${LIGHTHOUSE_RUNS} done (${((Date.now() - started) / 60000).toFixed(1)} min)`);
}
const phone = args.phone ? await phoneReport(builds[0].base) : null;
await browser.close();
for (const server of servers) server.close();

const bareMs = median(bareRuns);
const longTaskSummary = (runs) => (runs.length ? { count: median(runs.map((r) => r.count)), blockingMs: median(runs.map((r) => r.blockingMs)) } : null);
const lighthouseSummary = (runs) => {
  if (!runs.length) return null;
  const lcpMs = median(runs.map((r) => r.lcpMs));
  // The element most runs found (Lighthouse's, else the page's own entry).
  const elements = runs.map((r) => r.lcpElement?.replace(/ at \d+ ms$/, '')).filter(Boolean);
  const typical = { lcpElement: elements.sort((a, b) => elements.filter((e) => e === b).length - elements.filter((e) => e === a).length)[0] ?? null };
  return {
    runs: runs.length, performance: median(runs.map((r) => r.scores.performance)), lcpMs, tbtMs: median(runs.map((r) => r.tbtMs)),
    fcpMs: median(runs.map((r) => r.fcpMs)), cls: median(runs.map((r) => r.cls)), lcpElement: typical.lcpElement,
    accessibility: median(runs.map((r) => r.scores.accessibility)), bestPractices: median(runs.map((r) => r.scores['best-practices'])),
    seo: median(runs.map((r) => r.scores.seo)),
  };
};
const summary = (build) => ({
  overviewKB: build.sizes.overview / 1024,
  chartLinkKB: build.sizes.chartLink / 1024,
  wasmKB: build.sizes.wasm / 1024,
  firstChart: Object.fromEntries(CHART_LINKS.map(([name]) => {
    const ms = median(build.firstChart[name]);
    return [name, { ms, ratio: ms === null || !bareMs ? null : ms / bareMs }];
  })),
  longTasks: {
    overview: longTaskSummary(build.longTasks.overview),
    chart: longTaskSummary(build.longTasks.chart.filter((r) => r.link === LIGHTHOUSE_PAGES[1][1])),
    app: longTaskSummary(build.longTasks.app.filter((r) => r.link === LIGHTHOUSE_PAGES[1][1])),
  },
  appChartMs: median(build.appChart),
  decodeMs: median(build.decode),
  overviewMs: median(build.overview),
  filterMs: median(build.filter),
  filterPaintedMs: median(build.filterPainted),
  repaintsAfterClick: build.repaints.length ? { count: median(build.repaints.map((r) => r.count)), ms: median(build.repaints.map((r) => r.ms)) } : null,
  lighthouse: Object.fromEntries(LIGHTHOUSE_PAGES.map(([page]) => [page, lighthouseSummary(build.lighthouse[page])])),
});
for (const build of builds) build.summary = summary(build);

const lighthouseCell = (l) => (l ? `${l.performance} / ${(l.lcpMs / 1000).toFixed(1)} s / ${l.tbtMs.toFixed(0)} ms` : '—');
const elementCell = (l) => (l?.lcpElement ? `\`${l.lcpElement.replace(/\|/g, '\\|').slice(0, 90)}\`` : '—');
const longTaskCell = (t) => (t ? `${fixed(t.count)} / ${fixed(t.blockingMs)} ms` : '—');
const [overviewPage, chartPage] = LIGHTHOUSE_PAGES.map(([page]) => page);
const rows = [
  [`Lighthouse mobile, median of ${LIGHTHOUSE_RUNS}: performance / LCP / TBT, on the overview`, (s) => lighthouseCell(s.lighthouse[overviewPage]), '≥ 97 / ≤ 2.0 s / ≤ 150 ms'],
  [`… on \`${LIGHTHOUSE_PAGES[1][1]}\``, (s) => lighthouseCell(s.lighthouse[chartPage]), '≥ 95 / ≤ 2.0 s / ≤ 200 ms'],
  ['LCP element, overview', (s) => elementCell(s.lighthouse[overviewPage]), 'content in the served HTML (or the chart drawn)'],
  ['LCP element, chart link', (s) => elementCell(s.lighthouse[chartPage]), 'content in the served HTML (or the chart drawn)'],
  ...CHART_LINKS.map(([name, link], i) => [
    `${i === 0 ? `deep link → first chart ÷ bare page (${fixed(bareMs)} ms), median of ${RUNS}: ` : '… '}${name} \`${link}\``,
    (s) => `${fixed(s.firstChart[name].ratio, 2)} (${fixed(s.firstChart[name].ms)} ms)`, '≤ 1.3']),
  [`long tasks at start until the overview is drawn: count / blocking ms, median of ${RUNS}`, (s) => longTaskCell(s.longTasks.overview), '0 / 0 ms'],
  [`… until the first chart is drawn, \`${LIGHTHOUSE_PAGES[1][1]}\``, (s) => longTaskCell(s.longTasks.chart), '0 / 0 ms'],
  [`… until the app has taken over and drawn its chart, \`${LIGHTHOUSE_PAGES[1][1]}\``, (s) => longTaskCell(s.longTasks.app), '0 / 0 ms'],
  [`filter click → chart updated, median of ${RUNS} rounds' medians of ${CLICKS} clicks`, (s) => `${fixed(s.filterMs, 1)} ms`, '≤ 20 ms'],
  ['first load brotli, overview / chart link (without the idle words)', (s) => `${kb(s.overviewKB * 1024)} / ${kb(s.chartLinkKB * 1024)} KB`, '≤ 350 / ≤ 520 KB'],
  ['fresh machine, `scripts/serve` until served', () => 'timed by hand (README)', '≤ 10 min (keep)'],
];
const details = [
  ['wasm (brotli KB)', (s) => kb(s.wasmKB * 1024)],
  ['filter click → the next frame painted, ms', (s) => fixed(s.filterPaintedMs, 1)],
  ['ECharts repaints in the second after a filter click: count / ms', (s) => (s.repaintsAfterClick ? `${fixed(s.repaintsAfterClick.count)} / ${fixed(s.repaintsAfterClick.ms, 1)}` : '—')],
  ['navigation → overview drawn, ms', (s) => fixed(s.overviewMs)],
  ['dataset ready at start-up, ms', (s) => fixed(s.decodeMs, 1)],
  [`navigation → the app's chart drawn (shell gone), \`${LIGHTHOUSE_PAGES[1][1]}\`, ms`, (s) => fixed(s.appChartMs)],
  ['Lighthouse FCP / CLS, overview', (s) => { const l = s.lighthouse[overviewPage]; return l ? `${(l.fcpMs / 1000).toFixed(2)} s / ${l.cls.toFixed(3)}` : '—'; }],
  ['Lighthouse FCP / CLS, chart link', (s) => { const l = s.lighthouse[chartPage]; return l ? `${(l.fcpMs / 1000).toFixed(2)} s / ${l.cls.toFixed(3)}` : '—'; }],
  ['Lighthouse accessibility / best practices / SEO, overview', (s) => { const l = s.lighthouse[overviewPage]; return l ? `${l.accessibility} / ${l.bestPractices} / ${l.seo}` : '—'; }],
];
const minutes = ((Date.now() - started) / 60000).toFixed(1);
// Where the wasm's code comes from (cargo's wasm, before wasm-bindgen drops its `describe`
// functions and wasm-opt shrinks the rest: raw bytes, to compare crates with each other).
const cargoWasm = 'target/wasm32-unknown-unknown/release/atlas.wasm';
let crates = null;
try { crates = codeByCrate(cargoWasm).slice(0, 12); } catch (error) { console.error(`no crate breakdown: ${error.message}`); }

// Written before anything is printed, so a printing error cannot lose the run.
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({
  date: new Date().toISOString(), minutes: Number(minutes), loadAverage: (await import('node:os')).loadavg(),
  runs: RUNS, clicksPerRun: CLICKS, lighthouseRuns: LIGHTHOUSE_RUNS, chartLinks: CHART_LINKS, lighthousePages: LIGHTHOUSE_PAGES,
  bareFirstChartMs: { median: bareMs, runs: bareRuns },
  wasmCodeByCrate: crates,
  phone,
  builds: builds.map((b) => ({ name: b.name, dist: b.dist, summary: b.summary, assets: b.sizes.assets,
    runs: { firstChartMs: b.firstChart, appChartMs: b.appChart, longTasks: b.longTasks, decodeMs: b.decode, overviewMs: b.overview, filterMs: b.filter,
      filterPaintedMs: b.filterPainted, repaints: b.repaints, lighthouse: b.lighthouse } })),
}, null, 2) + '\n');
console.error('written: bench/results.json');

const shown = builds.slice().reverse();
console.log(`\n| figure | ${shown.map((b) => b.name).join(' | ')} | target |`);
console.log(`|---|${shown.map(() => '---:').join('|')}|---:|`);
for (const [label, value, target] of rows) console.log(`| ${label} | ${shown.map((b) => value(b.summary)).join(' | ')} | ${target} |`);
console.log(`\n| detail | ${shown.map((b) => b.name).join(' | ')} |`);
console.log(`|---|${shown.map(() => '---:').join('|')}|`);
for (const [label, value] of details) console.log(`| ${label} | ${shown.map((b) => value(b.summary)).join(' | ')} |`);
console.log(`\n${RUNS} interleaved rounds, ${LIGHTHOUSE_RUNS} Lighthouse runs per page and build, in ${minutes} min; load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}.`);

const own = builds[0].sizes;
console.log('\n| asset | raw KB | gzip KB | brotli KB | loaded |');
console.log('|---|---:|---:|---:|:-:|');
for (const a of own.assets) console.log(`| ${a.name} | ${kb(a.raw)} | ${kb(a.gzip)} | ${kb(a.brotli)} | ${a.firstLoad ? 'first load' : a.chartViews ? 'with the first chart' : 'on demand'} |`);

if (crates) {
  console.log(`\n| crate (${cargoWasm}) | code KB, raw |\n|---|---:|`);
  for (const { crate, bytes } of crates) console.log(`| ${crate} | ${kb(bytes)} |`);
}
