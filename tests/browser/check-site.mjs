#!/usr/bin/env node
// Conformance checks for a folder of static HTML meant to be opened from file://.
//
//   node tests/browser/check-site.mjs SITE_DIR [--screenshots DIR]
//
// For every *.html / *.htm file under SITE_DIR (recursively):
//   1. Nu HTML Checker (vnu.jar, run with the system Java) — errors only.
//      The *.css files under SITE_DIR are checked too (--also-check-css); a page
//      fails if a stylesheet it loads has CSS errors.
//   2. axe-core in headless Chromium (playwright-core driving Debian's
//      /usr/bin/chromium), WCAG 2.0/2.1 A+AA + best-practice rules, once with
//      prefers-color-scheme: light and once with dark.
//   3. The page must stay offline: any request to a URL that is not file:,
//      data: or blob: fails it (the browser context is also set offline, so
//      such a request never leaves the machine).
//   4. Any console error, uncaught page error or missing local file fails it.
//
// Prints one line per problem, then "N passed, M failed" (N, M = pages).
// Exit status: 0 iff at least one page was checked and none failed; 1 if any
// page failed; 2 on usage errors or when no page was found.
//
// Environment: CHROMIUM (default /usr/bin/chromium), JAVA (default: java from
// $JAVA_HOME or PATH), CHECK_SITE_VERBOSE=1 prints "ok: FILE" for passing pages.

import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vnuJar from 'vnu-jar';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const OFFLINE_SCHEMES = new Set(['file:', 'data:', 'blob:', 'about:']);
const NAV_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`check-site: ${msg}`);
  console.error('usage: node check-site.mjs SITE_DIR [--screenshots DIR]');
  process.exit(2);
}

let siteArg = null;
let shotsDir = null;
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') {
      if (i + 1 >= argv.length) usage('--screenshots needs a directory');
      shotsDir = argv[++i];
    } else if (a.startsWith('--screenshots=')) {
      shotsDir = a.slice('--screenshots='.length);
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (siteArg === null) {
      siteArg = a;
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
}
if (siteArg === null) usage('missing SITE_DIR');
const siteDir = path.resolve(siteArg);
if (!existsSync(siteDir) || !statSync(siteDir).isDirectory()) usage(`not a directory: ${siteArg}`);
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

// ------------------------------------------------------------------- files

function walk(dir, out = []) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    let st = ent;
    if (ent.isSymbolicLink()) {
      try { st = statSync(p); } catch { continue; } // dangling link
    }
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p);
  }
  return out;
}

const allFiles = walk(siteDir).sort();
const htmlFiles = allFiles.filter((f) => /\.html?$/i.test(f));
const cssFiles = allFiles.filter((f) => /\.css$/i.test(f));

/** How a file is shown in messages: SITE_DIR as given + path inside it. */
const show = (abs) => path.join(siteArg, path.relative(siteDir, abs));

// Problems, keyed by absolute path of the page/stylesheet.
const problems = new Map();
// order: [0, line, col] for vnu messages, [1] for browser findings (kept in
// the order found), so each file's output reads top to bottom.
const addProblem = (abs, text, order = [1, 0, 0]) => {
  if (!problems.has(abs)) problems.set(abs, []);
  problems.get(abs).push({ text, order });
};
const linesOf = (abs) =>
  (problems.get(abs) ?? [])
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2] || a.i - b.i)
    .map((p) => p.text);

if (htmlFiles.length === 0) {
  console.error(`check-site: no .html files under ${siteArg}`);
  console.log('0 passed, 0 failed');
  process.exit(2);
}

// --------------------------------------------------------------------- vnu

function javaCommand() {
  if (process.env.JAVA) return process.env.JAVA;
  if (process.env.JAVA_HOME) return path.join(process.env.JAVA_HOME, 'bin', 'java');
  return 'java';
}

