// The page's benchmarks in headless Chromium, against the release build in dist/:
//
// - engine figures: opens dist/ with `?bench` (or `?bench=quick`), where src/ui runs
//   src/bench's lifecycle and lesson workloads in wasm and writes one JSON object into
//   <pre id="bench">;
// - page figures: time to interactive over several cold loads, and frame times while the
//   clock plays with 10,000 messages in flight (see `pageFigures` for the definitions).
//
// Prints one JSON object with both.
//
//   source scripts/env.sh && trunk build --release --offline
//   node scripts/bench-browser.mjs [--quick] [--only engine|page] [--profile FILE] [--dist DIR]
//
// `--profile FILE` takes a CPU profile of the engine figures through the DevTools protocol,
// writes it to FILE (open it in Chromium's DevTools, Performance panel) and adds `profile`
// to the JSON: self time per function for each workload. Names need a wasm that keeps its
// name section, i.e. a scratch build with `data-keep-debug data-wasm-opt-params="-g"` on
// index.html's rust link (see docs/PERFORMANCE.md "Speed in the page"); otherwise
// functions read `wasm-function[N]`.
//
// `--dist DIR` serves another build instead of dist/: keep each variant's dist/ aside
// (`cp -r dist /tmp/dist-A`) and run them in turn, so that they share the machine's load.

import fs from 'node:fs';
import path from 'node:path';
import { missing, serveDist, launchChromium } from './dist-server.mjs';

// A full run does a million lifecycles and an hour of lesson in one synchronous call.
const TIMEOUT_MS = 300_000;
/// Cold loads measured for time to interactive (the median is reported).
const LOADS = 7;
/// Messages put in flight before frames are sampled.
const IN_FLIGHT = 10_000;
/// Wall time over which animation frames are sampled, per view.
const SAMPLE_MS = 5_000;
/// The clock speed while frames are sampled: at the fastest, every countdown shown moves
/// on every tick, the most work a tick can ask of the page.
const FRAME_SPEED = '1000x';
const VIEWPORT = { width: 1280, height: 800 };

function fail(message) {
  console.error(`bench-browser: ${message}`);
  process.exit(2);
}

const USAGE = 'usage: node scripts/bench-browser.mjs [--quick] [--only engine|page] [--profile FILE] [--dist DIR]';
const args = process.argv.slice(2);
let quick = false;
let only = null;
let profileFile = null;
let dist = undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--quick') quick = true;
  else if (args[i] === '--only' && ['engine', 'page'].includes(args[i + 1])) only = args[++i];
  else if (args[i] === '--profile' && args[i + 1]) profileFile = args[++i];
  else if (args[i] === '--dist' && args[i + 1]) dist = path.resolve(args[++i]);
  else fail(`unexpected argument '${args[i]}'\n${USAGE}`);
}
const problem = missing(dist);
if (problem) fail(problem);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

/// How many functions `--profile` lists per workload.
const PROFILE_TOP = 25;
/// The profiler's sampling interval, in microseconds (Chromium's default is 1,000).
const PROFILE_INTERVAL_US = 100;

async function engineFigures(browser, base) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let cdp = null;
  if (profileFile) {
    // The benchmarks run while the page loads, so the profiler must be running before the
    // navigation; a same-origin page first keeps the renderer (and the session) across it.
    await page.goto(`${base}/profile-blank`);
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await cdp.send('Profiler.start');
  }
  const cpuBefore = await rendererCpuSeconds(browser);
  await page.goto(`${base}/${quick ? '?bench=quick' : '?bench'}`);
  const pre = page.locator('pre#bench');
  await pre.waitFor({ timeout: TIMEOUT_MS }).catch(() => fail(`no <pre id="bench"> in time; page errors: ${errors.join('; ') || 'none'}`));
  const json = JSON.parse(await pre.textContent());
  json.renderer_cpu_ms = round(1000 * ((await rendererCpuSeconds(browser)) - cpuBefore));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    json.profile = selfTimeByWorkload(profile);
  }
  await page.close();
  return json;
}

