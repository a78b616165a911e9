// Profiles the page's start-up and a filter click in headless Chromium: every main-thread task
// over the long-task line, and what each is made of (issue 26). Figures are reported, never asserted.
//   node scripts/profile-start.mjs [--root dist[,DIR…]] [--runs N] [--throttle 1,4]
//                                  [--pages overview,chart] [--click] [--trace-dir DIR]
//                                  [--js-flags '--flag …'] (V8 flags for the browser, for experiments)
// Pages: `overview` (/) and `chart` (?view=trends&sector=integrated_circuits), on Lighthouse's
// mobile screen (412 × 823, touch), from a fresh context (no cache, no service worker), each at
// every CPU slowdown in --throttle (`Emulation.setCPUThrottlingRate`). A task is long over 50 ms
// at the slowdown it ran under: 50 ms ÷ 4 = 12.5 ms unthrottled counts as long at 4×.
// Until the page is idle: the overview's sparklines or the chart drawn, then 3 s (× the slowdown)
// of quiet, so the idle work (the texts, the service worker) is in the trace.
// A task's parts come from the trace (devtools.timeline, v8, blink.user_timing): wasm compile and
// instantiate, script evaluation (by file), style, layout, paint, GC, and the page's own
// measures: `atlas-dataset-decoded`, ECharts' `init` and `setOption` (wrapped here as measures
// `echarts.init` / `echarts.setOption`), and the elements each task added to the page (a
// MutationObserver names the added subtrees and their element counts, as `dom+` marks).
// Several roots (--root dist,DIR: another build's output) are traced in interleaved rounds and compared in a
// last table of medians: long tasks before the first drawing, and the app's mount task.
// --click adds a filter click's profile: ten sector checkbox clicks on
// `?view=trends&indicator=cluster_scale_threshold` at the bench's desktop width (its filter row),
// each click's task(s).
// --trace-dir keeps each trace as JSON for chrome://tracing or the DevTools' Performance panel.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './static-server.mjs';

const { values: args } = parseArgs({
  options: { root: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '1' },
    throttle: { type: 'string', default: '1,4' }, pages: { type: 'string', default: 'overview,chart' },
    click: { type: 'boolean', default: false }, 'trace-dir': { type: 'string' }, 'js-flags': { type: 'string' } },
});
const PAGES = { overview: '', chart: '?view=trends&sector=integrated_circuits' };
const CLICK_PAGE = '?view=trends&indicator=cluster_scale_threshold';
const SCREEN = { width: 412, height: 823 };
const CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute',
  'disabled-by-default-v8.compile', 'blink.user_timing', 'loading', 'blink', 'v8.wasm', 'disabled-by-default-v8.wasm'];

