import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { get, helpcrunchAuth, vendorJson } from './helpers';

interface AgentsPage {
  data: { id: number; name: string; email: string; role: string }[];
  meta: { total: number };
}

describe('sandbox: HelpCrunch', () => {
  let sb: Sandbox;
  let url: (path: string) => string;
  before(async () => {
    sb = await startSandbox({ agents: 230, seedEmails: 'verbatim', rateLimits: { helpcrunchPerMinute: 0 } }); // compared with the document
    url = (p) => `${sb.baseUrls.helpcrunch}${p}`;
  });
  after(() => sb.stop());

  it('lists agents {data, meta.total}, the seed\'s four first and verbatim', async () => {
    const seed = vendorJson('helpcrunch/agents.200.json') as AgentsPage;
    const r = await get(url('/v1/agents'), helpcrunchAuth(sb));
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const page = r.json() as AgentsPage;
    assert.deepEqual(Object.keys(page), ['data', 'meta']);
    assert.equal(page.data.length, 100);
    assert.equal(page.meta.total, 230);
    assert.deepEqual(page.data.slice(0, 4), seed.data);
    assert.equal(page.data[1].name, 'Nick Grachesku');
    assert.equal(page.data[1].id, 4761);
  });

  it('pages with offset/limit (default 100) until the total, every agent with the documented fields and roles', async () => {
    const all: AgentsPage['data'] = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await get(url(`/v1/agents?offset=${offset}&limit=100`), helpcrunchAuth(sb))).json() as AgentsPage;
      all.push(...page.data);
      if (page.data.length < 100) break;
    }
    assert.equal(all.length, 230);
    assert.equal(new Set(all.map((a) => a.id)).size, 230);
    for (const a of all) {
      assert.deepEqual(Object.keys(a), ['id', 'name', 'email', 'role']);
      assert.equal(typeof a.id, 'number');
      assert.match(a.role, /^(agentChatOnly|agent|superviser|admin)$/);
    }
    assert.equal(new Set(all.map((a) => a.role)).size, 4);
    const small = (await get(url('/v1/agents?offset=228&limit=5'), helpcrunchAuth(sb))).json() as AgentsPage;
    assert.equal(small.data.length, 2);
    const past = (await get(url('/v1/agents?offset=1000'), helpcrunchAuth(sb))).json() as AgentsPage;
    assert.deepEqual(past, { data: [], meta: { total: 230 } });
  });

  it('answers a limit over 100 or a non-numeric offset 400 with an errors body', async () => {
    for (const q of ['limit=101', 'offset=abc', 'offset=-1', 'limit=0']) {
      const r = await get(url(`/v1/agents?${q}`), helpcrunchAuth(sb));
      assert.equal(r.status, 400, q);
      const body = r.json() as { errors: { code: string; message: string }[] };
      assert.deepEqual(body.errors[0], { code: 'invalid_request', message: 'Invalid request' });
      assert.ok(body.errors.length >= 2);
      assert.ok(body.errors.every((e) => typeof e.code === 'string' && typeof e.message === 'string'));
    }
  });

  it('answers a wrong or missing key 401 with the seed\'s body', async () => {
    const seed401 = vendorJson('helpcrunch/agents.401.json');
    const cases: Record<string, string>[] = [{}, { Authorization: 'Bearer nope' }, { Authorization: sb.credentials.helpcrunch.apiKey }];
    for (const headers of cases) {
      const r = await get(url('/v1/agents'), headers);
      assert.equal(r.status, 401);
      assert.deepEqual(r.json(), seed401);
    }
  });

  it('lists departments {data:[{id,name,agents}], meta.total}', async () => {
    const r = (await get(url('/v1/departments'), helpcrunchAuth(sb))).json() as { data: { id: number; name: string; agents: AgentsPage['data'] }[]; meta: { total: number } };
    assert.ok(r.meta.total >= 8);
    assert.equal(r.data.length, r.meta.total);
    for (const d of r.data) {
      assert.equal(typeof d.id, 'number');
      assert.equal(typeof d.name, 'string');
      for (const a of d.agents) assert.deepEqual(Object.keys(a), ['id', 'name', 'email', 'role']);
    }
    assert.ok(r.data.some((d) => d.agents.some((a) => a.id === 4761)));
  });
});

describe('sandbox: HelpCrunch rate limit', () => {
  it('allows N requests per window per key, then 429 with the seed\'s body and Retry-After', async () => {
    const seed429 = vendorJson('helpcrunch/agents.429.json');
    const sb = await startSandbox({ rateLimits: { helpcrunchPerMinute: 2, windowMs: 60_000 } });
    try {
      const url = `${sb.baseUrls.helpcrunch}/v1/agents`;
      assert.equal((await get(url, helpcrunchAuth(sb))).status, 200);
      assert.equal((await get(`${sb.baseUrls.helpcrunch}/v1/departments`, helpcrunchAuth(sb))).status, 200);
      const r = await get(url, helpcrunchAuth(sb));
      assert.equal(r.status, 429);
      assert.deepEqual(r.json(), seed429);
      const retry = Number(r.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60, String(retry));
      assert.equal(r.headers.get('x-ratelimit-limit'), null);
      sb.setRateLimits({ helpcrunchRetryAfter: false });
      const bare = await get(url, helpcrunchAuth(sb));
      assert.equal(bare.status, 429);
      assert.equal(bare.headers.get('retry-after'), null);
      assert.equal(sb.stats().tooManyRequests.helpcrunch, 2);
    } finally {
      await sb.stop();
    }
  });
});
