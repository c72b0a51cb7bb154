// Driving the code-server workbench with playwright-core and Debian's chromium (no browser download).
// General helpers shared by the e2e tests, the extension-host test runner and scripts/demo.mjs.
// Selectors and the traps they avoid were measured on VS Code 1.100 (docs/vscode-host.md: "Driving the workbench").
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { findChromium } from './prerequisites.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The Chromium to drive: $CHROMIUM, else chromium / chromium-browser on the PATH (scripts/lib/prerequisites.mjs). */
export function chromiumPath() {
  const found = findChromium();
  if (found.problem) throw new Error(`${found.problem.what}. Fix: ${found.problem.fix}`);
  return found.path;
}

export function launchBrowser({ headless = true } = {}) {
  return chromium.launch({ executablePath: chromiumPath(), headless, args: CHROMIUM_ARGS });
}

/**
 * A browser context for `baseUrl` with clipboard permissions. Without clipboard-read,
 * vscode.env.clipboard.readText() never resolves and navigator.clipboard.readText() rejects.
 */
export async function newWorkbenchContext(browser, baseUrl, { viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });
  return context;
}

/** Opens the workbench at `url` and waits for it (and, if given, for an activity-bar entry). */
export async function openWorkbench(context, url, { activityLabel, timeout = 60000 } = {}) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout });
  if (activityLabel) await activityIcon(page, activityLabel).waitFor({ timeout });
  return page;
}

export const activityIcon = (page, label) => page.locator(`.activitybar a.action-label[aria-label^="${label}"]`);

/** Whether the activity-bar entry's container is the one showing in the side bar. */
export async function isViewContainerOpen(page, label) {
  return activityIcon(page, label).evaluate((el) => {
    const item = el.closest('.action-item');
    return !!item && (item.classList.contains('checked') || item.getAttribute('aria-checked') === 'true' || el.getAttribute('aria-checked') === 'true');
  });
}

/** Clicks an activity-bar entry unless its container is already showing (a second click would hide it). */
export async function openViewContainer(page, label) {
  const icon = activityIcon(page, label);
  await icon.waitFor({ timeout: 60000 });
  if (await isViewContainerOpen(page, label)) return;
  // force: a badge (e.g. an unread count) sits on top of the icon and would fail playwright's hit test
  await icon.click({ force: true });
  await page.waitForFunction((l) => {
    const el = document.querySelector(`.activitybar a.action-label[aria-label^="${l}"]`);
    const item = el?.closest('.action-item');
    return !!item && (item.classList.contains('checked') || item.getAttribute('aria-checked') === 'true');
  }, label, { timeout: 10000 });
}

/** Parks the mouse over the status bar, where no hover (e.g. a tree row's tooltip) can cover what is clicked next. */
export function parkMouse(page) {
  const vp = page.viewportSize() ?? { width: 1400, height: 900 };
  return page.mouse.move(Math.round(vp.width / 2), vp.height - 5);
}

/** Drags the side bar's edge so that it is `width` px wide (for readable screenshots of tree views). */
export async function setSideBarWidth(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || Math.abs(box.width - width) < 4) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width - 1, y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(box.x + width + 300, y);
}

/** The pane (view) with this title in the side bar, e.g. paneByTitle(page, 'Agents'). */
export const paneByTitle = (page, title) =>
  page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: new RegExp(`^\\s*${escapeRe(title)}`, 'i') }) });

/** Tree rows (optionally within a locator scope), matching `text` if given. */
export const treeRows = (scope, text) => {
  const rows = scope.locator('.monaco-list-row[role="treeitem"]');
  return text === undefined ? rows : rows.filter({ hasText: text });
};

export function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

const quickInput = (page) => page.locator('.quick-input-widget');
export const quickInputBox = (page) => quickInput(page).locator('.quick-input-box input');

/** Opens the command palette (F1), robust against focus trapped in a webview iframe. */
export async function openPalette(page) {
  const input = quickInputBox(page);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try { await input.waitFor({ state: 'visible', timeout: 2000 }); return input; } catch { /* try the command center */ }
    const cc = page.locator('.command-center .search-label, .command-center-center').first();
    if (await cc.isVisible().catch(() => false)) {
      await cc.click();
      try { await input.waitFor({ state: 'visible', timeout: 2000 }); return input; } catch { /* retry */ }
    }
    if (attempt >= 5) throw new Error('could not open the command palette');
    await page.keyboard.press('Escape');
  }
}

/** Waits until the FOCUSED quick-pick row's label is exactly `label` (never Enter on a "recently used" row). */
export async function waitForFocusedItem(page, label, { timeout = 10000 } = {}) {
  await page.waitForFunction((t) => {
    const row = document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name');
    return !!row && row.textContent.trim() === t;
  }, label, { timeout });
}

/**
 * Runs a command by its palette title ("Category: Title"). With `{ keepOpen: true }` it does not wait for
 * the quick input to close (for commands that open their own quick input).
 */
export async function runCommand(page, title, { keepOpen = false } = {}) {
  const input = await openPalette(page);
  await input.fill(`>${title}`);
  await waitForFocusedItem(page, title);
  await page.keyboard.press('Enter');
  if (!keepOpen) await quickInput(page).waitFor({ state: 'hidden', timeout: 10000 });
}

