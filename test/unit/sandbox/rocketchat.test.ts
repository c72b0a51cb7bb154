import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { get, rocketAuth, vendorJson } from './helpers';

interface UsersPage {
  users: Record<string, unknown>[];
  count: number;
  offset: number;
  total: number;
  success: boolean;
}

function assertAgent(u: Record<string, unknown>, listed: boolean): void {
  assert.equal(typeof u._id, 'string');
  assert.equal(typeof u.username, 'string');
  assert.equal(typeof u.name, 'string');
  assert.match(u.status as string, /^(online|away|busy|offline)$/);
  assert.ok(Array.isArray(u.emails));
  for (const e of u.emails as Record<string, unknown>[]) {
    assert.equal(typeof e.address, 'string');
    assert.equal(typeof e.verified, 'boolean');
  }
  assert.ok(u.livechat === null || typeof (u.livechat as Record<string, unknown>).maxNumberSimultaneousChat === 'string');
  if (listed) {
    assert.match(u.statusLivechat as string, /^(available|not-available)$/);
    assert.ok((u.departments as unknown[]).every((d) => typeof d === 'string'));
  }
}

describe('sandbox: Rocket.Chat', () => {
  let sb: Sandbox;
  let url: (path: string) => string;
  const seedAvailable = vendorJson('rocketchat/omnichannel-agents-available.200.json') as { agent: Record<string, unknown>; success: boolean };
  before(async () => {
    sb = await startSandbox({ agents: 250, seedEmails: 'verbatim', rateLimits: { rocketchatCallsPerRoute: 0 } }); // compared with the document
    url = (p) => `${sb.baseUrls.rocketchat}${p}`;
  });
  after(() => sb.stop());

  it('answers /api/v1/me for the demo user', async () => {
    const r = await get(url('/api/v1/me'), rocketAuth(sb));
    assert.equal(r.status, 200);
    const me = r.json() as Record<string, unknown>;
    assert.equal(me._id, sb.credentials.rocketchat.userId);
    assert.equal(me.success, true);
    for (const k of ['username', 'name', 'status', 'statusLivechat']) assert.equal(typeof me[k], 'string', k);
    assert.ok(Array.isArray(me.emails) && Array.isArray(me.roles));
  });

  it('lists agents paged (default 50, cap 100) sorted by name, with count/offset/total', async () => {
    const first = (await get(url('/api/v1/livechat/users/agent'), rocketAuth(sb))).json() as UsersPage;
    assert.equal(first.count, 50);
    assert.equal(first.offset, 0);
    assert.equal(first.total, 250);
    assert.equal(first.success, true);
    const capped = (await get(url('/api/v1/livechat/users/agent?offset=0&count=500'), rocketAuth(sb))).json() as UsersPage;
    assert.equal(capped.users.length, 100);
    const all: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await get(url(`/api/v1/livechat/users/agent?offset=${offset}&count=100`), rocketAuth(sb))).json() as UsersPage;
      all.push(...page.users);
      if (offset + page.count >= page.total) break;
    }
    assert.equal(all.length, 250);
    all.forEach((u) => assertAgent(u, true));
    const names = all.map((u) => u.name as string);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.equal(new Set(all.map((u) => u._id)).size, 250);
    assert.ok(all.some((u) => u.livechat === null));
    const statuses = new Set(all.map((u) => u.status));
    assert.equal(statuses.size, 4);
    const everything = (await get(url('/api/v1/livechat/users/agent?count=0'), rocketAuth(sb))).json() as UsersPage;
    assert.equal(everything.count, 250);
    const past = (await get(url('/api/v1/livechat/users/agent?offset=300&count=100'), rocketAuth(sb))).json() as UsersPage;
    assert.deepEqual(past, { users: [], count: 0, offset: 300, total: 250, success: true });
  });

  it('includes the seed\'s test.agent (XycfA5CetCPuEjqxw) and the OpenAPI example users', async () => {
    const r = (await get(url('/api/v1/livechat/users/agent?text=test.agent'), rocketAuth(sb))).json() as UsersPage;
    const agent = r.users.find((u) => u._id === 'XycfA5CetCPuEjqxw');
    assert.ok(agent);
    const { agent: seedAgent } = seedAvailable;
    for (const k of ['_id', 'username', 'name', 'status', 'emails', 'livechat']) assert.deepEqual(agent[k], seedAgent[k], k);
    const single = (await get(url('/api/v1/livechat/users/agent/XycfA5CetCPuEjqxw'), rocketAuth(sb))).json() as { user: Record<string, unknown>; success: boolean };
    assert.equal(single.success, true);
    assert.deepEqual(Object.keys(single.user), ['_id', 'username', 'name', 'status', 'statusLivechat', 'emails', 'livechat']);
    assert.deepEqual(single.user.emails, seedAgent.emails);
    const bot = (await get(url('/api/v1/livechat/users/agent/XLzGrYF9L2miSpPHP'), rocketAuth(sb))).json() as { user: Record<string, unknown> };
    assert.equal(bot.user.livechat, null);
  });

  it('filters by text, onlyAvailable, showIdleAgents and excludeId', async () => {
    const avail = (await get(url('/api/v1/livechat/users/agent?onlyAvailable=true&count=100'), rocketAuth(sb))).json() as UsersPage;
    assert.ok(avail.total > 0 && avail.total < 250);
    assert.ok(avail.users.every((u) => u.statusLivechat === 'available'));
    const active = (await get(url('/api/v1/livechat/users/agent?showIdleAgents=false&count=100'), rocketAuth(sb))).json() as UsersPage;
    assert.ok(active.users.every((u) => u.status !== 'offline' || (u.username as string).endsWith('.bot')));
    const text = (await get(url('/api/v1/livechat/users/agent?text=JOHN.DOE'), rocketAuth(sb))).json() as UsersPage;
    assert.ok(text.users.some((u) => u._id === 'rbAXPnMktTFbNpwtJ'));
    const excl = (await get(url('/api/v1/livechat/users/agent?text=john.doe&excludeId=rbAXPnMktTFbNpwtJ'), rocketAuth(sb))).json() as UsersPage;
    assert.ok(!excl.users.some((u) => u._id === 'rbAXPnMktTFbNpwtJ'));
    const desc = (await get(url(`/api/v1/livechat/users/agent?sort=${encodeURIComponent('{"name":-1}')}&count=5`), rocketAuth(sb))).json() as UsersPage;
    const asc = (await get(url('/api/v1/livechat/users/agent?offset=245&count=5'), rocketAuth(sb))).json() as UsersPage;
    assert.deepEqual(desc.users.map((u) => u.name), asc.users.map((u) => u.name).reverse());
  });

  it('rejects bad parameters 400 invalid-params, like the server\'s schema validation', async () => {
    const r = await get(url('/api/v1/livechat/users/agent?count=abc'), rocketAuth(sb));
    assert.equal(r.status, 400);
    assert.deepEqual(r.json(), { success: false, error: 'must be number [invalid-params]', errorType: 'invalid-params' });
    const extra = await get(url('/api/v1/livechat/users/agent?bogus=1'), rocketAuth(sb));
    assert.equal(extra.status, 400);
    assert.equal((extra.json() as { errorType: string }).errorType, 'invalid-params');
  });

  it('answers an unknown agent id 400 "User not found" and a non-agent user null', async () => {
    const r = await get(url('/api/v1/livechat/users/agent/NoSuchUser0000000'), rocketAuth(sb));
    assert.equal(r.status, 400);
    assert.deepEqual(r.json(), { success: false, error: 'User not found' });
    const me = await get(url(`/api/v1/livechat/users/agent/${sb.credentials.rocketchat.userId}`), rocketAuth(sb));
    assert.deepEqual(me.json(), { user: null, success: true });
  });

  it('serves omnichannel/agents/available paged (server code) by default', async () => {
    const r = await get(url('/api/v1/omnichannel/agents/available?count=10'), rocketAuth(sb));
    assert.equal(r.status, 200);
    const page = r.json() as { agents: Record<string, unknown>[]; count: number; offset: number; total: number; success: boolean };
    assert.equal(page.count, 10);
    assert.equal(page.offset, 0);
    assert.ok(page.total >= 10);
    assert.equal(page.success, true);
    page.agents.forEach((a) => assertAgent(a, false));
    assert.ok(page.agents.every((a) => a.statusLivechat === 'available'));
  });

  it('serves the seed\'s single-agent variant and the 8.x removal when configured', async () => {
    const single = await startSandbox({ rocketchatAvailableEndpoint: 'single' });
    const removed = await startSandbox({ rocketchatAvailableEndpoint: 'removed' });
    try {
      const s = await get(`${single.baseUrls.rocketchat}/api/v1/omnichannel/agents/available`, rocketAuth(single));
      assert.equal(s.status, 200);
      assert.deepEqual(s.json(), seedAvailable);
      const g = await get(`${removed.baseUrls.rocketchat}/api/v1/omnichannel/agents/available`, rocketAuth(removed));
      assert.equal(g.status, 404);
      assert.deepEqual(g.json(), { success: false, error: 'Resource not found' });
    } finally {
      await single.stop();
      await removed.stop();
    }
  });

  it('lists departments paged, including the OpenAPI examples', async () => {
    const r = (await get(url('/api/v1/livechat/department'), rocketAuth(sb))).json() as { departments: Record<string, unknown>[]; count: number; offset: number; total: number; success: boolean };
    assert.equal(r.success, true);
    assert.ok(r.total >= 8);
    assert.equal(r.count, r.departments.length);
    assert.equal(r.departments[0]._id, '64181a0728384134ed600dcc');
    for (const d of r.departments) {
      assert.equal(typeof d._id, 'string');
      assert.equal(typeof d.name, 'string');
      assert.equal(typeof d.enabled, 'boolean');
      assert.equal(typeof d.numAgents, 'number');
    }
    const enabled = (await get(url('/api/v1/livechat/department?enabled=true'), rocketAuth(sb))).json() as { departments: { enabled: boolean }[] };
    assert.ok(enabled.departments.every((d) => d.enabled));
  });

  it('answers missing or wrong credentials 401 with the seed\'s body', async () => {
    const seed401 = vendorJson('rocketchat/omnichannel-agents-available.401.json');
    const cases: Record<string, string>[] = [
      {}, { 'X-User-Id': sb.credentials.rocketchat.userId, 'X-Auth-Token': 'wrong' }, { 'X-Auth-Token': sb.credentials.rocketchat.authToken },
    ];
    for (const headers of cases) {
      const r = await get(url('/api/v1/livechat/users/agent'), headers);
      assert.equal(r.status, 401);
      assert.deepEqual(r.json(), seed401);
    }
  });

  it('answers a user without the permission 403 with the seed\'s body', async () => {
    const seed403 = vendorJson('rocketchat/omnichannel-agents-available.403.json');
    const c = sb.credentials.rocketchat;
    const headers = { 'X-User-Id': c.restrictedUserId ?? '', 'X-Auth-Token': c.restrictedAuthToken ?? '' };
    for (const path of ['/api/v1/livechat/users/agent', '/api/v1/omnichannel/agents/available', '/api/v1/livechat/department', '/api/v1/livechat/users/agent/XycfA5CetCPuEjqxw']) {
      const r = await get(url(path), headers);
      assert.equal(r.status, 403, path);
      assert.deepEqual(r.json(), seed403);
    }
    assert.equal((await get(url('/api/v1/me'), headers)).status, 200);
  });
});

