// Builds build/echarts.js (the custom ECharts bundle) and copies the district boundaries to
// build/beijing.json. Trunk runs it before every build; it does nothing when outputs are fresh.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
  await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'iife', target: 'es2019',
    outfile: bundle, legalComments: 'none', logLevel: 'warning',
  });
}

// Apache-2.0, from npm echarts@4.9.0 (aliased as echarts-map-source): Beijing's 16 districts.
const mapSource = join(root, 'node_modules/echarts-map-source/map/json/province/beijing.json');
const map = join(out, 'beijing.json');
if (!newer(map, [mapSource])) copyFileSync(mapSource, map);
