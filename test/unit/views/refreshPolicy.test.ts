// Auto-refresh and a long load: a list whose load takes longer than the auto-refresh interval must still finish,
// while a refresh the user asks for cancels the load in flight and starts over. Real client, real sandbox.
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox } from '../../../src/sandbox/types';
import type { PagedList } from '../../../src/views/data/pagedList';
import { dueForRefresh, type RefreshAllOptions } from '../../../src/views/data/refreshPolicy';
import { LISTS, pagedListFor, sleep } from '../hardening/support';

const HELPCRUNCH = LISTS.find((l) => l.platform === 'helpcrunch')!;
const TICK_MS = 100;
const LATENCY_MS = 250; // one load: page 1, then pages 2–3 with /v1/departments, about 500 ms

describe('refresh of everything loaded, against a load longer than the interval', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  let list: PagedList<{ id: string }>;
  let completed: number;

  beforeEach(async () => {
    sb = await startSandbox({ seed: 5, agents: 250, faults: { latencyMs: LATENCY_MS }, rateLimits: { helpcrunchPerMinute: 0 } });
    list = pagedListFor(() => sb, HELPCRUNCH, { timeoutMs: 5_000 });
    completed = 0;
    list.onDidChange(() => { if (list.status === 'loaded') completed += 1; });
    await list.ensureLoaded();
    completed = 0;
    sb.resetStats();
  });

  afterEach(async () => {
    list.dispose();
    await sb.stop();
  });

  /** Ticks every TICK_MS for `ms`, refreshing the list when the policy says so, as AutoRefresh's timer does. */
  async function tick(options: RefreshAllOptions, ms: number): Promise<void> {
    void list.refresh();
    const timer = setInterval(() => { if (dueForRefresh(list, options)) void list.refresh(); }, TICK_MS);
    try { await sleep(ms); } finally { clearInterval(timer); }
    await list.whenIdle();
  }

  it('auto-refresh leaves a loading list alone, so each load finishes with every agent', async () => {
    await tick({ skipLoading: true }, 1_500);
    assert.ok(completed >= 2, `only ${completed} loads finished in 1.5 s of auto-refresh ticks`);
    assert.equal(list.status, 'loaded');
    assert.equal(list.items.length, 250);
  });

  it('a refresh the user asks for cancels the load in flight (so, asked for every tick, none finishes)', async () => {
    await tick({ skipLoading: false }, 1_000);
    assert.equal(completed, 1, 'only the last load, after the ticks stopped, finished');
    assert.equal(list.items.length, 250, 'the agents shown before stayed while loads were cancelled');
  });

  it('a list never loaded is never refreshed by either', () => {
    const fresh = pagedListFor(() => sb, HELPCRUNCH, {});
    assert.equal(dueForRefresh(fresh, { skipLoading: true }), false);
    assert.equal(dueForRefresh(fresh), false);
    fresh.dispose();
  });
});
