// Chatdesk as a user meets it, in headless Chromium against code-server with the packaged .vsix installed
// and the sandbox started by this process: open the container, add a connection through the palette and
// its quick inputs, see agents, open an agent and an offline message, copy IDs, find an agent.
// Screenshots go to test-results/screenshots/; `npm run screenshots` writes them to docs/screenshots/ (the README shows them).
import assert from 'node:assert/strict';
import {
  editorTab, openViewContainer, paneByTitle, parkMouse, setSideBarWidth, pickQuickItem, quickInputBox, readNotification, runCommand,
  treeRows, waitForFocusedItem, webviewFrame,
} from '../../scripts/lib/workbench.mjs';
import { addReveConnectionThroughUi, chatdeskLogText, cleanUpSuite, clickUntilCopied, CONTAINER, openChatdesk, shot, support } from './helpers.mjs';

const LABEL = 'Acme Support (REVE Chat)';
const AGENTS = 60;

describe('Chatdesk in the browser', function () {
  let sandbox;
  let context;
  let page;
  let guard;
  let agentName;
  let agentId;

  before(async function () {
    sandbox = await support().startSandbox({ agents: AGENTS, offlineMessages: 30 });
    ({ context, page, guard } = await openChatdesk('ws-e2e'));
  });

  cleanUpSuite(() => ({ page, context, sandbox }));

  it('shows the Chatdesk container with its welcome view', async function () {
    await openViewContainer(page, CONTAINER);
    await setSideBarWidth(page, 480); // readable tree rows in the screenshots
    await paneByTitle(page, 'Agents').getByText('Add Connection').first().waitFor({ timeout: 30000 });
  });

  it('adds a REVE Chat connection through the palette and its quick inputs', async function () {
    await addReveConnectionThroughUi(page, sandbox, LABEL, { screenshot: 'add-connection.png' });
    const msg = await readNotification(page, /added/, { timeout: 30000 });
    assert.match(msg, new RegExp(`Connection "${LABEL.replace(/[()]/g, '\\$&')}" added`));
  });

  it('lists the agents in the Agents view', async function () {
    await openViewContainer(page, CONTAINER);
    const pane = paneByTitle(page, 'Agents');
    // the connection row says how many agents it loaded (every page); agents are its children
    await treeRows(pane, LABEL).filter({ hasText: new RegExp(`\\b${AGENTS}\\b`) }).first().waitFor({ timeout: 30000 });
    const rows = treeRows(pane).filter({ hasNotText: LABEL });
    await rows.nth(5).waitFor({ timeout: 30000 });
    await page.locator('.part.sidebar .codicon-loading').first().waitFor({ state: 'detached', timeout: 30000 }).catch(() => {});
    const labels = await rows.locator('.label-name').allInnerTexts();
    assert.ok(labels.length >= 6, `expected agents in the tree, got ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => /Loading|error/i.test(l)), `unexpected rows: ${labels.join(' | ')}`);
    agentName = labels[1].trim();
    await parkMouse(page);
    await shot(page, 'agents-view.png');
  });

  it('opens an agent in its detail panel by clicking it', async function () {
    const pane = paneByTitle(page, 'Agents');
    await treeRows(pane, agentName).first().click();
    await parkMouse(page); // the row's tooltip would cover the panel's buttons
    await editorTab(page, `Agent: ${agentName}`).waitFor({ timeout: 30000 });
    const frame = webviewFrame(page);
    await frame.locator('main.panel.agent').waitFor({ timeout: 30000 });
    const text = await frame.locator('main.panel.agent').innerText();
    assert.ok(text.includes(agentName), `the panel does not show the agent's name: ${text.slice(0, 300)}`);
    agentId = (await frame.locator('code.value').first().innerText()).trim();
    assert.match(agentId, /^\S+$/, 'no agent ID shown in the panel');
    await shot(page, 'agent-panel.png');
  });

  it('copies the agent ID from the panel to the clipboard', async function () {
    // the panel script wires the buttons when it runs; the document is complete after that
    await webviewFrame(page).locator('html').evaluate(() => (document.readyState === 'complete' ? undefined
      : new Promise((r) => window.addEventListener('load', r, { once: true }))));
    await clickUntilCopied(page, webviewFrame(page).locator('button[data-copy="id"]').first(), agentId);
    await page.locator('.part.statusbar', { hasText: /Copied/ }).waitFor({ timeout: 5000 });
  });

  it('opens an offline message with its reply thread', async function () {
    const pane = paneByTitle(page, 'Offline Messages');
    await treeRows(pane, LABEL).first().waitFor({ timeout: 30000 });
    const rows = treeRows(pane).filter({ hasNotText: LABEL });
    await rows.nth(2).waitFor({ timeout: 30000 });
    // a message with replies: try the first rows until one has a thread
    let opened = false;
    for (let i = 0; i < 6 && !opened; i++) {
      const subject = (await rows.nth(i).locator('.label-name').innerText()).trim();
      await rows.nth(i).click();
      await parkMouse(page);
      await editorTab(page, 'Message: ').filter({ hasText: subject.slice(0, 40) }).first().waitFor({ timeout: 30000 });
      const frame = webviewFrame(page);
      await frame.locator('main.panel.offline-message').waitFor({ timeout: 30000 });
      await frame.locator('section.replies:not([aria-busy="true"])').waitFor({ timeout: 30000 });
      const text = await frame.locator('main.panel.offline-message').innerText();
      assert.ok(text.includes(subject.replace(/…$/, '').slice(0, 30)), `the panel does not show the subject "${subject}"`);
      assert.ok(!/Could not load/.test(text), `the reply thread failed to load: ${text.slice(0, 400)}`);
      opened = await frame.locator('.reply-list .reply').count() > 0;
    }
    assert.ok(opened, 'none of the first messages had replies');
    await parkMouse(page);
    await shot(page, 'offline-message-panel.png');
  });

  it('finds an agent across connections and copies its ID', async function () {
    await runCommand(page, 'Chatdesk: Find Agent…', { keepOpen: true });
    const input = quickInputBox(page);
    await input.fill(agentName);
    await waitForFocusedItem(page, agentName, { timeout: 15000 });
    await shot(page, 'find-agent.png');
    await page.keyboard.press('Enter');
    await pickQuickItem(page, 'Copy ID', { filter: '' }).catch(async () => {
      await waitForFocusedItem(page, 'Copy ID');
      await page.keyboard.press('Enter');
    });
    await page.waitForFunction(async (id) => (await navigator.clipboard.readText()) === id, agentId, { timeout: 10000, polling: 200 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), agentId);
  });

  it('ran nothing unexpected: no dialog, navigation, outside request, CSP violation, or protocol warning', async function () {
    assert.deepEqual(guard.dialogs, [], 'dialogs');
    assert.deepEqual(guard.calls, [], 'alert/confirm/prompt/print calls');
    assert.deepEqual(guard.navigations, [], 'navigations');
    const ours = guard.csp.filter((v) => /webview|fake\.html|index\.html/.test(v.frame));
    assert.deepEqual(ours, [], 'CSP violations in the panels');
    const outside = guard.requests.filter((u) => !/open-vsx\.org|marketplace|vscode-cdn|update\.code/.test(u));
    assert.deepEqual(outside, [], 'requests to hosts other than the local server');
    const log = chatdeskLogText();
    assert.ok(log.includes('Added connection'), 'the Chatdesk log file was not found');
    assert.ok(!/not in its protocol/.test(log), 'a panel sent a message outside the protocol');
    for (const s of [sandbox.credentials.revechat.apiKey, sandbox.credentials.revechat.password]) {
      assert.ok(!log.includes(s), 'a credential is in the Chatdesk log');
    }
  });
});
