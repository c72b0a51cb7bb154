import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox';
import { get, helpcrunchAuth, rawGet, reveBasic, reveKey, rocketAuth, vendorJson } from './helpers';

describe('sandbox: fault injection', () => {
  let sb: Sandbox | undefined;
  const start = async (o: SandboxOptions = {}): Promise<Sandbox> => (sb = await startSandbox({ rateLimits: { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 }, ...o }));
  afterEach(async () => {
    await sb?.stop();
    sb = undefined;
  });
  const reveAgents = (s: Sandbox, page = 1): string => `${s.baseUrls.revechat}/api/agents/8683034?page_no=${page}`;

  it('adds latency (with jitter) before answering', async () => {
    const s = await start({ faults: { latencyMs: 150, latencyJitterMs: 50 } });
    const t0 = Date.now();
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 200);
    assert.ok(Date.now() - t0 >= 150);
    s.setFaults({ latencyMs: 0, latencyJitterMs: 0 });
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 200);
  });

  it('answers exactly the configured fraction with 5xx, alternating JSON and plain text', async () => {
    const s = await start({ faults: { errorRate: 0.5 } });
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await get(reveAgents(s), reveKey(s)));
    const errors = results.filter((r) => r.status === 503);
    assert.equal(errors.length, 5);
    assert.equal(results.filter((r) => r.status === 200).length, 5);
    const types = errors.map((r) => r.headers.get('content-type'));
    assert.ok(types.includes('application/json') && types.includes('text/plain'));
    s.setFaults({ errorRate: 1, errorStatus: 500 });
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 500);
    s.setFaults({ errorRate: 0 });
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 200);
  });

  it('errorMessage: the injected error bodies carry the given text (a server that echoes what it was sent)', async () => {
    const echo = 'Invalid key Bearer abc\n# heading $(zap) www.example.invalid';
    const s = await start({ faults: { errorRate: 1, errorStatus: 400, errorMessage: echo } });
    const first = await get(reveAgents(s), reveKey(s));
    const second = await get(reveAgents(s), reveKey(s));
    assert.equal(first.status, 400);
    const bodies = [first, second].map((r) => (r.headers.get('content-type') === 'application/json' ? (JSON.parse(r.text) as { error: string }).error : r.text));
    assert.deepEqual(bodies, [echo, echo]);
  });

  it('drops connections before any response', async () => {
    const s = await start({ faults: { dropRate: 1 } });
    await assert.rejects(fetch(reveAgents(s), { headers: reveKey(s) }));
    const raw = await rawGet(reveAgents(s), reveKey(s));
    assert.equal(raw.status, undefined);
    assert.ok(raw.error);
  });

  it('answers 200 with a body that is not JSON (malformed)', async () => {
    const s = await start({ faults: { malformedRate: 1 } });
    for (const [u, h] of [[reveAgents(s), reveKey(s)], [`${s.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(s)], [`${s.baseUrls.rocketchat}/api/v1/me`, rocketAuth(s)]] as const) {
      const r = await get(u, h);
      assert.equal(r.status, 200);
      assert.throws(() => JSON.parse(r.text));
    }
  });

  it('cuts a body mid-way: full Content-Length announced, half sent, connection reset', async () => {
    const s = await start({ faults: { truncateRate: 1 } });
    const raw = await rawGet(reveAgents(s), reveKey(s));
    assert.equal(raw.status, 200);
    const announced = Number(raw.headers?.['content-length']);
    assert.ok(announced > 100);
    assert.ok(raw.bytes < announced, `${raw.bytes} < ${announced}`);
    assert.ok(raw.error);
    await assert.rejects(fetch(reveAgents(s), { headers: reveKey(s) }).then((r) => r.text()));
  });

  it('answers a proxy\'s HTML error page (502, text/html)', async () => {
    const s = await start({ faults: { htmlErrorRate: 1 } });
    const r = await get(`${s.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(s));
    assert.equal(r.status, 502);
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(r.text, /<title>502 Bad Gateway<\/title>/);
    assert.match(r.text, /<center>nginx<\/center>/);
  });

  it('storms 429 in each platform\'s own shape, with or without Retry-After', async () => {
    const s = await start({ faults: { storm429Rate: 1, storm429RetryAfter: true } });
    const hc = await get(`${s.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(s));
    assert.equal(hc.status, 429);
    assert.deepEqual(hc.json(), vendorJson('helpcrunch/agents.429.json'));
    assert.equal(hc.headers.get('retry-after'), '1');
    const rc = await get(`${s.baseUrls.rocketchat}/api/v1/me`, rocketAuth(s));
    assert.equal(rc.status, 429);
    assert.equal((rc.json() as { errorType: string }).errorType, 'error-too-many-requests');
    const rv = await get(reveAgents(s), reveKey(s));
    assert.equal(rv.status, 429);
    s.setFaults({ storm429RetryAfter: false });
    const bare = await get(`${s.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(s));
    assert.equal(bare.status, 429);
    assert.equal(bare.headers.get('retry-after'), null);
    assert.deepEqual(s.stats().tooManyRequests, { revechat: 1, rocketchat: 1, helpcrunch: 2 });
  });

  it('pages forever: every page full, ids continuing and unique', async () => {
    const s = await start({ agents: 30, offlineMessages: 10, faults: { pageForever: true } });
    const ids = new Set<number>();
    for (const page of [1, 2, 3, 50, 51]) {
      const body = ((await get(reveAgents(s, page), reveKey(s))).json() as { body: { agent_id: number }[] }).body;
      assert.equal(body.length, 20);
      for (const a of body) ids.add(a.agent_id);
    }
    assert.equal(ids.size, 100);
    const msgs = (await get(`${s.baseUrls.revechat}/api/offlinemessages?page_no=9`, reveBasic(s))).json() as unknown[];
    assert.equal(msgs.length, 20);
    const rc = (await get(`${s.baseUrls.rocketchat}/api/v1/livechat/users/agent?offset=1000&count=100`, rocketAuth(s))).json() as { users: unknown[]; offset: number; count: number; total: number };
    assert.equal(rc.users.length, 100);
    assert.ok(rc.offset + rc.count < rc.total);
    const hc = (await get(`${s.baseUrls.helpcrunch}/v1/agents?offset=500`, helpcrunchAuth(s))).json() as { data: { id: number }[]; meta: { total: number } };
    assert.equal(hc.data.length, 100);
    assert.ok(hc.meta.total > 600);
    s.setFaults({ pageForever: false });
    assert.deepEqual(((await get(reveAgents(s, 50), reveKey(s))).json() as { body: unknown[] }).body, []);
  });

  it('goes down (every connection destroyed) and comes back', async () => {
    const s = await start();
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 200);
    s.setFaults({ down: true });
    await assert.rejects(fetch(reveAgents(s), { headers: reveKey(s) }));
    await assert.rejects(fetch(`${s.baseUrls.helpcrunch}/v1/agents`, { headers: helpcrunchAuth(s) }));
    s.setFaults({ down: false });
    assert.equal((await get(reveAgents(s), reveKey(s))).status, 200);
  });

  it('never applies a fault more often than its rate', async () => {
    const s = await start({ faults: { errorRate: 0.3, htmlErrorRate: 0.2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await get(`${s.baseUrls.helpcrunch}/v1/agents?limit=1`, helpcrunchAuth(s))).status);
    assert.ok(statuses.filter((x) => x === 503).length <= 6);
    assert.ok(statuses.filter((x) => x === 502).length <= 4);
    assert.ok(statuses.filter((x) => x === 200).length >= 10);
  });
});
