// Secrets canary in a real VS Code. Canary credentials for every platform are added through
// `chatdesk.addConnection`'s own code path (the sandbox's demo credentials, which it accepts, plus
// CANARY-… values it rejects, typed first so that verification fails); connections with rejected canaries are
// stored too, so that errors are shown. Then everything the extension wrote or showed is searched for every
// canary, plain and in every encoding it travels in (HTTP Basic base64, base64, URI-encoded): settings (API
// and files), the extension's global and workspace state, every file under the user data directory, the log,
// every panel's HTML, every tree item (labels, descriptions, tooltips, ids), every notification and status
// bar message, every verification message, and the JSON copied to the clipboard.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Platform } from '../../src/api/model';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { activateChatdesk, tabs, waitFor, waitForTree, walkTree } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';
import { WindowRecorder, treeTexts } from './hardening.support';

const rand = () => randomBytes(9).toString('hex');
/** Canaries the platforms reject: distinctive, and shaped like the real thing so validation lets them through. */
const WRONG = {
  helpcrunch: `CANARY-hc-${rand()}${rand()}`,
  rocketchat: `CANARY-rc-${rand()}${rand()}`,
  revePassword: `CANARY-pw-${rand()}`,
  // a REVE key is a JWT: an unexpired, unsigned one carrying a canary claim
  reveKey: [
    Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
    Buffer.from(JSON.stringify({ accountId: '8683034', sub: 'authorization', exp: Math.floor(Date.now() / 1000) + 86_400 * 20, canary: `CANARY-${rand()}` })).toString('base64url'),
    `CANARY${rand()}${rand()}`,
  ].join('.'),
};

function forms(secret: string, user?: string): string[] {
  const out = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret), Buffer.from(secret).toString('base64url')];
  if (user) out.push(Buffer.from(`${user}:${secret}`).toString('base64'));
  return [...new Set(out.filter((s) => s.length >= 8))];
}

function walkFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkFiles(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []);
}

