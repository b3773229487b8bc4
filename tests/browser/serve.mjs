#!/usr/bin/env node
// Live preview, as an editor uses it, in headless Chromium against `dossier serve`.
//
//   node tests/browser/serve.mjs SERVE_URL NOTE_FILE
//
// NOTE_FILE is content/notes/overview.md of the dossier being served.
// 1. The note's page is opened; the note's Markdown is edited on disk; the page
//    shows the new text without this script reloading it.
// 2. An edit that breaks the build (a link to no one) brings up an overlay
//    (role="alert") naming the file as path:line:col, over the last good page.
// 3. Fixing the file removes the overlay and shows the fixed text.
// 4. No request leaves the server, no script error.
// Prints one line per check, "ok" or "FAIL ..."; exit status 1 if any failed.

import fs from 'node:fs';
import { chromium } from 'playwright-core';

const [base, noteFile] = process.argv.slice(2);
if (!base || !noteFile) {
  console.error('usage: node serve.mjs SERVE_URL NOTE_FILE');
  process.exit(2);
}
const origin = new URL(base).origin;
const WAIT = { timeout: 60000 };
const original = fs.readFileSync(noteFile, 'utf8');
const anchor = 'The signing took place during';
if (!original.includes(anchor)) {
  console.error(`FAIL: ${noteFile} does not contain "${anchor}"`);
  process.exit(1);
}
const save = (text) => fs.writeFileSync(noteFile, original.replace(anchor, text));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
  if (!ok) failed++;
};
const step = async (what, action) => {
  try {
    await action();
    check(true, what);
  } catch (error) {
    check(false, `${what}: ${String(error).split('\n')[0]}`);
  }
};

try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  // The site has no favicon; the browser asks for one anyway, and that 404 is fine.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(m.text());
  });
  page.on('request', (r) => { if (!r.url().startsWith(origin)) problems.push(`request ${r.url()}`); });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  let loads = 0;
  page.on('load', () => loads++);

  await page.goto(new URL('notes/overview.html', base).href);
  const body = () => page.locator('main').innerText();
  check((await body()).includes(anchor), 'the note page is open');

  save('The signing took place, edited in the browser test, during');
  await step('the open page shows the edit without being reloaded by the test', () =>
    page.waitForFunction(
      () => document.querySelector('main').innerText.includes('edited in the browser test'),
      null, WAIT));
  check(loads >= 2, `the page reloaded itself (${loads} loads)`);

  save('The signing took place in [[no-such-actor]] during');
  const overlay = page.locator('[role="alert"]');
  await step('a broken edit brings up the overlay', () => overlay.waitFor({ state: 'visible', ...WAIT }));
  const text = (await overlay.count()) ? await overlay.innerText() : '';
  check(/notes[\\/]overview\.md:\d+:\d+/.test(text), `the overlay names path:line:col ("${text.split('\n').slice(0, 3).join(' | ')}")`);
  check(text.includes('no-such-actor'), 'the overlay says what is wrong');
  check((await body()).includes('edited in the browser test'), 'the last good page stays under the overlay');

  save('The signing took place, fixed in the browser test, during');
  await step('fixing the file clears the overlay', () => overlay.waitFor({ state: 'detached', ...WAIT }));
  await step('and the page shows the fixed text', () =>
    page.waitForFunction(
      () => document.querySelector('main').innerText.includes('fixed in the browser test'),
      null, WAIT));

  check(problems.length === 0, `no script error or outside request${problems.length ? `: ${problems.join('; ')}` : ''}`);
} catch (error) {
  check(false, String(error));
} finally {
  fs.writeFileSync(noteFile, original);
  await browser.close();
}
process.exit(failed ? 1 : 0);
