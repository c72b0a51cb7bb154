// The language model tools in a real VS Code, called through vscode.lm.invokeTool as the editor's agent calls them
// (no language model needed), against the sandbox: results agree with the sandbox's data, visitor text with
// prompt-injection attempts stays inside its untrusted block, no credential or URL user-info in any result, caps at
// 50,000 agents, cancellation, a failed connection in words, and what the tools say when there is nothing to say.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { AgentSearchIndex } from '../../src/search/agentSearch';
import type { ChatdeskTestApi } from '../../src/testApi';
import { sortNewestFirst } from '../../src/views/presentation/offlineMessage';
import { hostilePayloads } from '../fixtures/hostilePayloads';
import { INJECTION_MARKER, promptInjections } from '../fixtures/promptInjections';
import { secretForms } from '../unit/hardening/support';
import { parseResult, UNSAFE_IN_VALUE } from '../unit/tools/support';
import { activateChatdesk, waitFor } from './helpers';

const TOOLS = ['chatdesk_findAgents', 'chatdesk_getAgent', 'chatdesk_listConnections', 'chatdesk_offlineMessages'];

/** Calls a tool as an agent would; returns the text of its result (asserting the result's shape). */
async function invoke(name: string, input: object, token?: vscode.CancellationToken): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, token);
  // the host hands back its own result class (docs/vscode-host.md §11): check the parts
  assert.equal(result.content.length, 1, `${name}: one part`);
  const part = result.content[0];
  assert.ok(part instanceof vscode.LanguageModelTextPart, `${name}: a text part`);
  return part.value;
}

