// The store against the sandbox: the restart path (cached agents at once, zero requests, then a fresh list), lists
// that follow their connections, incomplete lists, rate limits with a clock, and the directory's lookups.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiError } from '../../../src/api/errors';
import type { Agent, ListingEnd } from '../../../src/api/model';
import { startSandbox } from '../../../src/sandbox/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { AgentCache, PagedList, Store } from '../../../src/store';
import { nullLogger } from '../../../src/util/log';
import { FakeClock as ClientFakeClock } from '../api/fakeClock';
import { FakeClock, MemoryConnections, SandboxClients } from './support';

const total = (sb: Sandbox) => Object.values(sb.stats().requests).reduce((a, b) => a + b, 0);

describe('store: every connection\'s lists against the sandbox', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  let dir: string;

  before(async () => { sb = await startSandbox({ seed: 11, agents: 120, offlineMessages: 25, rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } }); });
  after(async () => { await sb.stop(); });
  const open: { store: Store; cache: AgentCache }[] = [];
  beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chatdesk-store-')); sb.resetStats(); });
  afterEach(async () => {
    // a cache write may still be landing (they are fire-and-forget): let it, then delete the folder
    for (const s of open.splice(0)) { s.store.dispose(); await s.cache.flush(); }
    await fs.rm(dir, { recursive: true, force: true });
  });

  function session(cacheEnabled = () => true) {
    const connections = new MemoryConnections();
    // the client's waits (back-off before a retry) on a fake clock: they return at once
    const clients = new SandboxClients(() => sb, connections, { clock: new ClientFakeClock() });
    for (const p of ['revechat', 'rocketchat', 'helpcrunch'] as const) clients.connect(connections, p);
    const cache = new AgentCache(path.join(dir, 'agents'), nullLogger);
    const store = new Store({ connections, clients, maxPages: () => 201, log: nullLogger, cache, cacheEnabled });
    open.push({ store, cache });
    return { connections, clients, cache, store };
  }

  async function loadAll(store: Store): Promise<void> {
    await Promise.all(store.connections().map((c) => store.lists(c.id)!.agents.ensureLoaded()));
  }

  it('after a restart: cached agents first, with zero requests, marked cached with their age; then the fresh list replaces them', async () => {
    const first = session();
    await loadAll(first.store);
    const loaded = new Map(first.store.connections().map((c) => [c.id, first.store.lists(c.id)!.agents.items.map((a) => a.id)]));
    for (const ids of loaded.values()) assert.ok(ids.length >= 100);
    await first.cache.flush(); // the cache writes are fire-and-forget
    first.store.dispose();

    // "VS Code restarts": a new store over the same folder; the server must not be asked for the cached view
    const second = session();
    sb.resetStats();
    await second.store.readCachedAgents();
    assert.equal(total(sb), 0, 'reading the cache made a request');
    for (const c of second.store.connections()) {
      const list = second.store.lists(c.id)!.agents;
      assert.deepEqual(list.items.map((a) => a.id), loaded.get(c.id), `${c.id}: cached agents`);
      const state = list.state();
      assert.equal(state.cached, true);
      assert.equal(state.status, 'idle', 'nothing is loading: no request was made');
      assert.equal(state.complete, true);
      assert.ok(state.loadedAt !== undefined && Date.now() - state.loadedAt < 60_000, 'the age is the time it was saved');
    }
    // the directory answers from the cache
    const hc = second.store.connections().find((c) => c.platform === 'helpcrunch')!;
    const someId = loaded.get(hc.id)![7];
    assert.equal(second.store.directory.agent(hc.id, someId)?.id, someId);

    // the first look at the tree: the cached list stays while the fresh one loads, then is replaced
    const list = second.store.lists(hc.id)!.agents;
    const seen: { status: string; cached: boolean; count: number }[] = [];
    list.onDidChange(() => seen.push({ status: list.status, cached: list.cached, count: list.items.length }));
    await list.ensureLoaded();
    assert.ok(total(sb) > 0);
    assert.ok(seen.some((s) => s.status === 'loading' && s.cached && s.count === loaded.get(hc.id)!.length), 'cached agents shown while refreshing');
    assert.equal(list.cached, false);
    assert.equal(list.status, 'loaded');
    assert.deepEqual(list.items.map((a) => a.id), loaded.get(hc.id));
    second.store.dispose();
  });

  it('a refresh that fails keeps the cached list, with the error', async () => {
    const first = session();
    await loadAll(first.store);
    await first.cache.flush();
    first.store.dispose();
    const second = session();
    const rc = second.store.connections().find((c) => c.platform === 'rocketchat')!;
    sb.setFaults({ errorRate: 1, errorStatus: 503 });
    try {
      const list = second.store.lists(rc.id)!.agents;
      await list.ensureLoaded();
      assert.equal(list.status, 'error');
      assert.equal(list.cached, true, 'still the cached list');
      assert.ok(list.items.length >= 100);
      assert.equal((list.error as ApiError).kind, 'server');
    } finally {
      sb.setFaults({ errorRate: 0 });
      second.store.dispose();
    }
  });

  it('with the cache off nothing is written or read; a removed connection\'s file is deleted', async () => {
    let on = false;
    const s = session(() => on);
    await loadAll(s.store);
    await s.cache.flush();
    assert.equal(await fs.readdir(path.join(dir, 'agents')).catch(() => []).then((f) => f.length), 0, 'written with the cache off');
    on = true;
    await s.store.refreshAll();
    await s.cache.flush();
    const files = await fs.readdir(path.join(dir, 'agents'));
    assert.equal(files.length, 3);
    const hc = s.store.connections().find((c) => c.platform === 'helpcrunch')!;
    s.connections.remove(hc.id);
    await s.cache.flush();
    assert.equal(await s.cache.read(hc), undefined, 'the removed connection\'s agents stay on disk');
    assert.equal((await fs.readdir(path.join(dir, 'agents'))).length, 2);
    assert.equal(s.store.lists(hc.id), undefined);
    assert.equal(await s.store.clearCache(), 2);
    s.store.dispose();
  });

  it('a cache turned off while VS Code was closed is deleted on the next start, at the first look at a connection', async () => {
    const first = session();
    await loadAll(first.store);
    await first.cache.flush();
    first.store.dispose();
    assert.equal((await fs.readdir(path.join(dir, 'agents'))).length, 3);
    // the user turns chatdesk.cacheAgents off in settings.json while VS Code is closed: no change event will come
    const second = session(() => false);
    await loadAll(second.store);
    await second.cache.flush();
    assert.deepEqual(await fs.readdir(path.join(dir, 'agents')), [], 'what the earlier session wrote stays on disk');
    for (const c of second.store.connections()) assert.equal(second.store.lists(c.id)!.agents.cached, false, 'cached agents shown with the cache off');
    second.store.dispose();
  });

  it('follows its connections: an edit reloads what was loaded, a rename keeps the lists', async () => {
    const s = session();
    const rc = s.store.connections().find((c) => c.platform === 'rocketchat')!;
    const before = s.store.lists(rc.id)!;
    await before.agents.ensureLoaded();
    s.connections.update(rc.id, { label: 'Renamed' }, 'renamed');
    assert.equal(s.store.lists(rc.id), before, 'a rename keeps the lists');
    assert.equal(s.store.lists(rc.id)!.connection.label, 'Renamed');
    s.connections.update(rc.id, { baseUrl: sb.baseUrls.rocketchat });
    const after = s.store.lists(rc.id)!;
    assert.notEqual(after, before, 'an edit makes new lists');
    assert.equal(after.agents.status, 'loading', 'and reloads the agents that were shown');
    await after.agents.whenIdle();
    assert.equal(after.agents.status, 'loaded');
    assert.equal(s.store.lists(rc.id)!.offline.status, 'idle', 'a list never shown is not loaded');
    s.store.dispose();
  });

  it('the directory: by connection and id, by id across connections, by e-mail (any case)', async () => {
    const s = session();
    await loadAll(s.store);
    const [reve, rc, hc] = s.store.connections();
    const hcAgents = s.store.lists(hc.id)!.agents.items;
    const one = hcAgents.find((a) => a.email)!;
    assert.equal(s.store.directory.agent(hc.id, one.id), one);
    assert.equal(s.store.directory.agent(rc.id, one.id), undefined);
    assert.deepEqual(s.store.directory.byId(one.id).map((m) => m.connection.id), [hc.id]);
    assert.deepEqual(s.store.directory.byId(one.id, 'rocketchat'), []);
    const byMail = s.store.directory.byEmail(` ${one.email!.toUpperCase()} `);
    assert.ok(byMail.some((m) => m.agent === one));
    assert.equal(byMail[0].state.status, 'loaded');
    assert.equal(s.store.directory.all().length, 3);
    assert.equal(s.store.directory.agentsOf(reve.id)!.agents.length, s.store.lists(reve.id)!.agents.items.length);
    assert.deepEqual(s.store.directory.byEmail(''), []);
    s.store.dispose();
  });
});

