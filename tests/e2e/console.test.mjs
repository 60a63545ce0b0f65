// End-to-end test of the console panel in the built page (dist/), in headless Chromium:
// typed commands, history, a pasted script, errors, tab completion, and the page
// following what the commands did. The console's interpreter is a Web Worker loaded on
// first use: the page's first download leaves it out, and a worker that cannot load or
// that crashes leaves a message and a page that still works.
//
//   PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" trunk build --release --offline
//   node --test tests/e2e/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { missing, serveDist, launchChromium, until } from '../../scripts/dist-server.mjs';

const TIMEOUT_MS = 15_000;

let server;
let baseUrl;
let browser;

before(async () => {
  assert.equal(missing(), null);
  server = await serveDist();
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const expectFocus = async (field) =>
  assert.ok(await field.evaluate((el) => el === document.activeElement), 'the input keeps the focus');

/** Pastes `text` into `field` as the clipboard would (a paste event carrying the text). */
const paste = (field, text) =>
  field.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);

test('the console runs commands, recalls them, runs pasted scripts and shows errors in red', async () => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${baseUrl}/?seed=1&chaos=off`);
  const input = page.getByRole('textbox', { name: 'Console input' });
  const output = page.getByRole('log', { name: 'Console output' });
  const queueInList = page.locator('section.queues').getByRole('button', { name: /^q1 / });

  // A typed command: its JSON answer, and the queue on the page.
  await input.fill('aws sqs create-queue --queue-name q1');
  await input.press('Enter');
  await until('the QueueUrl', async () =>
    (await output.innerText()).includes('"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q1"'));
  assert.match(await output.innerText(), /^\$ aws sqs create-queue --queue-name q1$/m);
  await queueInList.waitFor();
  assert.equal(await input.inputValue(), '');
  // The queue the command created flashes in the list and in the topology.
  assert.match(await queueInList.getAttribute('class'), /\bflash-odd\b/);
  assert.match(await page.getByRole('button', { name: 'Queue q1', exact: true }).getAttribute('class'), /\bflash-odd\b/);

  // The arrow keys recall it.
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'aws sqs create-queue --queue-name q1');
  await input.press('ArrowDown');
  assert.equal(await input.inputValue(), '');

  // A pasted script runs whole: a variable, then three sends.
  await paste(input, [
    'Q=$(aws sqs get-queue-url --queue-name q1 --query QueueUrl --output text)',
    ...['one', 'two', 'three'].map((b) =>
      `aws sqs send-message --queue-url "$Q" --message-body ${b} --query MD5OfMessageBody --output text`),
  ].join('\n'));
  await until('three sends', async () => /3 visible/.test(await queueInList.innerText()));
  const printed = await output.innerText();
  assert.match(printed, /^> aws sqs send-message --queue-url "\$Q" --message-body three/m);
  // MD5 of "one", "two", "three", as SQS answers.
  for (const md5 of ['f97c5d29941bfb1b2fdab0874906ab82', 'b8a9f715dbb64fd5c56e7783c6820a61', '35d6d33467aae9a2e3dccb4b6b027878']) {
    assert.ok(printed.includes(md5), `${md5} in the output`);
  }

  // A service error: red, with the AWS CLI's exit status.
  await input.fill('aws sqs get-queue-url --queue-name missing');
  await input.press('Enter');
  const status = output.locator('.status').last();
  await until('the exit status', async () => (await status.innerText()).includes('[exit status 254]'));
  const error = output.locator('.stderr').last();
  assert.match(await error.innerText(),
    /An error occurred \(AWS\.SimpleQueueService\.NonExistentQueue\) when calling the GetQueueUrl operation/);
  assert.equal(await error.evaluate((e) => getComputedStyle(e).color), 'rgb(255, 123, 114)');

  // A usage error, as the AWS CLI words it.
  await input.fill('aws sqs create-queue');
  await input.press('Enter');
  await until('the usage error', async () => (await status.innerText()).includes('[exit status 252]'));
  assert.match(await output.locator('.stderr').last().innerText(),
    /the following arguments are required: --queue-name/);

  // Tab completes the operation, as `fanout repl` does.
  await input.fill('aws sqs cre');
  await input.press('Tab');
  await until('the completion', async () => (await input.inputValue()) === 'aws sqs create-queue ');
  await expectFocus(input);

  // Enter inside an open quote adds a line; the command runs once the quote is closed.
  await input.fill("echo 'two");
  await input.press('Enter');
  await until('a line added', async () => (await input.inputValue()) === "echo 'two\n");
  await input.pressSequentially("lines'");
  await input.press('Enter');
  await until('the two-line echo', async () => (await output.innerText()).includes("$ echo 'two\n> lines'\ntwo\nlines"));

  // A file dropped on the console is what file://NAME reads.
  await page.locator('section.console').evaluate((el) => {
    const data = new DataTransfer();
    data.items.add(new File(['from a file'], 'body.txt', { type: 'text/plain' }));
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await until('the file noted', async () =>
    (await output.innerText()).includes('Added body.txt (11 bytes): parameters read it as file://body.txt'));
  await input.fill('aws sqs send-message --queue-url "$Q" --message-body file://body.txt --query MD5OfMessageBody --output text');
  await input.press('Enter');
  await until('the file sent', async () => (await output.innerText()).includes('a2ff927a35d635f95250874d24d9ec6f'));

  // Copy as script: the commands typed on this page, in order, one script.
  await page.getByRole('button', { name: 'Copy as script' }).click();
  await until('the copy noted', async () => (await output.innerText()).includes('Copied 6 commands to the clipboard as a script.'));
  const script = await page.evaluate(() => navigator.clipboard.readText());
  const lines = script.split('\n');
  assert.equal(lines[0], '# Replay: fanout run --seed 1 --chaos off --access lenient SCRIPT');
  assert.equal(lines[1], 'aws sqs create-queue --queue-name q1');
  assert.equal(lines[2], 'Q=$(aws sqs get-queue-url --queue-name q1 --query QueueUrl --output text)');
  assert.equal(lines.at(-2), 'aws sqs send-message --queue-url "$Q" --message-body file://body.txt --query MD5OfMessageBody --output text');
  assert.equal(lines.length, 12);

  assert.deepEqual(problems, []);
  await context.close();
});

/** The requests a page makes for the console's worker files. */
const workerRequests = (page) => {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.startsWith('fanout-console') || name === 'console-worker.js') seen.push(name);
  });
  return seen;
};

test("the console's interpreter is downloaded on the console's first use, not with the page", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requested = workerRequests(page);
  await page.goto(`${baseUrl}/?seed=1&chaos=off`);
  const input = page.getByRole('textbox', { name: 'Console input' });
  const output = page.getByRole('log', { name: 'Console output' });
  // The page works without it: a queue created with the form.
  await page.getByLabel('Queue name').fill('clicked');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await page.locator('section.queues').getByRole('button', { name: /^clicked / }).waitFor();
  assert.deepEqual(requested, [], 'nothing of the console is downloaded before it is used');

  // The first command loads it; the answer and the page's state follow.
  await input.fill('aws sqs create-queue --queue-name typed && aws sqs list-queues --query "length(QueueUrls)"');
  await input.press('Enter');
  await until('the answer', async () => /^2$/m.test(await output.innerText()));
  await page.locator('section.queues').getByRole('button', { name: /^typed / }).waitFor();
  assert.ok(requested.includes('console-worker.js') && requested.includes('fanout-console_bg.wasm'),
    `the worker's files are downloaded now: ${requested}`);
  // The interpreter's replica saw the click, and the page sees what the command did.
  await input.fill('aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/clicked --message-body hi --query MD5OfMessageBody --output text');
  await input.press('Enter');
  await until('the MD5', async () => (await output.innerText()).includes('49f68a5c8493ec2c0bf489821c21fc3b'));
  await until('the message on the page', async () =>
    /1 visible/.test(await page.locator('section.queues').getByRole('button', { name: /^clicked / }).innerText()));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a console whose interpreter cannot load says so, and the page goes on", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  // As a dropped connection would: the interpreter's WebAssembly never arrives.
  await context.route('**/fanout-console_bg.wasm', (route) => route.abort());
  await page.goto(`${baseUrl}/?seed=1&chaos=off`);
  const input = page.getByRole('textbox', { name: 'Console input' });
  const output = page.getByRole('log', { name: 'Console output' });
  await input.fill('aws sqs create-queue --queue-name never');
  await input.press('Enter');
  await until('the message', async () =>
    (await output.innerText()).includes("The command did not run: the console's interpreter could not be loaded"));
  assert.match(await output.locator('.status').last().innerText(), /\[exit status 1\]/);
  // The page still works, and its clock still runs.
  await page.getByLabel('Queue name').fill('still-works');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await page.locator('section.queues').getByRole('button', { name: /^still-works / }).waitFor();
  assert.equal(await page.locator('section.queues').getByRole('button', { name: /^never / }).count(), 0);
  // Once the connection is back, the next command loads it and runs.
  await context.unroute('**/fanout-console_bg.wasm');
  await input.fill('aws sqs list-queues --query "length(QueueUrls)"');
  await input.press('Enter');
  await until('the answer', async () => /^1$/m.test(await output.innerText()));
  await context.close();
});

