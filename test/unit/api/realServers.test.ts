// Issue 9: behaviours of real servers, each reproduced by a sandbox variant. The assertion is what a user must see:
// a missing permission is not a bad credential, each source of available agents stands alone, no agent is lost or
// repeated and a short list says so, long rate limits are reported with their wait instead of slept through,
// two-factor refusals say what fixes them, a REVE Chat list ends without an error, and no department twice.

import * as assert from 'node:assert/strict';
import type { ListingEnd } from '../../../src/api/model';
import { endsTheList } from '../../../src/api/revechat';
import { ApiError } from '../../../src/api/errors';
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { FakeClock } from './fakeClock';
import { assertApiError, collect, FAST, helpcrunch, rejection, reve, rocket, sandbox } from './support';

const NO_LIMITS = { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } as const;

async function withSandbox<T>(options: SandboxOptions, run: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await sandbox({ rateLimits: NO_LIMITS, ...options });
  try {
    return await run(sb);
  } finally {
    await sb.stop();
  }
}

function restricted(sb: Sandbox, options = FAST) {
  return rocket(sb, options, { userId: sb.credentials.rocketchat.restrictedUserId }, { authToken: sb.credentials.rocketchat.restrictedAuthToken });
}

/** Lists every page and returns the items and what onEnd said. */
async function listing<T>(list: (o: { onEnd(e: ListingEnd): void }) => AsyncIterable<T[]>): Promise<{ items: T[]; end: ListingEnd | undefined }> {
  let end: ListingEnd | undefined;
  const { items } = await collect(list({ onEnd: (e) => { end = e; } }));
  return { items, end };
}

