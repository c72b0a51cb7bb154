// Auto-refresh and a long load, through the store's own loop (Store.autoRefresh) and Refresh All (Store.refreshAll):
// a list whose load takes longer than the auto-refresh interval must still finish, while a refresh the user asks
// for cancels the load in flight and starts over. Real store, real client, real sandbox (real HTTP), on simulated
// time that the store and the client share (test/unit/api/simulatedTime.ts): the network's latency, the ticks and
// the user's clicks are simulated milliseconds, so the same things happen in the same order on any machine.
import * as assert from 'node:assert/strict';
import { nullLogger } from '../../../src/util/log';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { autoRefreshMs, dueForRefresh, Store } from '../../../src/store';
import { SimulatedTime } from '../api/simulatedTime';
import { MemoryConnections, SandboxClients } from './support';

const TICK_MS = 100;
const LATENCY_MS = 250; // one load: page 1, then pages 2–3 with /v1/departments, 500 ms

describe('store: refresh of everything loaded, against a load longer than the interval', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  let time: SimulatedTime;
  let store: Store;
  let connections: MemoryConnections;
  let completed: number;
  const id = 'helpcrunch-1';

  beforeEach(async () => {
    time = new SimulatedTime({ latencyMs: LATENCY_MS });
    sb = await startSandbox({ seed: 5, agents: 250, rateLimits: { helpcrunchPerMinute: 0 }, clock: time });
    connections = new MemoryConnections();
    const clients = new SandboxClients(() => sb, connections, { timeoutMs: 5_000, clock: time, fetch: time.fetch });
    clients.connect(connections, 'helpcrunch', id);
    store = new Store({ connections, clients, maxPages: () => 201, log: nullLogger, clock: time });
    const list = store.lists(id)!.agents;
    completed = 0;
    list.onDidChange(() => { if (list.status === 'loaded') completed += 1; });
    await time.run(list.ensureLoaded());
    completed = 0;
    sb.resetStats();
  });

  afterEach(async () => {
    store.dispose();
    await sb.stop();
  });

  it('auto-refresh leaves a loading list alone, so each load finishes with every agent', async () => {
    void store.refreshAll();
    store.autoRefresh.setInterval(TICK_MS);
    await time.advance(1_500);
    store.autoRefresh.setInterval(0);
    const list = store.lists(id)!.agents;
    await time.run(list.whenIdle());
    assert.ok(completed >= 2, `only ${completed} loads finished in 1.5 s of auto-refresh ticks`);
    assert.equal(list.status, 'loaded');
    assert.equal(list.items.length, 250);
  });

  it('Refresh All cancels the load in flight (so, asked for every tick, none finishes)', async () => {
    let timer = 0;
    const click = () => {
      timer = time.setTimeout(click, TICK_MS);
      void store.refreshAll();
    };
    timer = time.setTimeout(click, TICK_MS);
    try { await time.advance(1_000); } finally { time.clearTimeout(timer); }
    const list = store.lists(id)!.agents;
    await time.run(list.whenIdle());
    assert.equal(completed, 1, 'only the last load, after the ticks stopped, finished');
    assert.equal(list.items.length, 250, 'the agents shown before stayed while loads were cancelled');
  });

  it('a list never loaded is never refreshed by either', async () => {
    const other = 'helpcrunch-2';
    new SandboxClients(() => sb, connections).connect(connections, 'helpcrunch', other);
    const fresh = store.lists(other)!.agents;
    assert.equal(dueForRefresh(fresh, { skipLoading: true }), false);
    assert.equal(dueForRefresh(fresh), false);
    await time.run(store.refreshAll());
    await time.run(store.refreshAll({ skipLoading: true }));
    assert.equal(fresh.status, 'idle');
  });

  it('reads the setting as 0 (off) or 1 minute to 24 hours', () => {
    assert.equal(autoRefreshMs(0), 0);
    assert.equal(autoRefreshMs(-5), 0);
    assert.equal(autoRefreshMs('5'), 0);
    assert.equal(autoRefreshMs(0.5), 60_000);
    assert.equal(autoRefreshMs(10), 600_000);
    assert.equal(autoRefreshMs(100_000), 24 * 3_600_000);
  });
});
