// Auto-refresh soak against a rate-limited sandbox, on simulated time (test/unit/api/simulatedTime.ts) that the
// store, the client and the sandbox share: one simulated minute is WINDOW_MS, the servers' limits are per
// WINDOW_MS, and every list of every connection is refreshed by the store's own auto-refresh loop
// (Store.autoRefresh, the policy in src/store/refreshPolicy.ts picks the lists, and a newer refresh cancels an older
// one) four times per simulated minute, with the user's Refresh All (Store.refreshAll) now and then, for 30
// simulated minutes. They pass in no real time; the requests are real HTTP, and each reaches the sandbox 20–250
// simulated ms after it was sent, as over a real network. Each refresh needs more requests than a window allows, so
// only the client's own pacing can keep the servers happy. The sandbox must see zero 429s, and no list may ever
// show an error.
import * as assert from 'node:assert/strict';
import type { ClientOptions } from '../../../src/api/index';
import { startSandbox } from '../../../src/sandbox/index';
import { int, mulberry32 } from '../../../src/sandbox/prng';
import type { Sandbox } from '../../../src/sandbox/types';
import { Store, type PagedList } from '../../../src/store';
import { nullLogger } from '../../../src/util/log';
import { SimulatedTime } from '../api/simulatedTime';
import { MemoryConnections, SandboxClients } from '../store/support';
import { RejectionGuard } from './support';

// One simulated minute: the servers' rate-limit window. Not Rocket.Chat's default of 60 s, which its client assumes
// until the headers say otherwise: the client must learn the window too.
const WINDOW_MS = 10_000;
const SIMULATED_MINUTES = 30;
const REFRESHES_PER_MINUTE = 4;

const LIMITS = {
  helpcrunchPerWindow: 8, // HelpCrunch: overall, per key; sends no rate-limit headers
  rocketchatPerRoute: 3, // Rocket.Chat: per route, announced in X-RateLimit-* headers
  revechatPerWindow: 12, // REVE Chat: undocumented; on here to prove pacing holds there too
};

