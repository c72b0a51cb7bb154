// Issue 10, in VS Code's own renderer: tree tooltips are Markdown that VS Code renders (marked, then theme icons
// drawn from the rendered HTML). The sandbox serves agents and offline messages whose text fields carry the
// Markdown payloads of the corpus (theme-icon syntax in every form, www./mailto:/e-mail autolinks, block syntax at
// line starts, emphasis, code, entities), and a server error that echoes such text. Every tooltip is hovered and its
// DOM read: no link, no icon from data (only ours: the agent's status, the error mark), no heading, list, table,
// quote, code or emphasis from data, and the text as typed.
import assert from 'node:assert/strict';
import { openViewContainer, paneByTitle, parkMouse, readNotification, runCommand, treeRows } from '../../scripts/lib/workbench.mjs';
import { e2eContext } from './context.mjs';
import { addReveConnectionThroughUi, cleanUpSuite, CONTAINER, forEachTreeRow, openChatdesk, support } from './helpers.mjs';

const LABEL = 'Markdown fixtures (REVE Chat)';
const ECHO = '# Request failed\n+ the key\n- the account\n1) retry later\n$(warning) renew at www.example.invalid/renew-key or mail attacker@example.invalid';

/** Whitespace-free text, for comparing what the DOM shows with what was typed. */
const compact = (t) => t.replace(/[\s\u200b]+/g, '');

/** Runs in the page: what the rendered Markdown of a hover contains. */
function hoverContent(el) {
  const md = el.querySelector('.rendered-markdown') ?? el;
  const count = (sel) => md.querySelectorAll(sel).length;
  return {
    links: [...md.querySelectorAll('a')].map((a) => a.outerHTML.slice(0, 120)),
    icons: [...md.querySelectorAll('.codicon, [class*="codicon-"]')].map((e) => [...e.classList].filter((c) => c.startsWith('codicon-')).join(' ')),
    structure: {
      headings: count('h1, h2, h3, h4, h5, h6'), lists: count('ul, ol, li'), tables: count('table'), quotes: count('blockquote'),
      code: count('code, pre'), em: count('em, del, s'), images: count('img'), strong: count('strong'), rules: count('hr'),
    },
    strong: [...md.querySelectorAll('strong')].map((s) => s.textContent),
    text: md.textContent,
  };
}

