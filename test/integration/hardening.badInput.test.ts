// Bad input through the real commands (add, edit, update credentials) with a prompter that types like a
// person: a wrong value, the message at the input, a correction or giving up. Whatever happens, nothing is
// saved half-done and nothing saved before is lost: the store's connections and their secrets are
// compared before and after, and the connection that was there still loads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Credentials } from '../../src/api/model';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { activateChatdesk, waitForTree } from './helpers';
import { CANCEL, TypingPrompter, type Typed } from './hardening.support';

const TEN_KB = 'k'.repeat(10 * 1024);

suite('hardening: bad input never saves half-done and never loses what was saved', function () {
  this.timeout(90_000);
  let sb: Sandbox;
  let api: ChatdeskTestApi;
  let reve: StoredConnection;
  let hc: StoredConnection;
  let rc: StoredConnection;

  async function snapshot(): Promise<{ connections: string; secrets: Record<string, Credentials> }> {
    const secrets: Record<string, Credentials> = {};
    for (const c of api.store.list()) secrets[c.id] = await api.store.credentials(c.id);
    return { connections: JSON.stringify(api.store.list()), secrets };
  }

  async function assertStillLoads(c: StoredConnection): Promise<void> {
    await vscode.commands.executeCommand('chatdesk.refreshConnection', c.id);
    await waitForTree(`agents of ${c.label}`, api.agentsTree, (ns) =>
      ns.some((n) => (n.node as { agent?: { connectionId: string } }).agent?.connectionId === c.id)
      && !ns.some((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === c.id));
  }

  async function run(command: string, args: unknown[], prompter: TypingPrompter): Promise<unknown> {
    const before = await snapshot();
    const result = await vscode.commands.executeCommand(command, ...args);
    const after = await snapshot();
    assert.equal(after.connections, before.connections, `${command} changed the stored connections`);
    assert.deepEqual(after.secrets, before.secrets, `${command} changed stored secrets`);
    assert.ok(prompter.messages().length > 0, 'the user was never told what was wrong');
    return result;
  }

  suiteSetup(async () => {
    sb = await startSandbox({ seed: 77, agents: 12, rateLimits: { rocketchatCallsPerRoute: 0 } });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    const cr = sb.credentials;
    reve = await api.store.add({ label: 'Bad-input REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: cr.revechat.accountId, username: cr.revechat.username },
      { apiKey: cr.revechat.apiKey, password: cr.revechat.password });
    hc = await api.store.add({ label: 'Bad-input HelpCrunch', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey });
    rc = await api.store.add({ label: 'Bad-input Rocket', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: cr.rocketchat.userId }, { authToken: cr.rocketchat.authToken });
    await assertStillLoads(hc);
  });

  suiteTeardown(async () => {
    if (api) for (const c of [reve, hc, rc]) if (c) await api.store.remove(c.id);
    await sb?.stop();
  });

  const addCases: [string, string, Record<string, Typed[]>, RegExp][] = [
    ['http:// on a public host, a URL with user:password, then Escape', 'helpcrunch',
      { baseUrl: ['http://api.helpcrunch.com', 'https://admin:hunter2@api.helpcrunch.com', CANCEL] }, /https|password/],
    ['a key for the wrong platform (a REVE key in HelpCrunch), then Escape', 'helpcrunch', {
      baseUrl: [], apiKey: ['eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlLW5vdA', CANCEL],
    }, /REVE Chat/],
    ['an expired REVE key and a non-numeric account ID, then Escape', 'revechat', {
      apiKey: ['eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0IiwiZXhwIjoxNjAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdA', CANCEL],
    }, /expired/],
    ['a 10 KB paste as the token, then Escape', 'rocketchat', { userId: ['hw5DThnhQmxDWnavu'], authToken: [TEN_KB, CANCEL] }, /10,240 characters/],
    ['a wrong key that fails verification, then Escape at the key step', 'helpcrunch', {
      baseUrl: [], apiKey: ['wrong-helpcrunch-key-1234567890', CANCEL], label: ['Never saved'],
    }, /rejected/],
  ];
  for (const [name, platform, answers, message] of addCases) {
    test(`add: ${name}: a clear message, nothing saved`, async () => {
      if (answers.baseUrl && answers.baseUrl.length === 0) answers.baseUrl = [sb.baseUrls[platform as 'helpcrunch']];
      if (platform === 'revechat' && !answers.baseUrl) answers.baseUrl = [sb.baseUrls.revechat];
      if (platform === 'rocketchat' && !answers.baseUrl) answers.baseUrl = [sb.baseUrls.rocketchat];
      const prompter = new TypingPrompter(platform, answers);
      const result = await run('chatdesk.addConnection', [{ prompter }], prompter);
      assert.equal(result, undefined, 'the add command returned a connection');
      assert.ok(prompter.messages().some((m) => message.test(m)), `no message matching ${message}: ${JSON.stringify(prompter.messages())}`);
    });
  }

  test('edit: a new key that the platform rejects, then Escape: the old connection and key are intact and still work', async () => {
    const prompter = new TypingPrompter(undefined, { apiKey: ['wrong-helpcrunch-key-1234567890', CANCEL], label: ['Renamed but never saved'] });
    const result = await run('chatdesk.editConnection', [hc.id, { prompter }], prompter);
    assert.equal(result, undefined);
    assert.ok(prompter.verifications.length >= 1, 'nothing was verified');
    assert.equal(api.store.get(hc.id)?.label, hc.label);
    await assertStillLoads(hc);
  });

  test('edit: a server URL that cannot be reached, then Escape: intact', async () => {
    const prompter = new TypingPrompter(undefined, { baseUrl: ['http://127.0.0.1:9', CANCEL] });
    await run('chatdesk.editConnection', [rc.id, { prompter }], prompter);
    assert.ok(prompter.messages().some((m) => /Could not reach|reach/.test(m)), JSON.stringify(prompter.messages()));
    await assertStillLoads(rc);
  });

  test('update credentials: an expired key, a key that fails verification, then Escape: intact', async () => {
    const prompter = new TypingPrompter(undefined, {
      apiKey: [
        'eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0IiwiZXhwIjoxNjAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdA',
        'eyJhbGciOiJIUzI1NiJ9.eyJhY2NvdW50SWQiOiI4NjgzMDM0IiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlLW5vdA',
        CANCEL,
      ],
    });
    await run('chatdesk.updateCredentials', [reve.id, { prompter }], prompter);
    assert.ok(prompter.messages().some((m) => /expired/.test(m)), JSON.stringify(prompter.messages()));
    assert.ok(prompter.messages().some((m) => /rejected|credentials/.test(m)), JSON.stringify(prompter.messages()));
    await assertStillLoads(reve);
  });

  test('edit: a wrong REVE password, then Escape: the stored password is intact, and the reason is shown at the password', async () => {
    const prompter = new TypingPrompter(undefined, { password: ['not-the-password', CANCEL] });
    await run('chatdesk.editConnection', [reve.id, { prompter }], prompter);
    await assertStillLoads(reve);
    const where = prompter.steps.filter((s) => s.message).map((s) => `${s.field}: ${s.message}`);
    assert.ok(where.length > 0, 'the verification failure was not shown');
    assert.ok(prompter.steps.some((s) => s.field === 'password' && s.message),
      `the wrong password was reported at another step (the user is sent to fix the wrong field): ${JSON.stringify(where)}`);
  });

  test('rename to a 10 KB paste or to nothing is refused; the name is kept', async () => {
    const box = vscode.window as unknown as { showInputBox: (o: vscode.InputBoxOptions) => Thenable<string | undefined> };
    const original = box.showInputBox;
    const seen: (string | undefined)[] = [];
    try {
      for (const typed of [TEN_KB, '   ', '\u202e\u202e']) {
        box.showInputBox = async (o) => {
          const v = await Promise.resolve(o.validateInput?.(typed));
          seen.push(typeof v === 'string' ? v : v?.message);
          return typed; // as if the user pressed Enter regardless
        };
        await vscode.commands.executeCommand('chatdesk.renameConnection', hc.id);
        assert.equal(api.store.get(hc.id)?.label, hc.label, `renamed to ${JSON.stringify(typed.slice(0, 20))}`);
      }
    } finally {
      box.showInputBox = original;
    }
    assert.ok(seen.every((m) => !!m), `no message for a bad name: ${JSON.stringify(seen)}`);
  });
});
