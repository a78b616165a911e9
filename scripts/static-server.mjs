// A small static server for dist/, on loopback only: the tests and the bench use it, and it
// serves under a sub-path (--base /atlas/) to prove the bundle needs no server rewrites.
// Serves precompressed .br/.gz copies when the client accepts them, as a production host would.
//   node scripts/static-server.mjs --root dist --port 4173 [--base /atlas/] [--verbose]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ root = 'dist', port = 4173, base = '/', verbose = false }) {
  const top = resolve(root);
  base = base.replace(/^\/?/, '/').replace(/\/?$/, '/');
  // Links can carry long (even hostile, 100 KB) query strings; the page must get to see them.
  const server = createServer({ maxHeaderSize: 512 * 1024 }, (req, res) => {
    const reply = (status, headers, body) => {
      if (verbose) console.log(`${status} ${req.method} ${req.url.slice(0, 200)}`);
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    let path;
    // A malformed escape (%E0%A4%A) must cost one request a 400, not the whole test run its server.
    try { path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname); } catch {
      return reply(400, {}, 'bad request');
    }
    if (!path.startsWith(base)) return reply(404, {}, 'not found');
    let relative = path.slice(base.length) || 'index.html';
    if (relative.endsWith('/')) relative += 'index.html';
    const file = join(top, relative);
    // join() has resolved any `..`; what is left must still be inside root (not a sibling like dist2/).
    if (!file.startsWith(top + sep) || !existsSync(file) || !statSync(file).isFile()) return reply(404, {}, 'not found');
    // no-cache, not no-store: the service worker and the browser revalidate, never serve stale builds.
    const headers = { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const accepts = req.headers['accept-encoding'] || '';
    let body;
    if (/\bbr\b/.test(accepts) && existsSync(`${file}.br`)) { body = readFileSync(`${file}.br`); headers['Content-Encoding'] = 'br'; }
    else if (/\bgzip\b/.test(accepts) && existsSync(`${file}.gz`)) { body = readFileSync(`${file}.gz`); headers['Content-Encoding'] = 'gzip'; }
    else body = readFileSync(file);
    headers['Content-Length'] = body.length;
    return reply(200, headers, body);
  });
  return new Promise((done, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', () => done(server)); });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { root: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4173' },
      base: { type: 'string', default: '/' }, verbose: { type: 'boolean', default: false } },
  });
  const server = await startServer({ ...values, port: Number(values.port) });
  if (values.verbose) console.log(`serving ${values.root} at http://127.0.0.1:${server.address().port}${values.base}`);
}
