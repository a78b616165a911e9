// Measures what a reader waits for; figures are reported, never asserted. See scripts/bench.
//   node scripts/bench.mjs [--baseline DIR] [--runs N] [--lighthouse N] [--phone-only]
// --phone-only measures only the phone part (issue 22): each chart view's chart top on a 390 × 844
// phone screen, and Lighthouse mobile's largest-contentful-paint element for each.
// Every timing is taken in interleaved rounds (this build, the bare page, the baseline build, then
// again), because this machine's speed drifts by half within a day: only figures from one run,
// interleaved, compare. --baseline DIR measures another build (a dist/ copy) in the same rounds.
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
  options: { baseline: { type: 'string' }, runs: { type: 'string', default: '9' }, lighthouse: { type: 'string', default: '3' },
    'phone-only': { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const LIGHTHOUSE_RUNS = Number(args.lighthouse);
const CLICKS = 10;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// The first load is what index.html references (and the wasm its loader fetches). ECharts is
// loaded when the first chart opens: a deep link to a chart view adds it, the overview does not.
// The rest (the map's boundaries, the sources' texts, icons) arrives later, on demand.
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

// A fresh context per navigation: no HTTP cache, no service worker from an earlier run.
async function inFreshPage(url, work) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  try { return await work(page); } finally { await context.close(); }
}

// Navigation start to the first chart holding data, polled every frame in the page's own clock.
const chartDrawn = (page) => page.evaluate(() => new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector('[data-chart]');
    const chart = el && window.echarts && window.echarts.getInstanceByDom(el);
    const series = chart && chart.getOption().series;
    if (series && series.length && series[0].data && series[0].data.length) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
}));

async function firstChart(base) {
  return inFreshPage(`${base}?view=trends`, async (page) => {
    const ms = await chartDrawn(page);
    const decode = await page.evaluate(() => performance.getEntriesByName('atlas-dataset-decoded')[0]?.duration ?? null);
    return { ms, decode };
  });
}

const bareChart = (base) => inFreshPage(base, chartDrawn);

// Navigation to the overview's cards and sparklines drawn (it needs no chart library).
const overviewReady = (base) => inFreshPage(base, (page) => page.evaluate(() => new Promise((resolve) => {
  const check = () => (document.querySelector('.card svg.sparkline circle') ? resolve(performance.now()) : requestAnimationFrame(check));
  check();
})));

// A sector click to the chart holding the new series (updated), and to the next frame painted
// after that (painted: what a reader sees). Medians of CLICKS clicks on one page.
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
  }
  return { updated: median(updated), painted: median(painted) };
});

