// Where the wasm's code comes from, by crate: a small twiggy. Reads the function bodies and the
// name section of cargo's wasm (before wasm-bindgen and wasm-opt strip the names), so the bytes
// are raw and unoptimised: compare crates with each other, not with the bundle's brotli sizes.
// Generic code counts under the crate that defines it (core's iterators instantiated by the app
// count as core).
//   node scripts/wasm-crates.mjs [target/wasm32-unknown-unknown/release/atlas.wasm] [--most N]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function codeByCrate(path) {
  const wasm = readFileSync(path);
  let at = 8; // past the magic number and version
  const leb = () => {
    let value = 0, shift = 0, byte;
    do { byte = wasm[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const skipLimits = () => { const flags = wasm[at++]; leb(); if (flags & 1) leb(); };
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) { // imports: functions among them shift the body indices
      for (let n = leb(); n > 0; n--) {
        for (let part = 0; part < 2; part++) { const length = leb(); at += length; } // module, field
        const kind = wasm[at++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { at++; skipLimits(); } else if (kind === 2) skipLimits(); else at += 2;
      }
    } else if (id === 10) { // code
      for (let n = leb(); n > 0; n--) { const length = leb(); bodies.push(length); at += length; }
    } else if (id === 0) { // custom: the `name` section's function names
      const length = leb();
      const name = wasm.subarray(at, at + length).toString();
      at += length;
      while (name === 'name' && at < end) {
        const sub = wasm[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) { const index = leb(); const l = leb(); names.set(index, wasm.subarray(at, at + l).toString()); at += l; }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  const crates = new Map();
  bodies.forEach((bytes, i) => {
    const crate = crateOf(names.get(imported + i) ?? '?');
    crates.set(crate, (crates.get(crate) ?? 0) + bytes);
  });
  return [...crates].map(([crate, bytes]) => ({ crate, bytes })).sort((a, b) => b.bytes - a.bytes);
}

// The first path segment of a legacy-mangled name (`_ZN7tachys4view…`), or the crate of the type
// an impl is for (`_ZN…_$LT$reactive_graph..signal..` → reactive_graph).
function crateOf(name) {
  if (/^__wb(indgen|g)_/.test(name)) return 'wasm_bindgen (generated glue)';
  // v0 mangling (`_RNvNtCs…_4core3fmt…`): the first crate root, `C` + disambiguator + name.
  const v0 = name.startsWith('_R') && name.match(/C(?:s[0-9a-zA-Z]*_)?(\d+)([a-z_][a-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  const mangled = name.match(/^_ZN(\d+)(.*)$/);
  if (!mangled) return name.match(/^([a-z_][a-z0-9_]*)::/)?.[1] ?? '(other)';
  const first = mangled[2].slice(0, Number(mangled[1]));
  if (!first.startsWith('_$LT$')) return first;
  const inner = first.slice(5).replace(/^(\$RF\$|mut\$u20\$|\$u5b\$|\(|\$u7b\$)+/, '');
  return inner.match(/^([a-z_][a-z0-9_]*)\.\./)?.[1] ?? '(impls of generic types)';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'target/wasm32-unknown-unknown/release/atlas.wasm';
  const most = Number(process.argv[process.argv.indexOf('--most') + 1]) || 15;
  const crates = codeByCrate(path);
  const total = crates.reduce((sum, c) => sum + c.bytes, 0);
  console.log(`| crate | code KB (raw, before wasm-opt) | share |\n|---|---:|---:|`);
  for (const { crate, bytes } of crates.slice(0, most)) console.log(`| ${crate} | ${(bytes / 1024).toFixed(1)} | ${(100 * bytes / total).toFixed(1)}% |`);
  console.log(`| all ${crates.length} | ${(total / 1024).toFixed(1)} | |`);
}