/** Runs vnu on a list of files; resolves to its parsed JSON messages. */
function runVnu(files) {
  return new Promise((resolve, reject) => {
    const args = [
      '-Xss4m', // vnu's docs recommend a larger stack for deeply nested documents
      // A short batch run is dominated by JVM start-up and JIT warm-up: the C1
      // compiler alone and the serial GC roughly halve vnu's CPU time here.
      '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
      '-jar', String(vnuJar),
      '--errors-only', '--format', 'json', '--skip-non-html', '--also-check-css',
      '--exit-zero-always', '--', ...files,
    ];
    const child = spawn(javaCommand(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => reject(new Error(`cannot run ${javaCommand()}: ${e.message}`)));
    child.on('close', (code) => {
      // The JSON report goes to stderr; the JVM may print warnings before it.
      const text = err + out;
      const m = /\{\s*"(?:version|messages)"/.exec(text);
      const start = m ? m.index : -1;
      if (start < 0) {
        reject(new Error(`vnu exited ${code} without a JSON report:\n${text.trim()}`));
        return;
      }
      let depth = 0;
      let end = -1;
      let inStr = false;
      for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inStr) {
          if (c === '\\') i++;
          else if (c === '"') inStr = false;
        } else if (c === '"') inStr = true;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) { end = i + 1; break; }
      }
      try {
        const report = JSON.parse(text.slice(start, end));
        const extra = (text.slice(0, start) + text.slice(end)).trim();
        resolve({ messages: report.messages || [], extra });
      } catch (e) {
        reject(new Error(`cannot parse vnu output: ${e.message}`));
      }
    });
  });
}

async function checkWithVnu() {
  const files = [...htmlFiles, ...cssFiles];
  const CHUNK = 400; // keep the command line well below ARG_MAX
  const out = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    const { messages, extra } = await runVnu(files.slice(i, i + CHUNK));
    if (extra) console.error(`check-site: vnu/java said: ${extra}`);
    out.push(...messages);
  }
  for (const m of out) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    let abs = null;
    try { abs = fileURLToPath(new URL(m.url)); } catch { /* no/odd url */ }
    const line = m.firstLine ?? m.lastLine;
    const col = m.firstColumn ?? m.lastColumn;
    const where = abs ? show(abs) : (m.url || siteArg);
    const pos = line != null ? `:${line}:${col ?? 1}` : '';
    const kind = m.type === 'non-document-error' ? 'vnu could not check: ' : '';
    addProblem(abs ?? siteDir, `${where}${pos}: ${kind}${m.message}`, [0, line ?? 0, col ?? 0]);
  }
}

// -------------------------------------------------------------------- axe

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function shotName(abs) {
  const rel = path.relative(siteDir, abs).replace(/\.html?$/i, '');
  return rel.split(path.sep).join('__') + '.png';
}

async function runAxe(page) {
  // axe normally arrives with the context's init script; if the page replaced
  // window.axe, inject it again (through the DevTools protocol, so a page's
  // CSP cannot block it).
  if (!(await page.evaluate('typeof window.axe === "object" && typeof window.axe.run === "function"'))) {
    await page.evaluate(`${axeSource}\n;void 0`);
  }
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      // No CSSOM preload: from file:// every file is its own origin, so axe
      // would re-fetch each stylesheet by XHR, which Chromium blocks (CORS)
      // and logs as a console error. Only experimental rules need it.
      preload: false,
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
    }));
  }, AXE_TAGS);
}

