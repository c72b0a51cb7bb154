import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'mocha';
import { startSandbox } from '../../../src/sandbox';
import { get, helpcrunchAuth, reveBasic, reveKey, rocketAuth } from './helpers';

async function pages(sb: Awaited<ReturnType<typeof startSandbox>>): Promise<string[]> {
  return [
    (await get(`${sb.baseUrls.revechat}/api/agents/8683034?page_no=2`, reveKey(sb))).text,
    (await get(`${sb.baseUrls.revechat}/api/offlinemessages/`, reveBasic(sb))).text,
    (await get(`${sb.baseUrls.rocketchat}/api/v1/livechat/users/agent?count=100`, rocketAuth(sb))).text,
    (await get(`${sb.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(sb))).text,
    (await get(`${sb.baseUrls.helpcrunch}/v1/departments`, helpcrunchAuth(sb))).text,
  ];
}

describe('sandbox: server', () => {
  it('serves the three platforms under their prefixes on 127.0.0.1', async () => {
    const sb = await startSandbox();
    try {
      assert.match(sb.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(sb.origin, `http://127.0.0.1:${sb.port}`);
      assert.deepEqual(sb.baseUrls, { revechat: `${sb.origin}/revechat`, rocketchat: `${sb.origin}/rocketchat`, helpcrunch: `${sb.origin}/helpcrunch` });
      assert.equal((await get(`${sb.origin}/nowhere`)).status, 404);
    } finally {
      await sb.stop();
    }
  });

  it('generates the same data from the same seed, different data from another', async () => {
    const a = await startSandbox({ seed: 7, agents: 120, offlineMessages: 40 });
    const b = await startSandbox({ seed: 7, agents: 120, offlineMessages: 40 });
    const c = await startSandbox({ seed: 8, agents: 120, offlineMessages: 40 });
    try {
      const [pa, pb, pc] = [await pages(a), await pages(b), await pages(c)];
      assert.deepEqual(pa, pb);
      pa.forEach((page, i) => assert.notEqual(page, pc[i], `page ${i} should differ by seed`));
      assert.equal(a.credentials.rocketchat.authToken, b.credentials.rocketchat.authToken);
      assert.equal(a.credentials.helpcrunch.apiKey, b.credentials.helpcrunch.apiKey);
      const seedFirst = (s: string): unknown => (JSON.parse(s) as { data: unknown[] }).data.slice(0, 4);
      assert.deepEqual(seedFirst(pa[3]), seedFirst(pc[3]));
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
    }
  });

  it('counts requests, 429s, bytes and peak concurrency per platform; resetStats clears them', async () => {
    const sb = await startSandbox({ faults: { latencyMs: 300 }, rateLimits: { helpcrunchPerMinute: 1 } });
    try {
      await Promise.all([
        get(`${sb.baseUrls.revechat}/api/agents/8683034`, reveKey(sb)),
        get(`${sb.baseUrls.revechat}/api/agents/8683034?page_no=2`, reveKey(sb)),
        get(`${sb.baseUrls.rocketchat}/api/v1/me`, rocketAuth(sb)),
      ]);
      sb.setFaults({ latencyMs: 0 }); // the latency only had to hold those three in flight together
      await get(`${sb.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(sb));
      const limited = await get(`${sb.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(sb));
      assert.equal(limited.status, 429);
      const s = sb.stats();
      assert.deepEqual(s.requests, { revechat: 2, rocketchat: 1, helpcrunch: 2 });
      assert.deepEqual(s.tooManyRequests, { revechat: 0, rocketchat: 0, helpcrunch: 1 });
      assert.ok(s.bytesSent > 1000);
      assert.equal(s.peakConcurrency, 3);
      sb.resetStats();
      assert.deepEqual(sb.stats(), { requests: { revechat: 0, rocketchat: 0, helpcrunch: 0 }, tooManyRequests: { revechat: 0, rocketchat: 0, helpcrunch: 0 }, bytesSent: 0, peakConcurrency: 0 });
    } finally {
      await sb.stop();
    }
  });

  it('stop() closes open connections promptly and frees the port', async () => {
    const sb = await startSandbox({ faults: { latencyMs: 10_000 } });
    const port = sb.port;
    const pending = fetch(`${sb.baseUrls.revechat}/api/agents/8683034`, { headers: reveKey(sb) }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await sb.stop();
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(await pending, 'failed');
    await sb.stop(); // idempotent
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
    const again = await startSandbox({ port });
    try {
      assert.equal(again.port, port);
    } finally {
      await again.stop();
    }
  });

  it('carries hostile strings in agents, departments and offline messages of every platform', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', '"); DROP TABLE agents;--', '\u202Eevil\u0000'];
    const sb = await startSandbox({ hostileStrings: hostile, agents: 30 });
    try {
      const reve: string[] = [];
      for (let p = 1; p <= 3; p++) reve.push((await get(`${sb.baseUrls.revechat}/api/agents/8683034?page_no=${p}`, reveKey(sb))).text);
      const rocket = (await get(`${sb.baseUrls.rocketchat}/api/v1/livechat/users/agent?count=100`, rocketAuth(sb))).text;
      const rocketDepts = (await get(`${sb.baseUrls.rocketchat}/api/v1/livechat/department`, rocketAuth(sb))).text;
      const hc = (await get(`${sb.baseUrls.helpcrunch}/v1/agents`, helpcrunchAuth(sb))).text;
      const hcDepts = (await get(`${sb.baseUrls.helpcrunch}/v1/departments`, helpcrunchAuth(sb))).text;
      const offline = (await get(`${sb.baseUrls.revechat}/api/offlinemessages/`, reveBasic(sb))).json() as { offline_message_id: number; subject: string; visitor_name: string }[];
      for (const s of hostile) {
        const name = (text: string): boolean => text.includes(JSON.stringify(s).slice(1, -1));
        assert.ok(reve.some(name), `REVE agents carry ${s}`);
        assert.ok(name(rocket) && name(rocketDepts), `Rocket.Chat carries ${s}`);
        assert.ok(name(hc) && name(hcDepts), `HelpCrunch carries ${s}`);
        const msg = offline.find((m) => m.subject === s);
        assert.ok(msg && msg.visitor_name === s, `offline message carries ${s}`);
        const detail = (await get(`${sb.baseUrls.revechat}/api/offlinemessages/${msg.offline_message_id}`, reveBasic(sb))).json() as { message: string; reply_messages: { reply_message: string }[] };
        assert.equal(detail.message, s);
        assert.equal(detail.reply_messages[0].reply_message, s);
      }
      const total = (JSON.parse(hc) as { meta: { total: number } }).meta.total;
      assert.equal(total, 30 + hostile.length);
    } finally {
      await sb.stop();
    }
  });

  it('serves 50,000 agents per platform, last pages included', async () => {
    const sb = await startSandbox({ agents: 50_000 });
    try {
      const reve = (await get(`${sb.baseUrls.revechat}/api/agents/8683034?page_no=2500`, reveKey(sb))).json() as { body: unknown[] };
      assert.equal(reve.body.length, 20);
      const after = (await get(`${sb.baseUrls.revechat}/api/agents/8683034?page_no=2501`, reveKey(sb))).json() as { body: unknown[] };
      assert.equal(after.body.length, 0);
      const rc = (await get(`${sb.baseUrls.rocketchat}/api/v1/livechat/users/agent?offset=49950&count=100`, rocketAuth(sb))).json() as { users: unknown[]; total: number };
      assert.equal(rc.total, 50_000);
      assert.equal(rc.users.length, 50);
      const hc = (await get(`${sb.baseUrls.helpcrunch}/v1/agents?offset=49900`, helpcrunchAuth(sb))).json() as { data: unknown[]; meta: { total: number } };
      assert.equal(hc.data.length, 100);
      assert.equal(hc.meta.total, 50_000);
    } finally {
      await sb.stop();
    }
  });
});
