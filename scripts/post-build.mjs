// Trunk's post_build hook (runs in its staging directory, before dist/ is replaced):
// 1. the Content-Security-Policy: Trunk's wasm loader is an inline module script, allowed by its
//    hash and nothing else; written into index.html's meta tag and a `_headers` file for hosts
//    that read one (Netlify, Cloudflare Pages);
// 2. the dataset's texts (quotes, notes, source titles): build.rs wrote them beside the wasm's
//    build as `texts-<hash>.bin`, and the wasm names the file it will fetch; copied into the bundle;
// 3. the whole dataset as open data (CSVs, README, datapackage.json, atlas-data.zip), written by
//    build.rs from the same loader into `open-data/` beside the texts; copied into `data/`. A
//    download, not part of the page: the service worker precaches none of it (it lists the files
//    at the top level and the link shells' directory, 6., only);
// 4. the service worker, with the exact list of this build's hashed assets to precache;
// 5. the overview's cards and industries, both languages, into index.html's shell: the committed
//    public/overview-shell.html, written by `cargo run --bin overview_shell` (src/shell.rs) from
//    the core functions the app draws them with, so the served page's first screen is the
//    overview's real content (issue 26). No cargo call here (a host build inside Trunk would cost
//    minutes on a fresh machine); tests/index_html.rs fails while the file differs from the app's;
// 6. a chart link's first screen (issue 26's next lever): the committed public/link-shells.html
//    (each prerendered link's view, both languages, hidden until the head's script adds the rule
//    that shows the link it names) and public/link-shell-summaries.html (their phone summary lines), both
//    written by `cargo run --bin link_shells` (src/shell/links.rs), into index.html's shell; their
//    charts' options are files in `link-shells/` (Trunk's copy-dir), moved here to
//    `link-shells-<hash of their names and contents>/` and that name written into the head's
//    script (before the CSP hashes it), so a page of one build never draws another build's figures
//    (a host or browser cache holding the old files under the old name), and precached by the
//    service worker (cache first, as every hashed asset): offline, such a link draws its chart;
// 7. no `<link rel="preload">` of the wasm: Trunk's loader fetches it as soon as the page is
//    parsed, after the shell's first paint, so on a slow link it does not share the bandwidth with
//    the stylesheet the first paint waits for. Measured (issue 26, README Performance): with the
//    preload, Lighthouse's simulated LCP is the wasm's arrival (3.3 s) although the largest paint
//    is the shell's; without it, the shell's (1.1 s).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set');

const wasm = readdirSync(staging).find((name) => name.endsWith('.wasm'));
if (!wasm) throw new Error('post-build: no .wasm in the staging directory');
const textsFile = readFileSync(join(staging, wasm)).toString('latin1').match(/texts-[0-9a-f]{16}\.bin/)?.[0];
if (!textsFile) throw new Error('post-build: the wasm names no texts-<hash>.bin');
const buildDirs = join(process.env.CARGO_TARGET_DIR || join(process.env.TRUNK_SOURCE_DIR || '.', 'target'), 'wasm32-unknown-unknown');
// Of build.rs's output directories holding this texts file (an unchanged dataset keeps its name
// across builds, so stale directories may too), the one it wrote last.
const textsSource = readdirSync(buildDirs)
  .map((profile) => join(buildDirs, profile, 'build'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name, 'out', textsFile)))
  .filter((path) => existsSync(path))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!textsSource) throw new Error(`post-build: build.rs's ${textsFile} is not under ${buildDirs}`);