/** Jump any running CSS transitions (e.g. on a colour-scheme switch) to their end. */
async function settle(page) {
  await page.evaluate(async () => {
    for (const a of document.getAnimations()) {
      if (typeof CSSTransition !== 'undefined' && a instanceof CSSTransition) a.finish();
    }
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** What the browser saw while one page was loaded. */
function newObservations() {
  return { external: [], failed: new Map(), consoleErrors: [], pageErrors: [], stylesheets: new Set() };
}

/** Wires the page's events to whatever `state.current` is at the time. */
function observe(page, state) {
  page.on('request', (req) => {
    const o = state.current;
    if (!o) return;
    const u = req.url();
    let scheme;
    try { scheme = new URL(u).protocol; } catch { scheme = ''; }
    if (!OFFLINE_SCHEMES.has(scheme)) o.external.push(u);
    else if (scheme === 'file:' && req.resourceType() === 'stylesheet') {
      try { o.stylesheets.add(fileURLToPath(u)); } catch { /* ignore */ }
    }
  });
  page.on('websocket', (ws) => state.current?.external.push(ws.url()));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith('file:')) state.current?.failed.set(req.url(), req.failure()?.errorText ?? 'failed');
  });
  page.on('pageerror', (e) => state.current?.pageErrors.push(e.message.split('\n')[0]));
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || !state.current) return;
    const loc = msg.location();
    state.current.consoleErrors.push({ text: msg.text(), url: loc?.url ?? '', line: loc?.lineNumber });
  });
}

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 800 };

async function checkPage(page, state, abs) {
  const url = pathToFileURL(abs).href;
  const o = (state.current = newObservations());
  const found = new Map(); // rule + target -> {v, target, schemes}
  const record = (list, scheme) => {
    for (const v of list) {
      for (const t of v.targets) {
        const key = `${v.id}\u0000${t}`;
        if (!found.has(key)) found.set(key, { v, target: t, schemes: new Set() });
        found.get(key).schemes.add(scheme);
      }
    }
  };
  const problem = (line) => addProblem(abs, line);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
    await settle(page);
    record(await runAxe(page), 'light');
    if (shotsDir) {
      await page.screenshot({ path: path.join(shotsDir, shotName(abs)), fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    record(await runAxe(page), 'dark');
    // A phone's screen: the page may scroll its wide tables inside their
    // frames, never sideways as a whole.
    await page.setViewportSize(PHONE);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > PHONE.width) {
      problem(`${show(abs)}: wider than a ${PHONE.width} px phone screen (${wide} px): the page scrolls sideways`);
    }
    await page.setViewportSize(DESKTOP);
  } catch (e) {
    problem(`${show(abs)}: browser check failed: ${e.message.split('\n')[0]}`);
  }
  // Leave the page (late errors and unload handlers still count for it) and
  // forget anything it stored, so the next page starts clean.
  await page.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* opaque origin */ } }).catch(() => {});
  await page.goto('about:blank').catch(() => {});
  state.current = null;

  // axe violations, one line per rule; a scheme tag only when one scheme has it.
  const byRule = new Map();
  for (const { v, target, schemes } of found.values()) {
    const tag = schemes.size === 2 ? '' : ` [${[...schemes][0]} scheme only]`;
    const key = `${v.id}\u0000${tag}`;
    if (!byRule.has(key)) byRule.set(key, { v, tag, targets: [] });
    byRule.get(key).targets.push(target);
  }
  for (const { v, tag, targets } of byRule.values()) {
    problem(`${show(abs)}: ${v.id} (${v.impact ?? 'n/a'}): ${v.help}${tag} — ${targets.join(', ')}`);
  }
  for (const u of new Set(o.external)) {
    problem(`${show(abs)}: external request (site must work offline): ${u}`);
  }
  for (const [u, why] of o.failed) {
    // A blocked fetch()/XHR of a local file (file:// pages may not read other
    // files) already shows up as a clearer console error below.
    if (o.consoleErrors.some((c) => c.text.includes(u))) continue;
    let p = u;
    try { p = show(fileURLToPath(u)); } catch { /* keep url */ }
    const what = why === 'net::ERR_FILE_NOT_FOUND' ? 'missing local file' : 'local file failed to load';
    problem(`${show(abs)}: ${what}: ${p} (${why})`);
  }
  const reported = new Set([...o.failed.keys(), ...o.external]);
  const seen = new Set();
  for (const c of o.consoleErrors) {
    // "Failed to load resource" for a file or URL already reported above.
    if (/^Failed to load resource/.test(c.text) && reported.has(c.url)) continue;
    const where = c.url && c.url !== url ? ` (at ${c.url}${c.line != null ? `:${c.line + 1}` : ''})` : '';
    const line = `${show(abs)}: console error: ${c.text}${where}`;
    if (!seen.has(line)) problem(line);
    seen.add(line);
  }
  for (const m of new Set(o.pageErrors)) problem(`${show(abs)}: uncaught error: ${m}`);
  return o.stylesheets;
}

