// Measures what a reader waits for; figures are reported, never asserted. See scripts/bench.
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { startServer } from './static-server.mjs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const dist = 'dist';
const RUNS = 10;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// The first load is what index.html references (and the wasm its loader fetches). ECharts is
// loaded by the app when the first chart opens: a deep link to a chart view adds it to the first
// load, the overview does not. The rest (the map, icons, manifest) arrives later or lazily.
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = new Set(['index.html', ...[...index.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']\.\/([^"']+)["']/g)].map((m) => m[1])]);
const assets = readdirSync(dist)
  .filter((name) => !/\.(br|gz)$/.test(name) && statSync(join(dist, name)).isFile())
  .map((name) => {
    const body = readFileSync(join(dist, name));
    return {
      name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      firstLoad: referenced.has(name),
      chartViews: referenced.has(name) || /^echarts.*\.js$/.test(name),
    };
  })
  .sort((a, b) => b.brotli - a.brotli);
const first = assets.filter((a) => a.firstLoad);
const firstWithChart = assets.filter((a) => a.chartViews);
const total = (key, list) => list.reduce((sum, a) => sum + a[key], 0);

const server = await startServer({ root: dist, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// Navigation to the overview's cards and sparklines drawn (it needs no chart library).
async function overviewReady() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const check = () => (document.querySelector('.card svg.sparkline circle') ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  }));
  await context.close();
  return ms;
}

// Navigation to the first chart drawn with data, on a deep link to the trends view.
async function firstChart() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}?view=trends`);
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const check = () => {
      const el = document.querySelector('[data-chart]');
      const chart = el && window.echarts && window.echarts.getInstanceByDom(el);
      const series = chart && chart.getOption().series;
      if (series && series.length && series[0].data && series[0].data.length) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  }));
  const decode = await page.evaluate(() => {
    const mark = performance.getEntriesByName('atlas-dataset-decoded')[0];
    return mark ? mark.duration : null;
  });
  await context.close();
  return { ms, decode };
}

async function filterLatency() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}?view=trends&indicator=cluster_scale_threshold`);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-chart="trend"]');
    return el && window.echarts.getInstanceByDom(el)?.getOption().series.length > 0;
  });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    // Time from the click's input event to the chart holding the new series, in the page's clock.
    const ms = await page.evaluate((index) => new Promise((resolve) => {
      const el = document.querySelector('[data-chart="trend"]');
      const chart = window.echarts.getInstanceByDom(el);
      const before = JSON.stringify(chart.getOption().series.map((s) => s.name));
      const input = document.querySelectorAll('input[type=checkbox][name=sector]')[index];
      // Poll through a MessageChannel: sub-millisecond, unlike a frame-bound requestAnimationFrame.
      const channel = new MessageChannel();
      const start = performance.now();
      channel.port1.onmessage = () => {
        const now = JSON.stringify(chart.getOption().series.map((s) => s.name));
        if (now !== before) resolve(performance.now() - start); else channel.port2.postMessage(0);
      };
      input.click();
      channel.port2.postMessage(0);
    }), i % 2);
    times.push(ms);
  }
  await context.close();
  return times;
}

// Lighthouse on its mobile preset (simulated slow 4G and a 4x slower CPU), Debian's Chromium.
// Asynchronous: the page is served from this process, whose event loop must keep running.
async function lighthouse() {
  const out = 'bench/lighthouse.json';
  await promisify(execFile)('node_modules/.bin/lighthouse', [base, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index']
    .map((id) => [id, report.audits[id].displayValue]));
  return { scores, metrics };
}

const loads = [];
for (let i = 0; i < RUNS; i++) loads.push(await firstChart());
const overviewMs = [];
for (let i = 0; i < RUNS; i++) overviewMs.push(await overviewReady());
const filterTimes = await filterLatency();
let lighthouseResult = null;
try { lighthouseResult = await lighthouse(); } catch (error) { console.error(`lighthouse did not run: ${error.message}`); }
await browser.close();
server.close();

const firstChartMs = loads.map((l) => l.ms);
const decodeMs = loads.map((l) => l.decode).filter((d) => d !== null);
const dataBrotli = ['observations.jsonl', 'sectors.json', 'zones.jsonl', 'facts.jsonl']
  .map((f) => brotliCompressSync(readFileSync(join('data', f))).length).reduce((a, b) => a + b, 0);
const results = {
  date: new Date().toISOString(),
  assets,
  firstLoad: { raw: total('raw', first), gzip: total('gzip', first), brotli: total('brotli', first) },
  firstLoadChartView: { raw: total('raw', firstWithChart), gzip: total('gzip', firstWithChart), brotli: total('brotli', firstWithChart) },
  overviewReadyMs: { median: median(overviewMs), max: Math.max(...overviewMs), runs: overviewMs },
  dataBrotliBytes: dataBrotli,
  firstChartMs: { median: median(firstChartMs), max: Math.max(...firstChartMs), runs: firstChartMs },
  datasetDecodeMs: decodeMs.length ? { median: median(decodeMs), max: Math.max(...decodeMs) } : null,
  filterToChartMs: { median: median(filterTimes), max: Math.max(...filterTimes), runs: filterTimes },
  lighthouse: lighthouseResult,
  budgets: { firstLoadBrotliKB: 300, wasmBrotliKB: 200, firstChartMs: 400, filterToChartMs: 16, lighthouse: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 95 } },
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');

console.log('| asset | raw KB | gzip KB | brotli KB | first load |');
console.log('|---|---:|---:|---:|:-:|');
for (const a of assets) console.log(`| ${a.name} | ${kb(a.raw)} | ${kb(a.gzip)} | ${kb(a.brotli)} | ${a.firstLoad ? 'yes' : a.chartViews ? 'with the first chart' : 'later'} |`);
console.log(`| **first load (overview)** | ${kb(results.firstLoad.raw)} | ${kb(results.firstLoad.gzip)} | ${kb(results.firstLoad.brotli)} | |`);
console.log(`| **first load (a chart view)** | ${kb(results.firstLoadChartView.raw)} | ${kb(results.firstLoadChartView.gzip)} | ${kb(results.firstLoadChartView.brotli)} | |`);
console.log(`\ndataset inside the wasm: ${kb(dataBrotli)} KB brotli (${(100 * dataBrotli / results.firstLoad.brotli).toFixed(0)}% of the first load)`);
console.log(`navigation to the overview drawn: median ${results.overviewReadyMs.median.toFixed(0)} ms, max ${results.overviewReadyMs.max.toFixed(0)} ms (${RUNS} runs, loopback)`);
console.log(`navigation to first chart (?view=trends): median ${results.firstChartMs.median.toFixed(0)} ms, max ${results.firstChartMs.max.toFixed(0)} ms (${RUNS} runs, loopback)`);
if (results.datasetDecodeMs) console.log(`dataset decode at start-up: median ${results.datasetDecodeMs.median.toFixed(1)} ms, max ${results.datasetDecodeMs.max.toFixed(1)} ms`);
if (lighthouseResult) {
  console.log(`lighthouse (mobile): ${Object.entries(lighthouseResult.scores).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  ${Object.entries(lighthouseResult.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
console.log(`filter click to updated chart: median ${results.filterToChartMs.median.toFixed(1)} ms, max ${results.filterToChartMs.max.toFixed(1)} ms (${RUNS} clicks)`);