describe('store: a list\'s state, with a fake clock', () => {
  const items = (...ids: string[]) => ids.map((id) => ({ id, name: id }) as unknown as Agent);

  it('says a list is incomplete when the client reports it, and never saves such a list', async () => {
    const writes: number[] = [];
    const list = new PagedList<Agent>(async function* (_signal, onEnd) {
      yield items('a', 'b');
      onEnd({ received: 2, reportedTotal: 3, incomplete: { reason: 'short-of-total', expected: 3 } } satisfies ListingEnd);
    }, { maxPages: () => 10, cache: () => ({ read: () => Promise.resolve(undefined), write: (a) => { writes.push(a.length); } }) });
    await list.refresh();
    assert.equal(list.status, 'loaded');
    assert.deepEqual(list.incomplete, { received: 2, expected: 3, reason: 'short-of-total' });
    assert.equal(list.complete, false);
    assert.deepEqual(writes, []);
    list.dispose();
  });

  it('a refresh that ends short keeps the complete list shown before, says so, and the next complete refresh clears it', async () => {
    const clock = new FakeClock();
    const writes: string[][] = [];
    let round = 0;
    const list = new PagedList<Agent>(async function* (_signal, onEnd) {
      round += 1;
      if (round === 2) {
        yield items('a', 'b'); // the server lost a page this time
        onEnd({ received: 2, reportedTotal: 3, incomplete: { reason: 'short-of-total', expected: 3 } } satisfies ListingEnd);
        return;
      }
      yield items('a', 'b', round === 1 ? 'c' : 'd');
      onEnd({ received: 3, reportedTotal: 3 } satisfies ListingEnd);
    }, { maxPages: () => 10, clock, cache: () => ({ read: () => Promise.resolve(undefined), write: (a) => { writes.push(a.map((x) => x.id)); } }) });
    await list.refresh();
    const firstLoadedAt = list.loadedAt;
    clock.advance(60_000);
    await list.refresh();
    assert.equal(list.status, 'loaded');
    assert.deepEqual(list.items.map((a) => a.id), ['a', 'b', 'c'], 'the whole list from before stays');
    assert.equal(list.complete, true);
    assert.equal(list.incomplete, undefined, 'the items shown are not incomplete');
    assert.deepEqual(list.refreshShort, { received: 2, expected: 3, reason: 'short-of-total' });
    assert.equal(list.loadedAt, firstLoadedAt, 'and keep their own time');
    assert.deepEqual(writes, [['a', 'b', 'c']], 'the short list is not saved');
    await list.refresh();
    assert.deepEqual(list.items.map((a) => a.id), ['a', 'b', 'd']);
    assert.equal(list.refreshShort, undefined);
    assert.equal(writes.length, 2);
    list.dispose();
  });

  it('a rate-limited load tries again by itself when the server said, and says when; Refresh cancels the wait', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const list = new PagedList<Agent>(async function* () {
      calls += 1;
      if (calls <= 2) throw new ApiError('rate-limited', 'Too many requests.', { status: 429, retryAfterMs: 90_000 });
      yield items('a');
    }, { maxPages: () => 10, clock });
    await list.refresh();
    assert.equal(list.status, 'error');
    assert.equal(list.retryAt, clock.now() + 90_000);
    clock.advance(89_999);
    assert.equal(calls, 1, 'not before the time');
    clock.advance(1);
    await list.whenIdle();
    assert.equal(calls, 2, 'tried again at the time');
    assert.equal(list.retryAt, clock.now() + 90_000, 'and scheduled again');
    await list.refresh(); // the user's refresh: no waiting for the timer
    assert.equal(calls, 3);
    assert.equal(list.status, 'loaded');
    assert.equal(list.retryAt, undefined);
    assert.equal(clock.pending, 0, 'the old timer is gone');
    list.dispose();
  });

  it('a rate limit without a wait is tried again after a minute; other failures are not retried by themselves', async () => {
    const clock = new FakeClock();
    const kinds: ApiError[] = [new ApiError('rate-limited', 'Slow down.', { status: 429 }), new ApiError('server', 'HTTP 503', { status: 503 })];
    let i = 0;
    const list = new PagedList<Agent>(() => Promise.reject(kinds[i++]), { maxPages: () => 10, clock });
    await list.refresh();
    assert.equal(list.retryAt, clock.now() + 60_000);
    clock.advance(60_000);
    await list.whenIdle();
    assert.equal(i, 2);
    assert.equal(list.retryAt, undefined);
    assert.equal(clock.pending, 0);
    list.dispose();
    assert.equal(clock.pending, 0);
  });

  it('dispose cancels a scheduled retry', async () => {
    const clock = new FakeClock();
    const list = new PagedList<Agent>(() => Promise.reject(new ApiError('rate-limited', 'x', { retryAfterMs: 5_000 })), { maxPages: () => 1, clock });
    await list.refresh();
    assert.equal(clock.pending, 1);
    list.dispose();
    assert.equal(clock.pending, 0);
  });
});
