// Hostile content in the renderers outside the panels, in a real extension host: the sandbox serves agents,
// departments and offline messages whose fields carry every payload of the corpus, on all three platforms.
// Read back from the real tree nodes: labels and descriptions are one clean line, tooltips are untrusted
// Markdown (isTrusted false, supportHtml false) with every payload inert; the quick picks (Show Available
// Agents: every hostile Rocket.Chat agent; Find Agent) neutralise `$(icon)` syntax and controls; error
// notifications built from a hostile server's messages carry no link; and the log gets no control character.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { hostilePayloads, payloadLabel } from '../fixtures/hostilePayloads';
import { CONTROLS, NOTIFICATION_LINK, markdownProblems, unescapedIcons } from '../unit/hardening/textChecks';
import { activateChatdesk, waitFor, waitForTree, type NodeInfo } from './helpers';
import { WindowRecorder, tooltipOf } from './hardening.support';

/** Icons our own code puts in quick pick items. */
const OWN_ICONS = ['$(copy)', '$(go-to-file)', '$(mail)', '$(edit)'];

function cleanLine(text: string | undefined): string | undefined {
  const t = text ?? '';
  if (CONTROLS.test(t)) return `control or direction character in ${JSON.stringify(t.slice(0, 60))}`;
  if (t.length > 400) return `${t.length} characters`;
  return undefined;
}