test("a console whose interpreter crashes mid-command says so, and the next command runs on a new one", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The first worker loads the real interpreter, then dies on the first command it is
  // asked to run, as a panic (a trap in its WebAssembly) would; the workers after it are
  // the real one.
  let started = 0;
  await context.route('**/console-worker.js', (route) => {
    started += 1;
    if (started > 1) return route.continue();
    return route.fulfill({
      contentType: 'text/javascript',
      body: `importScripts('./fanout-console.js');
wasm_bindgen('./fanout-console_bg.wasm').then(() => {
  const answer = self.onmessage;
  self.onmessage = (e) => {
    if (JSON.parse(e.data).ask.ask !== 'run') return answer(e);
    self.onmessage = answer;
    throw new Error('simulated crash');
  };
});`,
    });
  });
  await page.goto(`${baseUrl}/?seed=1&chaos=off`);
  const input = page.getByRole('textbox', { name: 'Console input' });
  const output = page.getByRole('log', { name: 'Console output' });
  const queues = page.locator('section.queues');
  await page.getByLabel('Queue name').fill('clicked');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await queues.getByRole('button', { name: /^clicked / }).waitFor();

  await input.fill('aws sqs create-queue --queue-name lost');
  await input.press('Enter');
  await until('the message', async () =>
    (await output.innerText()).includes("The command did not run: the console's interpreter stopped"));
  assert.match(await output.locator('.status').last().innerText(), /\[exit status 1\]/);
  assert.equal(await queues.getByRole('button', { name: /^lost / }).count(), 0, 'the crashed command changed nothing');

  // The page goes on, and the next command starts a new interpreter from the page's state.
  await page.getByLabel('Queue name').fill('after');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await queues.getByRole('button', { name: /^after / }).waitFor();
  await input.fill('aws sqs create-queue --queue-name typed && aws sqs list-queues --query "length(QueueUrls)"');
  await input.press('Enter');
  await until('the answer', async () => /^3$/m.test(await output.innerText()));
  await queues.getByRole('button', { name: /^typed / }).waitFor();
  assert.equal(started, 2, 'one new worker after the crash');
  assert.deepEqual(problems, []);
  await context.close();
});
