import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { signHs256 } from '../../../src/sandbox/jwt';
import { basic, get, reveBasic, reveKey, vendorHttp, vendorJson } from './helpers';

interface ReveAgent { agent_id: number; [k: string]: unknown }
interface Envelope<T> { status: string; message: string; body: T }

const AGENT_KEYS = [
  'agent_id', 'account_id', 'role', 'email', 'designation', 'phone_no', 'status', 'concurrent_chat_limit',
  'additional_info', 'last_login_time', 'last_name', 'first_name', 'create_time', 'departments',
];

function assertAgentShape(a: Record<string, unknown>): void {
  assert.deepEqual(Object.keys(a), AGENT_KEYS);
  assert.equal(typeof a.agent_id, 'number');
  assert.equal(typeof a.account_id, 'string');
  assert.equal(a.role, null);
  assert.equal(a.additional_info, null);
  for (const k of ['email', 'designation', 'phone_no', 'first_name', 'last_name']) assert.equal(typeof a[k], 'string', k);
  assert.match(a.status as string, /^(ONLINE|OFFLINE|AWAY|BUSY)$/);
  assert.equal(typeof a.concurrent_chat_limit, 'number');
  assert.ok(a.last_login_time === null || typeof a.last_login_time === 'number');
  assert.ok(a.create_time === null || typeof a.create_time === 'number');
  for (const d of a.departments as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(d), ['deptName', 'clOperatorCode', 'deptDescription', 'isAccessAllReport', 'id', 'active']);
    assert.equal(d.clOperatorCode, null);
    assert.equal(d.isAccessAllReport, null);
    assert.equal(d.deptDescription, '');
    assert.equal(typeof d.id, 'number');
    assert.equal(d.active, false);
  }
}

