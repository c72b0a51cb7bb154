// Agent IDs in code as a user meets them, in the browser: a REVE Chat connection added through the palette, a sample
// integration file opened with Quick Open, the mouse over an agent ID (the hover names the agent), the suggest
// widget where an agent's ID goes, and an ID that matches no agent (the warning, and its quick fixes).
// Screenshots for the README: agent-id-hover.png, agent-id-completion.png, agent-id-warning.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openViewContainer, paneByTitle, parkMouse, quickInputBox, readNotification, setSideBarWidth, treeRows } from '../../scripts/lib/workbench.mjs';
import { e2eContext } from './context.mjs';
import { addReveConnectionThroughUi, cleanUpSuite, CONTAINER, openChatdesk, shot, support } from './helpers.mjs';

const LABEL = 'Acme Support (REVE Chat)';
const AGENTS = 40;
/** REVE Chat's own example agent (seed document 000), always in the sandbox: Mohaimin. */
const KNOWN_ID = '81830';
const KNOWN_NAME = 'Mohaimin';
/** No REVE Chat agent has this ID. */
const STALE_ID = '4188';
const FILE = 'support-routing.yaml';
const SAMPLE = `# Chat routing: which agent takes which queue
queues:
  billing:
    assignee: ${KNOWN_ID}
  vip:
    assignee: ${STALE_ID}
  night:
    port: 8080
    assignee: 
`;

/** The rendered token `text` on the editor line that holds `lineText`. */
function token(page, lineText, text) {
  return page.locator('.monaco-editor .view-line', { hasText: lineText }).locator('span > span', { hasText: new RegExp(`^${text}$`) }).first();
}

async function hoverOver(page, locator) {
  const box = await locator.boundingBox();
  assert.ok(box, 'the token is not on screen');
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
}

describe('Agent IDs in code, in the browser', function () {
  let sandbox;
  let context;
  let page;

  before(async function () {
    sandbox = await support().startSandbox({ agents: AGENTS, offlineMessages: 0, seed: 12 });
    fs.writeFileSync(path.join(e2eContext().workspaceFor('ws-agent-ids'), FILE), SAMPLE);
    ({ context, page } = await openChatdesk('ws-agent-ids'));
  });

  cleanUpSuite(() => ({ page, context, sandbox }));

  it('loads a connection and opens a sample integration file', async function () {
    await openViewContainer(page, CONTAINER);
    await setSideBarWidth(page, 360);
    await addReveConnectionThroughUi(page, sandbox, LABEL);
    await readNotification(page, /added/, { timeout: 30000 }); // and clears it, for the screenshots
    const pane = paneByTitle(page, 'Agents');
    await treeRows(pane, LABEL).filter({ hasText: new RegExp(`\\b${AGENTS} agents\\b`) }).first().waitFor({ timeout: 30000 });
    await page.keyboard.press('Control+P');
    const input = quickInputBox(page);
    await input.waitFor({ state: 'visible' });
    await input.fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: FILE }).waitFor();
    await page.keyboard.press('Enter');
    await token(page, `assignee: ${KNOWN_ID}`, KNOWN_ID).waitFor({ timeout: 20000 });
  });

  it('the mouse over an agent ID shows who it is, with Open Details and Copy ID', async function () {
    await hoverOver(page, token(page, `assignee: ${KNOWN_ID}`, KNOWN_ID));
    const hover = page.locator('.monaco-hover:visible', { hasText: KNOWN_NAME });
    await hover.waitFor({ timeout: 15000 });
    const text = await hover.innerText();
    assert.match(text, /REVE Chat/);
    assert.match(text, new RegExp(LABEL.replace(/[()]/g, '\\$&')));
    await hover.getByText('Open Details').waitFor();
    await hover.getByText('Copy ID').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'agent-id-hover.png');
    await parkMouse(page);
  });

  it('an ID that matches no agent is marked, with Replace with an agent… among its quick fixes', async function () {
    const stale = token(page, `assignee: ${STALE_ID}`, STALE_ID);
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: 20000 });
    await hoverOver(page, stale);
    await page.locator('.monaco-hover:visible', { hasText: `${STALE_ID} is not an agent of ${LABEL}` }).waitFor({ timeout: 15000 });
    await parkMouse(page);
    await stale.click();
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget:visible, .context-view:visible').filter({ hasText: 'Replace with an agent' });
    await menu.first().waitFor({ timeout: 15000 });
    assert.match(await menu.first().innerText(), /Find Agent/);
    await page.waitForTimeout(300);
    await shot(page, 'agent-id-warning.png');
    await page.keyboard.press('Escape');
    await parkMouse(page);
  });

  it('completion offers agents where an agent\'s ID goes', async function () {
    // the last line, "    assignee: ": the cursor at its end
    const line = page.locator('.monaco-editor .view-line', { hasText: 'assignee:' }).filter({ hasNotText: /\d/ }).first();
    const box = await line.boundingBox();
    await page.mouse.click(box.x + 5, box.y + box.height / 2);
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget.visible');
    await suggest.waitFor({ timeout: 15000 });
    await suggest.locator('.monaco-list-row').first().waitFor({ timeout: 15000 });
    // the focused row's details ("ID · REVE Chat · connection"): Ctrl+Space again shows them
    await page.keyboard.press('Control+Space');
    await suggest.locator('.monaco-list-row.focused', { hasText: 'REVE Chat' }).first().waitFor({ timeout: 5000 })
      .catch(() => page.locator('.suggest-details-container:visible', { hasText: 'REVE Chat' }).first().waitFor({ timeout: 5000 }));
    await page.waitForTimeout(300);
    await shot(page, 'agent-id-completion.png');
    await page.keyboard.press('Escape');
  });
});
