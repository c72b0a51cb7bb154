// REVE Chat through the real sandbox: both generations, paging end conditions, every seed error body.

import * as assert from 'node:assert/strict';
import type { Sandbox } from '../../../src/sandbox/types';
import { SimulatedTime } from './simulatedTime';
import { assertApiError, allAgents, collect, FAST, rejection, reve, sandbox } from './support';


describe('api: REVE Chat', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  before(async () => {
    sb = await sandbox({ agents: 40, offlineMessages: 30, revechatForbiddenOfflineMessageIds: [740] });
  });
  after(() => sb.stop());

  describe('agents (current generation)', () => {
    it('lists every agent, normalised from the seed example', async () => {
      const agents = await allAgents(reve(sb));
      assert.equal(agents.length, 40);
      assert.equal(new Set(agents.map((a) => a.id)).size, 40);
      const asif = agents.find((a) => a.id === '77273')!;
      assert.equal(asif.name, 'Asif Tuhin Design');
      assert.equal(asif.platform, 'revechat');
      assert.equal(asif.connectionId, 'reve-1');
      assert.equal(asif.status, 'offline');
      assert.equal(asif.role, undefined); // role: null
      assert.deepEqual(asif.departments, [{ id: '4213', name: 'WhatsApp' }]);
      assert.equal(asif.lastLoginAt, 1752391069243);
      assert.equal(asif.createdAt, 1643532522000);
      assert.equal((asif.raw as { agent_id: number }).agent_id, 77273);
      assert.equal(agents.find((a) => a.id === '81830')!.name, 'Mohaimin');
      assert.equal(agents.find((a) => a.id === '113593')!.status, 'online'); // "ONLINE"
      assert.equal(agents.find((a) => a.id === '114813')!.lastLoginAt, undefined); // last_login_time: null
      for (const a of agents) assert.ok(['online', 'away', 'busy', 'offline', 'unknown'].includes(a.status));
    });

    it('stops on an empty page when the count is an exact multiple of the page size (20)', async () => {
      sb.resetStats();
      const { items, pages } = await collect(reve(sb).agents());
      assert.equal(items.length, 40);
      assert.equal(pages, 2);
      assert.equal(sb.stats().requests.revechat, 3); // pages 1, 2 and the empty 3
    });

    it('stops on a short page, having asked for at most one page past it', async () => {
      const sb2 = await sandbox({ agents: 45 });
      try {
        const { items, pages } = await collect(reve(sb2).agents());
        assert.equal(items.length, 45);
        assert.equal(pages, 3);
        assert.ok(sb2.stats().requests.revechat <= 4, `requests: ${sb2.stats().requests.revechat}`);
      } finally {
        await sb2.stop();
      }
    });

    it('reads a long list several pages at a time, in order, without a page twice', async () => {
      // each request travels 40 ms, on simulated time (test/unit/api/simulatedTime.ts): the elapsed time below is
      // the same on a busy machine as on an idle one
      const latencyMs = 40;
      const time = new SimulatedTime({ latencyMs });
      const sb2 = await sandbox({ agents: 1000, clock: time });
      try {
        const started = time.now();
        const { items, pages } = await time.run(collect(reve(sb2, { ...FAST, clock: time, fetch: time.fetch }).agents()));
        const elapsed = time.now() - started;
        const requests = sb2.stats().requests.revechat;
        assert.deepEqual(items.map((a) => a.id), (await allAgents(reve(sb2))).map((a) => a.id), 'in the server\'s order');
        assert.equal(new Set(items.map((a) => a.id)).size, 1000);
        assert.equal(pages, 50);
        // one page at a time would need 51 round trips (the last one empty); read-ahead needs far fewer
        assert.ok(elapsed < 30 * latencyMs, `took ${elapsed} simulated ms`);
        assert.ok(requests <= 51 + 7, `requests: ${requests}`);
      } finally {
        await sb2.stop();
      }
    });

    it('yields what it fetched, then fails when the server never stops (page cap)', async () => {
      const sb2 = await sandbox({ agents: 40, faults: { pageForever: true } });
      try {
        const seen: string[] = [];
        const e = await rejection((async () => {
          for await (const page of reve(sb2, { ...FAST, pageCap: 6 }).agents()) seen.push(...page.map((a) => a.id));
        })());
        assertApiError(e, 'malformed', 'The server kept sending pages; stopped after 6 pages.');
        assert.equal(seen.length, 6 * 20);
        assert.equal(sb2.stats().requests.revechat, 6);
      } finally {
        await sb2.stop();
      }
    });

    it('takes the account ID from the key when the connection has none', async () => {
      const agents = await allAgents(reve(sb, FAST, { accountId: undefined }));
      assert.equal(agents.length, 40);
    });

    it('gets one agent', async () => {
      const a = await reve(sb).agent('81830');
      assert.equal(a.id, '81830');
      assert.equal(a.name, 'Mohaimin');
      assert.deepEqual(a.departments, []);
    });

    it('reports an unknown agent as not-found and an invalid id as bad-request', async () => {
      assertApiError(await rejection(reve(sb).agent('999999')), 'not-found', 'Agent not found');
      const bad = assertApiError(await rejection(reve(sb).agent('-14')), 'bad-request', /^Invalid Agent Id: -14/);
      assert.equal(bad.status, 400);
    });

    it('rejects a wrong, an expired and another account\'s key', async () => {
      const wrong = assertApiError(await rejection(reve(sb, FAST, {}, { apiKey: 'eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.c2lnbmF0dXJl' }).verify()), 'auth');
      assert.equal(wrong.status, 401);
      assert.match(wrong.message, /invalid authorization key/i);
      assertApiError(await rejection(reve(sb, FAST, {}, { apiKey: sb.credentials.revechat.expiredApiKey }).verify()), 'auth', /expired/i);
      assertApiError(await rejection(allAgents(reve(sb, FAST, { accountId: '1234567' }))), 'forbidden', /Access denied/);
    });

    it('fails without a key, before any request', async () => {
      sb.resetStats();
      assertApiError(await rejection(reve(sb, FAST, {}, { apiKey: undefined }).verify()), 'auth');
      assert.equal(sb.stats().requests.revechat, 0);
    });
  });

  describe('offline messages (legacy generation, HTTP Basic)', () => {
    it('lists every message page by page, newest first, the seed\'s at the end', async () => {
      const { items, pages } = await collect(reve(sb).offlineMessages());
      assert.equal(items.length, 30);
      assert.equal(pages, 2);
      const m596 = items.find((m) => m.id === '596')!;
      assert.deepEqual(m596.visitor, { id: '146598', name: undefined, email: undefined, phone: undefined }); // "" → undefined
      assert.equal(m596.subject, 'test');
      assert.equal(m596.message, 'hii...test');
      assert.equal(m596.receivedAt, 1425643670381);
      assert.equal(m596.unread, false);
      assert.equal(m596.replyCount, 2);
      const m744 = items.find((m) => m.id === '744')!;
      assert.deepEqual(m744.visitor, { id: '203305', name: 'arafat.mobilw', email: 'ssd@ccc.cin', phone: '23444445555' });
      assert.ok(items.some((m) => m.unread), 'some generated messages are unread');
      assert.deepEqual(items.slice(-4).map((m) => m.id), ['744', '740', '596', '594']);
    });

    it('reads one message with its reply thread', async () => {
      const d = await reve(sb).offlineMessage('744');
      assert.equal(d.subject, 'hhhhh');
      assert.equal(d.replies.length, 4);
      assert.deepEqual(d.replies[0], {
        message: 'Hello', at: 1439628148050, agentId: '465', agentName: 'nurnabi Siddiquee', agentEmail: 'nurnabi-admin@revechat.com',
      });
      assert.equal(d.replyCount, 4);
    });

    it('maps the seed\'s 404, 400 and invalid-JSON 403 bodies', async () => {
      const nf = assertApiError(await rejection(reve(sb).offlineMessage('999999')), 'not-found');
      assert.equal(nf.message, 'No Record found for Offline Message Id = 999999. Please enter a another Offline Message Id.');
      assertApiError(await rejection(reve(sb).offlineMessage('-14')), 'bad-request',
        'Invalid Offline message Id: -14. Please enter a Valid Offline message Id.');
      assertApiError(await rejection(reve(sb).offlineMessage('740')), 'forbidden',
        "You don't have permission to see offline message details with Id 740");
    });

    it('maps "Bad credentials" (401) and the non-superadmin 403', async () => {
      const bad = assertApiError(await rejection(collect(reve(sb, FAST, {}, { password: 'wrong-password' }).offlineMessages())), 'auth', 'Bad credentials');
      assert.equal(bad.status, 401);
      const agentUser = reve(sb, FAST, { username: sb.credentials.revechat.agentUsername }, { password: sb.credentials.revechat.agentPassword });
      assertApiError(await rejection(agentUser.offlineMessage('744')), 'forbidden',
        'Access is denied! Only user with Super Admin role can access the REST API');
    });

    it('is a capability only with the superadmin e-mail and password', async () => {
      const withBasic = reve(sb);
      assert.deepEqual(withBasic.capabilities, { offlineMessages: true, availableAgents: false });
      const keyOnly = reve(sb, FAST, { username: undefined }, { password: undefined });
      assert.deepEqual(keyOnly.capabilities, { offlineMessages: false, availableAgents: false });
      assertApiError(await rejection(collect(keyOnly.offlineMessages())), 'unsupported');
      assertApiError(await rejection(keyOnly.offlineMessage('744')), 'unsupported');
      assertApiError(await rejection(withBasic.availableAgents()), 'unsupported');
      await keyOnly.verify(); // the key alone is enough to verify
    });

    it('verify checks the basic-auth credentials too when they are set', async () => {
      await reve(sb).verify();
      assertApiError(await rejection(reve(sb, FAST, {}, { password: 'nope-nope' }).verify()), 'auth', 'Bad credentials');
    });
  });
});
