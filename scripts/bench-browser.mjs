// The page's benchmarks in headless Chromium: opens dist/ with `?bench` (or
// `?bench=quick`), where src/ui runs src/bench's lifecycle and lesson workloads in wasm
// and writes one JSON object into <pre id="bench">, and prints that object.
//
//   source scripts/env.sh && trunk build --release --offline
//   node scripts/bench-browser.mjs [--quick]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// A full run does a million lifecycles and an hour of lesson in one synchronous call.
const TIMEOUT_MS = 300_000;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

function fail(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(2);
}

/** A static file server for dist/ on a free port of 127.0.0.1. */
function serveDist() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer((req, res) => {
      const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = path.join(DIST, urlPath === '/' ? 'index.html' : urlPath);
      if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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

const args = process.argv.slice(2);
const unknown = args.find((a) => a !== '--quick');
if (unknown) fail(`unexpected argument '${unknown}'\nusage: node scripts/bench-browser.mjs [--quick]`);
const query = args.includes('--quick') ? '?bench=quick' : '?bench';
if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  fail(`no ${DIST}/index.html: build first with \`trunk build --release --offline\``);
}
if (!fs.existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (run scripts/setup.sh, or set CHROMIUM)`);

const server = await serveDist();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/${query}`);
  const pre = page.locator('pre#bench');
  await pre.waitFor({ timeout: TIMEOUT_MS }).catch(() => fail(`no <pre id="bench"> in time; page errors: ${errors.join('; ') || 'none'}`));
  const json = JSON.parse(await pre.textContent());
  json.user_agent = await page.evaluate(() => navigator.userAgent);
  console.log(JSON.stringify(json));
} finally {
  await browser.close();
  server.close();
}
