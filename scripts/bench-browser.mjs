// The page's benchmarks in headless Chromium: opens dist/ with `?bench` (or
// `?bench=quick`), where src/ui runs src/bench's lifecycle and lesson workloads in wasm
// and writes one JSON object into <pre id="bench">, and prints that object.
//
//   source scripts/env.sh && trunk build --release --offline
//   node scripts/bench-browser.mjs [--quick]

import { missing, serveDist, launchChromium } from './dist-server.mjs';

// A full run does a million lifecycles and an hour of lesson in one synchronous call.
const TIMEOUT_MS = 300_000;


function fail(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const unknown = args.find((a) => a !== '--quick');
if (unknown) fail(`unexpected argument '${unknown}'\nusage: node scripts/bench-browser.mjs [--quick]`);
const query = args.includes('--quick') ? '?bench=quick' : '?bench';
const problem = missing();
if (problem) fail(problem);
const server = await serveDist();
const browser = await launchChromium();
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
