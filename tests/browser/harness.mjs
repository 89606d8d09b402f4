// What the browser tests share: a static file server over a directory
// (each test chooses the directory and extra headers, such as a CSP) and
// Debian's Chromium launched headless through playwright-core.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** Sends `pathname` from `dir` (a directory's index.html; 403 outside `dir`, 404 when absent), with `headers`. */
export function sendFile(res, dir, pathname, headers = {}) {
  let file = path.join(dir, decodeURIComponent(pathname));
  if (!file.startsWith(dir)) return res.writeHead(403, headers).end();
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) return res.writeHead(404, headers).end('not found');
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
  fs.createReadStream(file).pipe(res);
}

/** An HTTP server on a free local port: `{ server, base }`. */
export async function listen(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Debian's /usr/bin/chromium, headless (a test tool's own browser download cannot work here). */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
