// Shared pieces of the e2e tests: the sandbox (bundled from src by esbuild.tests.js), a fresh browser
// context per test file with the workbench open, failure screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { e2eContext } from './context.mjs';
import {
  answerInput, newWorkbenchContext, openWorkbench, parkMouse, pickQuickItem, quickInputBox, runCommand,
} from '../../scripts/lib/workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** @returns {{ startSandbox: (o?: object) => Promise<any>, hostilePayloads: string[], payloadLabel: (p: string, i?: number) => string }} */
export function support() {
  const file = path.resolve(here, '../../out/test/e2e/support.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run node esbuild.tests.js`);
  return require(file);
}

export const CONTAINER = 'Chatdesk';

/**
 * A fresh browser context (fresh SecretStorage and browser-side state) with the guard installed and the
 * workbench open on a new workspace.
 */
export async function openChatdesk(workspaceName) {
  const { server, browser } = e2eContext();
  const context = await newWorkbenchContext(browser, server.url);
  const guard = await guardContext(context, server.url);
  const page = await openWorkbench(context, server.workbenchUrl(e2eContext().workspaceFor(workspaceName)), { activityLabel: CONTAINER });
  page.setDefaultTimeout(20000);
  return { context, page, guard };
}

export async function closeContext(context) {
  for (const p of context.pages()) await p.goto('about:blank').catch(() => {});
  await context.close().catch(() => {});
}

export function shot(page, name) {
  const { shotsDir } = e2eContext();
  return page.screenshot({ path: path.join(shotsDir, name) });
}

/** On failure: a screenshot beside the server's logs (not in docs/). */
export async function failureShot(page, title) {
  if (!page) return;
  const { runDir } = e2eContext();
  const file = path.join(runDir, `e2e-failure-${title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  console.error(`      failure screenshot: ${file}`);
}

/**
 * A suite's hooks: a screenshot after each failed test; after the last, its browser context closed, its sandbox
 * stopped (a sandbox the suite stopped itself is fine) and, with `resetSettings`, the server's user settings reset.
 * `get` returns the suite's current page, context and sandbox (they are made in its `before`).
 */
export function cleanUpSuite(get, { resetSettings = false } = {}) {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await failureShot(get().page, this.currentTest.title);
  });
  after(async function () {
    const { context, sandbox } = get();
    if (context) await closeContext(context);
    await sandbox?.stop().catch((e) => console.log(`      (the sandbox was already stopped: ${e?.message ?? e})`));
    if (resetSettings) e2eContext().server.resetSettings();
  });
}

/**
 * Watches a browser context for anything active content would do: dialogs, alert/confirm/prompt/print
 * calls (hooked in EVERY frame, webview iframes included: a sandboxed iframe may suppress the dialog itself),
 * CSP violations (securitypolicyviolation events in every frame), navigations away from the workbench or the
 * webview host pages, and requests to any host but the local server. Call before opening pages.
 */
export async function guardContext(context, baseUrl) {
  const events = { dialogs: [], calls: [], csp: [], navigations: [], requests: [], pageErrors: [] };
  const origin = new URL(baseUrl).origin;
  await context.exposeBinding('__chatdeskGuard', (source, kind, detail) => {
    const where = source.frame?.url?.() ?? '?';
    if (kind === 'csp') events.csp.push({ ...detail, frame: where });
    else events.calls.push({ kind, detail, frame: where });
  });
  await context.addInitScript(() => {
    const report = (kind, detail) => { try { window.__chatdeskGuard?.(kind, detail); } catch { /* closed */ } };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      try {
        const original = window[name];
        Object.defineProperty(window, name, {
          configurable: true,
          value: function (...args) { report(name, String(args[0]).slice(0, 200)); return name === 'confirm' ? false : name === 'prompt' ? null : original === undefined ? undefined : undefined; },
        });
      } catch { /* not writable here */ }
    }
    const onViolation = (e) => {
      report('csp', { directive: e.violatedDirective, blocked: String(e.blockedURI).slice(0, 200), source: String(e.sourceFile).slice(0, 200), sample: String(e.sample).slice(0, 120) });
    };
    document.addEventListener('securitypolicyviolation', onViolation, true);
    // VS Code writes a panel's HTML with document.open()/write() (webview pre/index.html), which erases the
    // document's and window's listeners: listen again on the rewritten document.
    const open = Document.prototype.open;
    Document.prototype.open = function (...args) {
      const result = open.apply(this, args);
      try { this.addEventListener('securitypolicyviolation', onViolation, true); } catch { /* not ours */ }
      return result;
    };
  });
  context.on('dialog', (d) => { events.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => {}); });
  context.on('page', (page) => {
    page.on('dialog', (d) => { events.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => events.pageErrors.push(e.message));
    page.on('framenavigated', (f) => {
      const u = f.url();
      const rest = u.startsWith(origin) ? u.slice(origin.length) : undefined;
      // the main frame stays on the workbench; other frames load only the workbench's own static pages
      // (webview hosts, the web-worker extension host iframe)
      const ok = u === 'about:blank' || u === 'about:srcdoc' || (rest !== undefined
        && (f === page.mainFrame() ? rest === '/' || rest.startsWith('/?') : /^\/stable-[0-9a-f]+\/static\/out\/vs\//.test(rest)));
      if (!ok) events.navigations.push(`${f === page.mainFrame() ? 'main frame' : 'frame'} -> ${u.slice(0, 200)}`);
    });
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    events.requests.push(u.slice(0, 200));
    return route.abort();
  });
  return events;
}

/** The Chatdesk log file the server keeps for the extension host(s) of this run (text, redacted by the extension). */
export function chatdeskLogText() {
  const { server } = e2eContext();
  const root = path.join(server.userDataDir, 'logs');
  const walk = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
  return walk(root).filter((f) => /Chatdesk\.log$/.test(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}

/**
 * Chatdesk: Add Connection… from the palette, REVE Chat, every field typed into the quick inputs
 * (the account ID step must come pre-filled from the key). Leaves the flow after the last Enter.
 */
export async function addReveConnectionThroughUi(page, sandbox, label, { screenshot } = {}) {
  const creds = sandbox.credentials.revechat;
  await runCommand(page, 'Chatdesk: Add Connection…', { keepOpen: true });
  await pickQuickItem(page, 'REVE Chat', { filter: 'REVE' });
  await answerInput(page, sandbox.baseUrls.revechat, { expect: /API base URL/ });
  await answerInput(page, creds.apiKey, { expect: /Authorization key/ });
  await page.locator('.quick-input-widget', { hasText: /account ID/ }).waitFor();
  await page.waitForFunction((v) => document.querySelector('.quick-input-widget .quick-input-box input')?.value === v, creds.accountId, { timeout: 10000 })
    .catch(() => { throw new Error('the account ID step was not pre-filled from the key'); });
  await page.keyboard.press('Enter');
  await answerInput(page, creds.username, { expect: /superadmin e-mail/ });
  await answerInput(page, creds.password, { expect: /Password of/ });
  await page.locator('.quick-input-widget', { hasText: /name for this connection/ }).waitFor();
  await quickInputBox(page).fill(label);
  if (screenshot) {
    await page.waitForTimeout(300); // let the prompt settle before the picture
    await shot(page, screenshot);
  }
  await page.keyboard.press('Enter');
}

/**
 * Calls `fn(row, index)` for every row of a (virtualised) tree in `pane`, top to bottom, scrolling with
 * the mouse wheel as needed. Returns the number of rows visited.
 */
export async function forEachTreeRow(page, pane, fn, { max = 10000 } = {}) {
  const list = pane.locator('.monaco-list').first();
  let i = 0;
  for (; i < max; i++) {
    const row = list.locator(`.monaco-list-row[data-index="${i}"]`);
    let tries = 0;
    while (await row.count() === 0) {
      if (++tries > 40) return i;
      const box = await list.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
      await parkMouse(page); // no tooltip may stay over the rows
    }
    // The list renders rows beyond its visible area. A click on a row cut off at the pane's edge makes Chromium
    // scroll the list's overflow:hidden container natively behind VS Code's back, and the click lands on another row:
    // wheel the list until the whole row is inside it.
    for (let n = 0; n < 20; n++) {
      const [rowBox, listBox] = [await row.boundingBox(), await list.boundingBox()];
      if (!rowBox || !listBox) break;
      const below = rowBox.y + rowBox.height - (listBox.y + listBox.height);
      const above = listBox.y - rowBox.y;
      if (below <= 0.5 && above <= 0.5) break;
      await page.mouse.move(listBox.x + listBox.width / 2, listBox.y + listBox.height / 2);
      await page.mouse.wheel(0, below > 0 ? Math.ceil(below) + 4 : -(Math.ceil(above) + 4));
      await page.waitForTimeout(60);
      await parkMouse(page);
    }
    const last = (await row.getAttribute('data-last-element')) === 'true';
    await fn(row, i);
    if (last) return i + 1;
  }
  return i;
}

const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/**
 * Clicks `target` until the browser clipboard holds `expected` (at most `attempts` clicks, 5 s each).
 * VS Code in a browser writes the clipboard with navigator.clipboard, which Chromium refuses now and then while
 * focus is inside a webview's iframe ("Document is not focused"); VS Code's fallback (execCommand in a textarea)
 * then races the focus change. That is the browser's doing, not ours: the extension has already called
 * env.clipboard.writeText and confirmed in the status bar. A second click behaves like a user's. Every lost write
 * is reported, with the browser's own error, so a change that breaks copying still fails after the last attempt.
 */
export async function clickUntilCopied(page, target, expected, { attempts = 3 } = {}) {
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  const errors = [];
  const onConsole = (m) => { if (m.type() === 'error' && /clipboard|focus/i.test(m.text())) errors.push(m.text()); };
  page.on('console', onConsole);
  try {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await target.click();
      const copied = await page.waitForFunction(async (want) => (await navigator.clipboard.readText()) === want, expected,
        { timeout: 5000, polling: 100 }).then(() => true, () => false);
      if (copied) return attempt;
      console.log(`      the browser lost clipboard write ${attempt} of ${attempts}${errors.length ? `: ${errors.at(-1).slice(0, 160)}` : ''}`);
    }
  } finally {
    page.off('console', onConsole);
  }
  assert.equal(await readClipboard(page), expected, `the clipboard after ${attempts} clicks`);
  return attempts;
}