// Lighthouse's mobile preset (simulated slow 4G, 4x slower CPU) in Debian's Chromium.
// Asynchronous: the pages are served from this process, whose event loop must keep running.
async function lighthouse(base) {
  const out = join(tmpdir(), `atlas-lighthouse-${process.pid}.json`);
  await promisify(execFile)('node_modules/.bin/lighthouse', [base, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  return {
    scores: Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)])),
    lcpMs: report.audits['largest-contentful-paint'].numericValue,
    tbtMs: report.audits['total-blocking-time'].numericValue,
    fcpMs: report.audits['first-contentful-paint'].numericValue,
    cls: report.audits['cumulative-layout-shift'].numericValue,
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
async function lcpElement(url) {
  const out = join(tmpdir(), `atlas-lighthouse-phone-${process.pid}.json`);
  await promisify(execFile)('node_modules/.bin/lighthouse', [url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const node = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  return { lcpMs: report.audits['largest-contentful-paint'].numericValue, element: node ? `${node.selector} ${node.snippet}`.slice(0, 160) : null };
}
async function phoneReport(base) {
  const rows = [];
  for (const [name, link] of PHONE_VIEWS) {
    const top = await chartTop(base, link);
    let lcp = null;
    if (LIGHTHOUSE_RUNS > 0) {
      try { lcp = await lcpElement(`${base}${link}`); } catch (error) { console.error(`lighthouse did not run: ${error.message}`); }
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

const builds = [{ name: 'this build', dist: 'dist' }];
if (args.baseline) builds.push({ name: 'baseline', dist: args.baseline });
const servers = [];
for (const build of builds) {
  const server = await startServer({ root: build.dist, port: 0 });
  servers.push(server);
  Object.assign(build, { base: `http://127.0.0.1:${server.address().port}/`, sizes: sizes(build.dist),
    firstChart: [], decode: [], overview: [], filter: [], filterPainted: [], lighthouse: [] });
}
const bare = await startServer({ root: barePage('dist'), port: 0 });
servers.push(bare);
const bareBase = `http://127.0.0.1:${bare.address().port}/`;
const bareRuns = [];

// Each round measures the builds in turn, starting with a different one each round, so neither
// gains from always going first or second.
const inTurn = (round) => builds.map((_, i) => builds[(i + round) % builds.length]);
for (let round = 0; round < RUNS; round++) {
  bareRuns.push(await bareChart(bareBase));
  for (const build of inTurn(round)) {
    const load = await firstChart(build.base);
    build.firstChart.push(load.ms);
    if (load.decode !== null) build.decode.push(load.decode);
    build.overview.push(await overviewReady(build.base));
    const filter = await filterLatency(build.base);
    build.filter.push(filter.updated);
    build.filterPainted.push(filter.painted);
  }
}
for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
  for (const build of inTurn(round)) {
    try { build.lighthouse.push(await lighthouse(build.base)); } catch (error) { console.error(`lighthouse did not run: ${error.message}`); }
  }
}
const phone = await phoneReport(builds[0].base);
await browser.close();
for (const server of servers) server.close();

const bareMs = median(bareRuns);
const summary = (build) => {
  const lh = build.lighthouse;
  return {
    overviewKB: build.sizes.overview / 1024,
    chartLinkKB: build.sizes.chartLink / 1024,
    wasmKB: build.sizes.wasm / 1024,
    firstChartMs: median(build.firstChart),
    firstChartRatio: median(build.firstChart) / bareMs,
    decodeMs: build.decode.length ? median(build.decode) : null,
    overviewMs: median(build.overview),
    filterMs: median(build.filter),
    filterPaintedMs: median(build.filterPainted),
    lighthouse: lh.length ? {
      performance: median(lh.map((r) => r.scores.performance)), lcpMs: median(lh.map((r) => r.lcpMs)),
      tbtMs: median(lh.map((r) => r.tbtMs)), fcpMs: median(lh.map((r) => r.fcpMs)), cls: median(lh.map((r) => r.cls)),
      accessibility: median(lh.map((r) => r.scores.accessibility)), bestPractices: median(lh.map((r) => r.scores['best-practices'])),
      seo: median(lh.map((r) => r.scores.seo)),
    } : null,
  };
};
for (const build of builds) build.summary = summary(build);

const rows = [
  ['first load, overview (brotli KB)', (s) => kb(s.overviewKB * 1024), '≤ 250'],
  ['first load, a deep link to a chart view (brotli KB)', (s) => kb(s.chartLinkKB * 1024), '≤ 400'],
  ['wasm (brotli KB)', (s) => kb(s.wasmKB * 1024), '≤ 220'],
  [`deep link → first chart drawn, ms (median of ${RUNS})`, (s) => s.firstChartMs.toFixed(0), ''],
  [`… ÷ bare page (${bareMs.toFixed(0)} ms, same ECharts, one line)`, (s) => s.firstChartRatio.toFixed(2), '≤ 1.5'],
  ['dataset ready at start-up, ms', (s) => (s.decodeMs === null ? '—' : s.decodeMs.toFixed(1)), '≤ 5'],
  [`filter click → chart updated, ms (median of ${RUNS} × ${CLICKS})`, (s) => s.filterMs.toFixed(1), '≤ 16'],
  ['… → the next frame painted, ms', (s) => s.filterPaintedMs.toFixed(1), ''],
  [`navigation → overview drawn, ms (median of ${RUNS})`, (s) => s.overviewMs.toFixed(0), ''],
  [`Lighthouse mobile, median of ${LIGHTHOUSE_RUNS}: performance / LCP / TBT`,
    (s) => (s.lighthouse ? `${s.lighthouse.performance} / ${(s.lighthouse.lcpMs / 1000).toFixed(1)} s / ${s.lighthouse.tbtMs.toFixed(0)} ms` : '—'), '≥ 97 / ≤ 2.0 s / ≤ 150 ms'],
  ['Lighthouse accessibility / best practices / SEO; CLS',
    (s) => (s.lighthouse ? `${s.lighthouse.accessibility} / ${s.lighthouse.bestPractices} / ${s.lighthouse.seo}; ${s.lighthouse.cls.toFixed(3)}` : '—'), '100 / 100 / ≥ 95; 0'],
];
const header = ['figure', ...builds.slice().reverse().map((b) => b.name), 'target'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|---|${builds.map(() => '---:').join('|')}|---:|`);
for (const [label, value, target] of rows) console.log(`| ${label} | ${builds.slice().reverse().map((b) => value(b.summary)).join(' | ')} | ${target} |`);
console.log('\nA fresh machine\'s first `scripts/serve` is timed by hand (README, Performance), not by this script.');

const own = builds[0].sizes;
console.log('\n| asset | raw KB | gzip KB | brotli KB | loaded |');
console.log('|---|---:|---:|---:|:-:|');
for (const a of own.assets) console.log(`| ${a.name} | ${kb(a.raw)} | ${kb(a.gzip)} | ${kb(a.brotli)} | ${a.firstLoad ? 'first load' : a.chartViews ? 'with the first chart' : 'on demand'} |`);

// Where the wasm's code comes from (cargo's wasm, before wasm-bindgen drops its `describe`
// functions and wasm-opt shrinks the rest: raw bytes, to compare crates with each other).
const cargoWasm = 'target/wasm32-unknown-unknown/release/atlas.wasm';
let crates = null;
try { crates = codeByCrate(cargoWasm).slice(0, 12); } catch (error) { console.error(`no crate breakdown: ${error.message}`); }
if (crates) {
  console.log(`\n| crate (${cargoWasm}) | code KB, raw |\n|---|---:|`);
  for (const { crate, bytes } of crates) console.log(`| ${crate} | ${kb(bytes)} |`);
}

mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({
  date: new Date().toISOString(),
  runs: RUNS, clicksPerRun: CLICKS, lighthouseRuns: LIGHTHOUSE_RUNS,
  bareFirstChartMs: { median: bareMs, runs: bareRuns },
  wasmCodeByCrate: crates,
  phone,
  builds: builds.map((b) => ({ name: b.name, dist: b.dist, summary: b.summary, assets: b.sizes.assets,
    runs: { firstChartMs: b.firstChart, decodeMs: b.decode, overviewMs: b.overview, filterMs: b.filter, filterPaintedMs: b.filterPainted, lighthouse: b.lighthouse } })),
}, null, 2) + '\n');
console.log('\nwritten: bench/results.json');