suite('hardening: secrets canary', function () {
  this.timeout(120_000);
  let sb: Sandbox;
  let api: ChatdeskTestApi;
  const win = new WindowRecorder();
  const added = new Map<Platform, StoredConnection>();
  const failing: StoredConnection[] = [];
  const flowMessages: string[] = [];
  const clipboard: string[] = [];
  let canaries: { name: string; value: string }[] = [];

  suiteSetup(async () => {
    sb = await startSandbox({ seed: 4242, agents: 25, offlineMessages: 8, rateLimits: { rocketchatCallsPerRoute: 0 } });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    win.install();
    const c = sb.credentials;
    const named: [string, string, string?][] = [
      ['REVE Chat key', c.revechat.apiKey], ['REVE Chat password', c.revechat.password, c.revechat.username],
      ['Rocket.Chat token', c.rocketchat.authToken], ['HelpCrunch key', c.helpcrunch.apiKey],
      ['wrong HelpCrunch key', WRONG.helpcrunch], ['wrong Rocket.Chat token', WRONG.rocketchat],
      ['wrong REVE Chat password', WRONG.revePassword, c.revechat.username], ['wrong REVE Chat key', WRONG.reveKey],
    ];
    canaries = named.flatMap(([name, value, user]) => forms(value, user).map((v) => ({ name, value: v })));
  });

  suiteTeardown(async () => {
    win.uninstall();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api) for (const c of [...added.values(), ...failing]) await api.store.remove(c.id);
    await sb?.stop();
  });

  test('canary credentials of every platform go through the add-connection flow (a rejected canary first)', async () => {
    const c = sb.credentials;
    const answers: Record<Platform, Record<string, string | string[]>> = {
      revechat: { baseUrl: sb.baseUrls.revechat, apiKey: [WRONG.reveKey, c.revechat.apiKey], username: c.revechat.username, password: [WRONG.revePassword, c.revechat.password], label: 'Canary REVE' },
      rocketchat: { baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId, authToken: [WRONG.rocketchat, c.rocketchat.authToken], label: 'Canary Rocket' },
      helpcrunch: { baseUrl: sb.baseUrls.helpcrunch, apiKey: [WRONG.helpcrunch, c.helpcrunch.apiKey], label: 'Canary HelpCrunch' },
    };
    for (const platform of ['revechat', 'rocketchat', 'helpcrunch'] as Platform[]) {
      const prompter = new ScriptedPrompter(platform, answers[platform]);
      const saved = await vscode.commands.executeCommand<StoredConnection | undefined>('chatdesk.addConnection', { prompter });
      assert.ok(saved, `${platform}: not added; steps ${JSON.stringify(prompter.seen.map((s) => [s.field, s.message]))}`);
      const messages = prompter.seen.map((s) => s.message).filter((m): m is string => !!m);
      assert.ok(messages.length > 0, `${platform}: the rejected canary produced no message at the input`);
      flowMessages.push(...messages, ...prompter.seen.map((s) => s.validation ?? ''));
      added.set(platform, saved);
    }
  });

  test('connections whose canary credentials are rejected show errors', async () => {
    const c = sb.credentials;
    failing.push(
      await api.store.add({ label: 'Canary bad HC', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: WRONG.helpcrunch }),
      await api.store.add({ label: 'Canary bad RC', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId }, { authToken: WRONG.rocketchat }),
      await api.store.add(
        { label: 'Canary bad REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId, username: c.revechat.username },
        { apiKey: WRONG.reveKey, password: WRONG.revePassword }),
    );
    const nodes = await waitForTree('an error item under every failing connection', api.agentsTree, (ns) =>
      failing.every((f) => ns.some((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === f.id))
      && [...added.values()].every((a) => ns.some((n) => (n.node as { agent?: { connectionId: string } }).agent?.connectionId === a.id)));
    assert.ok(nodes.filter((n) => n.contextValue.startsWith('chatdesk:error')).length >= 3);
    await waitForTree('offline messages and the offline error item', api.offlineTree, (ns) =>
      ns.some((n) => n.contextValue.startsWith('chatdesk:offlineMessage'))
      && ns.some((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === failing[2].id));
    // an error notification from a command on a failing connection
    await vscode.commands.executeCommand('chatdesk.showAvailableAgents', failing[1].id);
    assert.ok(win.messages.some((m) => /Chatdesk/.test(m)), `no error notification: ${JSON.stringify(win.messages)}`);
  });

  test('panels open and agents are copied as JSON', async () => {
    const agents = await walkTree(api.agentsTree);
    for (const c of added.values()) {
      const node = agents.find((n) => (n.node as { agent?: { connectionId: string } }).agent?.connectionId === c.id);
      assert.ok(node, `no agent of ${c.label}`);
      await vscode.commands.executeCommand('chatdesk.openAgent', node.node);
      await vscode.commands.executeCommand('chatdesk.copyAgentJson', node.node);
      clipboard.push(await vscode.env.clipboard.readText());
      await vscode.commands.executeCommand('chatdesk.copyAgentId', node.node);
      clipboard.push(await vscode.env.clipboard.readText());
    }
    const messages = (await walkTree(api.offlineTree)).filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage'));
    await vscode.commands.executeCommand('chatdesk.openOfflineMessage', messages[0].node);
    // a message of the connection whose password is wrong: the panel shows the failure
    await vscode.commands.executeCommand('chatdesk.openOfflineMessage', { connectionId: failing[2].id, message: { ...(messages[1].node as { message: object }).message } });
    await waitFor('five panels, none loading', () => {
      const snap = api.panels()?.snapshot() ?? [];
      return snap.length >= 5 && snap.every((p) => p.state !== 'loading');
    }, 30_000);
    assert.ok(clipboard.every((t) => t.length > 0));
    assert.ok(tabs().some((t) => t.viewType !== undefined), 'no panel tab');
  });

  test('no canary anywhere: settings, state, files, log, panels, trees, messages, clipboard', async () => {
    assert.equal(added.size, 3, 'the add-connection test did not pass');
    const haystacks: { where: string; text: string }[] = [];
    const add = (where: string, text: string) => haystacks.push({ where, text });

    // settings, as the extension host sees them, at every level
    add('workspace.getConfiguration()', JSON.stringify(vscode.workspace.getConfiguration()));
    const chatdesk = vscode.workspace.getConfiguration('chatdesk');
    for (const key of Object.keys(JSON.parse(JSON.stringify(chatdesk)) as object)) add(`inspect(chatdesk.${key})`, JSON.stringify(chatdesk.inspect(key)));
    // the extension's state: connection metadata, and every key of globalState and workspaceState
    add('store.list()', JSON.stringify(api.store.list()));
    // files: settings.json of user and workspace, and everything the server keeps for this user (state DBs, logs)
    const userData = process.env.CHATDESK_TEST_USER_DATA_DIR;
    const files = [
      ...(userData ? walkFiles(userData) : []),
      ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => walkFiles(path.join(f.uri.fsPath, '.vscode'))),
    ];
    assert.ok(userData && files.length > 0, 'CHATDESK_TEST_USER_DATA_DIR is not set: the files cannot be searched');
    for (const f of files) if (fs.statSync(f).size < 20_000_000) add(f, fs.readFileSync(f).toString('latin1'));
    // the log
    const log = api.logLines();
    assert.ok(log.some((l) => /Verification failed/.test(l)), 'the log has no verification failure: the search would prove little');
    add('log', log.join('\n'));
    // panels
    const panels = api.panels()?.snapshot() ?? [];
    assert.ok(panels.length >= 5, `${panels.length} panels`);
    for (const p of panels) add(`panel ${p.title}`, `${p.title}\n${p.html}`);
    // both trees, tooltips resolved
    const trees = await treeTexts(api);
    assert.ok(trees.nodes.some((n) => n.contextValue.startsWith('chatdesk:error')));
    add('tree items', trees.texts.join('\n'));
    // what the user was shown or given
    add('notifications', win.messages.join('\n'));
    add('status bar', win.statusBar.join('\n'));
    add('add-flow messages', flowMessages.join('\n'));
    add('clipboard', clipboard.join('\n'));

    assertNoCanary(haystacks);
    // the search covered what it claims: the demo credentials' non-secret parts are where they should be
    assert.ok(haystacks.some((h) => h.where === 'store.list()' && h.text.includes(sb.credentials.rocketchat.userId)));
    assert.ok(haystacks.some((h) => h.where === 'clipboard' && h.text.includes('"connectionId"')));
  });

  test('no canary in any key or value of the extension\'s globalState and workspaceState', () => {
    assert.ok(api.globalState && api.workspaceState, 'the test API (src/testApi.ts) exposes neither globalState nor workspaceState');
    const haystacks: { where: string; text: string }[] = [];
    for (const [name, m] of [['globalState', api.globalState], ['workspaceState', api.workspaceState]] as const) {
      for (const key of m.keys()) haystacks.push({ where: `${name}[${key}]`, text: `${key} ${JSON.stringify(m.get(key))}` });
    }
    assert.ok(haystacks.some((h) => h.where.startsWith('globalState')), 'globalState is empty: the connections are not where they should be');
    assertNoCanary(haystacks);
  });

  function assertNoCanary(haystacks: { where: string; text: string }[]): void {
    const found: string[] = [];
    for (const c of canaries) {
      for (const h of haystacks) if (h.text.includes(c.value)) found.push(`${c.name} (${c.value.slice(0, 10)}…) in ${h.where}`);
    }
    assert.deepEqual(found, [], 'a canary credential leaked');
  }

  test('the log masks a credential it was never told about, in objects, errors and causes', () => {
    const unknown = `CANARY-unregistered-${rand()}`;
    api.log.warn('request failed', { headers: { Authorization: `Bearer ${unknown}`, 'X-Auth-Token': unknown }, url: `https://bot:${unknown}@chat.example.com/` });
    api.log.error(new Error('listing failed', { cause: new Error(`{"password":"${unknown}","apiKey":"${unknown}"}`) }));
    api.log.error('Command failed:', new Error(`proxy said: Authorization: ${unknown}`));
    const lines = api.logLines().slice(-3).join('\n');
    assert.ok(lines.includes('request failed') && lines.includes('listing failed'), lines);
    assert.ok(!lines.includes(unknown), `the log shows an unregistered credential:\n${lines}`);
  });
});
