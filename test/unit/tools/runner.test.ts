// The tools over a real Store against the sandbox (src/tools/runner.ts): loads started for connections never
// loaded, a bounded wait on an injected clock, cancellation, failures in words, nothing-to-say results, the same
// ranking as Find Agent…, offline messages in blocks, and nothing secret in any result.
import * as assert from 'node:assert/strict';
import type { Agent, Connection } from '../../../src/api/model';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { AgentSearchCache } from '../../../src/search/agentSearchCache';
import { Store } from '../../../src/store';
import { ToolCancelled, ToolRunner } from '../../../src/tools/runner';
import { sortNewestFirst } from '../../../src/views/presentation/offlineMessage';
import { nullLogger } from '../../../src/util/log';
import { INJECTION_MARKER, promptInjections } from '../../fixtures/promptInjections';
import { secretForms } from '../hardening/support';
import { FakeClock, MemoryConnections, SandboxClients } from '../store/support';
import { INPUT_SCHEMAS, parseResult } from './support';

const WAIT_MS = 8_000;

describe('tools: the runner over the store and the sandbox', function () {
  this.timeout(30_000);
  let sb: Sandbox;
  const open: Store[] = [];

  before(async () => {
    sb = await startSandbox({
      seed: 13, agents: 60, offlineMessages: 12, hostileStrings: promptInjections.slice(0, 12),
      rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 },
    });
  });
  after(async () => { await sb.stop(); });
  afterEach(() => { for (const s of open.splice(0)) s.dispose(); sb.setFaults({ latencyMs: 0 }); });

  function session(platforms: Connection['platform'][] = ['revechat', 'rocketchat', 'helpcrunch']) {
    const connections = new MemoryConnections();
    const clients = new SandboxClients(() => sb, connections);
    for (const p of platforms) clients.connect(connections, p);
    const clock = new FakeClock(Date.now());
    const store = new Store({ connections, clients, maxPages: () => 201, log: nullLogger, clock });
    open.push(store);
    const search = new AgentSearchCache();
    const runner = new ToolRunner({ store, searchIndex: (l) => search.index(l), clock, waitMs: WAIT_MS, inputSchemas: INPUT_SCHEMAS });
    return { connections, clients, clock, store, runner, search };
  }
  const go = () => ({ signal: new AbortController().signal });

  it('with no connection, every tool says how to add one', async () => {
    const { runner } = session([]);
    const inputs = { chatdesk_findAgents: { query: 'x' }, chatdesk_getAgent: { id: '1' }, chatdesk_listConnections: {}, chatdesk_offlineMessages: {} } as const;
    for (const [name, input] of Object.entries(inputs) as [keyof typeof inputs, object][]) {
      const text = await runner.run(name, input, go());
      assert.match(text, /no connections yet/, name);
      assert.match(text, /"Chatdesk: Add Connection…"/, name);
      assert.match(text, /"Chatdesk: Try Demo"/, name);
    }
  });

  it('find agents loads connections never loaded, and ranks as Find Agent… does', async () => {
    const { runner, store } = session();
    const text = await runner.run('chatdesk_findAgents', { query: 'an', limit: 10 }, go());
    for (const c of store.connections()) assert.equal(store.lists(c.id)!.agents.status, 'loaded', c.platform);
    const all: Agent[] = store.directory.agentLists().flat();
    const expected = new AgentSearchCache().index(store.directory.agentLists()).search('an').slice(0, 10);
    const lines = text.split('\n').filter((l) => /^\d+\. \{/.test(l));
    assert.deepEqual(lines.map((l) => JSON.parse(l.replace(/^\d+\. /, '')).id), expected.map((r) => r.agent.id));
    const matched = all.filter((a) => `${a.name}\u0001${a.email ?? ''}\u0001${a.id}`.toLowerCase().includes('an')).length;
    assert.match(text, new RegExp(`${matched.toLocaleString('en-US')} agents matched; showing 10`));
    assert.match(text, new RegExp(`${(matched - 10).toLocaleString('en-US')} more matched and are not listed`));
    assert.match(text, /live, loaded just now .*; complete/);
  });

  it('filters by platform, connection (name or ID) and online only; explains an unknown connection', async () => {
    const { runner, store } = session();
    const online = await runner.run('chatdesk_findAgents', { query: '', platform: 'revechat', onlineOnly: true, limit: 50 }, go());
    const agents = online.split('\n').filter((l) => /^\d+\. \{/.test(l)).map((l) => JSON.parse(l.replace(/^\d+\. /, '')) as { platform: string; status: string });
    assert.ok(agents.length > 0, online);
    assert.ok(agents.every((a) => a.platform === 'REVE Chat' && a.status === 'online'));
    assert.equal(store.lists('helpcrunch-1')!.agents.status, 'idle', 'a connection outside the filter was loaded');
    const byName = await runner.run('chatdesk_findAgents', { query: '', connection: 'test rocketchat', limit: 1 }, go());
    assert.match(byName, /"platform":"Rocket.Chat"/);
    const unknown = await runner.run('chatdesk_findAgents', { query: 'x', connection: 'Nope' }, go());
    assert.match(unknown, /no connection named or with ID "Nope"/);
    assert.match(unknown, /"Test helpcrunch" \(id "helpcrunch-1", HelpCrunch\)/);
  });

  it('a connection still loading after the bounded wait: says so and returns what is known', async () => {
    const { runner, store, clock } = session(['revechat']);
    sb.setFaults({ latencyMs: 300 });
    const call = runner.run('chatdesk_findAgents', { query: '' }, go());
    const list = store.lists('revechat-1')!.agents;
    assert.equal(list.status, 'loading', 'the tool did not start the load');
    clock.advance(WAIT_MS - 1);
    await new Promise((r) => setImmediate(r));
    assert.equal(await Promise.race([call.then(() => 'answered'), Promise.resolve('waiting')]), 'waiting', 'answered before the wait was over');
    clock.advance(1);
    const text = await call;
    assert.equal(list.status, 'loading');
    assert.match(text, /still loading: no agents received yet/);
    assert.match(text, /No agent matched/);
    assert.match(text, /is not complete right now/);
  });

  it('cancellation ends the call at once; the load goes on for the views', async () => {
    const { runner, store } = session(['helpcrunch']);
    sb.setFaults({ latencyMs: 300 });
    const ac = new AbortController();
    const call = runner.run('chatdesk_getAgent', { id: '2533' }, { signal: ac.signal });
    ac.abort();
    await assert.rejects(call, (e) => e instanceof ToolCancelled);
    const list = store.lists('helpcrunch-1')!.agents;
    assert.equal(list.status, 'loading');
    await list.whenIdle();
    assert.equal(list.status, 'loaded');
    const pre = new AbortController();
    pre.abort();
    await assert.rejects(runner.run('chatdesk_listConnections', {}, { signal: pre.signal }), (e) => e instanceof ToolCancelled);
  });

  it('a failed connection is reported in words, with what the user can do', async () => {
    const { runner, connections, clients } = session(['helpcrunch']);
    (clients as unknown as { secrets: Map<string, object> }).secrets.set('hc-broken', { apiKey: 'wrong-key-0123456789' });
    const broken = connections.add({ id: 'hc-broken', label: 'Broken HC', platform: 'helpcrunch', baseUrl: sb.baseUrls.helpcrunch });
    const text = await runner.run('chatdesk_listConnections', {}, go());
    const line = text.split('\n').find((l) => l.includes(`"${broken.id}"`))!;
    assert.ok(line, text);
    const agentsLine = text.split('\n')[text.split('\n').indexOf(line) + 1];
    assert.match(agentsLine, /no agents known; the last load failed: auth error \(HTTP 401\): ".+\." The platform rejected the credentials: the user can run "Chatdesk: Update Credentials"/);
    assert.match(text, /offline messages: not available: this platform has no API that lists offline messages/);
  });

  it('agent details: by exact ID on each connection, by e-mail, and not found in words', async () => {
    const { runner, store } = session();
    await runner.run('chatdesk_listConnections', {}, go());
    const hc = store.lists('helpcrunch-1')!.agents.items.at(-1)!; // a generated agent (the hostile ones have capped fields)
    const text = await runner.run('chatdesk_getAgent', { id: hc.id, platform: 'helpcrunch' }, go());
    assert.match(text, /the agent with ID "\d+", found on "Test helpcrunch"/);
    const json = JSON.parse(text.split('\n').find((l) => l.startsWith('1. '))!.slice(3));
    assert.equal(json.id, hc.id);
    assert.equal(json.name, hc.name);
    assert.equal(json.email, hc.email ?? null);
    assert.deepEqual(json.departments, hc.departments.map((d) => d.name));
    const email = await runner.run('chatdesk_getAgent', { id: hc.email!.toUpperCase() }, go());
    assert.match(email, /with e-mail/);
    const none = await runner.run('chatdesk_getAgent', { id: 'no-such-agent' }, go());
    assert.match(none, /no agent with ID "no-such-agent" in the 3 connections searched/);
  });

  it('list connections: platform, server without user-info, states; no credential anywhere in any result', async () => {
    const { runner, connections, clients } = session();
    const leaky = { ...clients.connect(new MemoryConnections(), 'helpcrunch', 'hc-userinfo', 'Leaky URL') };
    const url = new URL(sb.baseUrls.helpcrunch);
    url.username = 'canaryuser';
    url.password = 'CANARY-url-password';
    connections.add({ ...leaky, baseUrl: url.toString() });
    const results = [
      await runner.run('chatdesk_listConnections', {}, go()),
      await runner.run('chatdesk_findAgents', { query: 'a', limit: 50 }, go()),
      await runner.run('chatdesk_offlineMessages', { includeBody: true, limit: 50 }, go()),
    ];
    assert.match(results[0], new RegExp(`server "http://127\\.0\\.0\\.1:${url.port}/helpcrunch`));
    for (const text of results) {
      for (const s of [...secretForms(sb), 'CANARY-url-password', 'canaryuser']) assert.ok(!text.includes(s), `a secret in a result: ${s.slice(0, 12)}…`);
    }
  });

  it('offline messages: newest first, bodies on request, unread only; visitor text only inside blocks', async () => {
    const { runner, store } = session();
    const list = await runner.run('chatdesk_offlineMessages', { limit: 50 }, go());
    const parsed = parseResult(list);
    const items = sortNewestFirst(store.lists('revechat-1')!.offline.items);
    assert.equal(parsed.blocks.length, items.length);
    assert.ok(parsed.blocks.every((b) => !b.fields.has('message')));
    parsed.blocks.forEach((b, i) => assert.equal(b.fields.get('subject'), items[i].subject.slice(0, 300)));
    for (const line of parsed.outside) assert.ok(!line.includes(INJECTION_MARKER), line.slice(0, 200));
    const unread = parseResult(await runner.run('chatdesk_offlineMessages', { unreadOnly: true, includeBody: true, connection: 'revechat-1' }, go()));
    assert.equal(unread.blocks.length, Math.min(20, items.filter((m) => m.unread).length));
    assert.ok(unread.blocks.every((b) => b.fields.has('message')));
    const none = await runner.run('chatdesk_offlineMessages', { connection: 'Test helpcrunch' }, go());
    assert.match(none, /has no offline messages to read/);
  });

  it('one offline message with its replies, by ID; an unknown ID in words', async () => {
    const { runner } = session(['revechat']);
    const one = parseResult(await runner.run('chatdesk_offlineMessages', { messageId: '744' }, go()));
    assert.equal(one.blocks.length, 1);
    assert.ok(one.blocks[0].fields.has('reply 1 text'), [...one.blocks[0].fields.keys()].join(', '));
    // REVE Chat sends 744's thread newest first; the result reads as a conversation, oldest first
    const times = [1, 2, 3, 4].map((n) => one.blocks[0].fields.get(`reply ${n} time`)!);
    assert.deepEqual(times, [...times].sort(), times.join(', '));
    assert.equal(one.blocks[0].fields.get('reply 1 text'), 'hy');
    const missing = await runner.run('chatdesk_offlineMessages', { messageId: '999999' }, go());
    assert.match(missing, /has no offline message with ID "999999"/);
  });
});
