// End-to-end test of the built page (dist/) in headless Chromium, driven by accessible
// names as a user (or a screen reader) finds things.
//
//   PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" trunk build --release --offline
//   node --test tests/e2e/
//
// Also writes docs/screenshot.png (1280×800) of a populated page for the README.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, missing, serveDist, launchChromium, until } from '../../scripts/dist-server.mjs';

const SCREENSHOT = path.join(ROOT, 'docs', 'screenshot.png');
const TIMEOUT_MS = 15_000;


let server;
let baseUrl;
let browser;

const say = (msg) => console.log(`  · ${msg}`);

before(async () => {
  assert.equal(missing(), null);
  server = await serveDist();
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  say(`serving dist/ at ${baseUrl}`);
  browser = await launchChromium();
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

const text = (locator) => locator.innerText();

const label = (page, name) => page.getByLabel(name, { exact: true });
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** Fills the create form; `fifo`, `dedup` (content-based) and `dlq` + `maxReceives` are optional. */
async function createQueue(page, name, timeout, { fifo = false, dedup = false, dlq, maxReceives } = {}) {
  await label(page, 'Queue name').fill(name);
  await label(page, 'FIFO queue').setChecked(fifo);
  if (fifo) await label(page, 'Content-based deduplication').setChecked(dedup);
  await label(page, 'Visibility timeout').fill(String(timeout));
  await label(page, 'Dead-letter queue').selectOption(dlq ?? '');
  if (dlq) await label(page, 'Maximum receives').fill(String(maxReceives));
  await button(page, 'Create queue').click();
}

/** Sends `body` (with a message group ID when `group` is given) and waits until it is sent. */
async function sendMessage(page, body, { group } = {}) {
  const field = label(page, 'Message body');
  await field.fill(body);
  if (group !== undefined) {
    const fifo = (await page.getByLabel('Deduplication ID', { exact: true }).count()) > 0;
    await label(page, fifo ? 'Message group ID' : 'Message group ID (optional)').fill(group);
  }
  await button(page, 'Send message').click();
  // The page clears the body only when SendMessage succeeded.
  await until(`"${body}" to be sent`, async () => (await field.inputValue()) === '');
}

/** Selects a queue in the list by its exact name. */
const selectQueue = (page, name) =>
  page.getByRole('button', { name: new RegExp(`^${name.replace(/\./g, '\\.')} `) }).click();

/** The row of the messages view for the one message there, as text. */
const messageRow = (page) => page.locator('section.messages tr.message-row');

/** A message row's state pill, its delay or visibility countdown and its receive count. */
async function rowState(row) {
  const state = await text(row.locator('.state'));
  // allInnerTexts does not wait: the countdown may vanish between a count and a read.
  const [countdown = ''] = await row.locator('.countdown.delay, .countdown.visibility').allInnerTexts();
  const count = await text(row.locator('.receive-count'));
  return [state, countdown, count].filter(Boolean).join(' ');
}

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
  await until('the message to be listed as Visible', async () => (await rowState(messageRow(page))) === 'Visible 0');
  assert.match(await text(messageRow(page).locator('.countdown.retention')), /^expires in 4 d 0 h$/);

  say('poll for messages');
  await page.getByRole('button', { name: 'Poll for messages' }).click();
  const received = page.locator('.received-message');
  await until('one received message', async () => (await received.count()) === 1);
  assert.match(await text(received), /Order #1001: two lattes/);
  assert.match(await text(received), /Receive count 1/);
  await until('the message to be in flight for 5 s', async () => (await rowState(messageRow(page))) === 'In flight visible again in 5 s 1');
  say(`messages view: ${(await text(messageRow(page))).replace(/\s+/g, ' ')}`);

  say('play the clock at 1x: the countdown moves');
  await page.getByLabel('Speed', { exact: true }).selectOption('1x');
  await page.getByRole('button', { name: 'Play' }).click();
  await until('the countdown to drop below 5 s', async () => /^In flight visible again in [1-4] s 1$/.test(await rowState(messageRow(page))));
  say(`messages view: ${(await text(messageRow(page))).replace(/\s+/g, ' ')}`);

  say('speed up to 10x until the visibility timeout runs out');
  await page.getByLabel('Speed', { exact: true }).selectOption('10x');
  await until('the message to be Visible again', async () => (await rowState(messageRow(page))) === 'Visible 1');
  await page.getByRole('button', { name: 'Pause' }).click();
  const clock = await text(page.getByTestId('clock'));
  say(`visible again; clock paused at ${clock}`);
  assert.match(await text(page.locator('section.log')), /Visibility timeout of msg .* ran out/);

  say('poll again: the same message, receive count 2');
  await page.getByRole('button', { name: 'Poll for messages' }).click();
  await until('receive count 2', async () => /Receive count 2/.test(await text(received)));
  assert.equal(await received.count(), 1, 'the newer receive replaces the older one');
  assert.equal(await rowState(messageRow(page)), 'In flight visible again in 5 s 2');

  say('delete it');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await until('the queue to be empty', async () => /Messages in queue \(0\)/.test(await text(page.locator('section.messages'))));
  assert.equal(await messageRow(page).count(), 0);
  assert.equal(await received.count(), 0);
  assert.match(await text(page.locator('section.log')), /Deleted msg/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('FIFO queue: groups in order, colour-coded, with sequence numbers; repeats deduplicated', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  say('create "orders" as a FIFO queue with content-based deduplication');
  await label(page, 'Queue name').fill('orders');
  await label(page, 'FIFO queue').check();
  assert.equal(await text(page.getByTestId('final-name')), 'orders.fifo', 'the .fifo suffix is added and shown');
  await createQueue(page, 'orders', 30, { fifo: true, dedup: true });
  await page.getByText('Queue orders.fifo created.').waitFor();
  assert.equal(await text(page.getByTestId('queue-kind')), 'FIFO queue');
  assert.equal(await label(page, 'Delivery delay').count(), 0, 'no per-message delay on FIFO queues');

  say('a send without a message group ID: the engine refuses it');
  await label(page, 'Message body').fill('Table 1: latte');
  await button(page, 'Send message').click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await text(alert), /MissingParameter\s+The request must contain the parameter MessageGroupId\./);

  say('send to two groups');
  await sendMessage(page, 'Table 1: latte', { group: 'table-1' });
  await sendMessage(page, 'Table 2: tea', { group: 'table-2' });
  await sendMessage(page, 'Table 1: cake', { group: 'table-1' });
  say('the same body again within 5 minutes: deduplicated, nothing stored');
  await sendMessage(page, 'Table 1: latte', { group: 'table-1' });
  await page.getByText(/^Deduplicated: a message with deduplication ID [0-9a-f]{64} was sent/).waitFor();
  const rows = page.locator('section.messages tr.message-row');
  await until('three messages listed', async () => (await rows.count()) === 3);

  const groups = await rows.evaluateAll((rs) => rs.map((r) => [r.dataset.group, r.getAttribute('style')]));
  say(`rows: ${JSON.stringify(groups)}`);
  assert.deepEqual(groups.map((g) => g[0]), ['table-1', 'table-2', 'table-1']);
  assert.equal(groups[0][1], groups[2][1], 'one group, one colour');
  assert.notEqual(groups[0][1], groups[1][1], 'two groups, two colours');
  const legend = page.locator('.group-legend .group-entry');
  assert.deepEqual(await legend.evaluateAll((es) => es.map((e) => [e.dataset.group, e.getAttribute('style')])), [
    ['table-1', groups[0][1]],
    ['table-2', groups[1][1]],
  ]);
  assert.deepEqual(await page.locator('section.messages .seq').allInnerTexts(), ['seq …0001', 'seq …0002', 'seq …0003']);

  say('poll: group table-1 in order, then table-2; both groups lock');
  await button(page, 'Poll for messages').click();
  const received = page.locator('.received-message .body');
  await until('three received', async () => (await received.count()) === 3);
  assert.deepEqual(await received.allInnerTexts(), ['Table 1: latte', 'Table 1: cake', 'Table 2: tea']);
  assert.equal(await page.locator('.group-entry.locked').count(), 2);
  assert.equal(await rowState(rows.first()), 'In flight visible again in 30 s 1');

  say('delete table-2\'s message: its group unlocks, table-1 stays locked');
  await page.locator('.received-message', { hasText: 'Table 2: tea' }).getByRole('button', { name: 'Delete' }).click();
  await until('two messages left', async () => (await rows.count()) === 2);
  assert.deepEqual(await page.locator('.group-entry.locked').evaluateAll((es) => es.map((e) => e.dataset.group)), ['table-1']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('dead-letter queue: a message moves after maxReceiveCount and a redrive brings it back', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  say('queues "jobs-dlq" and "jobs" (visibility 1 s, dead-letter queue after 1 receive)');
  await createQueue(page, 'jobs-dlq', 30);
  await page.getByText('Queue jobs-dlq created.').waitFor();
  await createQueue(page, 'jobs', 1, { dlq: 'jobs-dlq', maxReceives: 1 });
  await page.getByText('Queue jobs created.').waitFor();
  assert.equal(await text(page.getByTestId('redrive-policy')), 'jobs-dlq, after 1 receives');

  await sendMessage(page, 'Resize photo 7');
  await button(page, 'Poll for messages').click();
  await page.getByText('Received 1 message.').waitFor();
  say('step: the visibility timeout runs out; poll again: the message moves to the DLQ');
  await button(page, 'Step').click();
  await until('the clock at 0:00:01', async () => (await text(page.getByTestId('clock'))) === '0:00:01.000');
  await button(page, 'Poll for messages').click();
  await until('the departure', async () =>
    /moved to dead-letter queue jobs-dlq after 1 receives/.test(await text(page.locator('.departures'))));
  assert.match(await text(page.locator('section.messages h2')), /Messages in queue \(0\)/);

  say('select the DLQ: the message is there, marked with where it came from');
  await selectQueue(page, 'jobs-dlq');
  await label(page, 'Messages per second').waitFor();
  const row = page.locator('section.messages tr.message-row');
  assert.match(await text(row), /Resize photo 7/);
  assert.match(await text(row.locator('.badge.dead-letter')), /^from jobs$/);

  say('redrive at 1 message per second, and step the clock');
  await label(page, 'Messages per second').fill('1');
  await button(page, 'Redrive').click();
  const task = page.getByTestId('move-task');
  await until('the task running', async () => /RUNNING\s+0 of 1 moved, at most 1\/s/.test(await text(task)));
  await button(page, 'Step').click();
  await until('the task completed', async () => /COMPLETED\s+1 of 1 moved/.test(await text(task)));
  assert.equal(await row.count(), 0, 'the DLQ is empty');
  assert.match(await text(page.locator('section.log')), /Redrove msg .* from jobs-dlq to jobs/);

  say('back in "jobs", where the waiting long poll got it at once');
  await selectQueue(page, 'jobs');
  await until('the message back in jobs', async () => (await row.count()) === 1);
  assert.equal(await rowState(row), 'In flight visible again in 1 s 1');
  assert.deepEqual(problems, []);
  await page.close();
});

/** Creates a topic through the form; it is selected, with its subscribe and publish panels. */
async function createTopic(page, name) {
  await label(page, 'Topic name').fill(name.replace(/\.fifo$/, ''));
  await button(page, 'Create topic').click();
  await page.getByText(`Topic ${name} created.`).waitFor();
  await page.getByRole('heading', { name: 'Create subscription' }).waitFor();
}

const queueArn = (name) => `arn:aws:sqs:us-east-1:123456789012:${name}`;
const topology = (page) => page.locator('section.topology');
const edgeBadge = (page) => topology(page).locator('.edge-badge');

test('SNS: create a topic, subscribe a queue, publish, and the message arrives', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  say('queue "orders", topic "order-events"');
  await createQueue(page, 'orders', 30);
  await page.getByText('Queue orders created.').waitFor();
  await createTopic(page, 'order-events');
  assert.equal(await text(page.getByTestId('topic-kind')), 'Standard topic');

  say('subscribe the queue (protocol sqs, its ARN from the list)');
  await label(page, 'Protocol').selectOption('sqs');
  await label(page, 'Endpoint').selectOption(queueArn('orders'));
  await button(page, 'Create subscription').click();
  await page.getByText(/^Subscription created: arn:aws:sns:us-east-1:123456789012:order-events:/).waitFor();
  assert.equal(await topology(page).locator('.topic-node').count(), 1);
  assert.equal(await edgeBadge(page).count(), 1);
  assert.equal(await topology(page).locator('line.edge.pending').count(), 0, 'an sqs subscription needs no confirmation');

  say('publish with a subject and an attribute');
  await label(page, 'Subject (optional)').fill('New order');
  await label(page, 'Message').fill('Order 1001: two lattes');
  await label(page, 'Attribute 1 name').fill('store');
  await label(page, 'Attribute 1 value').fill('example_corp');
  await button(page, 'Publish message').click();
  await page.getByText(/^Message published\. ID: [0-9a-f-]{36}: 1 delivery, 0 filtered out$/).waitFor();
  say(`the token: ${await topology(page).locator('.flow').evaluateAll((fs) => fs.map((f) => f.className).join(', '))}`);
  assert.equal(await topology(page).locator('.flow.delivered').count(), 1, 'a token travels along the edge');
  await until('the queue node to count the message', async () =>
    /1 visible/.test(await text(page.getByRole('button', { name: 'Queue orders', exact: true }))));
  const log = await text(page.locator('section.log'));
  assert.match(log, /Published msg .* to order-events: 1 delivery, 0 filtered out/);
  assert.match(log, /Delivered msg .* to arn:aws:sqs:us-east-1:123456789012:orders/);
  say('lenient access: delivered, and the page says AWS would have denied it');
  assert.match(await text(topology(page).locator('.access-warning')), /Would be denied on AWS: order-events → orders/);

  say('open the queue: the SNS envelope around the message');
  await page.getByRole('button', { name: 'Queue orders', exact: true }).click();
  const row = page.locator('section.messages tr.message-row');
  await until('one message in the queue', async () => (await row.count()) === 1);
  const body = await row.locator('.body').getAttribute('title');
  const envelope = JSON.parse(body);
  assert.equal(envelope.Type, 'Notification');
  assert.equal(envelope.Message, 'Order 1001: two lattes');
  assert.equal(envelope.Subject, 'New order');
  assert.equal(envelope.TopicArn, 'arn:aws:sns:us-east-1:123456789012:order-events');
  assert.deepEqual(envelope.MessageAttributes, { store: { Type: 'String', Value: 'example_corp' } });

  say('add the missing statement: the warning goes, the next publish arrives without one');
  await page.getByRole('button', { name: 'Topic order-events', exact: true }).click();
  await button(page, 'Add the missing statement').click();
  await page.getByText(/^Added a statement to orders's access policy/).waitFor();
  assert.equal(await topology(page).locator('.access-warning').count(), 0);
  await label(page, 'Message').fill('Order 1002: a croissant');
  await button(page, 'Publish message').click();
  await until('two messages in the queue', async () =>
    /2 visible/.test(await text(page.getByRole('button', { name: 'Queue orders', exact: true }))));
  assert.equal(await topology(page).locator('.access-warning').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('SNS: a down https endpoint shows a retry countdown, then a dead-letter line', async () => {
  const { page, problems } = await openApp('?seed=1&chaos=off');
  say('queue "hook-dlq"; topic "alerts"; an https subscription with hook-dlq as its dead-letter queue');
  await createQueue(page, 'hook-dlq', 30);
  await page.getByText('Queue hook-dlq created.').waitFor();
  await createTopic(page, 'alerts');
  await label(page, 'Protocol').selectOption('https');
  await label(page, 'Endpoint').fill('https://example.com/alerts');
  await label(page, 'Subscription dead-letter queue').selectOption(queueArn('hook-dlq'));
  await button(page, 'Create subscription').click();
  await page.getByText(/pending confirmation\. The https endpoint got a confirmation request/).waitFor();
  assert.equal(await topology(page).locator('line.edge.pending').count(), 1, 'the pending edge is dashed');
  assert.equal(await topology(page).locator('line.edge.dead-letter').count(), 1, 'a branch to the DLQ');
  assert.match(await text(edgeBadge(page)), /pending/);

  say('the endpoint owner confirms with the token from the confirmation request');
  await page.getByRole('button', { name: 'Endpoint https://example.com/alerts', exact: true }).click();
  assert.match(await text(page.locator('.inbox')), /SubscriptionConfirmation/);
  await button(page, 'Confirm subscription').click();
  await page.getByText('Subscription confirmed: messages published from now on are delivered.').waitFor();
  assert.equal(await text(page.getByTestId('subscription-status')), 'Confirmed');
  assert.equal(await topology(page).locator('line.edge.pending').count(), 0);

  say('take the endpoint down (no latency, so the first attempt fails on publish)');
  await label(page, 'Latency').fill('0');
  await button(page, 'Save endpoint settings').click();
  await page.getByText('Endpoint settings saved.').waitFor();
  await label(page, 'Endpoint available').uncheck();
  await until('the endpoint down', async () => (await text(page.getByTestId('endpoint-status'))) === 'down');
  assert.match(await text(topology(page).locator('.endpoint-node')), /down/);

  say('publish from the topic');
  await page.getByRole('button', { name: 'Topic alerts', exact: true }).click();
  await label(page, 'Message').fill('Disk full on db-1');
  await button(page, 'Publish message').click();
  const retry = edgeBadge(page).locator('.chip.retry');
  await until('a retry countdown on the edge', async () => (await text(retry)) === 'retry in 20 s · #2');
  assert.match(await text(page.locator('section.log')), /Attempt 1 to deliver msg .* failed: the endpoint https:\/\/example\.com\/alerts is unavailable; retry at 0:00:20\.000/);

  say('play at 5x: the countdown runs down');
  await page.getByLabel('Speed', { exact: true }).selectOption('5x');
  await button(page, 'Play').click();
  await until('the countdown below 20 s', async () => /^retry in 1?[0-9] s · #2$/.test(await text(retry)));
  await button(page, 'Pause').click();
  say(`edge: ${(await text(edgeBadge(page))).replace(/\s+/g, ' ')}`);

  say('step through the remaining attempts');
  for (let i = 0; i < 6 && (await retry.count()) > 0; i++) {
    await button(page, 'Step').click();
    await page.waitForTimeout(100);
    if (await retry.count()) say(`edge: ${(await text(retry))}`);
  }
  await until('the dead-letter mark on the edge', async () => (await text(edgeBadge(page).locator('.chip.dlq'))) === '1 to DLQ');
  const log = await text(page.locator('section.log'));
  assert.match(log, /Attempt 4 to deliver msg .* failed: .*; no retry/);
  assert.match(log, /msg .* for sub .* moved to dead-letter queue hook-dlq/);
  assert.match(await text(page.getByRole('button', { name: 'Queue hook-dlq', exact: true })), /1 visible/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('screenshot of a populated page for the README', async () => {
  // Only Step moves the clock here, so the picture is the same on every run.
  const { page, problems } = await openApp('?seed=1&chaos=realistic');
  const poll = () => button(page, 'Poll for messages').click();

  say('FIFO queues "orders-dlq.fifo" and "orders.fifo" (dead-letter queue after 3 receives)');
  await createQueue(page, 'orders-dlq', 30, { fifo: true });
  await page.getByText('Queue orders-dlq.fifo created.').waitFor();
  await createQueue(page, 'orders', 30, { fifo: true, dedup: true, dlq: 'orders-dlq.fifo', maxReceives: 3 });
  await page.getByText('Queue orders.fifo created.').waitFor();
  say('table 1 orders twice; a barista receives both (the group locks)');
  await sendMessage(page, 'Table 1: two lattes', { group: 'table-1' });
  await sendMessage(page, 'Table 1: a croissant', { group: 'table-1' });
  await poll();
  await until('two received', async () => (await page.locator('.received-message').count()) === 2);

  say('standard queue "emails" (visibility timeout 4 s): receive a message and let it come back');
  await createQueue(page, 'emails', 4);
  await page.getByText('Queue emails created.').waitFor();
  await sendMessage(page, 'Welcome email for user 42');
  await poll();
  await page.locator('.received-message').waitFor();
  await button(page, 'Step').click();
  await until('the clock at 0:00:04', async () => (await text(page.getByTestId('clock'))) === '0:00:04.000');

  say('FIFO topic "order-events.fifo" with orders.fifo subscribed through a filter policy');
  await label(page, 'FIFO topic').check();
  await createTopic(page, 'order-events.fifo');
  await label(page, 'Endpoint').selectOption(queueArn('orders.fifo'));
  await label(page, 'Filter policy').fill('{"kind": ["order"]}');
  await button(page, 'Create subscription').click();
  await page.getByText(/^Subscription created: /).waitFor();

  say('back to "orders.fifo": tables 2 and 3 order while table 1 is in flight');
  await selectQueue(page, 'orders.fifo');
  await sendMessage(page, 'Table 2: flat white, oat milk', { group: 'table-2' });
  await sendMessage(page, 'Table 3: espresso', { group: 'table-3' });
  await sendMessage(page, 'Table 2: blueberry muffin', { group: 'table-2' });
  await until('five messages, two in flight for 26 s more', async () => {
    const t = await text(page.locator('section.messages'));
    return /Messages in queue \(5\)/.test(t) && (t.match(/visible again in 26 s/g) || []).length === 2;
  });
  await label(page, 'Message body').fill('Table 3: mocha');
  await label(page, 'Message group ID').fill('table-3');
  // Scroll every column back to its top (clicks scrolled them), so the picture is stable.
  await page.evaluate(() => document.querySelectorAll('.column').forEach((c) => c.scrollTo(0, 0)));

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
  say(`saved ${path.relative(ROOT, SCREENSHOT)}`);
  assert.deepEqual(problems, []);
  await page.close();
});
