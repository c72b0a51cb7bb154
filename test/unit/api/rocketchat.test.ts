// Rocket.Chat through the real sandbox: agents, one agent, available agents in every server variant, errors.

import * as assert from 'node:assert/strict';
import type { Sandbox } from '../../../src/sandbox/types';
import { assertApiError, allAgents, collect, FAST, rejection, rocket, sandbox } from './support';


describe('api: Rocket.Chat', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  // The server's rate limiter is exercised in ratelimit.test.ts; here it is off (no headers → no client limit).
  before(async () => {
    sb = await sandbox({ agents: 250, rateLimits: { rocketchatCallsPerRoute: 0 } });
  });
  after(() => sb.stop());

  it('verifies with /me', async () => {
    await rocket(sb).verify();
  });

  it('lists every agent over three pages, normalised', async () => {
    sb.resetStats();
    const { items, pages } = await collect(rocket(sb).agents());
    assert.equal(items.length, 250);
    assert.equal(pages, 3);
    assert.equal(new Set(items.map((a) => a.id)).size, 250);
    assert.equal(sb.stats().requests.rocketchat, 3 + 1); // total known: no extra request past the end (+ livechat/department)
    const seedAgent = items.find((a) => a.id === 'XycfA5CetCPuEjqxw');
    assert.ok(seedAgent, 'the seed\'s test.agent is listed');
    assert.equal(seedAgent.platform, 'rocketchat');
    assert.equal(seedAgent.role, 'agent');
    assert.ok(['online', 'away', 'busy', 'offline'].includes(seedAgent.status));
    for (const a of items) {
      const raw = a.raw as { statusLivechat?: string; emails?: { address: string }[]; departments?: string[] };
      assert.equal(a.available, raw.statusLivechat === 'available');
      assert.equal(a.email, raw.emails?.[0]?.address);
      assert.deepEqual(a.departments.map((d) => d.id), raw.departments ?? []);
      assert.ok(a.name.length > 0);
    }
  });

  it('gets one agent; unknown and non-agent ids are not-found', async () => {
    const list = await allAgents(rocket(sb));
    const one = await rocket(sb).agent(list[3].id);
    assert.equal(one.id, list[3].id);
    assert.equal(one.name, list[3].name);
    assertApiError(await rejection(rocket(sb).agent('NoSuchUser123')), 'not-found', 'User not found');
    // The demo user is not an agent: {user: null}
    assertApiError(await rejection(rocket(sb).agent(sb.credentials.rocketchat.userId)), 'not-found');
  });

  it('lists available agents (onlyAvailable merged with the paged legacy endpoint)', async () => {
    const all = await allAgents(rocket(sb));
    const expected = all.filter((a) => a.available).map((a) => a.id).sort();
    const available = (await rocket(sb).availableAgents()).agents;
    assert.deepEqual(available.map((a) => a.id).sort(), expected);
    assert.ok(available.every((a) => a.available === true));
    assert.ok(expected.length > 0);
  });

  it('accepts the seed\'s single-agent legacy reply, and a server without the endpoint (8.x)', async () => {
    for (const variant of ['single', 'removed'] as const) {
      const sb2 = await sandbox({ agents: 60, rocketchatAvailableEndpoint: variant, rateLimits: { rocketchatCallsPerRoute: 0 } });
      try {
        const all = await allAgents(rocket(sb2));
        const onlyAvailable = all.filter((a) => a.available).map((a) => a.id);
        const ids = (await rocket(sb2).availableAgents()).agents.map((a) => a.id);
        assert.equal(new Set(ids).size, ids.length, 'unique by id');
        for (const id of onlyAvailable) assert.ok(ids.includes(id), `${variant}: ${id} listed`);
        if (variant === 'single') assert.ok(ids.includes('XycfA5CetCPuEjqxw'), 'the seed\'s agent is merged in');
        else {
          assert.equal(ids.length, onlyAvailable.length);
          // Once the server said 404, the same client does not ask again.
          const client = rocket(sb2);
          await client.availableAgents();
          sb2.resetStats();
          await client.availableAgents();
          assert.equal(sb2.stats().requests.rocketchat, 1);
        }
      } finally {
        await sb2.stop();
      }
    }
  });

  it('maps the seed\'s 401 and 403 bodies', async () => {
    const e = assertApiError(await rejection(rocket(sb, FAST, {}, { authToken: 'wrong-token-wrong-token' }).verify()), 'auth', 'You must be logged in to do this.');
    assert.equal(e.status, 401);
    const restricted = rocket(sb, FAST, { userId: sb.credentials.rocketchat.restrictedUserId }, { authToken: sb.credentials.rocketchat.restrictedAuthToken });
    // a real user, who may not list agents: verification says so (it reads one agent after /me)
    assertApiError(await rejection(restricted.verify()), 'forbidden', /may not list omnichannel agents/);
    const f = assertApiError(await rejection(allAgents(restricted)), 'forbidden', /User does not have the permissions required for this action/);
    assert.equal(f.code, 'error-unauthorized');
    assert.deepEqual(f.permissions, ['edit-omnichannel-contact', 'transfer-livechat-guest']);
    const available = await restricted.availableAgents();
    assert.deepEqual(available.agents, []);
    assert.ok(available.sources.every((src) => src.error?.kind === 'forbidden'));
  });

  it('fails without token or user id, before any request', async () => {
    sb.resetStats();
    assertApiError(await rejection(rocket(sb, FAST, {}, { authToken: undefined }).verify()), 'auth');
    assertApiError(await rejection(rocket(sb, FAST, { userId: '' }).verify()), 'auth');
    assert.equal(sb.stats().requests.rocketchat, 0);
  });

  it('has no offline messages', async () => {
    const c = rocket(sb);
    assert.deepEqual(c.capabilities, { offlineMessages: false, availableAgents: true });
    assertApiError(await rejection(collect(c.offlineMessages())), 'unsupported');
    assertApiError(await rejection(c.offlineMessage('1')), 'unsupported');
  });

  it('accepts a workspace URL pasted with /api/v1', async () => {
    const agents = await allAgents(rocket(sb, FAST, { baseUrl: `${sb.baseUrls.rocketchat}/api/v1/` }));
    assert.equal(agents.length, 250);
  });
});