/// CPU time used so far by the browser's renderer processes. On a shared machine the
/// wall-clock figures wait for a core; this (loading and both workloads together) does not,
/// so it is the steadier figure for comparing two builds.
async function rendererCpuSeconds(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

/// A function's name without its symbol hash (`::h0123456789abcdef`).
const shortName = (name) => name.replace(/::h[0-9a-f]{16}$/, '') || '(anonymous)';

/// Self time per function, split by workload. The page runs the lifecycles and then the
/// lesson in one call, and the size-optimised build inlines both drivers into the entry
/// point, so the split is by time: the lesson starts at the first sample with an actor
/// (`engine::actors`) on its stack, which the lifecycles never run.
function selfTimeByWorkload(profile) {
  const parent = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inActor = (id) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.functionName.includes('engine::actors::')) return true;
    }
    return false;
  };
  const totals = {};
  let workload = 'lifecycles';
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time since the previous one: charge it to this sample.
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const id = profile.samples[i];
    if (workload === 'lifecycles' && inActor(id)) workload = 'lesson';
    const fn = shortName(byId.get(id).callFrame.functionName);
    totals[workload] ??= { total_ms: 0, self_ms: new Map() };
    totals[workload].total_ms += ms;
    totals[workload].self_ms.set(fn, (totals[workload].self_ms.get(fn) ?? 0) + ms);
  }
  const out = {};
  for (const [w, t] of Object.entries(totals)) {
    const top = [...t.self_ms].sort((a, b) => b[1] - a[1]).slice(0, PROFILE_TOP);
    out[w] = {
      total_ms: round(t.total_ms),
      top_self: top.map(([fn, ms]) => ({ fn, ms: round(ms), pct: round((100 * ms) / t.total_ms) })),
    };
  }
  return out;
}

// Installed before the page's own scripts run. Times are `performance.now()`: milliseconds
// since navigation start. `first_render_ms`: the app's root is in the DOM. Interactive: from
// then on, the Play button is clicked (a real click event on a real control) whenever it
// reads "Play" and no click is pending; `interactive_ms` is the first moment it reads
// "Pause", i.e. the first click the app answered with its DOM change. A click that lands
// before the app's listeners are attached is simply not answered and is repeated.
function timeToInteractiveProbe() {
  const marks = (window.__fanoutMarks = { clicks: 0 });
  let pending = false;
  const check = () => {
    if (marks.interactive_ms !== undefined) return;
    if (marks.first_render_ms === undefined && document.querySelector('.app')) {
      marks.first_render_ms = performance.now();
    }
    const play = document.querySelector('section.clock button.play');
    if (!play) return;
    const label = play.textContent.trim();
    if (label === 'Pause') {
      marks.interactive_ms = performance.now();
      observer.disconnect();
    } else if (label === 'Play' && !pending) {
      pending = true;
      marks.clicks += 1;
      play.click();
      // A click the app answered has re-rendered before the next task; one it did not
      // answer is retried then.
      setTimeout(() => {
        pending = false;
        check();
      }, 0);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function coldLoad(browser, base) {
  // A fresh context each time: an empty HTTP cache and no autosave in localStorage.
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(timeToInteractiveProbe);
  await page.goto(`${base}/?seed=1&chaos=off`);
  const marks = await page
    .waitForFunction(() => window.__fanoutMarks?.interactive_ms !== undefined && window.__fanoutMarks, null, {
      timeout: 30_000,
      polling: 50,
    })
    .then((h) => h.jsonValue())
    .catch(() => fail(`the page did not answer a click in 30 s; page errors: ${errors.join('; ') || 'none'}`));
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd, fcp_ms: paint?.startTime };
  });
  await context.close();
  return { ...marks, ...nav };
}

/// Runs `line` in the page's console.
async function consoleRun(page, line) {
  const input = page.getByRole('textbox', { name: 'Console input' });
  await input.fill(line);
  await input.press('Enter');
  // The console runs a line in the keydown handler and then clears the input.
  await page.waitForFunction(() => document.activeElement?.value === '');
}

async function inFlightCount(page, queue) {
  const text = await page.locator('section.queues button.queue', { hasText: queue }).innerText();
  const m = /(\d+) in flight/.exec(text);
  return m ? Number(m[1]) : 0;
}

/// Intervals between animation frames over `ms` of wall time, in the page.
function sampleFrames(page, ms) {
  return page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const gaps = [];
        let first;
        let last;
        const frame = (now) => {
          if (last === undefined) first = now;
          else gaps.push(now - last);
          last = now;
          if (now - first < ms) requestAnimationFrame(frame);
          else resolve(gaps);
        };
        requestAnimationFrame(frame);
      }),
    ms,
  );
}

/// The renderer main thread's busy time in each animation frame, from a Chrome trace taken
/// while frames were sampled: frames are the intervals between consecutive
/// `FireAnimationFrame`s (the sampler asks for every frame), and a frame's work is the
/// time top-level tasks ran inside it. An interval between frames is never under the
/// display's 16.7 ms; the work in it says how close the page is to missing one.
function workPerFrame(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const on = (e) => mains.has(`${e.pid}:${e.tid}`);
  const frames = events.filter((e) => on(e) && e.name === 'FireAnimationFrame').map((e) => e.ts);
  // The page's main thread is the one whose animation frames were sampled.
  const thread = events.find((e) => on(e) && e.name === 'FireAnimationFrame');
  const tasks = events.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread?.pid && e.tid === thread?.tid,
  );
  frames.sort((a, b) => a - b);
  const work = [];
  for (let i = 1; i < frames.length; i++) {
    const [from, to] = [frames[i - 1], frames[i]];
    let busy = 0;
    for (const t of tasks) busy += Math.max(0, Math.min(to, t.ts + t.dur) - Math.max(from, t.ts));
    work.push(busy / 1000);
  }
  return work;
}

