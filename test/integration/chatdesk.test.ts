// Chatdesk inside a real VS Code extension host, against the sandbox started in this process:
// connections added through `chatdesk.addConnection`'s own code path, both trees, copy ID, both panels,
// an error item with a retry action, and no secret anywhere it must not be.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Platform } from '../../src/api/model';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { activateChatdesk, tabs, waitFor, waitForTree, walkTree, type NodeInfo } from './helpers';
import { ScriptedPrompter } from './scriptedPrompter';

const AGENTS_PER_PLATFORM = 25;
const OFFLINE_MESSAGES = 12;
const PLATFORMS: Platform[] = ['revechat', 'rocketchat', 'helpcrunch'];
const LABELS: Record<Platform, string> = { revechat: 'IT REVE Chat', rocketchat: 'IT Rocket.Chat', helpcrunch: 'IT HelpCrunch' };
/** A key no platform accepts, typed first to see the flow's verification failure. */
const WRONG_HELPCRUNCH_KEY = 'it-wrong-helpcrunch-key-7f3a9c1e5b';

/** Every message VS Code was asked to show while the suite ran (the window API is wrapped below). */
const shownMessages: string[] = [];

function answersFor(sb: Sandbox, p: Platform): Record<string, string | string[]> {
  const c = sb.credentials;
  switch (p) {
    case 'revechat':
      return { baseUrl: sb.baseUrls.revechat, apiKey: c.revechat.apiKey, username: c.revechat.username, password: c.revechat.password, label: LABELS.revechat };
    case 'rocketchat':
      return { baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId, authToken: c.rocketchat.authToken, label: LABELS.rocketchat };
    case 'helpcrunch':
      return { baseUrl: sb.baseUrls.helpcrunch, apiKey: c.helpcrunch.apiKey, label: LABELS.helpcrunch };
  }
}

function secretsOf(sb: Sandbox): string[] {
  const c = sb.credentials;
  return [c.revechat.apiKey, c.revechat.password, c.rocketchat.authToken, c.helpcrunch.apiKey, WRONG_HELPCRUNCH_KEY].filter((s) => !!s);
}

function assertNoSecret(where: string, text: string, secrets: string[]): void {
  for (const s of secrets) {
    assert.ok(!text.includes(s), `a credential (${s.slice(0, 4)}…) appears in ${where}`);
  }
}

async function removeAll(api: ChatdeskTestApi): Promise<void> {
  for (const c of [...api.store.list()]) await api.store.remove(c.id);
}

function agentNodes(nodes: NodeInfo[], connectionId: string): NodeInfo[] {
  return nodes.filter((n) => n.contextValue.startsWith('chatdesk:agent') && (n.node as { agent?: { connectionId?: string } }).agent?.connectionId === connectionId);
}

function uniqueAgentIds(nodes: NodeInfo[]): Set<string> {
  return new Set(nodes.map((n) => (n.node as { agent: { id: string } }).agent.id));
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('all editors closed', () => tabs().length === 0, 10000);
}

