#!/usr/bin/env node
// Offline search, as a reader uses it, from file:// in headless Chromium.
//
//   node tests/browser/search.mjs SITE_DIR QUERY EXPECTED_URL_PART [QUERY EXPECTED_URL_PART]...
//
// 1. From the home page, the header form takes QUERY to search.html?q=QUERY,
//    which lists results; one links to a URL containing EXPECTED_URL_PART.
// 2. Typing into the search box updates the results without a submit.
// 3. ArrowDown moves focus to the first result; Enter follows it to a page
//    whose target element (the paragraph) exists.
// 4. With JavaScript off, search.html offers the A–Z index, which lists actors.
// 5. No request leaves file:, no console error.
// 6. Each further QUERY, opened as search.html?q=QUERY, finds a result linking
//    to its EXPECTED_URL_PART, and loads only some of the index's shards; a line
//    "shards: "QUERY" terms=N/T entries=M/E" says how many of each it loaded.
// Prints one line per check, "ok" or "FAIL ..."; exit status 1 if any failed.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [siteArg, query, expected, ...more] = process.argv.slice(2);
if (!siteArg || !query || !expected || more.length % 2) {
  console.error('usage: node search.mjs SITE_DIR QUERY EXPECTED_URL_PART [QUERY EXPECTED_URL_PART]...');
  process.exit(2);
}
const site = path.resolve(siteArg);
const url = (p) => pathToFileURL(path.join(site, p)).href;
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

try {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request ${r.url()}`); });

  await page.goto(url('index.html'));
  await page.fill('#site-search', query);
  await Promise.all([page.waitForURL(/search\.html\?q=/), page.press('#site-search', 'Enter')]);
  await page.waitForSelector('#search-results li a', { timeout: 5000 }).catch(() => {});
  const hrefs = await page.$$eval('#search-results li a', (as) => as.map((a) => a.getAttribute('href')));
  check(hrefs.length > 0, `header form opens search.html with results for "${query}" (${hrefs.length})`);
  check(hrefs.some((h) => h.includes(expected)), `a result links to ${expected}`);
  const status = await page.textContent('#search-status');
  check(/\d+ results? for/.test(status), `the status line counts results: "${status}"`);

  await page.fill('#search-input', '');
  await page.type('#search-input', 'zzzzqqq');
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.startsWith('No results'));
  check(true, 'typing updates the results: a nonsense word finds nothing');
  await page.fill('#search-input', query);
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);

  await page.focus('#search-input');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href'));
  check(focused === hrefs[0], `ArrowDown focuses the first result (${focused})`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const back = await page.evaluate(() => document.activeElement.getAttribute('href'));
  check(back === hrefs[0], 'ArrowUp returns to the previous result');
  await page.keyboard.press('Escape');
  check(await page.evaluate(() => document.activeElement.id === 'search-input'), 'Escape returns to the search box');
  await page.keyboard.press('ArrowDown');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const landed = page.url();
  const hash = decodeURIComponent(new URL(landed).hash.slice(1));
  const target = hash ? await page.$(`[id="${hash}"]`) : await page.$('h1');
  check(landed.startsWith('file:') && target !== null, `Enter follows the result to ${path.relative(site, new URL(landed).pathname)}#${hash}`);
  check(problems.length === 0, `no console error and no request off file:// ${problems.join('; ')}`);

  const manifest = await page.goto(url('search.html')).then(() => page.evaluate(() => window.dossierSearchIndex));
  for (let i = 0; i < more.length; i += 2) {
    const [words, part] = [more[i], more[i + 1]];
    const fresh = await context.newPage();
    const loaded = new Set();
    fresh.on('request', (r) => {
      const m = /\/search\/([te]\d+)\.js$/.exec(r.url());
      if (m) loaded.add(m[1]);
    });
    fresh.on('pageerror', (e) => problems.push(String(e)));
    await fresh.goto(`${url('search.html')}?q=${encodeURIComponent(words)}`);
    await fresh.waitForFunction(() => /results? for|No results|could not/.test(
      document.querySelector('#search-status').textContent), null, { timeout: 5000 }).catch(() => {});
    const links = await fresh.$$eval('#search-results li a', (as) => as.map((a) => a.getAttribute('href')));
    check(links.some((h) => h.includes(part)), `"${words}" finds a result linking to ${part} (${links.length} results)`);
    const terms = [...loaded].filter((n) => n[0] === 't').length;
    const entries = [...loaded].filter((n) => n[0] === 'e').length;
    const [allTerms, allEntries] = [manifest.terms.length, manifest.entries.length];
    console.log(`shards: ${JSON.stringify(words)} terms=${terms}/${allTerms} entries=${entries}/${allEntries}`);
    check(terms > 0 && entries > 0 && (terms < allTerms || allTerms === 1) && (entries < allEntries || allEntries === 1),
      `"${words}" loads only the shards it needs: ${terms} of ${allTerms} term shards, ${entries} of ${allEntries} entry shards`);
    await fresh.close();
  }
  check(problems.length === 0, `no console error in the further queries ${problems.join('; ')}`);

  const noScript = await browser.newContext({ offline: true, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(url('search.html'));
  const fallback = await plain.$('a[href="a-z.html"]');
  check(fallback !== null, 'without JavaScript, search.html links to the A–Z index');
  await plain.goto(url('a-z.html'));
  const actors = await plain.$$eval('.az-list a[href^="actors/"]', (as) => as.length);
  check(actors > 0, `the A–Z index lists actors (${actors} links)`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