const frameFigures = ({ gaps, work }) => ({
  frames: gaps.length,
  interval_ms: { median: round(median(gaps)), p95: round(percentile(gaps, 95)), max: round(Math.max(...gaps)) },
  work_ms: { median: round(median(work)), p95: round(percentile(work, 95)), max: round(Math.max(...work)) },
});

/// Frame intervals over `SAMPLE_MS`, then main-thread work per frame over another
/// `SAMPLE_MS` under a Chrome trace (tracing slows the page: the intervals are taken
/// without it).
async function sampleView(browser, page) {
  const gaps = await sampleFrames(page, SAMPLE_MS);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await sampleFrames(page, SAMPLE_MS);
  const work = workPerFrame(await browser.stopTracing());
  return { gaps, work };
}

async function framesWith10kInFlight(browser, base) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(120_000);
  await page.goto(`${base}/?seed=1&chaos=off`);
  const started = Date.now();
  await consoleRun(page, 'Q=$(aws sqs create-queue --queue-name load --query QueueUrl --output text)');
  await page.locator('section.queues button.queue', { hasText: 'load' }).waitFor();
  // Ten messages a batch, sent and then received with a visibility timeout of 12 hours, so
  // they stay in flight however long the clock plays. Assignments keep the answers out of
  // the console's output, as a user would with a script this size.
  const entries = Array.from({ length: 10 }, (_, i) => `Id=m${i},MessageBody=message-$i-${i}`).join(' ');
  const batches = IN_FLIGHT / 10;
  for (let done = 0; done < batches; done += 100) {
    await consoleRun(page, `for i in {${done + 1}..${done + 100}}; do R=$(aws sqs send-message-batch --queue-url "$Q" --entries ${entries}); done`);
  }
  await page.waitForFunction((n) => document.querySelector('section.queues')?.innerText.includes(`${n} visible`), IN_FLIGHT);
  // A short-polled standard queue answers from a sample of its servers: receive until all
  // are in flight.
  for (let round = 0; (await inFlightCount(page, 'load')) < IN_FLIGHT; round++) {
    if (round > 50) fail(`only ${await inFlightCount(page, 'load')} messages in flight after ${round} rounds`);
    await consoleRun(page, 'for i in {1..100}; do R=$(aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --visibility-timeout 43200); done');
  }
  const setup_ms = Date.now() - started;
  await page.locator('#clock-speed').selectOption(FRAME_SPEED);
  await page.locator('section.clock button.play').click();
  await page.locator('section.clock button.play', { hasText: 'Pause' }).waitFor();
  const list = await sampleView(browser, page);
  // The queue selected: its message inspector lists what it can and counts the rest.
  await page.locator('section.queues button.queue', { hasText: 'load' }).click();
  await page.locator('section.messages').waitFor();
  const inspector = await sampleView(browser, page);
  const still = await inFlightCount(page, 'load');
  await context.close();
  if (errors.length) fail(`page errors while animating: ${errors.join('; ')}`);
  if (still !== IN_FLIGHT) fail(`${still} messages in flight while sampling, not ${IN_FLIGHT}`);
  return { setup_ms, list: frameFigures(list), inspector: frameFigures(inspector) };
}

async function pageFigures(browser, base) {
  const loads = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, base));
  const frames = await framesWith10kInFlight(browser, base);
  return {
    time_to_interactive_ms: round(median(loads.map((l) => l.interactive_ms))),
    first_render_ms: round(median(loads.map((l) => l.first_render_ms))),
    first_contentful_paint_ms: round(median(loads.map((l) => l.fcp_ms))),
    cold_loads: loads.map((l) => ({
      first_render_ms: round(l.first_render_ms),
      time_to_interactive_ms: round(l.interactive_ms),
      clicks: l.clicks,
    })),
    p95_frame_ms_10k_in_flight: Math.max(frames.list.work_ms.p95, frames.inspector.work_ms.p95),
    p95_frame_interval_ms_10k_in_flight: Math.max(frames.list.interval_ms.p95, frames.inspector.interval_ms.p95),
    frames_10k_in_flight: {
      speed: FRAME_SPEED,
      sample_ms: SAMPLE_MS,
      queue_list: frames.list,
      message_inspector: frames.inspector,
      setup_ms: frames.setup_ms,
    },
  };
}

const server = await serveDist(dist);
const browser = await launchChromium();
try {
  const base = `http://127.0.0.1:${server.address().port}`;
  const json = only === 'page' ? {} : await engineFigures(browser, base);
  if (only !== 'engine') Object.assign(json, await pageFigures(browser, base));
  const page = await browser.newPage();
  json.user_agent = await page.evaluate(() => navigator.userAgent);
  console.log(JSON.stringify(json));
} finally {
  await browser.close();
  server.close();
}