/** In an open quick pick: filter by `label`, wait until that exact row is focused, accept it. */
export async function pickQuickItem(page, label, { filter = label } = {}) {
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(filter);
  await waitForFocusedItem(page, label);
  await page.keyboard.press('Enter');
}

/**
 * In an open input box: wait for the step whose prompt/title matches `expect` (string or RegExp),
 * type `text` (replacing the pre-filled value) and press Enter.
 */
export async function answerInput(page, text, { expect, timeout = 15000 } = {}) {
  const widget = quickInput(page);
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible', timeout });
  if (expect) await widget.filter({ hasText: expect }).waitFor({ state: 'visible', timeout });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** Text of the quick input's current message/prompt area (validation messages show there). */
export async function quickInputMessage(page) {
  return (await quickInput(page).locator('.quick-input-message').innerText().catch(() => '')).trim();
}

/**
 * Waits for a notification matching `re`, returns its text, then clears all notifications.
 * Toasts are not reliable (at most 3 shown; one added during a clear can land only in the center),
 * so: toasts for 3 s, then the notification center.
 */
export async function readNotification(page, re, { timeout = 15000, clear = true } = {}) {
  const msg = (where) => page.locator(`${where} .notification-list-item-message`, { hasText: re }).last();
  let text;
  try {
    await msg('.notifications-toasts').waitFor({ timeout: Math.min(3000, timeout) });
    text = await msg('.notifications-toasts').innerText();
  } catch {
    await runCommand(page, 'Notifications: Show Notifications');
    await msg('.notifications-center').waitFor({ timeout });
    text = await msg('.notifications-center').innerText();
  }
  if (clear) await clearNotifications(page);
  return text;
}

export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-list-item').first()
    .waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
}

/** Text of the status bar (e.g. a "Copied …" confirmation). */
export const statusBarText = (page) => page.locator('.part.statusbar').innerText();

/** The editor tab with this label. */
export const editorTab = (page, label) => page.locator('.tabs-container .tab', { hasText: label });

/**
 * The content frame of the visible webview (iframe.webview.ready > iframe#active-frame), as a FrameLocator.
 * Hidden panels keep their iframes, so only the visible outer iframe is taken.
 */
export const webviewFrame = (page) => page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');

/** Navigate away before closing: an abrupt socket close keeps the window's extension host alive for 3 h. */
export async function closeGracefully(browser) {
  for (const p of browser.contexts().flatMap((c) => c.pages())) await p.goto('about:blank').catch(() => {});
  await browser.close().catch(() => {});
}

/**
 * Re-logs extension-host console output (shown in the page as console.log('%c INFO', 'color: …', fmt, …args))
 * through util.format. Returns true when the message was such a re-log.
 */
export async function relayExtensionHostConsole(msg, write) {
  let args;
  try { args = await Promise.all(msg.args().map((a) => a.jsonValue())); } catch { args = [msg.text()]; }
  if (typeof args[0] === 'string' && /^%c +(INFO|ERR|WARN|TRACE|DEBUG)$/.test(args[0]) && /^color:/.test(args[1] ?? '')) {
    write(args[0].replace(/^%c +/, ''), util.format(...args.slice(2)));
    return true;
  }
  return false;
}

/**
 * Runs an extension's mocha suite inside code-server's Node extension host: the workbench takes
 * extensionDevelopmentPath/extensionTestsPath from the URL payload and calls window.codeAutomationExit(code)
 * when the runner's run() settles.
 * @returns {Promise<{ code: number, timedOut: boolean, lines: string[] }>}
 */
export async function runExtensionTests({
  browser, server, extensionPath, testsPath, workspace = server.workspace, timeoutMs = 300000,
  failureScreenshot, write = (level, line) => (level === 'ERR' ? process.stderr : process.stdout).write(line + '\n'),
  verbose = !!process.env.VERBOSE,
}) {
  const payload = [['extensionDevelopmentPath', server.remoteUri(extensionPath)], ['extensionTestsPath', server.remoteUri(testsPath)]];
  const context = await newWorkbenchContext(browser, server.url);
  const page = await context.newPage();
  const lines = [];
  const pending = new Set();
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  page.on('console', (m) => {
    const p = relayExtensionHostConsole(m, (level, line) => { lines.push(line); write(level, line); })
      .then((relayed) => { if (!relayed && verbose) console.log(`[browser ${m.type()}] ${m.text()}`); });
    pending.add(p); void p.finally(() => pending.delete(p));
  });
  page.on('pageerror', (e) => { if (verbose) console.log(`[pageerror] ${e.message}`); });
  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); });
  try {
    await page.goto(server.workbenchUrl(workspace, payload));
    const code = await Promise.race([exited, timeout]);
    await Promise.allSettled([...pending]);
    if (code === 'timeout') {
      if (failureScreenshot) {
        fs.mkdirSync(path.dirname(failureScreenshot), { recursive: true });
        await page.screenshot({ path: failureScreenshot }).catch(() => {});
      }
      return { code: 2, timedOut: true, lines };
    }
    return { code: typeof code === 'number' ? code : 1, timedOut: false, lines };
  } finally {
    clearTimeout(timer);
    await page.goto('about:blank').catch(() => {});
    await context.close().catch(() => {});
  }
}
