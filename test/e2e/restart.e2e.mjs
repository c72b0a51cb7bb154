// After a restart the agents are on screen at once: a connection is loaded, an agent panel opened, the server goes
// away, the window is reloaded. The Agents view shows the cached agents (marked cached, with their age) with the
// failed refresh above them, and the agent panel comes back from the cache.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  activityIcon, editorTab, openViewContainer, paneByTitle, parkMouse, runCommand, setSideBarWidth, treeRows, webviewFrame,
} from '../../scripts/lib/workbench.mjs';
import { e2eContext } from './context.mjs';
import { addReveConnectionThroughUi, cleanUpSuite, CONTAINER, openChatdesk, shot, support } from './helpers.mjs';

const LABEL = 'Restart Test (REVE Chat)';
const AGENTS = 45;

/** The agent lists Chatdesk keeps in the server's user data (globalStorageUri/agents). */
function cacheFiles() {
  const dir = path.join(e2eContext().server.userDataDir, 'User', 'globalStorage', 'chatdesk.chatdesk', 'agents');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : [];
}

describe('Chatdesk after a window reload with the server gone', function () {
  let sandbox;
  let context;
  let page;
  let agentName;

  before(async function () {
    sandbox = await support().startSandbox({ agents: AGENTS, offlineMessages: 5, seed: 77 });
    ({ context, page } = await openChatdesk('ws-restart'));
  });

  cleanUpSuite(() => ({ page, context, sandbox }));

  it('loads a connection and opens an agent; the agents are saved for the next start', async function () {
    await openViewContainer(page, CONTAINER);
    await setSideBarWidth(page, 480);
    const before = new Set(cacheFiles());
    await addReveConnectionThroughUi(page, sandbox, LABEL);
    const pane = paneByTitle(page, 'Agents');
    await treeRows(pane, LABEL).filter({ hasText: new RegExp(`\\b${AGENTS} agents\\b`) }).first().waitFor({ timeout: 30000 });
    const rows = treeRows(pane).filter({ hasNotText: LABEL });
    await rows.nth(3).waitFor({ timeout: 30000 });
    agentName = (await rows.nth(1).locator('.label-name').innerText()).trim();
    await treeRows(pane, agentName).first().click();
    await parkMouse(page);
    await editorTab(page, `Agent: ${agentName}`).waitFor({ timeout: 30000 });
    await webviewFrame(page).locator('main.panel.agent').waitFor({ timeout: 30000 });
    // the panel saved which agent it shows (ids only) in its webview state for the reload
    await page.waitForTimeout(500);
    let file;
    for (let i = 0; i < 50 && !file; i++) {
      file = cacheFiles().find((f) => !before.has(f));
      if (!file) await page.waitForTimeout(200);
    }
    assert.ok(file, 'no agent list was written to the extension\'s global storage');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.agents.length, AGENTS);
    const text = fs.readFileSync(file, 'utf8');
    for (const s of [sandbox.credentials.revechat.apiKey, sandbox.credentials.revechat.password]) assert.ok(!text.includes(s), 'a credential is in the cache file');
  });

  it('after a reload with the server stopped: the cached agents at once, marked cached, the error above them; the panel back', async function () {
    await sandbox.stop();
    // VS Code's own Reload Window: the workbench saves its state (open editors, webview state) before it reloads,
    // as it does when the user reloads or restarts; a bare browser reload can cut that save short.
    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await activityIcon(page, CONTAINER).waitFor({ timeout: 60000 });
    await openViewContainer(page, CONTAINER);
    const pane = paneByTitle(page, 'Agents');
    const row = treeRows(pane, LABEL).filter({ hasText: /cached/ }).first();
    await row.waitFor({ timeout: 30000 });
    const rows = treeRows(pane).filter({ hasNotText: LABEL });
    await treeRows(pane, agentName).first().waitFor({ timeout: 30000 });
    assert.match(await row.innerText(), new RegExp(`${AGENTS} agents · cached (just now|\\d+ min ago)`));
    // the refresh cannot reach the server: it fails, the cached agents stay, the error item is above them
    await treeRows(pane, LABEL).filter({ hasText: /refresh failed/ }).first().waitFor({ timeout: 60000 });
    const labels = (await rows.locator('.label-name').allInnerTexts()).map((l) => l.trim());
    assert.ok(/reach|connect|server/i.test(labels[0]), `the first row is not the error item: ${labels.slice(0, 3).join(' | ')}`);
    assert.ok(labels.includes(agentName), 'the cached agent is not in the tree');
    // the agent panel came back, from the cache (its raw JSON is not cached, and it says so)
    await editorTab(page, `Agent: ${agentName}`).waitFor({ timeout: 30000 });
    await editorTab(page, `Agent: ${agentName}`).first().click();
    const frame = webviewFrame(page);
    await frame.locator('main.panel.agent').waitFor({ timeout: 30000 });
    const panelText = await frame.locator('main.panel.agent').innerText();
    assert.ok(panelText.includes(agentName), `the restored panel does not show the agent: ${panelText.slice(0, 200)}`);
    assert.match(panelText, /not kept in Chatdesk's cache/);
    assert.match(panelText, /From the agent list saved .+; this page updates when the fresh list arrives\./, 'the restored panel does not say it shows cached data');
    await parkMouse(page);
    await shot(page, 'restart-cached.png');
  });
});
