// Measures the console's first use against the release build (dist/), in headless Chromium:
// the time from Enter on the first command (which starts the interpreter's worker and
// downloads its WebAssembly) to its output on the page, and the same for a second command
// (the worker warm). Median of 7 fresh browser contexts (empty cache). Figures in
// docs/PERFORMANCE.md ("Page size").
//
//   source scripts/env.sh && trunk build --release --offline
//   node scripts/console-first-use.mjs

import { missing, serveDist, launchChromium } from './dist-server.mjs';

const RUNS = 7;

/** Types `line` into the console, presses Enter, and resolves with the ms until its output shows. */
const timeCommand = (page, line, runs) =>
  page.evaluate(async ({ line, runs }) => {
    const input = document.getElementById('console-input');
    const log = document.querySelector('[aria-label="Console output"]');
    input.value = line;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const done = new Promise((resolve) => {
      const check = () => log.querySelectorAll('pre.run').length > runs;
      const observer = new MutationObserver(() => {
        if (check()) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(log, { childList: true, subtree: true });
    });
    const start = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    return (await done) - start;
  }, { line, runs });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const problem = missing();
if (problem) throw new Error(problem);
const server = await serveDist();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/?seed=1&chaos=off`);
  await page.waitForSelector('#console-input');
  cold.push(await timeCommand(page, 'aws sqs create-queue --queue-name q1', 0));
  warm.push(await timeCommand(page, 'aws sqs list-queues', 1));
  await context.close();
}
await browser.close();
server.close();
const round = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({
  first_console_command_ms_cold: round(median(cold)),
  second_console_command_ms_warm: round(median(warm)),
  cold_runs: cold.map(round),
  warm_runs: warm.map(round),
}, null, 2));