copyFileSync(textsSource, join(staging, textsFile));
const openData = join(dirname(textsSource), 'open-data');
if (!existsSync(join(openData, 'datapackage.json'))) throw new Error(`post-build: build.rs wrote no open data in ${openData}`);
mkdirSync(join(staging, 'data'), { recursive: true });
for (const name of readdirSync(openData)) copyFileSync(join(openData, name), join(staging, 'data', name));
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const placeholder = '<!-- overview content: written by scripts/post-build.mjs -->';
if (!index.includes(placeholder)) throw new Error('post-build: index.html has no overview content placeholder');
const overviewFile = join(process.env.TRUNK_SOURCE_DIR || '.', 'public', 'overview-shell.html');
if (!existsSync(overviewFile)) throw new Error(`post-build: ${overviewFile} is missing (cargo run --bin overview_shell writes it)`);
const overview = readFileSync(overviewFile, 'utf8');
if (!overview.includes('class="card"')) throw new Error(`post-build: ${overviewFile} has no cards (cargo run --bin overview_shell writes it)`);
index = index.replace(placeholder, () => overview);
for (const [file, marker, check] of [
  ['link-shells.html', '<!-- link views: written by scripts/post-build.mjs -->', 'data-shell-chart='],
  ['link-shell-summaries.html', '<!-- link summaries: written by scripts/post-build.mjs -->', 'class="shell-link"'],
]) {
  const path = join(process.env.TRUNK_SOURCE_DIR || '.', 'public', file);
  if (!index.includes(marker)) throw new Error(`post-build: index.html has no place for ${file}`);
  const fragment = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (!fragment.includes(check)) throw new Error(`post-build: ${path} is missing or empty (cargo run --bin link_shells writes it)`);
  index = index.replace(marker, () => fragment);
}
// The charts' options of the prerendered links, under a name from their contents (6. above).
const shellsDir = join(staging, 'link-shells');
const shellFiles = existsSync(shellsDir) ? readdirSync(shellsDir).filter((name) => name.endsWith('.json')).sort() : [];
if (!shellFiles.length) throw new Error(`post-build: ${shellsDir} holds no chart options (cargo run --bin link_shells writes them)`);
const shellsDigest = createHash('sha256');
for (const name of shellFiles) shellsDigest.update(name).update(readFileSync(join(shellsDir, name)));
const shellsName = `link-shells-${shellsDigest.digest('hex').slice(0, 16)}`;
renameSync(shellsDir, join(staging, shellsName));
const shellsPlaceholder = "'__LINK_SHELLS_DIR__'";
if (!index.includes(shellsPlaceholder)) throw new Error("post-build: index.html's head script has no '__LINK_SHELLS_DIR__'");
index = index.replace(shellsPlaceholder, () => JSON.stringify(`${shellsName}/`).replace(/"/g, "'"));
const wasmPreload = /<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>\s*/;
if (!wasmPreload.test(index)) throw new Error('post-build: Trunk wrote no wasm preload to remove');
index = index.replace(wasmPreload, '');

const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // Leptos and ECharts set style attributes (chips, tooltips); no remote style is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
if (!index.includes('__CSP__')) throw new Error('post-build: index.html has no __CSP__ placeholder');
index = index.replace('__CSP__', policy);
writeFileSync(indexPath, index);
// For hosts that read `_headers` (Netlify, Cloudflare Pages); README "Publishing" lists them for
// the others. The service worker is revalidated on every visit, or a CDN's default could pin an
// old build; the data files are downloads.
writeFileSync(join(staging, '_headers'), [
  '/*',
  `  Content-Security-Policy: ${policy}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  // A host's default caching must not pin an old worker (browsers cap it at a day anyway).
  '/sw.js',
  '  Cache-Control: no-cache',
  '/data/*',
  '  Cache-Control: no-cache',
  '/data/atlas-data.zip',
  '  Content-Disposition: attachment; filename="atlas-data.zip"',
  '',
].join('\n'));

// Everything the page can need offline, the lazily loaded ECharts and map included.
const assets = readdirSync(staging)
  .filter((name) => statSync(join(staging, name)).isFile())
  .filter((name) => !/^(sw\.js|_headers)$/.test(name) && !/\.(br|gz)$/.test(name))
  .concat(shellFiles.map((name) => `${shellsName}/${name}`))
  .sort();
// From the files' contents, not their names: echarts.js and beijing.json keep one name across builds.
const digest = createHash('sha256');
for (const name of assets) digest.update(name).update(readFileSync(join(staging, name)));
const version = digest.digest('hex').slice(0, 12);
const template = readFileSync(join(staging, 'sw.js'), 'utf8');
writeFileSync(join(staging, 'sw.js'), template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__ASSETS__']", JSON.stringify(['./', ...assets])));
