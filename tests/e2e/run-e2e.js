// Drives a real Web Chat against the bot through offline-directline, in Debian's chromium.
// Usage: node run-e2e.js --bot http://127.0.0.1:PORT/api/messages --screenshot path.png
//        [--question "..."] [--expect-first "..."] [--choice "..."] [--expect-next "..."]
//        [--then-choice "More" --expect-then "..."]   (a third step, e.g. the details with an Adaptive Card table)
'use strict';
const path = require('path');
const fs = require('fs');
const express = require('express');
const { getRouter } = require('offline-directline');
const { chromium } = require('playwright-core');

function argument(name, fallback) {
  const index = process.argv.indexOf('--' + name);
  if (index >= 0 && index + 1 < process.argv.length) return process.argv[index + 1];
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

const botUrl = argument('bot');
const screenshot = argument('screenshot');
const question = argument('question', 'Permission denied (publickey)');
const expectFirst = argument('expect-first', 'Did you mean one of these?');
const choice = argument('choice', 'Fix key file permissions');
const expectNext = argument('expect-next', 'chmod 600');
const thenChoice = argument('then-choice', '');
const expectThen = argument('expect-then', '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Generous: on a loaded 2-core machine chromium alone can take tens of seconds to render Web Chat.
const timeout = 150000;

function listen(app) {
  return new Promise((resolve, reject) => {
    // Bound to loopback only: this channel sends no JWT, so nothing else may reach it.
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}

async function main() {
  const app = express();
  app.get('/', (req, res) => res.sendFile(path.join(__dirname, 'page', 'index.html')));
  app.get('/webchat.js', (req, res) => res.sendFile(path.join(__dirname, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js')));
  const server = await listen(app);
  const origin = `http://127.0.0.1:${server.address().port}`;
  app.use(getRouter(origin, botUrl));
  console.log(`e2e: Web Chat page and offline-directline on ${origin}, bot at ${botUrl}`);

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let page;
  try {
    page = await browser.newPage({ viewport: { width: 900, height: 1100 } });
    page.on('pageerror', (e) => console.log('e2e: page error: ' + e.message));
    await page.goto(origin, { waitUntil: 'load' });

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ state: 'visible', timeout });
    // Bubbles, not the whole page: Web Chat also copies activities into hidden live regions for screen readers.
    const bubble = (text) => page.locator('.webchat__bubble', { hasText: text }).first();

    // Web Chat shows the send box before its Direct Line connection is up, and a message sent then stays in the box;
    // like a user, press send again until the message appears in the transcript.
    await input.fill(question);
    const deadline = Date.now() + timeout;
    for (;;) {
      await input.press('Enter');
      const shown = await bubble(question).waitFor({ state: 'visible', timeout: 10000 }).then(() => true, () => false);
      if (shown) break;
      if (Date.now() > deadline) throw new Error('the question never appeared in the transcript');
      if ((await input.inputValue()) === '') await input.fill(question);
      console.log('e2e: the question was not sent yet; pressing send again');
    }
    console.log('e2e: sent the question');
    await bubble(expectFirst).waitFor({ state: 'visible', timeout });
    console.log('e2e: saw the first answer');

    const button = page.getByRole('button', { name: choice }).first();
    await button.waitFor({ state: 'visible', timeout });
    await button.click();
    console.log('e2e: clicked the choice');

    await bubble(expectNext).waitFor({ state: 'visible', timeout });
    console.log('e2e: saw the next reply');
    if (thenChoice) {
      const more = page.getByRole('button', { name: thenChoice }).last();
      await more.waitFor({ state: 'visible', timeout });
      await more.click();
      console.log('e2e: clicked ' + thenChoice);
      // Adaptive Card content is not a text bubble of its own; look for the text anywhere in the transcript.
      await page.getByText(expectThen, { exact: true }).first().waitFor({ state: 'visible', timeout });
      console.log('e2e: saw ' + expectThen);
    }
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log('e2e: screenshot ' + screenshot);
  } catch (e) {
    if (page) {
      const failed = screenshot.replace(/\.png$/, '') + '-failure.png';
      fs.mkdirSync(path.dirname(failed), { recursive: true });
      await page.screenshot({ path: failed, fullPage: true }).catch(() => {});
      console.log('e2e: failure screenshot ' + failed);
    }
    throw e;
  } finally {
    await browser.close();
    server.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error('e2e: FAILED: ' + (e && e.stack || e));
  process.exit(1);
});
