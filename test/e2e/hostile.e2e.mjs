// Issue 6, in a real browser: the sandbox serves agents and offline messages whose every text field carries
// a payload from the hostile corpus (test/fixtures/hostile-payloads.json). We open them all in code-server:
// tree rows, Markdown tooltips, the Find Agent quick pick, both detail panels. Proof that nothing ran:
// no dialog and no alert/confirm/prompt/print call in ANY frame (hooked by an init script), no navigation,
// no request to another host, no CSP violation, no message outside the panel protocol, no active element
// in the rendered DOM, and the payload text still shown to the user.
//
// CHATDESK_E2E_HOSTILE=all uses every payload (slow); by default a spread sample of the corpus plus every
// payload that talks to the host (postMessage, acquireVsCodeApi, fetch, import, location, eval).
import assert from 'node:assert/strict';
import { editorTab, openViewContainer, paneByTitle, parkMouse, quickInputBox, readNotification, runCommand, treeRows, webviewFrame } from '../../scripts/lib/workbench.mjs';
import { e2eContext } from './context.mjs';
import { addReveConnectionThroughUi, chatdeskLogText, cleanUpSuite, CONTAINER, forEachTreeRow, openChatdesk, support } from './helpers.mjs';

const LABEL = 'Hostile fixtures (REVE Chat)';
const STEP = Number(process.env.CHATDESK_E2E_HOSTILE_STEP ?? 24);

function sample(all) {
  if (process.env.CHATDESK_E2E_HOSTILE === 'all') return [...all];
  const special = /postMessage|acquireVsCodeApi|fetch|import\(|location|eval|parent\.|top\./;
  return all.filter((p, i) => i % STEP === 0 || special.test(p)).filter((p) => p.length <= 20000);
}

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
/** Text without whitespace, invisible controls and U+FFFD (the HTML parser's stand-in for NUL). */
const compact = (t) => t.replace(INVISIBLE, '').replace(/[\s\ufffd]+/g, '');
/** A piece of the payload that must be visible as text (undefined when it is too short to tell). */
function probe(payload) {
  const p = compact(payload).slice(0, 24);
  return p.length >= 6 ? p : undefined;
}
const norm = compact;

/**
 * Clicks a tree row and waits until the visible panel shows a DIFFERENT item than before (its ID in the
 * first code.value), so the checks never read the previous panel. Returns the new panel's frame.
 */
async function openRow(page, row, kind, previousId) {
  const frame = webviewFrame(page);
  const ready = kind === 'agent' ? 'main.panel.agent' : 'main.panel.offline-message section.replies:not([aria-busy="true"])';
  const shownId = () => frame.locator(ready).count()
    .then(async (n) => (n ? (await frame.locator('main.panel code.value').first().innerText({ timeout: 2000 })).trim() : undefined))
    .catch(() => undefined);
  for (let attempt = 1; ; attempt++) {
    await row.click();
    await parkMouse(page); // a row tooltip left under the mouse would cover the next rows
    const deadline = Date.now() + 20_000; // a panel renders in well under a second; a loaded 2-core machine may take seconds
    while (Date.now() < deadline) {
      const id = await shownId();
      if (id !== undefined && id !== previousId) return { frame, id };
      await page.waitForTimeout(50);
    }
    if (attempt === 2) throw new Error(`the ${kind} panel still shows ${previousId} after two clicks on the next row`);
  }
}

/** Runs in a document: active content that must not be there. */
function activeContentIn(root, allowedScriptSuffix) {
  const found = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name.toLowerCase())
        && /^(javascript|vbscript|data):/.test(v.replace(/[\s\u0000-\u001f]/g, ''))) found.push(`<${el.localName} ${a.name}=${v.slice(0, 40)}>`);
    }
    const tag = el.localName;
    // VS Code's webview host prepends its acquireVsCodeApi shim (#_vscodeApiScript) and default styles to <head>
    const vscodeShim = tag === 'script' && !el.src && el.id === '_vscodeApiScript' && el.parentElement?.localName === 'head'
      && [...el.parentElement.children].indexOf(el) < 2 && el.textContent.trim().startsWith('globalThis.acquireVsCodeApi');
    if (tag === 'script' && !vscodeShim && !(allowedScriptSuffix && new URL(el.src || 'x:', 'x:/').pathname.endsWith(allowedScriptSuffix) && el.nonce)) {
      found.push(`<script src=${String(el.getAttribute('src')).slice(-60)} nonce=${el.nonce ? 'yes' : 'no'}>${el.textContent.slice(0, 40)}`);
    }
    if (['iframe', 'frame', 'object', 'embed', 'base', 'form', 'portal'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv') && !/content-security-policy/i.test(el.getAttribute('http-equiv'))) found.push('<meta http-equiv>');
    if (tag === 'link' && el.getAttribute('rel') !== 'stylesheet') found.push(`<link rel=${el.getAttribute('rel')}>`);
  }
  return found;
}