describe('sandbox: REVE Chat current generation (agents)', () => {
  let sb: Sandbox;
  let url: (path: string) => string;
  before(async () => {
    sb = await startSandbox({ agents: 65, seedEmails: 'verbatim' }); // compared with the vendor's document
    url = (p) => `${sb.baseUrls.revechat}${p}`;
  });
  after(() => sb.stop());

  it('serves the seed example agents verbatim, in order, on the first pages', async () => {
    const seed = vendorJson('revechat/agents-list.200.json') as Envelope<ReveAgent[]>;
    const page1 = (await get(url('/api/agents/8683034'), reveKey(sb))).json() as Envelope<ReveAgent[]>;
    const page2 = (await get(url('/api/agents/8683034?page_no=2'), reveKey(sb))).json() as Envelope<ReveAgent[]>;
    assert.equal(page1.status, 'success');
    assert.equal(page1.message, 'Agents found');
    assert.equal(page1.body.length, 20);
    assert.deepEqual([...page1.body, ...page2.body].slice(0, seed.body.length), seed.body);
    const asif = page1.body[0];
    assert.equal(asif.agent_id, 77273);
    assert.equal(asif.first_name, 'Asif');
    assert.equal(asif.email, '[email protected]');
  });

  it('gives every agent the documented shape and types, and mixes statuses and null logins', async () => {
    const all: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const r = await get(url(`/api/agents/8683034?page_no=${page}`), reveKey(sb));
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
      const body = (r.json() as Envelope<Record<string, unknown>[]>).body;
      if (body.length === 0) break;
      all.push(...body);
    }
    assert.equal(all.length, 65);
    all.forEach(assertAgentShape);
    assert.equal(new Set(all.map((a) => a.agent_id)).size, 65);
    const statuses = new Set(all.map((a) => a.status));
    assert.ok(statuses.has('ONLINE') && statuses.has('OFFLINE'), [...statuses].join());
    assert.ok(all.some((a) => a.last_login_time === null));
  });

  it('answers a page past the end with body []', async () => {
    const r = (await get(url('/api/agents/8683034?page_no=99'), reveKey(sb))).json();
    assert.deepEqual(r, { status: 'success', message: 'Agents found', body: [] });
  });

  it('honours revechatPageSize', async () => {
    const small = await startSandbox({ agents: 30, revechatPageSize: 7 });
    try {
      const r = (await get(`${small.baseUrls.revechat}/api/agents/8683034?page_no=5`, reveKey(small))).json() as Envelope<unknown[]>;
      assert.equal(r.body.length, 2);
    } finally {
      await small.stop();
    }
  });

  it('serves a single agent in the envelope, the docs\' 81830 example verbatim (create_time null)', async () => {
    const seed = vendorJson('revechat/agent-81830.200.json') as Envelope<ReveAgent>;
    const r = await get(url('/api/agents/8683034/81830'), reveKey(sb));
    assert.equal(r.status, 200);
    const got = r.json() as Envelope<Record<string, unknown>>;
    assert.equal(got.status, 'success');
    assertAgentShape(got.body);
    assert.deepEqual(got, seed);
    const other = (await get(url('/api/agents/8683034/116353'), reveKey(sb))).json() as Envelope<Record<string, unknown>>;
    assert.equal(other.body.first_name, 'Hachibur');
  });

  it('answers an unknown single agent 404 and a bad id 400', async () => {
    const missing = await get(url('/api/agents/8683034/5'), reveKey(sb));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), { status: 'error', message: 'Agent not found', body: null });
    const bad = await get(url('/api/agents/8683034/-14'), reveKey(sb));
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Invalid Agent Id: -14/);
  });

  it('rejects a missing, malformed, Bearer-prefixed, forged or expired key with 401', async () => {
    const forged = signHs256({ accountId: '8683034', sub: 'authorization', exp: 4102444800, iat: 1700000000 }, 'not-the-secret');
    const cases: [Record<string, string>, string][] = [
      [{}, 'Authorization key is missing'],
      [{ Authorization: 'nonsense' }, 'Invalid authorization key'],
      [{ Authorization: `Bearer ${sb.credentials.revechat.apiKey}` }, 'Invalid authorization key'],
      [{ Authorization: forged }, 'Invalid authorization key'],
      [{ Authorization: sb.credentials.revechat.expiredApiKey }, 'Authorization key has expired'],
    ];
    for (const [headers, message] of cases) {
      const r = await get(url('/api/agents/8683034'), headers);
      assert.equal(r.status, 401, message);
      assert.deepEqual(r.json(), { status: 'error', message, body: null });
    }
  });

  it('mints keys like the docs: HS256, accountId claim, 30 days; the expired one is past exp', () => {
    const decode = (k: string): Record<string, unknown> => JSON.parse(Buffer.from(k.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    assert.deepEqual(JSON.parse(Buffer.from(sb.credentials.revechat.apiKey.split('.')[0], 'base64url').toString()), { alg: 'HS256' });
    const p = decode(sb.credentials.revechat.apiKey);
    assert.deepEqual(Object.keys(p), ['accountId', 'sub', 'exp', 'iat']);
    assert.equal(p.accountId, '8683034');
    assert.equal(p.sub, 'authorization');
    assert.equal((p.exp as number) - (p.iat as number), 30 * 86_400);
    assert.ok((decode(sb.credentials.revechat.expiredApiKey).exp as number) < Date.now() / 1000);
  });

  it('answers 403 for another account\'s agents', async () => {
    const r = await get(url('/api/agents/1234567'), reveKey(sb));
    assert.equal(r.status, 403);
    assert.equal((r.json() as { status: string }).status, 'error');
  });

  it('answers a bad page_no with the documented InvalidPageNumber body', async () => {
    for (const bad of ['-2', '0', 'abc', '1.5']) {
      const r = await get(url(`/api/agents/8683034?page_no=${bad}`), reveKey(sb));
      assert.equal(r.status, 400);
      assert.deepEqual(r.json(), { error: [{ code: 400, message: `Invalid Page Number: ${bad}. Please enter a valid Page Number.` }] });
    }
    const r = await get(url('/api/agents/8683034?page_no=-2'), reveKey(sb));
    assert.equal(r.text, vendorHttp('revechat/offlinemessages-list.400.http').body);
  });
});