suite('hardening: hostile content in trees, tooltips, quick picks, notifications and the log', function () {
  this.timeout(180_000);
  let sb: Sandbox;
  let api: ChatdeskTestApi;
  const win = new WindowRecorder();
  const added: StoredConnection[] = [];
  let agentNodes: NodeInfo[] = [];
  let messageNodes: NodeInfo[] = [];

  suiteSetup(async () => {
    sb = await startSandbox({ seed: 66, agents: 10, offlineMessages: 5, hostileStrings: [...hostilePayloads], rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    win.install();
    const cr = sb.credentials;
    added.push(
      await api.store.add({ label: 'Hostile REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: cr.revechat.accountId, username: cr.revechat.username },
        { apiKey: cr.revechat.apiKey, password: cr.revechat.password }),
      await api.store.add({ label: 'Hostile Rocket', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: cr.rocketchat.userId }, { authToken: cr.rocketchat.authToken }),
      await api.store.add({ label: 'Hostile HelpCrunch', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey }),
    );
    const count = (ns: NodeInfo[], id: string) => ns.filter((n) => (n.node as { agent?: { connectionId: string } }).agent?.connectionId === id).length;
    const nodes = await waitForTree('every hostile agent', api.agentsTree, (ns) => added.every((c) => count(ns, c.id) >= hostilePayloads.length), 90_000);
    agentNodes = nodes.filter((n) => n.contextValue.startsWith('chatdesk:agent'));
    const offline = await waitForTree('every hostile message', api.offlineTree,
      (ns) => ns.filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage')).length >= hostilePayloads.length, 90_000);
    messageNodes = offline.filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage'));
  });

  suiteTeardown(async () => {
    win.uninstall();
    if (api) for (const c of added) await api.store.remove(c.id);
    await sb?.stop();
  });

  test('tree items of every hostile agent and message: one clean line; tooltips untrusted and inert', async () => {
    assert.ok(agentNodes.length >= hostilePayloads.length * 3, `${agentNodes.length} agent nodes`);
    const problems: string[] = [];
    for (const [provider, nodes] of [[api.agentsTree, agentNodes], [api.offlineTree, messageNodes]] as const) {
      for (const n of nodes) {
        const what = `${n.contextValue} ${JSON.stringify(n.label.slice(0, 40))}`;
        for (const [part, text] of [['label', n.label], ['description', String(n.item.description ?? '')]]) {
          const p = cleanLine(text);
          if (p) problems.push(`${what} ${part}: ${p}`);
        }
        const tip = await tooltipOf(provider, n);
        if (!(tip instanceof vscode.MarkdownString)) { problems.push(`${what}: tooltip is not a MarkdownString`); continue; }
        if (tip.isTrusted) problems.push(`${what}: tooltip isTrusted`);
        if (tip.supportHtml) problems.push(`${what}: tooltip supportHtml`);
        for (const p of markdownProblems(tip.value)) problems.push(`${what} tooltip: ${p}`);
      }
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  });

  test('Show Available Agents: every hostile Rocket.Chat agent as a quick pick item, no icon syntax or controls from data', async () => {
    win.quickPicks.length = 0;
    await vscode.commands.executeCommand('chatdesk.showAvailableAgents', added[1].id);
    const pick = win.quickPicks[0];
    assert.ok(pick, 'no quick pick was shown');
    assert.ok(pick.items.length >= hostilePayloads.length, `${pick.items.length} items`);
    // by name, as every agent list, with the status in words
    const names = pick.items.flatMap((i) => ((i as { agent?: { name: string } }).agent ? [(i as unknown as { agent: { name: string } }).agent.name.toLowerCase()] : []));
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'not sorted by name');
    assert.ok(pick.items.filter((i) => (i as { agent?: unknown }).agent).every((i) => /^ID .+ · (online|away|busy|offline|status unknown)$/.test(i.detail ?? '')), 'no status in words');
    const problems: string[] = [];
    for (const item of pick.items) {
      for (const [part, text] of [['label', item.label], ['description', item.description], ['detail', item.detail]] as const) {
        const p = cleanLine(text);
        if (p) problems.push(`${part} ${JSON.stringify(item.label.slice(0, 40))}: ${p}`);
        if (text && unescapedIcons(text)) problems.push(`${part} ${JSON.stringify(text.slice(0, 60))}: $(icon) syntax from data`);
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });

  test('Find Agent: quick pick items searched by each hostile payload\'s text, no icon syntax or controls from data', async () => {
    win.createdQuickPicks.length = 0;
    void vscode.commands.executeCommand('chatdesk.findAgent');
    const qp = await waitFor('the Find Agent quick pick', () => win.createdQuickPicks[0], 10_000);
    try {
      await waitFor('items', () => qp.items.length > 0 && !qp.busy, 30_000);
      const problems: string[] = [];
      const check = (items: readonly vscode.QuickPickItem[]) => {
        for (const item of items) {
          for (const [part, text] of [['label', item.label], ['description', item.description], ['detail', item.detail]] as const) {
            const p = cleanLine(text);
            if (p) problems.push(`${part} ${JSON.stringify(item.label.slice(0, 40))}: ${p}`);
            if (text && unescapedIcons(text, OWN_ICONS)) problems.push(`${part} ${JSON.stringify(text.slice(0, 60))}: $(icon) syntax from data`);
          }
        }
      };
      check(qp.items);
      // the icon payloads must be among the items checked
      const iconPayload = hostilePayloads.find((p) => /\$\([a-z]/.test(p));
      assert.ok(iconPayload, 'the corpus has no $(icon) payload');
      const seen = qp.items.some((i) => i.label.replace(/\\/g, '').includes(iconPayload.trim().slice(0, 10)));
      assert.ok(seen, `the agent named ${payloadLabel(iconPayload)} is not among the first ${qp.items.length} items`);
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    } finally {
      qp.hide();
    }
  });

  test('Copy Agent ID of an agent whose ID is hostile: the exact ID on the clipboard, the status bar confirmation inert', async () => {
    const problems: string[] = [];
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const risky = hostilePayloads.filter((p) => /\$\(|[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(p));
    assert.ok(risky.length > 5);
    for (const id of risky) {
      win.statusBar.length = 0;
      const agent = { platform: 'helpcrunch', connectionId: added[2].id, id, name: 'x', status: 'online', departments: [], raw: {} };
      await vscode.commands.executeCommand('chatdesk.copyAgentId', agent);
      const copied = await vscode.env.clipboard.readText();
      // (a browser clipboard may drop NUL characters; everything else must be exact)
      assert.ok(copied === id || copied === id.split(String.fromCharCode(0)).join(''), `${payloadLabel(id)}: the clipboard holds ${JSON.stringify(copied.slice(0, 40))}`);
      for (const m of win.statusBar) {
        const p = cleanLine(m);
        if (p) problems.push(`${payloadLabel(id)}: ${p}`);
        if (unescapedIcons(m, ['$(check)'])) problems.push(`${payloadLabel(id)}: $(icon) syntax from data in ${JSON.stringify(m.slice(0, 60))}`);
      }
    }
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problems`);
  });

  suite('a server whose error messages carry the payloads', () => {
    let server: Server;
    let hostile: StoredConnection;
    let index = 0;

    suiteSetup(async () => {
      server = createServer((_req, res) => {
        // a generous rate limit, announced as Rocket.Chat does (else the client paces at 10 calls a minute)
        const limit = { 'X-RateLimit-Limit': '100000', 'X-RateLimit-Remaining': '99999', 'X-RateLimit-Reset': String(Date.now() + 60_000) };
        res.writeHead(403, { 'Content-Type': 'application/json', ...limit });
        res.end(JSON.stringify({ success: false, error: hostilePayloads[index % hostilePayloads.length], errorType: 'error-unauthorized' }));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      hostile = await api.store.add({ label: 'Hostile errors', platform: 'rocketchat', baseUrl: base, userId: 'hostileUser1' }, { authToken: 'hostile-token-123456' });
    });
    suiteTeardown(async () => {
      await api.store.remove(hostile.id);
      await new Promise<void>((r) => server.close(() => r()));
    });

    test('error notifications (every payload) carry no link and no control character; the log neither', async () => {
      win.messages.length = 0;
      const logStart = api.logLines().length;
      for (index = 0; index < hostilePayloads.length; index++) {
        await vscode.commands.executeCommand('chatdesk.showAvailableAgents', hostile.id);
      }
      assert.ok(win.messages.length >= hostilePayloads.length, `${win.messages.length} notifications for ${hostilePayloads.length} failures`);
      const problems: string[] = [];
      for (const m of win.messages) {
        if (NOTIFICATION_LINK.test(m)) problems.push(`link in ${JSON.stringify(m.slice(0, 100))}`);
        if (CONTROLS.test(m)) problems.push(`control character in ${JSON.stringify(m.slice(0, 100))}`);
      }
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems in notifications`);
      const log = api.logLines().slice(logStart);
      assert.ok(log.length >= hostilePayloads.length, 'the failures were not logged');
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      const bad = log.filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(l));
      assert.deepEqual(bad.slice(0, 10).map((l) => JSON.stringify(l.slice(0, 120))), [], `${bad.length} log lines with control or direction characters`);
    });

    test('the log of loading the hostile sandbox has no control or direction character from data', () => {
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      const bad = api.logLines().filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(l));
      assert.deepEqual(bad.slice(0, 10).map((l) => JSON.stringify(l.slice(0, 120))), []);
    });

    // one entry, one line: a line break from data is written escaped (src/text/logLine.ts), so no entry can be forged
    test('the logger itself neutralises line breaks, control and direction characters from whatever it is given', () => {
      for (const p of hostilePayloads.filter((x) => x.length < 2000)) api.log.warn('payload:', p, new Error(p));
      const lines = api.logLines().slice(-Math.min(2000, hostilePayloads.length));
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      const bad = lines.filter((l) => /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(l));
      assert.deepEqual(bad.slice(0, 10).map((l) => JSON.stringify(l.slice(0, 120))), [], `${bad.length} log lines with line breaks, control or direction characters`);
    });

    test('the Chatdesk log file: every line is an entry of its own (a timestamp first), whatever line breaks the data had', async () => {
      const userData = process.env.CHATDESK_TEST_USER_DATA_DIR;
      assert.ok(userData, 'CHATDESK_TEST_USER_DATA_DIR is not set: the log file cannot be found');
      const marker = `forgery-check-${Date.now()}`;
      const breaks = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'];
      for (const b of breaks) api.log.warn(`${marker} subject${b}2026-01-01 00:00:00.000 [info] forged entry`, new Error(`vendor${b}[error] forged`));
      const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [])
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      const text = await waitFor('the marked entries in the Chatdesk log file', () => {
        const all = walk(path.join(userData, 'logs')).filter((f) => /Chatdesk\.log$/.test(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
        return all.split(marker).length - 1 >= breaks.length ? all : undefined;
      }, 20_000);
      // eslint-disable-next-line no-control-regex -- splitting at every line break is the point
      const lines = text.split(/\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/).filter((l) => l.trim());
      const untimed = lines.filter((l) => !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[/.test(l));
      assert.deepEqual(untimed.slice(0, 5), [], `${untimed.length} lines of the log file are not entries`);
      assert.equal(lines.filter((l) => l.includes(marker)).length, breaks.length, 'one line per entry');
    });
  });
});