describe('hardening: auto-refresh soak against a rate-limited sandbox', function () {
  this.timeout(60_000);
  const guard = new RejectionGuard();
  const rnd = mulberry32(21);
  const time = new SimulatedTime({ latencyMs: () => int(rnd, 20, 250) });
  let sb: Sandbox;

  before(async () => {
    guard.install();
    sb = await startSandbox({
      seed: 21,
      agents: 250, // 3 pages on Rocket.Chat and HelpCrunch, 13 on REVE Chat
      offlineMessages: 45, // 3 pages
      clock: time,
      rateLimits: {
        windowMs: WINDOW_MS,
        helpcrunchPerMinute: LIMITS.helpcrunchPerWindow,
        rocketchatCallsPerRoute: LIMITS.rocketchatPerRoute,
        revechatPerMinute: LIMITS.revechatPerWindow,
      },
    });
  });

  after(async () => {
    guard.uninstall();
    await sb?.stop();
  });

  it(`${SIMULATED_MINUTES} simulated minutes of refreshing every list ${REFRESHES_PER_MINUTE}× a minute: zero 429s, no error`, async () => {
    // The time-out (real time, per request once it is sent) is generous for a busy machine.
    const base: ClientOptions = { timeoutMs: 5_000, maxRetries: 2, clock: time, fetch: time.fetch };
    // HelpCrunch and REVE Chat say nothing about their limits in headers: the connection is configured with
    // the server's numbers (createClient's rateLimit). Rocket.Chat gets no hint and must learn from headers.
    const options: Record<string, ClientOptions> = {
      revechat: { ...base, rateLimit: { perWindow: LIMITS.revechatPerWindow, windowMs: WINDOW_MS } },
      helpcrunch: { ...base, rateLimit: { perWindow: LIMITS.helpcrunchPerWindow, windowMs: WINDOW_MS } },
      rocketchat: base,
    };
    const connections = new MemoryConnections();
    const clients = new SandboxClients(() => sb, connections, (p) => options[p]);
    for (const p of ['revechat', 'rocketchat', 'helpcrunch'] as const) clients.connect(connections, p);
    const store = new Store({ connections, clients, maxPages: () => 201, log: nullLogger, clock: time });
    const lists: { name: string; list: PagedList<{ id: string }> }[] = [
      { name: 'REVE Chat agents', list: store.lists('revechat-1')!.agents },
      { name: 'REVE Chat offline messages', list: store.lists('revechat-1')!.offline },
      { name: 'Rocket.Chat agents', list: store.lists('rocketchat-1')!.agents },
      { name: 'HelpCrunch agents', list: store.lists('helpcrunch-1')!.agents },
    ];
    const errors: string[] = [];
    const completed = new Map<string, number>();
    for (const { name, list } of lists) {
      list.onDidChange(() => {
        if (list.status === 'error') errors.push(`${name}: ${String(list.error)}`);
        if (list.status === 'loaded') completed.set(name, (completed.get(name) ?? 0) + 1);
      });
    }

    // First load, as when the views open.
    await time.run(Promise.all(lists.map(({ list }) => list.ensureLoaded())));
    const expected = new Map(lists.map(({ name, list }) => [name, list.items.length]));
    assert.deepEqual(errors, []);

    // The store's auto-refresh loop (it skips lists still loading), and now and then the user's Refresh All, which
    // cancels and restarts.
    store.autoRefresh.setInterval(WINDOW_MS / REFRESHES_PER_MINUTE);
    let userRefresh = 0;
    const clickRefreshAll = () => {
      userRefresh = time.setTimeout(clickRefreshAll, (WINDOW_MS / REFRESHES_PER_MINUTE) * 16);
      void store.refreshAll();
    };
    userRefresh = time.setTimeout(clickRefreshAll, (WINDOW_MS / REFRESHES_PER_MINUTE) * 16);
    const started = time.now();
    try {
      await time.advance(WINDOW_MS * SIMULATED_MINUTES);
    } finally {
      store.autoRefresh.setInterval(0);
      time.clearTimeout(userRefresh);
    }
    assert.equal(time.now() - started, WINDOW_MS * SIMULATED_MINUTES);
    // The last refresh runs to its end.
    await time.run(Promise.all(lists.map(({ list }) => list.whenIdle())));
    // Once more without competition: every list complete and correct.
    await time.run(Promise.all(lists.map(({ list }) => list.refresh())));

    const stats = sb.stats();
    try {
      assert.deepEqual(stats.tooManyRequests, { revechat: 0, rocketchat: 0, helpcrunch: 0 }, 'the sandbox answered 429');
      assert.deepEqual(errors, [], 'a list showed an error during the soak');
      for (const { name, list } of lists) {
        assert.equal(list.status, 'loaded', name);
        assert.equal(list.items.length, expected.get(name), `${name}: wrong item count after the soak`);
        assert.ok((completed.get(name) ?? 0) >= 3, `${name}: only ${completed.get(name) ?? 0} refreshes completed; the soak proved little`);
      }
      // The load was real: the servers' budgets were used for the whole run.
      const windows = SIMULATED_MINUTES;
      assert.ok(stats.requests.helpcrunch >= windows * LIMITS.helpcrunchPerWindow * 0.5, `HelpCrunch saw only ${stats.requests.helpcrunch} requests`);
      assert.ok(stats.requests.rocketchat >= windows * LIMITS.rocketchatPerRoute * 0.5, `Rocket.Chat saw only ${stats.requests.rocketchat} requests`);
      assert.ok(stats.requests.revechat >= windows * LIMITS.revechatPerWindow * 0.5, `REVE Chat saw only ${stats.requests.revechat} requests`);
    } finally {
      store.dispose();
    }
    console.log(`      soak: ${JSON.stringify(stats.requests)} requests, refreshes completed ${JSON.stringify(Object.fromEntries(completed))}`);
    await guard.assertNone('soak');
  });
});
