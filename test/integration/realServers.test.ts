// Issue 9 inside a real VS Code: a Rocket.Chat user who may not list agents gets a "missing permission" error item
// (no Update Credentials), an agent whose department repeats renders once per department, and an unknown offline
// message ID typed into Open Offline Message… gives one message and no panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { activateChatdesk, tabs, waitFor, waitForTree } from './helpers';

suite('issue 9: real servers in the extension host', function () {
  this.timeout(90000);
  let sandbox: Sandbox;
  let api: ChatdeskTestApi;
  const restore: (() => void)[] = [];
  const shown: string[] = [];

  suiteSetup(async () => {
    sandbox = await startSandbox({
      agents: 30, offlineMessages: 12, duplicateDepartments: true, rocketchatForbidden: 'unauthorized',
      rateLimits: { rocketchatCallsPerRoute: 0 },
    });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['showErrorMessage', 'showWarningMessage', 'showInformationMessage']) {
      const original = win[name];
      win[name] = (...a: unknown[]) => { shown.push(String(a[0])); return original.apply(vscode.window, a); };
      restore.push(() => { win[name] = original; });
    }
  });

  suiteTeardown(async () => {
    for (const r of restore) r();
    if (api) for (const c of [...api.store.list()]) await api.store.remove(c.id);
    await sandbox?.stop();
  });

  test('a user who may not list agents: "Missing permission", the permission named, retry and Show Logs only', async () => {
    const c = sandbox.credentials.rocketchat;
    const restricted = await api.store.add({ label: 'IT restricted', platform: 'rocketchat', baseUrl: sandbox.baseUrls.rocketchat, userId: c.restrictedUserId }, { authToken: c.restrictedAuthToken });
    try {
      const nodes = await waitForTree('an error item', api.agentsTree, (ns) => ns.some((n) => n.contextValue.startsWith('chatdesk:error')));
      const error = nodes.find((n) => n.contextValue.startsWith('chatdesk:error'))!;
      assert.equal(error.contextValue, 'chatdesk:error:forbidden', 'no ":credentials": Update Credentials is not offered');
      assert.match(error.label, /Missing permission: ask an administrator for "edit-omnichannel-contact" or "transfer-livechat-guest"/);
      assert.equal(error.item.command?.command, 'chatdesk.refreshConnection');
    } finally {
      await api.store.remove(restricted.id);
    }
  });

  test('an agent that lists a department twice renders once in it, grouped', async () => {
    const c = sandbox.credentials.rocketchat;
    const conn = await api.store.add({ label: 'IT Rocket', platform: 'rocketchat', baseUrl: sandbox.baseUrls.rocketchat, userId: c.userId }, { authToken: c.authToken });
    await vscode.workspace.getConfiguration('chatdesk').update('groupAgentsByDepartment', true, vscode.ConfigurationTarget.Global);
    try {
      const nodes = await waitForTree('departments', api.agentsTree, (ns) => ns.some((n) => n.contextValue === 'chatdesk:department'));
      const ids = nodes.map((n) => n.item.id).filter((id): id is string => !!id);
      assert.equal(new Set(ids).size, ids.length, 'tree item ids repeat');
      // VS Code itself renders the branch (a repeated id would fail here)
      await vscode.commands.executeCommand('chatdesk.agents.focus');
    } finally {
      await vscode.workspace.getConfiguration('chatdesk').update('groupAgentsByDepartment', undefined, vscode.ConfigurationTarget.Global);
      await api.store.remove(conn.id);
    }
  });

  test('Open Offline Message… with an unknown ID: one clear message, no panel', async () => {
    const r = sandbox.credentials.revechat;
    const conn = await api.store.add({ label: 'IT REVE', platform: 'revechat', baseUrl: sandbox.baseUrls.revechat, accountId: r.accountId, username: r.username }, { apiKey: r.apiKey, password: r.password });
    const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
    const originalCreate = win.createQuickPick;
    const originalInput = win.showInputBox;
    let picker: vscode.QuickPick<vscode.QuickPickItem & { askId?: boolean }> | undefined;
    win.createQuickPick = (...a: unknown[]) => { picker = originalCreate.apply(vscode.window, a) as typeof picker; return picker; };
    win.showInputBox = async () => '999999';
    const tabsBefore = tabs().length;
    try {
      const done = vscode.commands.executeCommand('chatdesk.openOfflineMessage');
      const qp = await waitFor('the quick pick', () => (picker && picker.items.length > 1 ? picker : undefined));
      const ask = qp.items.find((i) => i.askId);
      assert.ok(ask && ask.alwaysShow, '"Enter a message ID…" is always shown, whatever is typed');
      qp.activeItems = [ask];
      // the workbench applies the active item asynchronously: accept once it shows it
      await waitFor('the active item', () => qp.activeItems[0] === ask);
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await done;
      await waitFor(`the message (shown: ${JSON.stringify(shown)}; active: ${JSON.stringify(qp.activeItems.map((i) => i.label))}; selected: ${JSON.stringify(qp.selectedItems.map((i) => i.label))})`,
        () => shown.some((m) => /IT REVE has no offline message with ID 999999/.test(m)));
      assert.equal(tabs().length, tabsBefore, 'no panel opened');
    } finally {
      win.createQuickPick = originalCreate;
      win.showInputBox = originalInput;
      await api.store.remove(conn.id);
    }
  });
});
