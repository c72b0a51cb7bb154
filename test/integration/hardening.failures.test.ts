// Failing servers in a real extension host: connections of every platform on a sandbox that fails in
// representative ways, beside a connection on a healthy sandbox. For each fault: the Agents and Offline
// Messages views show an error item with the reason and a retry command under each broken connection, the
// agents and messages loaded before stay listed, the healthy connection keeps working, nothing is rejected
// unhandled, the extension stays active, and the error item's own retry shows the full lists once the
// server is well again. (Every platform × every fault runs at unit level: test/unit/hardening.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Platform } from '../../src/api/model';
import type { StoredConnection } from '../../src/connections/types';
import { startSandbox, type FaultOptions, type Sandbox } from '../../src/sandbox';
import type { ChatdeskTestApi } from '../../src/testApi';
import { EXTENSION_ID, activateChatdesk, waitForTree, walkTree, type NodeInfo } from './helpers';

const AGENTS = 45; // REVE: 3 pages of 20; Rocket.Chat and HelpCrunch: one page of 100
const MESSAGES = 30;
const CLEAR: FaultOptions = {
  latencyMs: 0, errorRate: 0, dropRate: 0, malformedRate: 0, truncateRate: 0, htmlErrorRate: 0, storm429Rate: 0, pageForever: false, down: false,
};

interface Scenario {
  name: string;
  faults: FaultOptions;
  /** The error item's contextValue kind. */
  kind: RegExp;
  /** What its label must say. */
  reason: RegExp;
}

const SCENARIOS: Scenario[] = [
  { name: 'a proxy answering with HTML error pages', faults: { htmlErrorRate: 1 }, kind: /^chatdesk:error:server$/, reason: /HTML error page \(HTTP 502\)/ },
  { name: 'latency above the time-out (1 s setting)', faults: { latencyMs: 2_500 }, kind: /^chatdesk:error:timeout$/, reason: /did not answer within 1 s/ },
  { name: 'invalid JSON under HTTP 200', faults: { malformedRate: 1 }, kind: /^chatdesk:error:malformed$/, reason: /not valid JSON/ },
  { name: 'a server that pages forever (page cap 3)', faults: { pageForever: true }, kind: /^chatdesk:error:malformed$/, reason: /kept sending pages/ },
  { name: 'a server that goes away', faults: { down: true }, kind: /^chatdesk:error:network$/, reason: /Could not reach the server/ },
];

function connectionOf(n: NodeInfo): string | undefined {
  const node = n.node as { connectionId?: string; connection?: { id: string }; agent?: { connectionId: string } };
  return node.connectionId ?? node.agent?.connectionId;
}

function errorItemOf(nodes: NodeInfo[], id: string): NodeInfo | undefined {
  return nodes.find((n) => n.contextValue.startsWith('chatdesk:error') && n.item.command?.arguments?.[0] === id);
}

function agentIdsOf(nodes: NodeInfo[], id: string): string[] {
  return nodes.filter((n) => n.contextValue.startsWith('chatdesk:agent') && connectionOf(n) === id)
    .map((n) => (n.node as { agent: { id: string } }).agent.id).sort();
}

function messageIdsOf(nodes: NodeInfo[]): string[] {
  return nodes.filter((n) => n.contextValue.startsWith('chatdesk:offlineMessage')).map((n) => (n.node as { message: { id: string } }).message.id).sort();
}

