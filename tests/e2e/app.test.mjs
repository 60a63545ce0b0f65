// End-to-end test of the built page (dist/) in headless Chromium, driven by accessible
// names as a user (or a screen reader) finds things.
//
//   PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" trunk build --release --offline
//   node --test tests/e2e/
//
// Also writes docs/screenshot.png (1280×800) of a populated page for the README.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshot.png');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 15_000;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

let server;
let baseUrl;
let browser;

const say = (msg) => console.log(`  · ${msg}`);

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

before(async () => {
  assert.ok(
    fs.existsSync(path.join(DIST, 'index.html')),
    `no ${DIST}/index.html: build first with \`trunk build --release --offline\``,
  );
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (run scripts/setup.sh, or set CHROMIUM)`);
  server = await serveDist();
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  say(`serving dist/ at ${baseUrl}`);
  browser = await chromium.launch({
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
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the app; collects console errors and page errors so a test can assert none happened. */
async function openApp(query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  const url = `${baseUrl}/${query}`;
  say(`open ${url}`);
  await page.goto(url);
  await page.getByLabel('Queue name', { exact: true }).waitFor();
  return { page, problems };
}

/** Polls `check` (which returns a truthy value or throws) until it passes, then returns it. */
async function until(what, check, timeout = TIMEOUT_MS) {
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

const text = (locator) => locator.innerText();

async function createQueue(page, name, timeout) {
  await page.getByLabel('Queue name', { exact: true }).fill(name);
  await page.getByLabel('Visibility timeout', { exact: true }).fill(String(timeout));
  await page.getByRole('button', { name: 'Create queue' }).click();
}

async function sendMessage(page, body) {
  const field = page.getByLabel('Message body', { exact: true });
  await field.fill(body);
  await page.getByRole('button', { name: 'Send message' }).click();
  // The page clears the body only when SendMessage succeeded.
  await until(`"${body}" to be sent`, async () => (await field.inputValue()) === '');
}

/** The row of the messages view for the one message there, as text. */
const messageRow = (page) => page.locator('section.messages tr.message-row');

test('an invalid queue name shows the AWS error and creates nothing', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  say('create a queue named "bad name!"');
  await createQueue(page, 'bad name!', 30);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const message = await text(alert);
  say(`alert says: ${message.replace(/\s+/g, ' ')}`);
  assert.match(message, /InvalidParameterValue/);
  assert.match(message, /Can only include alphanumeric characters, hyphens, or underscores\. 1 to 80 in length/);
  assert.match(await text(page.locator('section.queues')), /Queues \(0\)/, 'no queue should have been created');
  assert.equal(await page.getByText('No queue selected').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('send, receive, wait out the visibility timeout, receive again, delete', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  assert.equal(await text(page.getByTestId('seed')), '1');
  assert.equal(await text(page.getByTestId('chaos')), 'off');

  say('create queue "orders" with visibility timeout 5 s');
  await createQueue(page, 'orders', 5);
  await page.getByText('Queue orders created.').waitFor();
  assert.match(await text(page.getByTestId('current-visibility')), /^5 s$/);

  say('send a message');
  await sendMessage(page, 'Order #1001: two lattes');
  await until('the message to be listed as Visible', async () => /Visible/.test(await text(messageRow(page))));

  say('poll for messages');
  await page.getByRole('button', { name: 'Poll for messages' }).click();
  const received = page.locator('.received-message');
  await until('one received message', async () => (await received.count()) === 1);
  assert.match(await text(received), /Order #1001: two lattes/);
  assert.match(await text(received), /Receive count 1/);
  await until('the message to be in flight for 5 s', async () => /In flight · 5 s/.test(await text(messageRow(page))));
  say(`messages view: ${(await text(messageRow(page))).replace(/\s+/g, ' ')}`);

  say('play the clock at 1x: the countdown moves');
  await page.getByLabel('Speed', { exact: true }).selectOption('1x');
  await page.getByRole('button', { name: 'Play' }).click();
  await until('the countdown to drop below 5 s', async () => /In flight · [1-4] s/.test(await text(messageRow(page))));
  say(`messages view: ${(await text(messageRow(page))).replace(/\s+/g, ' ')}`);

  say('speed up to 10x until the visibility timeout runs out');
  await page.getByLabel('Speed', { exact: true }).selectOption('10x');
  await until('the message to be Visible again', async () => /Visible/.test(await text(messageRow(page))));
  await page.getByRole('button', { name: 'Pause' }).click();
  const clock = await text(page.getByTestId('clock'));
  say(`visible again; clock paused at ${clock}`);
  assert.match(await text(messageRow(page)), /Visible\s+1$/, 'receive count 1 while visible again');
  assert.match(await text(page.locator('section.log')), /Visibility timeout of msg .* ran out/);

  say('poll again: the same message, receive count 2');
  await page.getByRole('button', { name: 'Poll for messages' }).click();
  await until('receive count 2', async () => /Receive count 2/.test(await text(received)));
  assert.equal(await received.count(), 1, 'the newer receive replaces the older one');
  assert.match(await text(messageRow(page)), /In flight · 5 s\s+2$/);

  say('delete it');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await until('the queue to be empty', async () => /Messages in queue \(0\)/.test(await text(page.locator('section.messages'))));
  assert.equal(await messageRow(page).count(), 0);
  assert.equal(await received.count(), 0);
  assert.match(await text(page.locator('section.log')), /Deleted msg/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('screenshot of a populated page for the README', async () => {
  // Only Step moves the clock here, so the picture is the same on every run.
  const { page, problems } = await openApp('?seed=1&chaos=realistic');
  const poll = () => page.getByRole('button', { name: 'Poll for messages' }).click();
  const select = (name) => page.getByRole('button', { name: new RegExp(`^${name} `) }).click();

  say('queue "orders" (visibility timeout 30 s): send an order and receive it');
  await createQueue(page, 'orders', 30);
  await page.getByText('Queue orders created.').waitFor();
  await sendMessage(page, 'Order #1001: two lattes');
  await poll();
  await page.locator('.received-message').waitFor();

  say('queue "emails" (visibility timeout 4 s): receive a message and let it come back');
  await createQueue(page, 'emails', 4);
  await page.getByText('Queue emails created.').waitFor();
  await sendMessage(page, 'Welcome email for user 42');
  await poll();
  await page.locator('.received-message').waitFor();
  await page.getByRole('button', { name: 'Step' }).click();
  await until('the clock at 0:00:04', async () => (await text(page.getByTestId('clock'))) === '0:00:04.000');

  say('back to "orders": three more orders while the first is in flight');
  await select('orders');
  for (const body of ['Order #1002: one espresso', 'Order #1003: flat white, oat milk', 'Order #1004: three cappuccinos']) {
    await sendMessage(page, body);
  }
  await until('four messages, one in flight for 26 s more', async () => {
    const t = await text(page.locator('section.messages'));
    return /Messages in queue \(4\)/.test(t) && /In flight · 26 s/.test(t);
  });
  await page.getByLabel('Message body', { exact: true }).fill('Order #1005: mocha');

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  say(`saved ${path.relative(ROOT, SCREENSHOT)}`);
  assert.deepEqual(problems, []);
  await page.close();
});