// Installed before the page's scripts: names what each task adds to the page, and times ECharts'
// init and setOption, as user-timing entries the trace carries.
const INSTRUMENT = () => {
  const describe = (el) => {
    const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}`;
  };
  const count = (el) => 1 + el.getElementsByTagName('*').length;
  // An added subtree with a few large parts is named by its parts (the app's sections).
  const summary = (el) => {
    const n = count(el);
    const parts = [...el.children].map((c) => [describe(c), count(c)]).filter(([, k]) => k >= 15);
    return parts.length > 1 && n > 60 ? `${describe(el)} ${n} (${parts.map(([d, k]) => `${d} ${k}`).join(', ')})` : `${describe(el)} ${n}`;
  };
  new MutationObserver((records) => {
    const added = [];
    for (const r of records) for (const node of r.addedNodes) if (node.nodeType === 1 && node.isConnected) added.push(node);
    const top = added.filter((n) => !added.some((other) => other !== n && other.contains(n)));
    const total = top.reduce((sum, n) => sum + count(n), 0);
    if (total >= 5) performance.mark(`dom+ ${total}: ${top.sort((a, b) => count(b) - count(a)).slice(0, 3).map(summary).join('; ')}`);
  }).observe(document, { childList: true, subtree: true });
  const timed = (name, f, self) => function (...rest) {
    const start = performance.now();
    try { return f.apply(this ?? self, rest); } finally { performance.measure(name, { start, end: performance.now() }); }
  };
  let echarts;
  Object.defineProperty(window, 'echarts', {
    configurable: true,
    get: () => echarts,
    set: (value) => {
      echarts = value;
      if (!value || value.__profiled) return;
      const init = value.init;
      value.init = function (...rest) {
        const start = performance.now();
        const chart = init.apply(value, rest);
        performance.measure('echarts.init', { start, end: performance.now() });
        chart.setOption = timed('echarts.setOption', chart.setOption, chart);
        return chart;
      };
      value.__profiled = true;
    },
  });
};

// One trace: the events of the page's renderer main thread.
function mainThread(events, url) {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(url.split('?')[0]));
  // Without the page's parse in the trace (a click's), the renderer main thread that ran most.
  const busiest = () => {
    const runs = new Map();
    for (const e of events) if (e.name === 'RunTask' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') runs.set(`${e.pid}:${e.tid}`, (runs.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    return [...runs].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const key = parse ? `${parse.pid}:${parse.tid}` : busiest();
  const own = events.filter((e) => `${e.pid}:${e.tid}` === key);
  const start = own.find((e) => e.name === 'navigationStart')?.ts ?? parse?.ts ?? own[0]?.ts;
  return { own, start, key };
}

// What an event's time is counted as (null: the nearest labelled ancestor's).
function labelOf(e) {
  const n = e.name;
  const data = e.args?.data ?? e.args?.beginData ?? {};
  if (n === 'performance.measure' || e.cat === 'blink.user_timing') return n.startsWith('atlas-') || n.startsWith('echarts.') ? n : null;
  if (/wasm/i.test(n) || /wasm/i.test(e.cat)) return 'wasm compile/instantiate';
  if (/^(v8\.compile|V8\.CompileCode|v8\.compileModule|V8\.ScriptCompiler|v8\.parseOnBackground)/.test(n)) return 'JS compile';
  if (n === 'EvaluateScript' || n === 'v8.evaluateModule') return `script eval ${String(data.url ?? '').split('/').pop() || 'inline'}`;
  if (n === 'UpdateLayoutTree' || n === 'RecalculateStyles' || n === 'ParseAuthorStyleSheet') return 'style';
  if (n === 'Layout') return 'layout';
  if (['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit', 'PaintImage', 'RasterTask'].includes(n)) return 'paint';
  if (n === 'ParseHTML') return 'parse HTML';
  if (/GC|Scavenge|MarkCompact/.test(n)) return 'GC';
  if (n === 'ResourceReceivedData' || n === 'ResourceFinish' || n === 'ResourceReceiveResponse') return 'network events';
  if (n === 'FireIdleCallback') return 'script (idle callback)';
  if (n === 'TimerFire') return 'script (timer)';
  if (n === 'FireAnimationFrame') return 'script (animation frame)';
  if (n === 'EventDispatch') return `script (${data.type ?? 'event'})`;
  if (n === 'FunctionCall') return 'script (callback)';
  if (n === 'v8.run' || n === 'v8.callFunction' || n === 'RunMicrotasks' || n === 'V8.RunMicrotasks') return null;
  return null;
}

// The top-level tasks over `longMs` and their parts: exclusive time per label, each event's own
// time going to its label or its nearest labelled ancestor's.
function longTasks(events, url, throttle, until = Infinity, longMs = 50 / throttle) {
  const { own, start } = mainThread(events, url);
  // Measures (async b/e pairs) become spans on the thread, nested like the rest.
  const spans = own.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const open = new Map();
  for (const e of own.filter((e) => e.cat?.includes('blink.user_timing') && (e.ph === 'b' || e.ph === 'e'))) {
    const id = `${e.name}:${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(id, e);
    else if (open.has(id)) { const b = open.get(id); open.delete(id); spans.push({ ...b, ph: 'X', dur: e.ts - b.ts }); }
  }
  const marks = own.filter((e) => e.cat?.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n') && e.name.startsWith('dom+'));
  const tasks = spans.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur / 1000 > longMs && (e.ts - start) / 1000 < until);
  // Nested RunTasks (a task inside a task) count once.
  const top = tasks.filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur && o.dur > t.dur));
  return top.map((task) => {
    const inside = spans.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const parts = new Map();
    // A stack walk: each event's exclusive time, labelled.
    const stack = [{ ts: task.ts, end: task.ts + task.dur, label: 'other (task overhead)', child: 0 }];
    const close = (frame) => { const self = frame.end - frame.ts - frame.child; parts.set(frame.label, (parts.get(frame.label) ?? 0) + Math.max(0, self)); };
    for (const e of inside) {
      while (stack.length > 1 && e.ts >= stack.at(-1).end) close(stack.pop());
      const parent = stack.at(-1);
      const end = Math.min(e.ts + e.dur, parent.end);
      parent.child += end - e.ts;
      stack.push({ ts: e.ts, end, label: labelOf(e) ?? parent.label, child: 0 });
    }
    while (stack.length) close(stack.pop());
    const dom = marks.filter((m) => m.ts >= task.ts && m.ts <= task.ts + task.dur).map((m) => m.name.slice(5));
    const lazy = inside.filter((e) => e.name === 'wasm.CompileLazy');
    const compiled = lazy.length;
    const compiledMs = lazy.reduce((sum, e) => sum + e.dur / 1000, 0);
    const sorted = [...parts].map(([label, us]) => [label, us / 1000]).filter(([, ms]) => ms >= 1).sort((a, b) => b[1] - a[1]);
    return { at: (task.ts - start) / 1000, ms: task.dur / 1000, parts: sorted, dom, compiled, compiledMs };
  });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    ...(args['js-flags'] ? [`--js-flags=${args['js-flags']}`] : [])] });