async function checkWithBrowser() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const usesCss = new Map(); // page -> Set(stylesheet)
  try {
    const context = await browser.newContext({
      offline: true, // belt and braces: a non-file request fails instead of leaving the machine
      viewport: DESKTOP,
      colorScheme: 'light',
      serviceWorkers: 'block',
    });
    // Compiling axe once per page via an init script is ~3x faster than
    // injecting it after load; init scripts are not subject to the page's CSP.
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    const state = { current: null };
    observe(page, state);
    for (const f of htmlFiles) usesCss.set(f, await checkPage(page, state, f));
    await context.close();
  } finally {
    await browser.close();
  }
  return usesCss;
}

// -------------------------------------------------------------------- main

const [vnuResult, browserResult] = await Promise.allSettled([checkWithVnu(), checkWithBrowser()]);
let toolFailure = false;
if (vnuResult.status === 'rejected') {
  toolFailure = true;
  console.error(`check-site: Nu HTML Checker failed: ${vnuResult.reason.message}`);
  for (const f of htmlFiles) addProblem(f, `${show(f)}: not validated (Nu HTML Checker failed to run)`);
}
const usesCss = browserResult.status === 'fulfilled' ? browserResult.value : new Map();
if (browserResult.status === 'rejected') {
  toolFailure = true;
  console.error(`check-site: browser checks failed: ${browserResult.reason.message}`);
  for (const f of htmlFiles) addProblem(f, `${show(f)}: not checked in the browser (Chromium failed)`);
}

// A page that loads a stylesheet with CSS errors fails too.
for (const [pageFile, sheets] of usesCss) {
  for (const s of sheets) {
    if (problems.has(s) && !s.match(/\.html?$/i)) {
      addProblem(pageFile, `${show(pageFile)}: uses ${show(s)}, which has CSS errors (above)`);
    }
  }
}

// Output: stylesheets (and anything not tied to a page) first, then pages.
const htmlSet = new Set(htmlFiles);
const cssSet = new Set(cssFiles);
const usedSheets = new Set([...usesCss.values()].flatMap((s) => [...s]));
for (const abs of [...problems.keys()].sort()) {
  if (htmlSet.has(abs)) continue;
  for (const l of linesOf(abs)) console.log(l);
  if (cssSet.has(abs) && !usedSheets.has(abs) && browserResult.status === 'fulfilled') {
    console.log(`${show(abs)}: (warning only: no page loads this stylesheet)`);
  }
}
let passed = 0;
let failed = 0;
for (const f of htmlFiles) {
  const lines = linesOf(f);
  if (lines.length) {
    failed++;
    for (const l of lines) console.log(l);
  } else {
    passed++;
    if (process.env.CHECK_SITE_VERBOSE) console.log(`ok: ${show(f)}`);
  }
}
// Problems tied to neither a page nor a stylesheet (e.g. a vnu I/O error) were
// printed above; they fail the run too.
const stray = [...problems.keys()].filter((k) => !htmlSet.has(k) && !cssSet.has(k));
if (stray.length) console.log(`check-site: ${stray.length} problem(s) not tied to a page (above)`);

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 && !toolFailure && stray.length === 0 ? 0 : 1;