describe('sandbox: REVE Chat legacy generation (offline messages, agents)', () => {
  let sb: Sandbox;
  let url: (path: string) => string;
  before(async () => {
    sb = await startSandbox({ offlineMessages: 45 });
    url = (p) => `${sb.baseUrls.revechat}${p}`;
  });
  after(() => sb.stop());

  async function allMessages(): Promise<Record<string, unknown>[]> {
    const all: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const r = await get(url(`/api/offlinemessages?page_no=${page}`), reveBasic(sb));
      assert.equal(r.status, 200);
      const list = r.json() as Record<string, unknown>[];
      assert.ok(Array.isArray(list));
      if (list.length === 0) return all;
      all.push(...list);
    }
  }

  it('lists offline messages as a bare array, newest first, the seed\'s four verbatim at the end', async () => {
    const seed = JSON.parse(vendorHttp('revechat/offlinemessages-list.200.http').body) as Record<string, unknown>[];
    const all = await allMessages();
    assert.equal(all.length, 45);
    assert.deepEqual(all.slice(-4), seed);
    for (let i = 1; i < all.length; i++) assert.ok((all[i - 1].received_time as number) >= (all[i].received_time as number));
    for (const m of all) {
      assert.deepEqual(Object.keys(m), Object.keys(seed[0]));
      for (const k of ['offline_message_id', 'visitor_id', 'received_time', 'reply_message_count']) assert.equal(typeof m[k], 'number');
      for (const k of ['visitor_name', 'visitor_email', 'visitor_phone', 'subject', 'message']) assert.equal(typeof m[k], 'string');
      assert.ok(m.unread === 0 || m.unread === 1);
    }
    assert.ok(all.some((m) => m.unread === 1));
    assert.ok(all.some((m) => (m.reply_message_count as number) > 1));
  });

  it('serves /api/offlinemessages/ and /api/offlinemessages identically; page past the end is []', async () => {
    const a = await get(url('/api/offlinemessages/'), reveBasic(sb));
    const b = await get(url('/api/offlinemessages'), reveBasic(sb));
    const c = await get(url('/api/offlinemessages/?page_no=1'), reveBasic(sb));
    assert.equal(a.text, b.text);
    assert.equal(a.text, c.text);
    assert.equal((a.json() as unknown[]).length, 20);
    assert.equal((await get(url('/api/offlinemessages?page_no=4'), reveBasic(sb))).text, '[]');
  });

  it('serves message 744 with the seed\'s four replies verbatim', async () => {
    const seed = JSON.parse(vendorHttp('revechat/offlinemessage-744.200.http').body);
    const r = await get(url('/api/offlinemessages/744'), reveBasic(sb));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), seed);
  });

  it('gives every detail reply_messages matching the list\'s reply_message_count', async () => {
    const all = await allMessages();
    for (const m of all.slice(0, 12)) {
      const d = (await get(url(`/api/offlinemessages/${String(m.offline_message_id)}`), reveBasic(sb)));
      if (d.status === 403) continue;
      const detail = d.json() as Record<string, unknown>;
      const { reply_message_count: count, ...rest } = m;
      const { reply_messages: replies, ...detailRest } = detail;
      assert.deepEqual(detailRest, rest);
      assert.equal((replies as unknown[]).length, count);
      for (const reply of replies as Record<string, unknown>[]) {
        assert.deepEqual(Object.keys(reply), ['reply_message', 'message_reply_time', 'agent_id', 'first_name', 'last_name', 'email']);
        assert.equal(typeof reply.message_reply_time, 'number');
        assert.equal(typeof reply.agent_id, 'number');
      }
    }
  });

  it('answers wrong basic credentials 401 "Bad credentials" exactly as the seed', async () => {
    const expected = vendorHttp('revechat/offlinemessages-list.401.http').headers;
    for (const headers of [basic('john@example.com', 'wrong'), {}, reveKey(sb)]) {
      const r = await get(url('/api/offlinemessages/'), headers);
      assert.equal(r.status, 401);
      assert.equal(r.text, vendorHttp('revechat/offlinemessages-list.401.http').body);
      assert.equal(r.headers.get('www-authenticate'), expected['www-authenticate']);
      assert.equal(r.headers.get('content-type'), expected['content-type']);
      assert.equal(r.headers.get('content-length'), expected['content-length']);
    }
  });

  it('answers a non-superadmin 403 with the seed\'s plain-text body', async () => {
    const c = sb.credentials.revechat;
    const expected = vendorHttp('revechat/offlinemessages-list.403.http').headers;
    const r = await get(url('/api/offlinemessages/'), basic(c.agentUsername ?? '', c.agentPassword ?? ''));
    assert.equal(r.status, 403);
    assert.equal(r.text, vendorHttp('revechat/offlinemessages-list.403.http').body);
    assert.equal(r.headers.get('content-type'), expected['content-type']);
    assert.equal(r.headers.get('content-length'), expected['content-length']);
    assert.equal(r.headers.get('www-authenticate'), expected['www-authenticate']);
  });

  it('answers a bad page_no 400 with the seed\'s body byte for byte', async () => {
    const r = await get(url('/api/offlinemessages?page_no=-2'), reveBasic(sb));
    assert.equal(r.status, 400);
    assert.equal(r.text, vendorHttp('revechat/offlinemessages-list.400.http').body);
    assert.equal(r.headers.get('www-authenticate'), 'Basic realm="revechat"');
    assert.equal(r.headers.get('content-type'), 'application/json');
  });

  it('answers an unknown id 404 with the seed\'s body (with that id)', async () => {
    const r = await get(url('/api/offlinemessages/7'), reveBasic(sb));
    assert.equal(r.status, 404);
    assert.equal(r.text, vendorHttp('revechat/offlinemessage-744.404.http').body.replace('Id = 744', 'Id = 7'));
  });

  it('answers a non-numeric or negative id 400 with the seed\'s body', async () => {
    const r = await get(url('/api/offlinemessages/-14'), reveBasic(sb));
    assert.equal(r.status, 400);
    assert.equal(r.text, vendorHttp('revechat/offlinemessage-invalid-id.400.http').body);
    const word = await get(url('/api/offlinemessages/abc'), reveBasic(sb));
    assert.equal(word.status, 400);
    assert.match(word.text, /Invalid Offline message Id: abc\. Please enter a Valid Offline message Id\./);
  });

  it('answers a forbidden id 403 with the seed\'s invalid-JSON body', async () => {
    const forbidden = await startSandbox({ revechatForbiddenOfflineMessageIds: [744] });
    try {
      const r = await get(`${forbidden.baseUrls.revechat}/api/offlinemessages/744`, reveBasic(forbidden));
      assert.equal(r.status, 403);
      assert.equal(r.text, vendorHttp('revechat/offlinemessage-744.403.http').body);
      assert.equal(r.headers.get('content-type'), 'application/json');
      assert.throws(() => JSON.parse(r.text));
    } finally {
      await forbidden.stop();
    }
  });

  it('forbids, by default, generated ids that are multiples of 97', async () => {
    const big = await startSandbox({ offlineMessages: 200 });
    try {
      const list: { offline_message_id: number }[] = [];
      for (let p = 1; p <= 10; p++) list.push(...((await get(`${big.baseUrls.revechat}/api/offlinemessages?page_no=${p}`, reveBasic(big))).json() as { offline_message_id: number }[]));
      const id = list.map((m) => m.offline_message_id).find((x) => x % 97 === 0);
      assert.ok(id !== undefined);
      const r = await get(`${big.baseUrls.revechat}/api/offlinemessages/${id}`, reveBasic(big));
      assert.equal(r.status, 403);
      assert.equal(r.text, `{\n\tcode: 403,\n\tmessage: "You don't have permission to see offline message details with Id ${id}"\n\n}`);
    } finally {
      await big.stop();
    }
  });

  it('serves legacy /api/agents/ as a bare array of the legacy agent model', async () => {
    const r = await get(url('/api/agents/'), reveBasic(sb));
    assert.equal(r.status, 200);
    const list = r.json() as Record<string, unknown>[];
    assert.equal(list.length, 20);
    assert.equal(list[0].agent_id, 77273);
    assert.equal(list[0].role, 'Super Admin');
    for (const a of list) {
      assert.equal(a.enabled, 1);
      assert.match(a.status as string, /^(Online|Offline)$/);
      assert.ok(!('account_id' in a));
    }
    const one = await get(url('/api/agents/81830'), reveBasic(sb));
    assert.equal((one.json() as Record<string, unknown>).first_name, 'Mohaimin');
    const missing = await get(url('/api/agents/5'), reveBasic(sb));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json(), { error: [{ code: 404, message: 'No Record found for Agent Id = 5. Please enter a another Agent Id.' }] });
    assert.equal((await get(url('/api/agents/'), {})).status, 401);
  });
});

describe('sandbox: REVE Chat rate limit (undocumented, off by default)', () => {
  it('is off by default and, when set, answers 429 with a wait time and Retry-After', async () => {
    const sb = await startSandbox();
    try {
      for (let i = 0; i < 30; i++) assert.equal((await get(`${sb.baseUrls.revechat}/api/agents/8683034`, reveKey(sb))).status, 200);
      sb.setRateLimits({ revechatPerMinute: 2, windowMs: 60_000 });
      assert.equal((await get(`${sb.baseUrls.revechat}/api/agents/8683034`, reveKey(sb))).status, 200);
      assert.equal((await get(`${sb.baseUrls.revechat}/api/offlinemessages/`, reveKey(sb))).status, 401);
      const r = await get(`${sb.baseUrls.revechat}/api/agents/8683034`, reveKey(sb));
      assert.equal(r.status, 429);
      const retry = Number(r.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60);
      assert.deepEqual(r.json(), { error: [{ code: 429, message: `Too many requests. Please wait ${retry} seconds before trying again.` }] });
      assert.equal(sb.stats().tooManyRequests.revechat, 1);
    } finally {
      await sb.stop();
    }
  });
});
