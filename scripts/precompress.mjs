// Writes .br and .gz beside each asset in dist/, so a static host (and our test server) can serve
// them precompressed. Skips files whose compressed copies are newer.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const compressible = /\.(html|js|css|wasm|json|svg|webmanifest|bin)$/;
for (const name of readdirSync(dist)) {
  const file = join(dist, name);
  if (!compressible.test(name) || !statSync(file).isFile()) continue;
  const fresh = (copy) => existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs;
  const body = readFileSync(file);
  if (!fresh(`${file}.br`)) {
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  if (!fresh(`${file}.gz`)) writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
}
