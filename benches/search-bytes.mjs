#!/usr/bin/env node
// How much of the search index a reader's query loads: opens search.html?q=QUERY
// from file:// in headless Chromium, waits for the results, and adds up the
// sizes of the files under search/ the page requested (the manifest and the
// shards). Prints one line per query, then the largest.
//
//   node benches/search-bytes.mjs SITE_DIR QUERY...
//
// Uses the browser tests' playwright-core (bash tests/browser/install.sh).

import path from 'node:path';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [siteArg, ...queries] = process.argv.slice(2);
if (!siteArg || !queries.length) {
  console.error('usage: node benches/search-bytes.mjs SITE_DIR QUERY...');
  process.exit(2);
}
const site = path.resolve(siteArg);
const index = path.join(site, 'search') + path.sep;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let largest = 0;
try {
  for (const query of queries) {
    // A context of its own: nothing cached from the previous query.
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const files = new Set();
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) return;
      const file = fileURLToPath(r.url());
      if (file.startsWith(index)) files.add(file);
    });
    const url = pathToFileURL(path.join(site, 'search.html')).href + '?q=' + encodeURIComponent(query);
    await page.goto(url);
    await page.waitForFunction(() => /results? for|No results|could not/.test(
      document.querySelector('#search-status').textContent), null, { timeout: 60000 });
    const status = await page.textContent('#search-status');
    let bytes = 0;
    for (const file of files) bytes += statSync(file).size;
    largest = Math.max(largest, bytes);
    console.log(`${JSON.stringify(query)}: ${bytes} bytes in ${files.size} files (${status})`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`largest: ${largest} bytes`);
