// A small static server for dist/, on loopback only: the tests and the bench use it, and it
// serves under a sub-path (--base /atlas/) to prove the bundle needs no server rewrites.
// Serves precompressed .br/.gz copies when the client accepts them.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const root = args.root || 'dist';
const port = Number(args.port || 4173);
const base = (args.base || '/').replace(/\/?$/, '/');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ root, port, base = '/' }) {
  // Links can carry long (even hostile, 100 KB) query strings; the page must get to see them.
  const server = createServer({ maxHeaderSize: 512 * 1024 }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    let relative = path.slice(base.length) || 'index.html';
    if (relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(normalize(root)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    const accepts = req.headers['accept-encoding'] || '';
    let body;
    if (/\bbr\b/.test(accepts) && existsSync(`${file}.br`)) { body = readFileSync(`${file}.br`); headers['Content-Encoding'] = 'br'; }
    else if (/\bgzip\b/.test(accepts) && existsSync(`${file}.gz`)) { body = readFileSync(`${file}.gz`); headers['Content-Encoding'] = 'gzip'; }
    else body = readFileSync(file);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startServer({ root, port, base });
  console.log(`serving ${root} at http://127.0.0.1:${port}${base}`);
}