describe('issue 9: real servers', function () {
  this.timeout(30_000);

  describe('1. a missing permission is not a bad credential', () => {
    for (const form of ['error-unauthorized', 'unauthorized', 'unauthorized-401', 'error-not-authorized'] as const) {
      it(`Rocket.Chat ${form}: verification and listing say "forbidden", name the permission, keep the code`, () =>
        withSandbox({ agents: 30, rocketchatForbidden: form }, async (sb) => {
          const v = assertApiError(await rejection(restricted(sb).verify()), 'forbidden', /accepted the user ID and token, but this user may not list omnichannel agents/);
          assert.deepEqual(v.permissions, ['edit-omnichannel-contact', 'transfer-livechat-guest']);
          assert.match(v.message, /"edit-omnichannel-contact" or "transfer-livechat-guest"/);
          const l = assertApiError(await rejection(collect(restricted(sb).agents())), 'forbidden', /may not list omnichannel agents/);
          assert.ok(l.code, 'the vendor code is kept');
          assert.doesNotMatch(l.message, /^\S+$/, 'a sentence, not a bare word');
          // The same server with a wrong token is still a bad credential.
          assertApiError(await rejection(rocket(sb, FAST, {}, { authToken: 'wrong-token-wrong-token' }).verify()), 'auth');
          assertApiError(await rejection(collect(rocket(sb, FAST, {}, { authToken: 'wrong-token-wrong-token' }).agents())), 'auth');
        }));
    }

    it('vendor codes that arrive as bare words become sentences; the raw code stays in `code`', () =>
      withSandbox({ agents: 30, rocketchatForbidden: 'unauthorized' }, async (sb) => {
        const e = assertApiError(await rejection(restricted(sb).agent('XycfA5CetCPuEjqxw')), 'forbidden', /may not read one agent's details \(Rocket\.Chat answered HTTP 403 "unauthorized"\)\. Ask a Rocket\.Chat administrator/);
        assert.equal(e.code, 'unauthorized');
        assert.deepEqual(e.permissions, ['view-livechat-manager']);
      }));
  });

  describe('2. Show Available Agents: two independent sources', () => {
    it('the legacy endpoint\'s single agent is shown though the agent list is forbidden', () =>
      withSandbox({ agents: 30, rocketchatAvailableEndpoint: 'single', rocketchatRestrictedPermissions: ['agents-available'] }, async (sb) => {
        const r = await restricted(sb).availableAgents();
        assert.deepEqual(r.agents.map((a) => a.id), ['XycfA5CetCPuEjqxw']);
        assert.equal(r.sources[0].error?.kind, 'forbidden');
        assert.deepEqual(r.sources[0].error?.permissions, ['edit-omnichannel-contact', 'transfer-livechat-guest']);
        assert.equal(r.sources[1].error, undefined);
        assert.equal(r.sources[1].agents.length, 1);
      }));

    it('the paged legacy form is read when the list is forbidden', () =>
      withSandbox({ agents: 150, rocketchatAvailableEndpoint: 'paged', rocketchatRestrictedPermissions: ['agents-available'] }, async (sb) => {
        const all = (await collect(rocket(sb).agents())).items.filter((a) => a.available).map((a) => a.id).sort();
        const r = await restricted(sb).availableAgents();
        assert.deepEqual(r.agents.map((a) => a.id).sort(), all);
        assert.equal(r.sources[0].error?.kind, 'forbidden');
      }));

    it('both forbidden: each source says why (the legacy one names its own permission); nothing thrown', () =>
      withSandbox({ agents: 30 }, async (sb) => {
        const r = await restricted(sb).availableAgents();
        assert.deepEqual(r.agents, []);
        assert.deepEqual(r.sources.map((s) => s.error?.kind), ['forbidden', 'forbidden']);
        assert.deepEqual(r.sources[1].error?.permissions, ['manage-agent-extension-association']);
      }));

    it('8.x (no legacy endpoint): the list alone; the legacy source is absent, not failed', () =>
      withSandbox({ agents: 30, rocketchatAvailableEndpoint: 'removed' }, async (sb) => {
        const r = await rocket(sb).availableAgents();
        assert.ok(r.agents.length > 0);
        assert.equal(r.sources[1].absent, true);
        assert.equal(r.sources[1].error, undefined);
      }));
  });

  describe('3. no agent lost to ties, no agent twice, a short list says so', () => {
    for (const total of [101, 230]) {
      it(`Rocket.Chat, ${total} agents all named "Support", ties reordered per page: every agent once, complete`, () =>
        withSandbox({ agents: total, rocketchatAgentName: 'Support', rocketchatUnstableTies: true }, async (sb) => {
          const { items, end } = await listing((o) => rocket(sb).agents(o));
          const ids = items.map((a) => a.id);
          assert.equal(new Set(ids).size, ids.length, 'no agent twice');
          assert.equal(ids.length, total);
          assert.deepEqual(end, { received: total, reportedTotal: total });
        }));
    }

    it('Rocket.Chat that ignores the sort: no duplicates, and onEnd says how many of how many arrived', () =>
      withSandbox({ agents: 230, rocketchatAgentName: 'Support', rocketchatUnstableTies: true, rocketchatIgnoreSort: true }, async (sb) => {
        const { items, end } = await listing((o) => rocket(sb).agents(o));
        const ids = items.map((a) => a.id);
        assert.equal(new Set(ids).size, ids.length, 'no agent twice');
        assert.ok(ids.length < 230, 'the variant loses agents to ties');
        assert.deepEqual(end, { received: ids.length, reportedTotal: 230, incomplete: { reason: 'short-of-total', expected: 230 } });
      }));

    it('REVE Chat that ignores page_no: one page, no duplicates, incomplete (repeated page); agents and offline messages', () =>
      withSandbox({ agents: 45, offlineMessages: 45, revechatIgnorePageNo: true }, async (sb) => {
        const agents = await listing((o) => reve(sb).agents(o));
        assert.equal(agents.items.length, 20);
        assert.equal(new Set(agents.items.map((a) => a.id)).size, 20);
        assert.deepEqual(agents.end, { received: 20, incomplete: { reason: 'repeated-page' } });
        const messages = await listing((o) => reve(sb).offlineMessages(o));
        assert.equal(messages.items.length, 20);
        assert.deepEqual(messages.end?.incomplete, { reason: 'repeated-page' });
      }));

    it('complete lists say so on every platform', () =>
      withSandbox({ agents: 250, offlineMessages: 45 }, async (sb) => {
        for (const [name, list] of [
          ['revechat', (o: { onEnd(e: ListingEnd): void }) => reve(sb).agents(o)],
          ['rocketchat', (o: { onEnd(e: ListingEnd): void }) => rocket(sb).agents(o)],
          ['helpcrunch', (o: { onEnd(e: ListingEnd): void }) => helpcrunch(sb).agents(o)],
        ] as const) {
          const { items, end } = await listing(list);
          assert.equal(items.length, 250, name);
          assert.equal(end?.received, 250, name);
          assert.equal(end?.incomplete, undefined, name);
        }
        const { items, end } = await listing((o) => reve(sb).offlineMessages(o));
        assert.deepEqual(end, { received: items.length });
      }));
  });

  describe('4. a long rate limit is reported with its wait, never slept through', () => {
    const storm = (form: 'details' | 'text' | 'headers' | 'bare', seconds: number, status?: number) =>
      ({ storm429Rate: 1, storm429RetryAfter: false, storm429Form: form, storm429Seconds: seconds, storm429Status: status });

    for (const [form, status] of [['text', 429], ['details', 429], ['headers', 429], ['text', 400]] as const) {
      it(`Rocket.Chat 429 "wait 60 seconds" (${form}, HTTP ${status}) on every request: stops at once with retryAfterMs`, () =>
        withSandbox({ agents: 30 }, async (sb) => {
          sb.setFaults(storm(form, 60, status));
          const clock = new FakeClock();
          sb.resetStats();
          const e = assertApiError(await rejection(collect(rocket(sb, { ...FAST, clock }).agents())), 'rate-limited');
          assert.ok(e.retryAfterMs !== undefined && Math.abs(e.retryAfterMs - 60_000) <= 1_500, `retryAfterMs ${e.retryAfterMs}`);
          assert.deepEqual(clock.sleeps, [], 'no wait slept');
          assert.ok(sb.stats().requests.rocketchat <= 2, 'one request for the list (and one for departments)');
        }));
    }

    it('short waits are retried, but one request and one listing wait at most maxTotalWaitMs in all', () =>
      withSandbox({ agents: 30 }, async (sb) => {
        sb.setFaults(storm('details', 20));
        const clock = new FakeClock();
        const e = assertApiError(await rejection(collect(rocket(sb, { ...FAST, clock, maxRetries: 10 }).agents())), 'rate-limited');
        assert.ok(clock.sleeps.length >= 1, 'a 20 s wait is within the cap: waited');
        assert.ok(clock.elapsed <= 45_000, `waited ${clock.elapsed} ms in all`);
        assert.ok(clock.sleeps.every((ms) => ms <= 30_000));
        assert.ok((e.retryAfterMs ?? 0) >= 20_000);
      }));

    it('a wait far beyond the cap (an hour, Retry-After) is never slept through, now or by the next listing', () =>
      withSandbox({ agents: 30 }, async (sb) => {
        sb.setFaults({ storm429Rate: 1, storm429RetryAfter: true, storm429Seconds: 3600 });
        const clock = new FakeClock();
        const client = helpcrunch(sb, { ...FAST, clock });
        const e = assertApiError(await rejection(collect(client.agents())), 'rate-limited');
        assert.equal(e.retryAfterMs, 3_600_000);
        assert.deepEqual(clock.sleeps, []);
        const again = assertApiError(await rejection(collect(client.agents())), 'rate-limited');
        assert.equal(again.retryAfterMs, 3_600_000);
        assert.ok(clock.sleeps.every((ms) => ms <= 30_000), `waits ${clock.sleeps.join(', ')}`);
        assert.ok(clock.elapsed <= 45_000);
      }));

    it('a rate limit without any wait named: back-off within the budget, then rate-limited with a default wait', () =>
      withSandbox({ agents: 30 }, async (sb) => {
        sb.setFaults(storm('bare', 60));
        const clock = new FakeClock();
        const e = assertApiError(await rejection(rocket(sb, { ...FAST, clock }).verify()), 'rate-limited');
        assert.ok(clock.elapsed <= 45_000);
        assert.equal(e.retryAfterMs, 60_000);
      }));
  });

  describe('5. two-factor tokens', () => {
    for (const kind of ['totp-required', 'totp-invalid'] as const) {
      it(`Rocket.Chat ${kind}: "auth" that says to use a token with two-factor bypassed, on /me and on the list`, () =>
        withSandbox({ agents: 30, rocketchatTwoFactor: kind }, async (sb) => {
          for (const p of [rocket(sb).verify(), collect(rocket(sb).agents())]) {
            const e = assertApiError(await rejection(p), 'auth', /two-factor code.*Ignore Two Factor Authentication.*Personal Access Tokens/);
            assert.equal(e.code, kind);
          }
        }));
    }
  });

  describe('6. the end of a REVE Chat list', () => {
    const forms = ['empty', 'not-found', 'not-found-legacy', 'not-found-text', 'error-200', 'null-body', 'json-null', 'empty-body', 'no-content', 'invalid-page'] as const;
    for (const form of forms) {
      it(`a page past the end answered "${form}" ends the list (agents and offline messages), without an error`, () =>
        withSandbox({ agents: 32, offlineMessages: 32, revechatListEnd: form }, async (sb) => {
          const agents = await listing((o) => reve(sb, { ...FAST, concurrency: 1 }).agents(o));
          assert.equal(agents.items.length, 32);
          assert.deepEqual(agents.end, { received: 32 });
          const messages = await listing((o) => reve(sb, { ...FAST, concurrency: 1 }).offlineMessages(o));
          assert.equal(messages.items.length, 32);
        }));
    }

    for (const form of forms) {
      const error = form === 'invalid-page';
      it(`page 1 of an empty account answered "${form}": ${error ? 'an error' : 'no agents'}`, () =>
        withSandbox({ agents: 30, revechatListEnd: form, revechatEmptyAccount: true }, async (sb) => {
          if (error) {
            assertApiError(await rejection(collect(reve(sb).agents())), 'bad-request', /Invalid Page Number: 1/);
          } else {
            assert.deepEqual((await collect(reve(sb).agents())).items, []);
            await reve(sb, FAST, { username: undefined }).verify();
          }
        }));
    }

    it('after page 1, credentials, permissions, rate limits and faults are still errors', () => {
      const page2 = (e: ApiError) => endsTheList(e, 2);
      assert.equal(page2(new ApiError('auth', 'Invalid authorization key', { status: 401 })), false);
      assert.equal(page2(new ApiError('forbidden', 'Access denied for account 1', { status: 403 })), false);
      assert.equal(page2(new ApiError('rate-limited', 'Too many requests', { status: 429 })), false);
      assert.equal(page2(new ApiError('server', 'Internal error', { status: 500 })), false);
      assert.equal(page2(new ApiError('bad-request', 'Something odd happened')), false);
      assert.equal(page2(new ApiError('not-found', 'No Record found for Page No = 2', { status: 404 })), true);
      assert.equal(endsTheList(new ApiError('not-found', 'Agent not found', { status: 404 }), 1), false, 'one missing record is not an empty account');
      assert.equal(endsTheList(new ApiError('not-found', 'Not Found', { status: 404 }), 1), false, 'a wrong URL is not an empty account');
    });
  });

  describe('7. one department once', () => {
    it('agents that list a department twice are normalised with each department once (REVE Chat, Rocket.Chat)', () =>
      withSandbox({ agents: 120, duplicateDepartments: true }, async (sb) => {
        for (const client of [reve(sb), rocket(sb)]) {
          const { items } = await collect(client.agents());
          const raw = items.filter((a) => Array.isArray((a.raw as { departments?: unknown[] }).departments)
            && new Set(((a.raw as { departments: unknown[] }).departments).map((d) => JSON.stringify(d))).size < (a.raw as { departments: unknown[] }).departments.length);
          assert.ok(raw.length > 0, `${client.platform}: the variant repeats departments`);
          for (const a of items) assert.equal(new Set(a.departments.map((d) => d.id)).size, a.departments.length, `${client.platform} ${a.id}`);
        }
      }));
  });
});