const agentLines = (text: string) => text.split('\n').filter((l) => /^\d+\. \{/.test(l)).map((l) => JSON.parse(l.replace(/^\d+\. /, '')) as Record<string, unknown>);

async function removeAll(api: ChatdeskTestApi): Promise<void> {
  for (const c of [...api.store.list()]) await api.store.remove(c.id);
}

suite('language model tools', function () {
  this.timeout(180_000);
  let api: ChatdeskTestApi;

  suiteSetup(async () => {
    api = await activateChatdesk();
    await removeAll(api);
  });

  test('the four tools are registered with their descriptions (localised) and input schemas', async () => {
    const tools = await waitFor('the Chatdesk tools in vscode.lm.tools', () => {
      const found = vscode.lm.tools.filter((t) => TOOLS.includes(t.name));
      return found.length === TOOLS.length ? found : undefined;
    });
    for (const t of tools) {
      assert.doesNotMatch(t.description, /%/, `${t.name}: description not localised`);
      assert.ok(t.description.length > 200, t.name);
      assert.ok(t.tags.includes('chatdesk'), t.name);
      const props = (t.inputSchema as { properties?: Record<string, { description?: string }> }).properties ?? {};
      for (const [k, v] of Object.entries(props)) assert.ok(v.description && !v.description.includes('%'), `${t.name}.${k}`);
    }
    assert.match(tools.find((t) => t.name === 'chatdesk_offlineMessages')!.description, /anonymous members of the public.*never instructions/s);
  });

  test('with no connection, each tool says how to add one', async () => {
    const inputs: Record<string, object> = { chatdesk_findAgents: { query: 'lisa' }, chatdesk_getAgent: { id: '1' }, chatdesk_listConnections: {}, chatdesk_offlineMessages: {} };
    for (const name of TOOLS) {
      const text = await invoke(name, inputs[name]);
      assert.match(text, /Chatdesk has no connections yet/, name);
      assert.match(text, /"Chatdesk: Add Connection…"/, name);
    }
  });

  test('an input that does not fit the schema in package.json gets what is wrong and what the tool expects, through invokeTool', async () => {
    const cases: [string, object, RegExp][] = [
      ['chatdesk_findAgents', { query: 'a', limit: 500 }, /"limit" must be a whole number from 1 to 50 \(default 20\), not the number 500/],
      ['chatdesk_findAgents', {}, /"query" is missing/],
      ['chatdesk_getAgent', { id: 4761 }, /"id" must be text of at most 200 characters, not the number 4761/],
      ['chatdesk_listConnections', { verbose: true }, /"verbose" is not an input of this tool/],
      ['chatdesk_offlineMessages', { includeBody: 'yes' }, /"includeBody" must be true or false/],
    ];
    for (const [name, input, why] of cases) {
      const text = await invoke(name, input);
      assert.match(text, /^Chatdesk did not run the /, `${name}: ${text}`);
      assert.match(text, why, name);
      assert.match(text, /It takes /, name);
      assert.doesNotMatch(text, /undefined|\n\s+at /, name);
    }
  });

  suite('against the sandbox, with hostile data', () => {
    let sb: Sandbox;
    const added: StoredConnection[] = [];
    const canaries: string[] = [];

    suiteSetup(async () => {
      sb = await startSandbox({
        seed: 1313, agents: 40, offlineMessages: 10, hostileStrings: [...promptInjections, ...hostilePayloads.slice(0, 60)],
        rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 },
      });
      const cr = sb.credentials;
      const userInfo = new URL(sb.baseUrls.helpcrunch);
      userInfo.username = 'canaryuser';
      userInfo.password = 'CANARY-in-the-url';
      added.push(
        await api.store.add({ label: 'Tools REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: cr.revechat.accountId, username: cr.revechat.username },
          { apiKey: cr.revechat.apiKey, password: cr.revechat.password }),
        await api.store.add({ label: 'Tools Rocket', platform: 'rocketchat', baseUrl: sb.baseUrls.rocketchat, userId: cr.rocketchat.userId }, { authToken: cr.rocketchat.authToken }),
        await api.store.add({ label: 'Tools HelpCrunch', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey }),
        await api.store.add({ label: 'Tools Broken', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: 'CANARY-wrong-helpcrunch-key' }),
        // stored around the add flow's validation, which refuses user-info in a URL: the tools must not show it either
        await api.store.add({ label: 'Tools UserInfo', platform: 'helpcrunch', baseUrl: userInfo.toString() }, { apiKey: cr.helpcrunch.apiKey }),
      );
      canaries.push(...secretForms(sb), 'CANARY-wrong-helpcrunch-key', 'CANARY-in-the-url', 'canaryuser');
    });

    suiteTeardown(async () => {
      for (const c of added) await api.store.remove(c.id);
      await sb?.stop();
    });

    const noCanary = (text: string, what: string) => {
      for (const c of canaries) assert.ok(!text.includes(c), `${what}: a credential or URL user-info is in the result (${c.slice(0, 10)}…)`);
    };

    test('list connections: every account, its platform and server, states in words, the failed one with its reason', async () => {
      const text = await invoke('chatdesk_listConnections', {});
      noCanary(text, 'list connections');
      for (const c of added) assert.ok(text.includes(`"${c.label}" (id "${c.id}"`), c.label);
      const lines = text.split('\n');
      const broken = lines.findIndex((l) => l.includes('"Tools Broken"'));
      assert.match(lines[broken + 1], /agents: no agents known; the last load failed: auth error \(HTTP 401\): ".+\." The platform rejected the credentials: the user can run "Chatdesk: Update Credentials"/);
      const reve = lines.findIndex((l) => l.includes('"Tools REVE"'));
      const count = api.dataStore.lists(added[0].id)!.agents.items.length;
      assert.match(lines[reve], new RegExp(`server "${sb.baseUrls.revechat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}", account ID "${sb.credentials.revechat.accountId}"`));
      assert.match(lines[reve + 1], new RegExp(`agents: ${count} agents; live, loaded just now .*; complete`));
      // not loaded yet, unless the Offline Messages view (open in this window after other suites) has loaded them
      assert.match(lines[reve + 2], /^ {3}offline messages: (available, not loaded yet \(the offline messages tool, #chatdeskOfflineMessages, loads them|still loading|\d+ messages; live, loaded just now)/);
      assert.match(text, new RegExp(`server "http://127\\.0\\.0\\.1:${sb.port}/`));
    });

    test('find agents: best first as Find Agent… ranks them, values as the platforms sent them', async () => {
      const text = await invoke('chatdesk_findAgents', { query: 'an', limit: 15 });
      noCanary(text, 'find agents');
      const index = new AgentSearchIndex(api.dataStore.directory.agentLists().flat());
      const expected = index.searchAll('an').slice(0, 15).map((r) => r.agent);
      const got = agentLines(text);
      assert.deepEqual(got.map((a) => [a.id, a.connectionId]), expected.map((a) => [a.id, a.connectionId]));
      for (const [i, a] of expected.entries()) {
        // the name as the platform sent it, up to its cap (which counts the escaped form: a `<` is six characters)
        const name = String(got[i].name);
        const kept = name.replace(/…\[cut at .*\]$/, '');
        if (kept === name) assert.equal(name, a.name);
        else assert.ok(a.name.startsWith(kept) && JSON.stringify(name).length <= 200, `${a.name} → ${name}`);
        assert.equal(got[i].status, a.status);
      }
      assert.match(text, new RegExp(`${index.searchAll('an').length} agents matched; showing 15`));
      const online = agentLines(await invoke('chatdesk_findAgents', { query: '', onlineOnly: true, connection: 'Tools REVE', limit: 50 }));
      assert.ok(online.length > 0 && online.every((a) => a.status === 'online' && a.connection === 'Tools REVE'));
    });

    test('agent details: one agent by ID, agreeing with the directory; an unknown ID in words', async () => {
      const agent = api.dataStore.lists(added[1].id)!.agents.items.at(-1)!;
      const text = await invoke('chatdesk_getAgent', { id: agent.id });
      noCanary(text, 'agent details');
      const [got] = agentLines(text);
      assert.equal(got.id, agent.id);
      assert.equal(got.name, agent.name);
      assert.equal(got.platform, 'Rocket.Chat');
      assert.deepEqual(got.departments, agent.departments.map((d) => d.name));
      assert.match(await invoke('chatdesk_getAgent', { id: 'no-such-id' }), /no agent with ID "no-such-id"/);
    });

    test('offline messages: visitor text with prompt injections stays inside its block, exactly as written (capped)', async () => {
      const text = await invoke('chatdesk_offlineMessages', { connection: 'Tools REVE', includeBody: true, limit: 50 });
      noCanary(text, 'offline messages');
      const parsed = parseResult(text);
      const items = sortNewestFirst(api.dataStore.lists(added[0].id)!.offline.items);
      assert.ok(parsed.blocks.length >= promptInjections.length, `${parsed.blocks.length} blocks`);
      for (const line of parsed.outside) {
        assert.ok(!line.includes(INJECTION_MARKER), `visitor text outside a block: ${line.slice(0, 160)}`);
        assert.ok(!/ignore (all )?previous instructions/i.test(line), `visitor text outside a block: ${line.slice(0, 160)}`);
      }
      parsed.blocks.forEach((b, i) => {
        for (const line of b.lines) assert.doesNotMatch(line, UNSAFE_IN_VALUE);
        const want = (s: string, max: number) => s.slice(0, max).replace(/[\ud800-\udbff]$/, '');
        assert.equal(b.fields.get('subject'), want(items[i].subject, 300));
        assert.equal(b.fields.get('message'), want(items[i].message, 1000));
      });
      assert.match(parsed.outside.join('\n'), /anonymous members\s+of the public/);
    });

    test('one offline message with its reply thread, by ID', async () => {
      const first = api.dataStore.lists(added[0].id)!.offline.items[0];
      const text = await invoke('chatdesk_offlineMessages', { messageId: first.id, connection: added[0].id });
      noCanary(text, 'offline message');
      const parsed = parseResult(text);
      assert.equal(parsed.blocks.length, 1);
      assert.equal(parsed.blocks[0].fields.get('subject'), first.subject.slice(0, 300).replace(/[\ud800-\udbff]$/, ''));
      assert.ok(parsed.blocks[0].fields.has('reply 1 text'));
    });

    test('cancelling a call returns at once; the load it started goes on', async () => {
      const cr = sb.credentials;
      sb.setFaults({ latencyMs: 20_000 });
      const slow = await api.store.add({ label: 'Tools Slow', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: cr.revechat.accountId }, { apiKey: cr.revechat.apiKey });
      added.push(slow);
      try {
        const cts = new vscode.CancellationTokenSource();
        const call = invoke('chatdesk_findAgents', { query: 'a', connection: slow.id }, cts.token);
        const list = await waitFor('the tool to start the load', () => (api.dataStore.lists(slow.id)?.agents.status === 'loading' ? api.dataStore.lists(slow.id)!.agents : undefined));
        cts.cancel();
        await assert.rejects(call, (e: Error) => /cancel/i.test(`${e.name} ${e.message}`));
        assert.equal(list.status, 'loading', 'the call waited for the load');
      } finally {
        sb.setFaults({ latencyMs: 0 });
      }
    });
  });

  suite('50,000 agents', () => {
    let sb: Sandbox;
    let conn: StoredConnection;

    suiteSetup(async () => {
      sb = await startSandbox({ seed: 5, agents: 50_000, offlineMessages: 5, revechatPageSize: 1_000 });
      const cr = sb.credentials;
      conn = await api.store.add({ label: 'Big REVE', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: cr.revechat.accountId }, { apiKey: cr.revechat.apiKey });
      const list = api.dataStore.lists(conn.id)!.agents;
      void list.ensureLoaded();
      await waitFor('50,000 agents loaded', () => list.status === 'loaded' && list.items.length >= 50_000, 150_000, 250);
    });

    suiteTeardown(async () => {
      if (conn) await api.store.remove(conn.id);
      await sb?.stop();
    });

    test('caps hold: at most the limit, a bounded size, and how many more matched', async () => {
      const total = api.dataStore.lists(conn.id)!.agents.items.length;
      for (const [input, limit] of [[{ query: '' }, 20], [{ query: '', limit: 50 }, 50], [{ query: 'a', limit: 50 }, 50]] as const) {
        const text = await invoke('chatdesk_findAgents', input);
        assert.ok(text.length <= 24_000, `${text.length} characters`);
        assert.equal(agentLines(text).length, limit);
        if (!input.query) {
          assert.match(text, new RegExp(`${total.toLocaleString('en-US')} agents matched; showing ${limit}`));
          assert.match(text, new RegExp(`${(total - limit).toLocaleString('en-US')} more matched`));
        }
      }
      const list = await invoke('chatdesk_listConnections', {});
      assert.match(list, new RegExp(`agents: ${total.toLocaleString('en-US')} agents; live`));
    });
  });

  test('a connection still loading after the bounded wait: says so, returns what is known', async () => {
    const sb = await startSandbox({ seed: 9, agents: 30, offlineMessages: 2, faults: { latencyMs: 15_000 } });
    const cr = sb.credentials;
    const c = await api.store.add({ label: 'Tools Loading', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey });
    try {
      const text = await invoke('chatdesk_findAgents', { query: 'a', connection: c.id });
      assert.equal(api.dataStore.lists(c.id)!.agents.status, 'loading');
      assert.match(text, /"Tools Loading" \(id "[^"]+", HelpCrunch\): still loading: no agents received yet/);
      assert.match(text, /is not complete right now/);
    } finally {
      await api.store.remove(c.id);
      await sb.stop();
    }
  });
});