describe('sandbox: Rocket.Chat rate limiter', () => {
  it('allows N calls per route and user per window, with X-RateLimit-* headers, then 429', async () => {
    // The sandbox's clock (SandboxOptions.clock) moves only when the test moves it: the window ends when it says.
    const clock = { t: Date.now(), now() { return this.t; } };
    const sb = await startSandbox({ rateLimits: { rocketchatCallsPerRoute: 3, windowMs: 1500 }, clock });
    try {
      const url = `${sb.baseUrls.rocketchat}/api/v1/livechat/users/agent`;
      const start = clock.now();
      for (let i = 1; i <= 3; i++) {
        const r = await get(url, rocketAuth(sb));
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('x-ratelimit-limit'), '3');
        assert.equal(r.headers.get('x-ratelimit-remaining'), String(3 - i));
        const reset = Number(r.headers.get('x-ratelimit-reset'));
        assert.ok(reset >= start + 1400 && reset <= clock.now() + 1500, `reset ${reset} is epoch ms`);
        clock.t += 100;
      }
      const limited = await get(url, rocketAuth(sb));
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
      const body = limited.json() as { success: boolean; error: string; errorType: string; details: { timeToReset: number; seconds: number } };
      assert.equal(body.success, false);
      assert.equal(body.errorType, 'error-too-many-requests');
      assert.ok(body.details.timeToReset > 0 && body.details.timeToReset <= 1500);
      assert.equal(body.details.seconds, Math.ceil(body.details.timeToReset / 1000));
      assert.equal(body.error, `Error, too many requests. Please slow down. You must wait ${body.details.seconds} seconds before trying this endpoint again. [error-too-many-requests]`);
      // Another route has its own budget.
      assert.equal((await get(`${sb.baseUrls.rocketchat}/api/v1/me`, rocketAuth(sb))).status, 200);
      assert.equal(sb.stats().tooManyRequests.rocketchat, 1);
      clock.t += body.details.timeToReset - 1;
      assert.equal((await get(url, rocketAuth(sb))).status, 429, 'one ms before the reset');
      clock.t += 1;
      assert.equal((await get(url, rocketAuth(sb))).status, 200, 'at the reset');
      sb.setRateLimits({ rocketchatCallsPerRoute: 0 });
      for (let i = 0; i < 5; i++) assert.equal((await get(url, rocketAuth(sb))).status, 200);
    } finally {
      await sb.stop();
    }
  });

  it('unstable ties (issue 9): by name, pages repeat and lose agents named alike; by _id, every agent once', async () => {
    const ties = await startSandbox({ agents: 230, rocketchatAgentName: 'Support', rocketchatUnstableTies: true, rateLimits: { rocketchatCallsPerRoute: 0 } });
    try {
      const ids = async (sort: string | undefined): Promise<string[]> => {
        const out: string[] = [];
        for (let offset = 0; offset < 230; offset += 100) {
          const q = `offset=${offset}&count=100${sort ? `&sort=${encodeURIComponent(sort)}` : ''}`;
          const page = (await get(`${ties.baseUrls.rocketchat}/api/v1/livechat/users/agent?${q}`, rocketAuth(ties))).json() as UsersPage;
          assert.equal(page.total, 230);
          out.push(...page.users.map((u) => String(u._id)));
        }
        return out;
      };
      const byName = await ids(undefined);
      assert.ok(new Set(byName).size < 230, 'the variant repeats agents across pages');
      assert.equal(new Set(await ids('{"_id":1}')).size, 230);
    } finally {
      await ties.stop();
    }
  });
});
