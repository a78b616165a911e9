// Does this machine's Chromium honour WebAssembly compilation hints (issue 26, branch `mount`)?
//   node scripts/wasm-hints-check.mjs
// Builds a three-function module in memory, with and without a `metadata.code.compilation_priority`
// custom section (the compilation-hints proposal, in V8's own encoding: function index, byte
// offset 0, hint length, compilation priority 0) naming the middle function, or V8's older
// `compilationHints` section marking it eager, instantiates each
// the three ways a page can (sync, `instantiate`, `instantiateStreaming`: Trunk's loader uses the
// last) and asks V8 (`%IsUncompiledWasmFunction`, hence `--allow-natives-syntax`, which changes
// nothing else) which functions are compiled before their first call. Once as a page gets it, once
// with V8's `--wasm-compilation-hints` (off by default in Chromium 156). Prints a line per case;
// "compiled" in the middle without the flag would mean a page could ask for it.
import { chromium } from '@playwright/test';

const enc = (v) => { const out = []; do { let x = v & 0x7f; v >>>= 7; if (v) x |= 0x80; out.push(x); } while (v); return out; };
const section = (id, body) => [id, ...enc(body.length), ...body];
const name = (s) => [...enc(s.length), ...Buffer.from(s)];
const body = (k) => { const code = [0, 0x41, k, 0x0b]; return [...enc(code.length), ...code]; }; // no locals; i32.const k; end
const hints = {
  priority: section(0, [...name('metadata.code.compilation_priority'), 1, ...enc(1), 0, 1, 0]),
  // V8's older `compilationHints` section (2019): one byte per function, 0x02 = eager.
  old: section(0, [...name('compilationHints'), 3, 0x00, 0x02, 0x00]),
};
const module = (hinted) => [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, [1, 0x60, 0, 1, 0x7f]), // one type: [] -> [i32]
  ...section(3, [3, 0, 0, 0]), // three functions of it
  ...section(7, [3, ...name('f0'), 0, 0, ...name('f1'), 0, 1, ...name('f2'), 0, 2]),
  ...(hinted ? hints[hinted] : []), // before the code section, so a streaming compile sees it first
  ...section(10, [3, ...body(1), ...body(2), ...body(3)])];

for (const flags of ['', '--wasm-compilation-hints']) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', `--js-flags=--allow-natives-syntax ${flags}`] });
  const page = await browser.newPage();
  console.log(`${await browser.version()}, V8 flags: ${flags || '(none, as a page gets it)'}`);
  for (const hinted of [null, 'priority', 'old']) {
    const states = await page.evaluate(async (bytes) => {
      const out = {};
      for (const how of ['sync', 'instantiate', 'instantiateStreaming']) {
        const buf = new Uint8Array(bytes);
        const instance = how === 'sync' ? new WebAssembly.Instance(new WebAssembly.Module(buf))
          : how === 'instantiate' ? (await WebAssembly.instantiate(buf)).instance
            : (await WebAssembly.instantiateStreaming(new Response(buf, { headers: { 'content-type': 'application/wasm' } }))).instance;
        const e = instance.exports; // read by the natives call below
        out[how] = ['f0', 'f1', 'f2'].map((f) => (eval(`%IsUncompiledWasmFunction(e.${f})`) ? 'lazy' : 'compiled')).join(', ');
      }
      return out;
    }, module(hinted));
    for (const [how, state] of Object.entries(states)) console.log(`  ${{ priority: 'f1 hinted', old: 'f1 eager (old section)' }[hinted] ?? 'no hints'}, ${how}: f0, f1, f2: ${state}`);
  }
  await browser.close();
}
