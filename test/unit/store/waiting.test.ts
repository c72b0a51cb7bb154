// A load held back by the rate limit says so while it waits: Chatdesk's own limiter keeps Rocket.Chat's 10 calls per
// route and minute, so the fourth load in a minute waits for the window; the list (and the connection's tree item)
// says until when, instead of "loading…" with nothing arriving. Real store, client and sandbox, on simulated time.
import * as assert from 'node:assert/strict';
import type { ListingWait } from '../../../src/api/model';
import type { StoredConnection } from '../../../src/connections/types';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { Store } from '../../../src/store';
import { nullLogger } from '../../../src/util/log';
import { loadInfo, presentConnection } from '../../../src/views/presentation/connection';
import { SimulatedTime } from '../api/simulatedTime';
import { MemoryConnections, SandboxClients } from './support';

describe('store: a load held back by the rate limit says until when', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  let time: SimulatedTime;
  let store: Store;
  const id = 'rocketchat-1';

  beforeEach(async () => {
    time = new SimulatedTime({ latencyMs: 50 });
    sb = await startSandbox({ seed: 3, agents: 250, rateLimits: { rocketchatCallsPerRoute: 10 }, clock: time });
    const connections = new MemoryConnections();
    const clients = new SandboxClients(() => sb, connections, { timeoutMs: 5_000, clock: time, fetch: time.fetch });
    clients.connect(connections, 'rocketchat', id);
    store = new Store({ connections, clients, maxPages: () => 201, log: nullLogger, clock: time });
  });

  afterEach(async () => {
    store.dispose();
    await sb.stop();
  });

  it('while Chatdesk keeps to the limit: "rate limit, resuming at …"; then the whole list, and no wait shown', async () => {
    const list = store.lists(id)!.agents;
    const seen: { wait: ListingWait; now: number; description: string }[] = [];
    list.onDidChange(() => {
      const state = list.state();
      if (!state.waiting) return;
      const connection = { id, label: 'RC', platform: 'rocketchat', baseUrl: 'https://chat.example.invalid' } as StoredConnection;
      seen.push({ wait: state.waiting, now: time.now(), description: presentConnection(connection, loadInfo(state, 'agents'), 'agents', time.now()).description ?? '' });
    });
    await time.run(list.ensureLoaded());
    for (let i = 0; i < 4 && seen.length === 0; i++) await time.run(list.refresh());
    assert.ok(seen.length > 0, 'no load said it was waiting');
    const first = seen[0];
    assert.equal(first.wait.reason, 'pacing');
    assert.ok(first.wait.until - first.now >= 2_000, `a wait of ${first.wait.until - first.now} ms`);
    assert.ok(first.wait.until - first.now <= 61_000, 'at most the rest of the window');
    assert.match(first.description, /^[\d,]+ agents · rate limit, resuming at \d/);
    assert.equal(sb.stats().tooManyRequests.rocketchat, 0, 'the limiter waited instead of being refused');
    assert.equal(list.status, 'loaded');
    assert.equal(list.items.length, 250);
    assert.equal(list.state().waiting, undefined, 'a finished load shows no wait');
  });
});
