// The built page (dist/) served from 127.0.0.1, a headless Chromium to open it, and a
// polling wait for what the page shows: what the end-to-end tests (tests/e2e/) and the
// page benchmarks (scripts/bench-browser.mjs) share.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Why the page cannot be opened (no build, no Chromium), or null. */
export function missing(dist = DIST) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    return `no ${dist}/index.html: build first with \`trunk build --release --offline\``;
  }
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (run scripts/setup.sh, or set CHROMIUM)`;
  return null;
}

/** A static file server for dist/ (or another build's directory) on a free port of 127.0.0.1. */
export function serveDist(dist = DIST) {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = path.join(dist, urlPath === '/' ? 'index.html' : urlPath);
      if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

/** The system Chromium, headless, without the background traffic that slows a test. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Polls `check` (which returns a truthy value or throws) until it passes, then returns
 * it; after `timeout` ms, throws naming `what` and the last answer. */
export async function until(what, check, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = `got ${JSON.stringify(value)}`;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (${last})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