suite('Chatdesk against the sandbox', function () {
  this.timeout(90000);
  let sandbox: Sandbox;
  let api: ChatdeskTestApi;
  const added = new Map<Platform, StoredConnection>();
  const restore: (() => void)[] = [];

  suiteSetup(async () => {
    sandbox = await startSandbox({ agents: AGENTS_PER_PLATFORM, offlineMessages: OFFLINE_MESSAGES, rateLimits: { rocketchatCallsPerRoute: 0 } });
    api = await activateChatdesk();
    await removeAll(api);
    // Record every message shown to the user (the tests and the extension share this API object).
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
      const original = win[name];
      win[name] = (...a: unknown[]) => { shownMessages.push(`${name}: ${String(a[0])}`); return original.apply(vscode.window, a); };
      restore.push(() => { win[name] = original; });
      assert.notEqual(win[name], original, `could not wrap vscode.window.${name}`);
    }
  });

  suiteTeardown(async () => {
    for (const r of restore) r();
    await closeAllEditors().catch(() => undefined);
    if (api) await removeAll(api);
    await sandbox?.stop();
  });

  for (const platform of PLATFORMS) {
    test(`adds a ${platform} connection through chatdesk.addConnection`, async () => {
      const prompter = new ScriptedPrompter(platform, answersFor(sandbox, platform));
      const saved = await vscode.commands.executeCommand<StoredConnection | undefined>('chatdesk.addConnection', { prompter });
      assert.ok(saved, `the add flow returned nothing; steps: ${JSON.stringify(prompter.seen)}`);
      assert.equal(saved.platform, platform);
      assert.equal(saved.label, LABELS[platform]);
      assert.equal(saved.baseUrl, sandbox.baseUrls[platform]);
      assert.ok(prompter.seen.some((s) => s.kind === 'progress'), 'the connection was saved without being verified');
      const expectedFields: Record<Platform, string[]> = {
        revechat: ['baseUrl', 'apiKey', 'accountId', 'username', 'password', 'label'],
        rocketchat: ['baseUrl', 'userId', 'authToken', 'label'],
        helpcrunch: ['baseUrl', 'apiKey', 'label'],
      };
      assert.deepEqual(prompter.fields(), expectedFields[platform]);
      if (platform === 'revechat') {
        const accountStep = prompter.seen.find((s) => s.field === 'accountId');
        assert.equal(accountStep?.value, sandbox.credentials.revechat.accountId, 'the account ID was not offered from the key');
        assert.equal(saved.accountId, sandbox.credentials.revechat.accountId);
        assert.equal(saved.username, sandbox.credentials.revechat.username);
      }
      if (platform === 'rocketchat') assert.equal(saved.userId, sandbox.credentials.rocketchat.userId);
      assert.ok(api.store.get(saved.id), 'the connection is not in the store');
      const creds = await api.store.credentials(saved.id);
      const expected = platform === 'rocketchat' ? creds.authToken : creds.apiKey;
      assert.equal(expected, platform === 'rocketchat' ? sandbox.credentials.rocketchat.authToken : sandbox.credentials[platform].apiKey,
        'the credential did not reach SecretStorage');
      added.set(platform, saved);
    });
  }

  test('a rejected key sends the add flow back to the key, with the reason and the other values kept', async () => {
    const answers = { ...answersFor(sandbox, 'helpcrunch'), apiKey: [WRONG_HELPCRUNCH_KEY, sandbox.credentials.helpcrunch.apiKey], label: 'IT HelpCrunch retyped' };
    const prompter = new ScriptedPrompter('helpcrunch', answers);
    const saved = await vscode.commands.executeCommand<StoredConnection | undefined>('chatdesk.addConnection', { prompter });
    assert.ok(saved, 'the flow did not finish after the key was corrected');
    const keySteps = prompter.seen.filter((s) => s.field === 'apiKey');
    assert.equal(keySteps.length, 2, `the key step was asked ${keySteps.length} times`);
    assert.match(keySteps[1].message ?? '', /rejected|credential|key|auth/i, 'no reason shown at the key step after verification failed');
    assert.equal(prompter.fields().filter((f) => f === 'baseUrl').length, 1, 'the base URL had to be typed again');
    assert.equal(prompter.seen.filter((s) => s.kind === 'progress').length, 2, 'expected two verifications');
    assertNoSecret('the verification failure message', keySteps[1].message ?? '', secretsOf(sandbox));
    await api.store.remove(saved.id);
  });

  test('the Agents view lists every agent of every connection', async () => {
    assert.equal(added.size, 3, 'the add-connection tests did not all pass');
    const nodes = await waitForTree('agents of all three connections', api.agentsTree, (ns) =>
      [...added.values()].every((c) => uniqueAgentIds(agentNodes(ns, c.id)).size >= AGENTS_PER_PLATFORM));
    const roots = nodes.filter((n) => n.depth === 0);
    for (const [platform, c] of added) {
      assert.ok(roots.some((r) => r.label.includes(c.label)), `no root item for ${c.label}`);
      const agents = agentNodes(nodes, c.id);
      assert.equal(uniqueAgentIds(agents).size, AGENTS_PER_PLATFORM, `${platform}: every page of agents should be listed`);
      for (const a of agents) {
        assert.ok(a.label.trim().length > 0, `${platform}: an agent without a label`);
        assert.ok(a.item.id, `${platform}: tree items need stable ids`);
        assert.ok(a.item.command?.command === 'chatdesk.openAgent', `${platform}: clicking an agent should open it`);
      }
    }
    assert.ok(!nodes.some((n) => n.contextValue.startsWith('chatdesk:error')), 'unexpected error item in the Agents view');
  });

  test('the Offline Messages view lists REVE Chat messages newest first, unread marked, badge counts them', async () => {
    const reve = added.get('revechat');
    assert.ok(reve, 'no REVE Chat connection');
    const nodes = await waitForTree('offline messages', api.offlineTree, (ns) =>
      ns.filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage')).length >= OFFLINE_MESSAGES);
    const messages = nodes.filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage'));
    assert.equal(messages.length, OFFLINE_MESSAGES);
    const times = messages.map((m) => (m.node as { message: { receivedAt?: number } }).message.receivedAt ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'offline messages are not newest first');
    const unread = messages.filter((m) => m.contextValue.endsWith(':unread'));
    assert.ok(unread.length > 0, 'the sandbox has unread messages; none is marked');
    await waitFor('the unread badge', () => api.offlineView.badge?.value === unread.length, 10000);
    const roots = nodes.filter((n) => n.depth === 0);
    assert.ok(roots.some((r) => r.label.includes(reve.label)), 'no REVE Chat connection in the Offline Messages view');
    assert.ok(!roots.some((r) => r.label.includes(LABELS.helpcrunch)), 'HelpCrunch has no offline messages and should not be listed');
  });

  test('Copy Agent ID puts the ID on the clipboard', async () => {
    await vscode.env.clipboard.writeText('before');
    const nodes = await walkTree(api.agentsTree);
    const target = agentNodes(nodes, added.get('rocketchat')!.id)[3];
    assert.ok(target, 'no Rocket.Chat agent in the tree');
    const id = (target.node as { agent: { id: string } }).agent.id;
    await vscode.commands.executeCommand('chatdesk.copyAgentId', target.node);
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  test('an agent opens in its detail panel, and opening it again reveals the same panel', async () => {
    await closeAllEditors();
    const nodes = await walkTree(api.agentsTree);
    const target = agentNodes(nodes, added.get('revechat')!.id)[0];
    const agent = (target.node as { agent: { id: string; name: string } }).agent;
    await vscode.commands.executeCommand(target.item.command!.command, ...(target.item.command!.arguments ?? []));
    const label = `Agent: ${agent.name || agent.id}`;
    await waitFor(`a tab "${label}"`, () => tabs().some((t) => t.label === label && t.viewType !== undefined));
    await vscode.commands.executeCommand('chatdesk.openAgent', target.node);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(tabs().filter((t) => t.label === label).length, 1, 'the panel was opened twice');
    assert.ok(api.panels(), 'the panels were not created');
  });

  test('an offline message opens in its detail panel', async () => {
    const nodes = await walkTree(api.offlineTree);
    const target = nodes.find((n) => n.contextValue.startsWith('chatdesk:offlineMessage'));
    assert.ok(target, 'no offline message in the tree');
    const message = (target.node as { message: { subject: string; id: string } }).message;
    await vscode.commands.executeCommand(target.item.command!.command, ...(target.item.command!.arguments ?? []));
    const label = `Message: ${message.subject || message.id}`.slice(0, 60);
    await waitFor(`a tab "${label}"`, () => tabs().some((t) => t.label.startsWith(label.slice(0, 50)) && t.viewType !== undefined));
    const agentTab = tabs().find((t) => t.label.startsWith('Agent: '));
    assert.ok(agentTab, 'the agent panel should still be open beside it');
  });

  test('a connection whose credentials are rejected shows an error item with retry, and recovers', async () => {
    const bad = await api.store.add(
      { label: 'IT broken HelpCrunch', platform: 'helpcrunch', baseUrl: sandbox.baseUrls.helpcrunch },
      { apiKey: WRONG_HELPCRUNCH_KEY },
    );
    try {
      const nodes = await waitForTree('an error item', api.agentsTree, (ns) =>
        ns.some((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === bad.id));
      const error = nodes.find((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === bad.id)!;
      assert.match(error.contextValue, /^chatdesk:error:auth:credentials$/, 'the error should say the credentials were rejected');
      assert.equal(error.item.command?.command, 'chatdesk.refreshConnection', 'the error item has no retry action');
      assert.ok(error.label.length > 0);
      assertNoSecret('the error item', `${error.label} ${String(error.item.description)}`, secretsOf(sandbox));
      // other connections keep working
      assert.ok(uniqueAgentIds(agentNodes(nodes, added.get('helpcrunch')!.id)).size === AGENTS_PER_PLATFORM, 'the good HelpCrunch connection lost its agents');
      // fix the key, then retry through the error item's own command
      await api.store.update(bad.id, {}, { apiKey: sandbox.credentials.helpcrunch.apiKey });
      await vscode.commands.executeCommand(error.item.command!.command, ...(error.item.command!.arguments ?? []));
      await waitForTree('agents after retry', api.agentsTree, (ns) =>
        uniqueAgentIds(agentNodes(ns, bad.id)).size === AGENTS_PER_PLATFORM
        && !ns.some((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === bad.id));
    } finally {
      await api.store.remove(bad.id);
    }
  });

  test('no credential in settings, connection state, logs or messages shown', async () => {
    const secrets = secretsOf(sandbox);
    assert.ok(added.size === 3, 'the add-connection tests did not all pass');
    // settings, as the extension host sees them
    assertNoSecret('vscode.workspace.getConfiguration()', JSON.stringify(vscode.workspace.getConfiguration()), secrets);
    const chatdesk = vscode.workspace.getConfiguration('chatdesk');
    assertNoSecret('the chatdesk settings', JSON.stringify(chatdesk), secrets);
    for (const key of Object.keys(JSON.parse(JSON.stringify(chatdesk)) as object)) {
      assertNoSecret(`inspect(chatdesk.${key})`, JSON.stringify(chatdesk.inspect(key)), secrets);
    }
    // settings files: the user's (on the server) and the workspace's
    const files: string[] = [];
    const userData = process.env.CHATDESK_TEST_USER_DATA_DIR;
    if (userData) files.push(path.join(userData, 'User', 'settings.json'));
    for (const f of vscode.workspace.workspaceFolders ?? []) files.push(path.join(f.uri.fsPath, '.vscode', 'settings.json'));
    for (const f of files.filter((x) => fs.existsSync(x))) assertNoSecret(f, fs.readFileSync(f, 'utf8'), secrets);
    // the extension's globalState and workspaceState: every key and value
    for (const [name, memento] of [['globalState', api.globalState], ['workspaceState', api.workspaceState]] as const) {
      assert.ok(memento && typeof memento.keys === 'function', `the test API (src/testApi.ts) does not expose ${name}`);
      const dump = memento.keys().map((k) => `${k}=${JSON.stringify(memento.get(k))}`).join('\n');
      if (name === 'globalState') assert.ok(dump.includes(added.get('revechat')!.id), 'the connections are not in globalState: the check would prove nothing');
      assertNoSecret(name, dump, secrets);
    }
    // every file the server keeps for this user: state databases, logs (the output channel's file), caches
    if (userData) {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []);
      const all = walk(userData);
      assert.ok(all.some((f) => f.includes(`${path.sep}logs${path.sep}`) && fs.readFileSync(f).includes('Added connection')),
        `the Chatdesk log file was not found under ${userData}: the search would prove nothing`);
      for (const f of all) {
        if (fs.statSync(f).size > 20_000_000) continue;
        const bytes = fs.readFileSync(f);
        for (const s of secrets) assert.ok(!bytes.includes(Buffer.from(s)), `a credential (${s.slice(0, 4)}…) appears in ${f}`);
      }
    }
    // logs
    const lines = api.logLines();
    assert.ok(lines.length > 0, 'the log is empty: the check would prove nothing');
    assertNoSecret('the Chatdesk log', lines.join('\n'), secrets);
    // messages shown to the user
    assert.ok(shownMessages.some((m) => m.includes(LABELS.revechat)), 'no "connection added" message was recorded: the check would prove nothing');
    assertNoSecret('messages shown by the extension', shownMessages.join('\n'), secrets);
  });
});
