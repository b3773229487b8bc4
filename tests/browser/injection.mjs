#!/usr/bin/env node
// Hostile text must stay text: every page of SITE_DIR is opened from file:// in
// headless Chromium, and nothing planted in the content may run.
//
//   node tests/browser/injection.mjs SITE_DIR
//
// A page fails when: a dialog opens (alert, confirm, prompt); window.__pwned is
// set; an element carries an event-handler attribute (on*); a link or source uses
// javascript: or data:; a <script> is not one of the generator's own; or a
// request leaves file://. search.html is also opened with payloads in ?q=.
// Prints a line per failure, then "N pages checked, M failed"; exit 1 if any failed.

import path from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const site = path.resolve(process.argv[2] || '');
const OWN_SCRIPTS = /(^|\/)(search\/(index|[te]\d+)\.js|static\/search\.js)$/;
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.html')) pages.push(full);
  }
})(site);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failed = 0;
async function check(url, label) {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request ${r.url()}`); });
  await page.goto(url);
  await page.waitForTimeout(50);
  const found = await page.evaluate((own) => {
    const out = [];
    if (window.__pwned !== undefined) out.push(`window.__pwned = ${window.__pwned}`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on')) out.push(`<${el.localName} ${attr.name}>`);
        if (['href', 'src', 'action', 'formaction', 'srcdoc', 'xlink:href'].includes(attr.name)
          && (value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:'))) {
          out.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
      }
    }
    for (const s of document.querySelectorAll('script')) {
      if (!s.getAttribute('src') || !new RegExp(own).test(s.getAttribute('src'))) {
        out.push(`script: ${(s.getAttribute('src') || s.textContent).slice(0, 60)}`);
      }
    }
    for (const tag of ['iframe', 'object', 'embed', 'base[href^="javascript"]', 'meta[http-equiv]']) {
      if (document.querySelector(tag)) out.push(`element ${tag}`);
    }
    return out;
  }, OWN_SCRIPTS.source);
  problems.push(...found);
  await context.close();
  if (problems.length) {
    failed++;
    console.log(`FAIL ${label}: ${problems.join('; ')}`);
  }
}

try {
  for (const file of pages) await check(pathToFileURL(file).href, path.relative(site, file));
  const payloads = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>', 'javascript:alert(3)', '{{ 7*7 }}'];
  for (const q of payloads) {
    await check(pathToFileURL(path.join(site, 'search.html')).href + '?q=' + encodeURIComponent(q), `search.html?q=${q}`);
  }
} finally {
  await browser.close();
}
console.log(`${pages.length + 4} pages checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
