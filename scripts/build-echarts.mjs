// Builds build/echarts.js (the custom ECharts bundle) and copies the district boundaries to
// build/beijing.json. Trunk runs it before every build; it does nothing when outputs are fresh.
import { build } from 'esbuild';
import { minify } from 'terser';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');
mkdirSync(out, { recursive: true });

const newer = (output, inputs) =>
  existsSync(output) && inputs.every((input) => statSync(input).mtimeMs <= statSync(output).mtimeMs);

const entry = join(root, 'scripts/echarts-entry.js');
const bundle = join(out, 'echarts.js');
const echartsPackage = join(root, 'node_modules/echarts/package.json');
if (!newer(bundle, [entry, echartsPackage, fileURLToPath(import.meta.url)])) {
  const bundled = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2019',
    write: false, legalComments: 'none', logLevel: 'warning',
  });
  // terser's second compress pass after esbuild's minify: 182.5 → 175.8 KB brotli (issue 26,
  // measured 2026-12-02); a third pass gains 0.05 KB for another ~20 s of build.
  const minified = await minify(bundled.outputFiles[0].text, {
    ecma: 2019, compress: { passes: 2 }, mangle: true, format: { comments: false },
  });
  writeFileSync(bundle, minified.code);
}

// Apache-2.0, from npm echarts@4.9.0 (aliased as echarts-map-source): Beijing's 16 districts.
const mapSource = join(root, 'node_modules/echarts-map-source/map/json/province/beijing.json');
const map = join(out, 'beijing.json');
if (!newer(map, [mapSource])) copyFileSync(mapSource, map);