// --root may name several builds, comma-separated (a baseline: a copy of another build's dist/).
const roots = args.root.split(',');
const servers = await Promise.all(roots.map((root) => startServer({ root, port: 0 })));
const bases = servers.map((server) => `http://127.0.0.1:${server.address().port}/`);
const base = bases[0];
if (args['trace-dir']) mkdirSync(args['trace-dir'], { recursive: true });

async function traced(url, throttle, work, name) {
  const context = await browser.newContext({ bypassCSP: true, viewport: SCREEN, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  try {
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { timeout: 120_000 });
    const extra = await work(page);
    const buffer = await browser.stopTracing();
    if (args['trace-dir']) writeFileSync(join(args['trace-dir'], `${name}.json`), buffer);
    return { events: JSON.parse(buffer.toString()).traceEvents, ...extra };
  } finally { await context.close(); }
}

// The overview's sparklines or the first chart drawn (page clock), then quiet until idle.
const drawn = (page) => page.evaluate(() => new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector('main [data-chart]');
    const chart = el && window.echarts && window.echarts.getInstanceByDom(el);
    if (document.querySelector('main .card svg.sparkline[data-sparkline] circle') || chart?.getOption().series?.[0]?.data?.length) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
}));

const fmt = (x) => x.toFixed(0);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
// Each root's pages in interleaved rounds (this machine's speed drifts): one table per trace,
// then medians per root, page and slowdown.
const summary = new Map();
for (let run = 0; run < Number(args.runs); run++) {
  for (const page of args.pages.split(',')) {
    for (const throttle of args.throttle.split(',').map(Number)) {
      for (const [r, base] of bases.entries()) {
        const url = `${base}${PAGES[page]}`;
        const { events, readyMs } = await traced(url, throttle, async (p) => {
          const readyMs = await drawn(p);
          await p.waitForTimeout(3000 * throttle);
          return { readyMs };
        }, `${page}-${throttle}x-${r}-${run}`);
        const tasks = longTasks(events, url, throttle);
        const { own } = mainThread(events, url);
        const lazy = own.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X');
        const lazyMs = lazy.reduce((sum, e) => sum + e.dur / 1000, 0);
        const before = tasks.filter((t) => t.at < readyMs);
        const blocking = before.reduce((sum, t) => sum + Math.max(0, t.ms - 50 / throttle), 0);
        const mount = tasks.find((t) => t.dom.some((d) => d.includes('div.app')));
        const key = `${roots[r]} | ${page} | ${throttle}×`;
        if (!summary.has(key)) summary.set(key, []);
        summary.get(key).push({ readyMs, count: before.length, blocking, longest: Math.max(0, ...before.map((t) => t.ms)), mount: mount?.ms ?? 0, mountCompiled: mount?.compiled ?? 0, mountCompiledMs: mount?.compiledMs ?? 0 });
        console.log(`\n## ${roots[r]}: ${page} (${PAGES[page] || '/'}), ${throttle}× CPU, run ${run + 1}: drawn at ${fmt(readyMs)} ms; `
          + `${before.length} long task(s) before it, blocking ${fmt(blocking)} ms (over ${50 / throttle} ms each); ${tasks.length} until idle; `
          + `wasm functions compiled on first call (main thread): ${lazy.length}, ${fmt(lazyMs)} ms`);
        console.log('| at, ms | task, ms | made of (ms) | added to the page |\n|---:|---:|---|---|');
        for (const t of tasks) {
          const parts = t.parts.map(([l, ms]) => `${l} ${fmt(ms)}${l === 'wasm compile/instantiate' && t.compiled ? ` (${t.compiled} functions)` : ''}`);
          console.log(`| ${fmt(t.at)} | ${fmt(t.ms)} | ${parts.join('; ')} | ${t.dom.join(' / ').replace(/\|/g, '\\|') || ''} |`);
        }
      }
    }
  }
}
if (summary.size) {
  console.log(`\n## Medians of ${args.runs} run(s), Chromium ${await browser.version()}, V8 flags: ${args['js-flags'] || '(none)'}\n| root | page | CPU | drawn, ms | long tasks before it | blocking, ms | longest, ms | the app's mount task, ms | wasm functions compiled in it: count / ms |\n|---|---|---|---:|---:|---:|---:|---:|---:|`);
  for (const [key, runs] of summary) {
    const m = (f) => fmt(median(runs.map(f)));
    console.log(`| ${key} | ${m((x) => x.readyMs)} | ${m((x) => x.count)} | ${m((x) => x.blocking)} | ${m((x) => x.longest)} | ${m((x) => x.mount)} | ${m((x) => x.mountCompiled)} / ${m((x) => x.mountCompiledMs)} |`);
  }
}

