// Writes .br and .gz beside each asset in dist/, so a static host (and our test server) can serve
// them precompressed. Skips files whose compressed copies are newer.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const compressible = /\.(html|js|css|wasm|json|svg|webmanifest|bin)$/;
// The top level, and the prerendered links' chart options (`link-shells-<hash>/`, post-build.mjs).
const names = readdirSync(dist).flatMap((name) => (/^link-shells-[0-9a-f]+$/.test(name) && statSync(join(dist, name)).isDirectory()
  ? readdirSync(join(dist, name)).map((file) => join(name, file))
  : [name]));
for (const name of names) {
  const file = join(dist, name);
  if (!compressible.test(name) || !statSync(file).isFile()) continue;
  const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs;
  const body = readFileSync(file);
  if (!fresh(`${file}.br`)) {
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  if (!fresh(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}