describe('Hostile content in the browser (issue 6)', function () {
  this.timeout(600000);
  let sandbox;
  let payloads;
  let seedNames;
  let context;
  let page;
  let guard;
  const seenInAgents = new Set();
  const seenInMessages = new Set();
  let agentPanels = 0;
  let messagePanels = 0;

  before(async function () {
    const s = support();
    payloads = sample(s.hostilePayloads);
    seedNames = new Set(s.reveSeedAgentNames);
    // few open tabs: every opened panel stays a tab otherwise
    e2eContext().server.resetSettings({ 'workbench.editor.limit.enabled': true, 'workbench.editor.limit.value': 3 });
    sandbox = await s.startSandbox({ agents: 0, offlineMessages: 0, hostileStrings: payloads });
    ({ context, page, guard } = await openChatdesk('ws-hostile'));
    console.log(`      ${payloads.length} of ${s.hostilePayloads.length} payloads in the sandbox`);
  });

  cleanUpSuite(() => ({ page, context, sandbox }), { resetSettings: true });

  it('adds the connection and renders every hostile tree row as text', async function () {
    await openViewContainer(page, CONTAINER);
    await addReveConnectionThroughUi(page, sandbox, LABEL);
    await readNotification(page, /added/, { timeout: 30000 });
    await treeRows(paneByTitle(page, 'Agents'), LABEL).first().waitFor({ timeout: 30000 });
    await treeRows(paneByTitle(page, 'Offline Messages'), LABEL).first().waitFor({ timeout: 30000 });
    await page.locator('.part.sidebar .codicon-loading').first().waitFor({ state: 'detached', timeout: 30000 }).catch(() => {});
    const active = await page.locator('.part.sidebar').evaluate((el, fn) => new Function(`return (${fn})`)()(el), activeContentIn.toString());
    assert.deepEqual(active, [], 'active content in the side bar');
  });

  it('shows Markdown tooltips of hostile agents as text', async function () {
    const pane = paneByTitle(page, 'Agents');
    const rows = treeRows(pane).filter({ hasNotText: LABEL });
    let hovered = 0;
    for (let i = 0; i < Math.min(6, await rows.count()); i++) {
      await rows.nth(i).hover();
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: /\S/ }).last();
      if (await hover.waitFor({ timeout: 4000 }).then(() => true, () => false)) {
        hovered++;
        const active = await hover.evaluate((el, fn) => new Function(`return (${fn})`)()(el), activeContentIn.toString());
        assert.deepEqual(active, [], `active content in a tooltip`);
        const links = await hover.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.deepEqual(links.filter((h) => /^(command|javascript|data):/i.test(h ?? '')), [], 'command/javascript links in a tooltip');
      }
      await parkMouse(page);
    }
    assert.ok(hovered > 0, 'no tooltip appeared: the check would prove nothing');
  });

  it('shows hostile agents in the Find Agent quick pick as text', async function () {
    await runCommand(page, 'Chatdesk: Find Agent…', { keepOpen: true });
    await quickInputBox(page).fill('script');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15000 });
    const active = await page.locator('.quick-input-widget').evaluate((el, fn) => new Function(`return (${fn})`)()(el), activeContentIn.toString());
    await page.keyboard.press('Escape');
    assert.deepEqual(active, [], 'active content in the quick pick');
  });

  it('opens every hostile offline message: text shown, nothing active', async function () {
    const pane = paneByTitle(page, 'Offline Messages');
    await pane.locator('.monaco-list-row[data-index="1"]').waitFor({ timeout: 30000 });
    let previous;
    await forEachTreeRow(page, pane, async (row, i) => {
      if (i === 0) return; // the connection
      const { frame, id } = await openRow(page, row, 'message', previous);
      previous = id;
      const text = norm(await frame.locator('main.panel').innerText());
      const active = await frame.locator('html').evaluate((el, fn) => new Function(`return (${fn})`)()(el, 'panel.js'), activeContentIn.toString());
      assert.deepEqual(active, [], `active content in offline message panel #${i}`);
      for (const p of payloads) { const k = probe(p); if (k && text.includes(k)) seenInMessages.add(p); }
      messagePanels++;
    });
    const shouldShow = payloads.filter((p) => probe(p));
    const missing = shouldShow.filter((p) => !seenInMessages.has(p));
    assert.ok(messagePanels >= payloads.length, `opened ${messagePanels} message panels for ${payloads.length} payloads`);
    assert.deepEqual(missing.map((p) => p.slice(0, 80)), [], 'payloads whose text no message panel showed');
  });

  it('opens every hostile agent: text shown, nothing active', async function () {
    const pane = paneByTitle(page, 'Agents');
    let previous;
    let skipped = 0;
    await forEachTreeRow(page, pane, async (row, i) => {
      if (i === 0) return;
      // the seed's ordinary agents carry no payload: not worth a panel each (about 1.3 s)
      if (seedNames.has((await row.locator('.label-name').innerText()).trim())) { skipped++; return; }
      const { frame, id } = await openRow(page, row, 'agent', previous);
      previous = id;
      const text = norm(await frame.locator('main.panel').innerText());
      const active = await frame.locator('html').evaluate((el, fn) => new Function(`return (${fn})`)()(el, 'panel.js'), activeContentIn.toString());
      assert.deepEqual(active, [], `active content in agent panel #${i}`);
      for (const p of payloads) { const k = probe(p); if (k && text.includes(k)) seenInAgents.add(p); }
      agentPanels++;
    });
    assert.ok(skipped < seedNames.size + 1, `skipped ${skipped} rows`);
    const missing = payloads.filter((p) => probe(p) && !seenInAgents.has(p));
    assert.ok(agentPanels >= payloads.length, `opened ${agentPanels} agent panels for ${payloads.length} payloads`);
    assert.deepEqual(missing.map((p) => p.slice(0, 80)), [], 'payloads whose text no agent panel showed');
    await editorTab(page, 'Agent: ').first().waitFor();
  });

  it('the watchers see what they watch for (self-check in the open panel)', async function () {
    const before = { calls: guard.calls.length, csp: guard.csp.length };
    const ran = await webviewFrame(page).locator('html').evaluate(async () => {
      window.alert('guard-self-check');
      // an inline script without the nonce: the panel's CSP must block it, and report the violation
      const script = document.createElement('script');
      script.textContent = 'window.__chatdeskSelfCheckRan = true';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 300));
      return window.__chatdeskSelfCheckRan === true;
    });
    await page.waitForTimeout(300);
    assert.equal(ran, false, 'an inline script without the nonce ran in the panel: its CSP does not hold');
    const calls = guard.calls.splice(before.calls);
    const csp = guard.csp.splice(before.csp);
    assert.ok(calls.some((c) => c.kind === 'alert' && c.detail === 'guard-self-check' && /webview/.test(c.frame)),
      `an alert() in the panel was not seen: ${JSON.stringify(calls)}`);
    assert.ok(csp.some((v) => /script-src/.test(v.directive) && /webview/.test(v.frame)),
      `an inline script blocked by the panel's CSP was not reported: ${JSON.stringify(csp)}`);
  });

  it('nothing ran: no dialog, call, navigation, outside request, CSP violation or stray panel message', async function () {
    console.log(`      ${messagePanels} message panels, ${agentPanels} agent panels opened; ${guard.csp.length} CSP reports, ${guard.requests.length} outside requests`);
    assert.deepEqual(guard.dialogs, [], 'dialogs');
    assert.deepEqual(guard.calls, [], 'alert/confirm/prompt/print calls');
    assert.deepEqual(guard.navigations, [], 'navigations');
    assert.deepEqual(guard.csp.filter((v) => /webview/.test(v.frame)), [], 'CSP violations in the panels');
    assert.deepEqual(guard.requests.filter((u) => !/open-vsx\.org/.test(u)), [], 'requests to other hosts');
    const active = await page.locator('body').evaluate((el, fn) => new Function(`return (${fn})`)()(el), activeContentIn.toString());
    assert.deepEqual(active.filter((a) => !/^<(iframe|script|link|meta|form)/.test(a)), [], 'active content in the workbench');
    const log = chatdeskLogText();
    assert.ok(!/not in its protocol|Ignored a request from the/.test(log), 'a panel sent a message outside its protocol');
  });
});