describe('Tooltips in VS Code\'s own Markdown renderer (issue 10)', function () {
  this.timeout(600000);
  let s;
  let sandbox;
  let payloads;
  let context;
  let page;
  const hovered = { agents: 0, messages: 0 };

  /** Shows one view of the container with all the room, the other collapsed (rows are hovered where they are visible). */
  async function showOnly(title) {
    for (const [name, expanded] of [['Agents', title === 'Agents'], ['Offline Messages', title === 'Offline Messages']]) {
      const header = paneByTitle(page, name).locator('.pane-header').first();
      // on the title: the header's action buttons would take a click in its middle
      if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.locator('.title').first().click();
      await paneByTitle(page, name).locator(`.pane-header[aria-expanded="${expanded}"]`).first().waitFor({ timeout: 10000 });
    }
    await parkMouse(page);
  }

  /** Scrolls the list of `pane` back to its first rows (the tree keeps its scroll position across refreshes). */
  async function scrollToTop(pane) {
    const list = pane.locator('.monaco-list').first();
    for (let i = 0; i < 80; i++) {
      // the very top: the first row in the list itself (not only as the pinned "sticky" row above it)
      const first = list.locator('.monaco-list-rows .monaco-list-row[data-index="0"]');
      if (await first.count()) {
        const [r, l] = [await first.boundingBox(), await list.boundingBox()];
        if (r && l && r.y >= l.y - 1) return;
      }
      const box = await list.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -800);
      await page.waitForTimeout(60);
    }
    throw new Error('could not scroll the tree back to its top');
  }

  /** Scrolls the list of `pane` until `row` is wholly inside it (a row half under the next pane would not get the hover). */
  async function scrollIntoList(pane, row) {
    const list = pane.locator('.monaco-list').first();
    for (let i = 0; i < 20; i++) {
      const [r, l] = [await row.boundingBox(), await list.boundingBox()];
      if (!r || !l) return;
      if (r.y >= l.y && r.y + r.height <= l.y + l.height) return;
      await page.mouse.move(l.x + l.width / 2, l.y + l.height / 2);
      await page.mouse.wheel(0, r.y < l.y ? -r.height : r.height);
      await page.waitForTimeout(60);
    }
  }

  const hovers = () => page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ });

  /**
   * Hovers `row` and returns the content of ITS hover: the previous hover gone first, then a hover whose bold title
   * is exactly the row's label (or, for rows without one, whose text has `title`). Never a stale hover: "---" is in
   * the text of the hover of "Heading ---".
   */
  async function hover(row, { title, pane } = {}) {
    const label = (await row.locator('.label-name').innerText()).trim();
    const matches = (content) => (title === undefined
      ? content.strong.length > 0 && compact(content.strong[0]) === compact(label)
      : compact(content.text).includes(compact(title)));
    let seen;
    for (let attempt = 1; attempt <= 3; attempt++) {
      await parkMouse(page);
      await page.waitForFunction(() => ![...document.querySelectorAll('.workbench-hover, .monaco-hover')].some((h) => h.textContent.trim() && h.offsetParent), undefined, { timeout: 3000 }).catch(() => {});
      if (pane) await scrollIntoList(pane, row);
      await row.hover();
      const deadline = Date.now() + 6000;
      while (Date.now() < deadline) {
        if (await hovers().count()) {
          const content = await hovers().last().evaluate(hoverContent).catch(() => undefined);
          if (content && matches(content)) return { label, content };
          if (content) seen = content;
        }
        await page.waitForTimeout(100);
      }
    }
    throw new Error(`no tooltip titled as the row ${JSON.stringify(label)}; the last hover showed ${JSON.stringify(seen?.strong)}: ${JSON.stringify(seen?.text?.slice(0, 120))}`);
  }

  function assertNoStructure(content, where, own) {
    assert.deepEqual(content.links, [], `${where}: a link`);
    assert.deepEqual(content.icons, own.icons, `${where}: icons`);
    assert.deepEqual(content.structure, { headings: 0, lists: 0, tables: 0, quotes: 0, code: 0, em: 0, images: 0, strong: own.strong, rules: own.rules }, `${where}: structure`);
  }

  before(async function () {
    s = support();
    payloads = s.markdownPayloads;
    e2eContext().server.resetSettings({ 'workbench.hover.delay': 150, 'workbench.editor.limit.enabled': true, 'workbench.editor.limit.value': 3 });
    sandbox = await s.startSandbox({ agents: 0, offlineMessages: 0, hostileStrings: [...payloads] });
    ({ context, page } = await openChatdesk('ws-tooltips'));
    console.log(`      ${payloads.length} Markdown payloads in the sandbox`);
    await openViewContainer(page, CONTAINER);
    await addReveConnectionThroughUi(page, sandbox, LABEL);
    await readNotification(page, /added/, { timeout: 30000 });
    await treeRows(paneByTitle(page, 'Agents'), LABEL).first().waitFor({ timeout: 30000 });
    await page.locator('.part.sidebar .codicon-loading').first().waitFor({ state: 'detached', timeout: 30000 }).catch(() => {});
  });

  cleanUpSuite(() => ({ page, context, sandbox }), { resetSettings: true });

  it('agent tooltips: the name as typed; no link, icon, heading, list, table or emphasis from data; our status icon only', async function () {
    const seeds = new Set(s.reveSeedAgentNames);
    const names = new Map(payloads.filter((p) => !p.includes('\n')).map((p) => [s.plainText(`${p} ${p}`), p]));
    const problems = [];
    await showOnly('Agents');
    const pane = paneByTitle(page, 'Agents');
    await forEachTreeRow(page, pane, async (row, i) => {
      if (i === 0) return;
      const name = (await row.locator('.label-name').innerText()).trim();
      if (seeds.has(name)) return;
      const payload = names.get(name);
      if (payload === undefined) return; // a multi-line payload's agent: its label is one line, its hover too
      const { content } = await hover(row, { pane });
      hovered.agents++;
      try {
        assertNoStructure(content, `agent ${JSON.stringify(payload)}`, { icons: ['codicon-pass-filled'], strong: 1, rules: 0 });
        assert.equal(compact(content.strong[0]), compact(s.plainText(`${payload} ${payload}`)), `the bold name as typed: ${JSON.stringify(payload)} shows ${JSON.stringify(content.strong[0])}`);
        assert.ok(compact(content.text).includes(compact(`${s.plainText(payload)}@example.com`)), `the e-mail as typed in ${JSON.stringify(content.text.slice(0, 200))}`);
      } catch (e) {
        problems.push(e.message.split('\n')[0]);
      }
    });
    await parkMouse(page);
    assert.deepEqual(problems, []);
    assert.ok(hovered.agents >= names.size, `hovered ${hovered.agents} agents for ${names.size} payloads`);
  });

  it('offline message tooltips: subject and message as typed (line by line); nothing rendered from data', async function () {
    const problems = [];
    const subjects = new Map(payloads.map((p) => [s.plainText(p), p]));
    await showOnly('Offline Messages');
    const pane = paneByTitle(page, 'Offline Messages');
    await pane.locator('.monaco-list-row[data-index="1"]').waitFor({ timeout: 30000 });
    await forEachTreeRow(page, pane, async (row, i) => {
      if (i === 0) return;
      const subject = (await row.locator('.label-name').innerText()).trim();
      const payload = subjects.get(subject);
      if (payload === undefined) return;
      const { content } = await hover(row, { pane });
      hovered.messages++;
      try {
        assertNoStructure(content, `message ${JSON.stringify(payload)}`, { icons: [], strong: 1, rules: 1 });
        assert.equal(compact(content.strong[0]), compact(s.plainText(payload)), `the subject as typed: ${JSON.stringify(payload)} shows ${JSON.stringify(content.strong[0])}`);
        for (const line of payload.split(/\r\n|[\n\r]/).map((l) => s.plainText(l)).filter(Boolean)) {
          assert.ok(compact(content.text).includes(compact(line)), `the line ${JSON.stringify(line)} as typed`);
        }
      } catch (e) {
        problems.push(e.message.split('\n')[0]);
      }
    });
    await parkMouse(page);
    assert.deepEqual(problems, []);
    assert.ok(hovered.messages >= payloads.length, `hovered ${hovered.messages} messages for ${payloads.length} payloads`);
  });

  it('a server error that echoes Markdown: the error item\'s and the connection\'s tooltips show it as text, with our error icon only', async function () {
    sandbox.setFaults({ errorRate: 1, errorStatus: 400, errorMessage: ECHO });
    await showOnly('Agents');
    const pane = paneByTitle(page, 'Agents');
    await runCommand(page, 'Chatdesk: Refresh All');
    await pane.locator('.pane-header .codicon-error, .monaco-list-row .codicon-error').first().waitFor({ timeout: 30000 });
    await scrollToTop(pane); // the error item is the connection's first child
    await parkMouse(page);
    const errorRow = treeRows(pane).filter({ has: page.locator('.codicon-error') }).filter({ hasNotText: LABEL }).first();
    await errorRow.waitFor({ timeout: 30000 });
    const label = (await errorRow.locator('.label-name').innerText()).trim();
    assert.ok(compact(s.plainText(ECHO)).startsWith(compact(label.replace(/…$/, ''))), `the error item shows the message as one line: ${label}`);
    const { content } = await hover(errorRow, { title: 'Request failed', pane });
    assertNoStructure(content, 'error item', { icons: ['codicon-error'], strong: 0, rules: 0 });
    for (const line of ECHO.split('\n')) assert.ok(compact(content.text).includes(compact(line)), `${JSON.stringify(line)} as typed in ${JSON.stringify(content.text)}`);
    const connection = treeRows(pane, LABEL).first();
    const { content: c } = await hover(connection, { title: LABEL, pane });
    assert.deepEqual(c.links, [], 'a link in the connection tooltip');
    assert.deepEqual(c.icons, ['codicon-error'], 'icons in the connection tooltip');
    assert.equal(c.structure.lists + c.structure.headings + c.structure.em, 0, 'structure from the message');
    await parkMouse(page);
    sandbox.setFaults({ errorRate: 0, errorMessage: undefined });
  });
});
