// Reply shapes the vendors' documents allow but the sandbox does not send by default: a REVE single agent as
// an array or a bare object, error envelopes under HTTP 200, numbers as strings, a server that ignores
// page_no, Retry-After as an HTTP date. Served by a small real HTTP server; the client runs unchanged.

import * as assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createClient, type ClientOptions, type Platform } from '../../../src/api/index';
import { retryAfterFromHeaders } from '../../../src/api/http';
import { FakeClock } from './fakeClock';
import { collect, rejection } from './support';

type Handler = (req: IncomingMessage, url: URL) => { status?: number; body: unknown; headers?: Record<string, string> };

const REVE_AGENT = {
  agent_id: '5001', account_id: '1', role: 'Admin', email: 'ana@example.com', status: 'Away', first_name: '  Ana ', last_name: null,
  last_login_time: '1752391069243', create_time: null, departments: null,
};

describe('api: reply variants', function () {
  this.timeout(20_000);
  let server: Server;
  let base: string;
  let handler: Handler = () => ({ body: {} });
  let requests = 0;
  before(async () => {
    server = createServer((req, res) => {
      requests++;
      const r = handler(req, new URL(req.url ?? '/', 'http://x'));
      res.writeHead(r.status ?? 200, { 'Content-Type': 'application/json', ...r.headers });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    requests = 0;
  });

  const client = (platform: Platform, options: ClientOptions = {}) =>
    createClient(
      { id: 'v', label: 'v', platform, baseUrl: base, accountId: '1', userId: 'u1', username: 'boss@example.com' },
      { apiKey: 'variant-key-123', authToken: 'variant-token-123', password: 'variant-pass' },
      { maxRetries: 1, maxRetryWaitMs: 20, rateLimit: { perWindow: 10_000, windowMs: 60_000 }, ...options },
    );

  it('REVE single agent as an envelope with an array, and as a bare object; nulls and strings tolerated', async () => {
    handler = () => ({ body: { status: 'success', message: 'Agents found', body: [REVE_AGENT] } });
    const a = await client('revechat').agent('5001');
    assert.deepEqual(
      { id: a.id, name: a.name, status: a.status, role: a.role, departments: a.departments, lastLoginAt: a.lastLoginAt, createdAt: a.createdAt },
      { id: '5001', name: 'Ana', status: 'away', role: 'Admin', departments: [], lastLoginAt: 1752391069243, createdAt: undefined },
    );
    handler = () => ({ body: REVE_AGENT });
    assert.equal((await client('revechat').agent('5001')).email, 'ana@example.com');
    handler = () => ({ body: { status: 'success', message: 'Agents found', body: [] } });
    assert.equal((await rejection(client('revechat').agent('5001')) as ApiError).kind, 'not-found');
  });

  it('REVE names fall back to the e-mail, then the id', async () => {
    handler = () => ({ body: { status: 'success', body: [{ agent_id: 1, email: 'x@example.com', first_name: '', last_name: '' }, { agent_id: 2 }] } });
    const { items } = await collect(client('revechat').agents());
    assert.deepEqual(items.map((a) => [a.name, a.status]), [['x@example.com', 'unknown'], ['2', 'unknown']]);
  });

  it('REVE error envelopes under HTTP 200 become the best kind, with the vendor\'s message', async () => {
    const cases: [string, string, string][] = [
      ['error', 'Invalid authorization key', 'auth'],
      ['failed', 'Agent not found', 'not-found'],
      ['ERROR', 'Access denied for this account', 'forbidden'],
      ['failed', 'Something odd happened', 'bad-request'],
    ];
    for (const [status, message, kind] of cases) {
      handler = () => ({ body: { status, message, body: null } });
      const e = await rejection(client('revechat').verify());
      assert.ok(e instanceof ApiError);
      assert.deepEqual([e.kind, e.message], [kind, message]);
    }
    handler = () => ({ body: { status: 'success', message: 'No agents found' } });
    assert.equal((await collect(client('revechat').agents())).items.length, 0);
  });

  it('REVE pages stop when the server ignores page_no (the same page again)', async () => {
    handler = () => ({ body: { status: 'success', body: [{ agent_id: 1 }, { agent_id: 2 }] } });
    const { items, pages } = await collect(client('revechat').agents());
    assert.deepEqual(items.map((a) => a.id), ['1', '2']);
    assert.equal(pages, 1);
    assert.equal(requests, 2);
  });

  it('HelpCrunch ids and totals given as strings; Rocket.Chat departments as objects', async () => {
    handler = () => ({ body: { data: [{ id: '77', name: 'Str', email: null, role: 'admin' }], meta: { total: '1' } } });
    const [hc] = (await collect(client('helpcrunch').agents())).items;
    assert.deepEqual([hc.id, hc.name, hc.email], ['77', 'Str', undefined]);
    handler = () => ({ body: { users: [{ _id: 'a1', username: 'ann', status: 'BUSY', statusLivechat: 'not-available', roles: ['livechat-manager'], departments: [{ _id: 'd1', name: 'Sales' }] }], count: 1, offset: 0, total: 1, success: true } });
    const [rc] = (await collect(client('rocketchat').agents())).items;
    assert.deepEqual([rc.name, rc.status, rc.available, rc.role, rc.departments], ['ann', 'busy', false, 'manager', [{ id: 'd1', name: 'Sales' }]]);
  });

  it('Rocket.Chat: a 200 with success:false is an error; a page cap below ours is followed', async () => {
    handler = () => ({ body: { success: false, error: 'Something failed [error-x]', errorType: 'error-x' } });
    const e = await rejection(client('rocketchat').verify());
    assert.ok(e instanceof ApiError);
    assert.deepEqual([e.kind, e.code], ['bad-request', 'error-x']);
    assert.match(e.message, /^Something failed/);
    // A server capping count at 50 although we asked 100: the total tells us there is more.
    handler = (_req, url) => {
      const offset = Number(url.searchParams.get('offset'));
      const users = Array.from({ length: Math.max(0, Math.min(50, 120 - offset)) }, (_, i) => ({ _id: `u${offset + i}`, name: `U${offset + i}` }));
      return { body: { users, count: users.length, offset, total: 120, success: true } };
    };
    const { items } = await collect(client('rocketchat').agents());
    assert.equal(items.length, 120);
    assert.equal(new Set(items.map((a) => a.id)).size, 120);
  });

  it('honours Retry-After as an HTTP date and X-RateLimit-Reset in epoch ms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const h = (o: Record<string, string>) => ({ get: (n: string) => o[n.toLowerCase()] ?? null });
    assert.equal(retryAfterFromHeaders(h({ 'retry-after': '3' }), now), 3000);
    assert.equal(retryAfterFromHeaders(h({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now), 5000);
    assert.equal(retryAfterFromHeaders(h({ 'x-ratelimit-reset': String(now + 7000) }), now), 7000);
    assert.equal(retryAfterFromHeaders(h({}), now), undefined);
  });

  it('waits for a Retry-After date before retrying a 503', async () => {
    let n = 0;
    handler = () => {
      n++;
      if (n === 1) return { status: 503, body: 'busy', headers: { 'Retry-After': new Date(Date.now() + 1_500).toUTCString() } };
      return { body: { data: [], meta: { total: 0 } } };
    };
    const clock = new FakeClock(); // starts at the real time, as the date is written
    await client('helpcrunch', { maxRetryWaitMs: 5_000, clock }).verify();
    assert.equal(n, 2);
    assert.equal(clock.sleeps.length, 1, 'one wait, before the retry');
    assert.ok(clock.sleeps[0] >= 400, `waited ${clock.sleeps[0]} ms`); // the date has whole seconds
  });
});