if (args.click) {
  for (const throttle of args.throttle.split(',').map(Number)) {
    const url = `${base}${CLICK_PAGE}`;
    // The bench's context: Playwright's default desktop screen, where the sector checkboxes are
    // in the filter row (on a phone they sit in the closed sheet).
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 720 } });
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-chart="trend"]');
      return el && window.echarts?.getInstanceByDom(el)?.getOption().series.length > 0;
    });
    await page.waitForTimeout(2000);
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await browser.startTracing(page, { categories: CATEGORIES });
    const times = [];
    for (let i = 0; i < 10; i++) {
      // As the bench: the click to getOption().series holding the new series.
      times.push(await page.evaluate((index) => new Promise((resolve) => {
        const chart = window.echarts.getInstanceByDom(document.querySelector('[data-chart="trend"]'));
        const names = () => JSON.stringify(chart.getOption().series.filter(Boolean).map((s) => s.name));
        const before = names();
        const channel = new MessageChannel();
        const start = performance.now();
        channel.port1.onmessage = () => (names() === before ? channel.port2.postMessage(0) : resolve(performance.now() - start));
        document.querySelectorAll('input[type=checkbox][name=sector]')[index].click();
        channel.port2.postMessage(0);
      }), i % 2));
      await page.waitForTimeout(300);
    }
    const buffer = await browser.stopTracing();
    if (args['trace-dir']) writeFileSync(join(args['trace-dir'], `click-${throttle}x.json`), buffer);
    await context.close();
    const events = JSON.parse(buffer.toString()).traceEvents;
    // Every task over 2 ms, whatever the slowdown: these are the click's own tasks.
    const tasks = longTasks(events, url, throttle, Infinity, 2);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`\n## filter click, ${throttle}× CPU: click → series updated, median ${sorted[5].toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(', ')})`);
    console.log('| at, ms | task, ms | made of (ms) | added to the page |\n|---:|---:|---|---|');
    for (const t of tasks) console.log(`| ${fmt(t.at)} | ${t.ms.toFixed(1)} | ${t.parts.map(([l, ms]) => `${l} ${ms.toFixed(1)}`).join('; ')} | ${t.dom.join(' / ').replace(/\|/g, '\\|')} |`);
  }
}

await browser.close();
for (const server of servers) server.close();