suite('hardening: failing servers in the extension host', function () {
  this.timeout(180_000);
  let faulty: Sandbox;
  let healthy: Sandbox;
  let api: ChatdeskTestApi;
  const broken = new Map<Platform, StoredConnection>();
  let good: StoredConnection;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => { rejections.push(reason); };
  const clean = { agents: new Map<string, string[]>(), messages: [] as string[] };

  suiteSetup(async () => {
    process.on('unhandledRejection', onRejection);
    const config = vscode.workspace.getConfiguration('chatdesk');
    await config.update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    await config.update('maxPages', 3, vscode.ConfigurationTarget.Global);
    faulty = await startSandbox({ seed: 31, agents: AGENTS, offlineMessages: MESSAGES, rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } });
    healthy = await startSandbox({ seed: 32, agents: AGENTS, rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } });
    api = await activateChatdesk();
    for (const c of [...api.store.list()]) await api.store.remove(c.id);
    const cr = faulty.credentials;
    broken.set('revechat', await api.store.add(
      { label: 'HF REVE', platform: 'revechat', baseUrl: faulty.baseUrls.revechat, accountId: cr.revechat.accountId, username: cr.revechat.username },
      { apiKey: cr.revechat.apiKey, password: cr.revechat.password }));
    broken.set('rocketchat', await api.store.add(
      { label: 'HF Rocket', platform: 'rocketchat', baseUrl: faulty.baseUrls.rocketchat, userId: cr.rocketchat.userId }, { authToken: cr.rocketchat.authToken }));
    broken.set('helpcrunch', await api.store.add({ label: 'HF HelpCrunch', platform: 'helpcrunch', baseUrl: faulty.baseUrls.helpcrunch }, { apiKey: cr.helpcrunch.apiKey }));
    good = await api.store.add({ label: 'HF healthy', platform: 'helpcrunch', baseUrl: healthy.baseUrls.helpcrunch }, { apiKey: healthy.credentials.helpcrunch.apiKey });

    // first load, clean
    const all = [...broken.values(), good];
    const nodes = await waitForTree('every connection loaded', api.agentsTree, (ns) => all.every((c) => agentIdsOf(ns, c.id).length >= AGENTS));
    for (const c of all) clean.agents.set(c.id, agentIdsOf(nodes, c.id));
    const offline = await waitForTree('offline messages loaded', api.offlineTree, (ns) => messageIdsOf(ns).length >= MESSAGES);
    clean.messages = messageIdsOf(offline);
  });

  suiteTeardown(async () => {
    process.off('unhandledRejection', onRejection);
    faulty?.setFaults(CLEAR);
    const config = vscode.workspace.getConfiguration('chatdesk');
    await config.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config.update('maxPages', undefined, vscode.ConfigurationTarget.Global);
    if (api) for (const c of [...broken.values(), good]) if (c) await api.store.remove(c.id);
    await faulty?.stop();
    await healthy?.stop();
  });

  for (const scenario of SCENARIOS) {
    test(`${scenario.name}: error items with reason and retry, old data kept, others unaffected, full lists after retry`, async () => {
      faulty.setFaults({ ...CLEAR, ...scenario.faults });
      await vscode.commands.executeCommand('chatdesk.refreshAll');

      const nodes = await waitForTree('an error item under every broken connection', api.agentsTree,
        (ns) => [...broken.values()].every((c) => errorItemOf(ns, c.id)));
      for (const [platform, c] of broken) {
        const error = errorItemOf(nodes, c.id)!;
        assert.match(error.contextValue, scenario.kind, `${platform}: ${error.contextValue} "${error.label}"`);
        assert.match(error.label, scenario.reason, `${platform}: the error item does not say what happened`);
        assert.ok(!/<[a-z!/]/i.test(error.label), `${platform}: markup in "${error.label}"`);
        assert.equal(error.item.command?.command, 'chatdesk.refreshConnection', `${platform}: no retry on the error item`);
        assert.match(String(error.item.description), /retry/);
        assert.deepEqual(agentIdsOf(nodes, c.id), clean.agents.get(c.id), `${platform}: agents loaded before were dropped while the refresh failed`);
        const root = nodes.find((n) => n.depth === 0 && n.label === c.label);
        assert.match(String(root?.item.description), /refresh failed/, `${platform}: the connection is not marked as failed`);
      }
      assert.equal(errorItemOf(nodes, good.id), undefined, 'the healthy connection shows an error');
      assert.deepEqual(agentIdsOf(nodes, good.id), clean.agents.get(good.id), 'the healthy connection lost agents');

      const offline = await waitForTree('an error item in Offline Messages', api.offlineTree, (ns) => !!errorItemOf(ns, broken.get('revechat')!.id));
      assert.match(errorItemOf(offline, broken.get('revechat')!.id)!.label, scenario.reason);
      assert.deepEqual(messageIdsOf(offline), clean.messages, 'offline messages loaded before were dropped');

      // the extension host is alive and the extension still answers
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the extension is no longer active');

      // the server recovers; each error item's own command retries
      faulty.setFaults(CLEAR);
      for (const c of broken.values()) {
        const error = errorItemOf(await walkTree(api.agentsTree), c.id);
        if (error) await vscode.commands.executeCommand(error.item.command!.command, ...(error.item.command!.arguments ?? []));
      }
      const after = await waitForTree('every list complete again', api.agentsTree, (ns) =>
        [...broken.values()].every((c) => !errorItemOf(ns, c.id) && agentIdsOf(ns, c.id).length === clean.agents.get(c.id)!.length));
      for (const c of broken.values()) assert.deepEqual(agentIdsOf(after, c.id), clean.agents.get(c.id));
      const offlineAfter = await waitForTree('offline messages again', api.offlineTree, (ns) => !errorItemOf(ns, broken.get('revechat')!.id));
      assert.deepEqual(messageIdsOf(offlineAfter), clean.messages);
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(rejections.map(String), [], 'unhandled rejections in the extension host');
    });
  }
});
