// Client-side rate limiting against the sandbox's real limiters (fixed windows, as the platforms apply them),
// scaled down to a 2-second window so the tests take seconds: the caller never sees a 429, the server never
// sends one, and concurrent paging is faster than one page at a time.

import * as assert from 'node:assert/strict';
import type { ClientOptions } from '../../../src/api/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { collect, helpcrunch, rocket, sandbox } from './support';

const WINDOW_MS = 2_000;

describe('api: rate limits', function () {
  this.timeout(30_000);

  describe('HelpCrunch (overall per key)', () => {
    let sb: Sandbox;
    const options: ClientOptions = { rateLimit: { perWindow: 30, windowMs: WINDOW_MS } };
    before(async () => {
      sb = await sandbox({ agents: 4_000, rateLimits: { windowMs: WINDOW_MS, helpcrunchPerMinute: 30 } });
    });
    after(() => sb.stop());

    it('pages 40 pages concurrently with zero 429s, paced by the limiter', async () => {
      sb.resetStats();
      const started = Date.now();
      const { items } = await collect(helpcrunch(sb, options).agents());
      const elapsed = Date.now() - started;
      assert.equal(items.length, 4_000);
      assert.equal(new Set(items.map((a) => a.id)).size, 4_000);
      assert.equal(sb.stats().tooManyRequests.helpcrunch, 0);
      assert.equal(sb.stats().requests.helpcrunch, 40 + 1); // + /v1/departments
      // 40 requests at 27 per 2 s (90 % of 30) need a second window, but no more.
      assert.ok(elapsed >= WINDOW_MS * 0.9, `${elapsed} ms`);
      assert.ok(elapsed < WINDOW_MS * 3, `${elapsed} ms`);
    });

    it('clients re-created for the same connection share one budget', async () => {
      const sb2 = await sandbox({ agents: 2_000, rateLimits: { windowMs: WINDOW_MS, helpcrunchPerMinute: 30 } });
      try {
        const [a, b] = await Promise.all([collect(helpcrunch(sb2, options).agents()), collect(helpcrunch(sb2, options).agents())]);
        assert.equal(a.items.length + b.items.length, 4_000);
        assert.equal(sb2.stats().requests.helpcrunch, 40 + 2); // + /v1/departments per listing
        assert.equal(sb2.stats().tooManyRequests.helpcrunch, 0);
      } finally {
        await sb2.stop();
      }
    });
  });

  describe('Rocket.Chat (per route, learnt from X-RateLimit-*)', () => {
    it('lists and lists available agents with zero 429s', async () => {
      const sb = await sandbox({ agents: 600, rateLimits: { windowMs: WINDOW_MS, rocketchatCallsPerRoute: 4 } });
      try {
        const options: ClientOptions = { rateLimit: { perWindow: 4, windowMs: WINDOW_MS } };
        const client = rocket(sb, options);
        const [{ items }, available] = await Promise.all([collect(client.agents()), client.availableAgents()]);
        assert.equal(items.length, 600);
        assert.equal(available.agents.length, items.filter((a) => a.available).length);
        assert.ok(available.sources.every((src) => !src.error), 'no source failed');
        await client.verify();
        assert.equal(sb.stats().tooManyRequests.rocketchat, 0);
      } finally {
        await sb.stop();
      }
    });

    it('learns a limit lower than assumed from the headers', async () => {
      // The client assumes 10 per window; the server allows 3: Remaining 0 makes the route wait for Reset.
      const sb = await sandbox({ agents: 500, rateLimits: { windowMs: WINDOW_MS, rocketchatCallsPerRoute: 3 } });
      try {
        const { items } = await collect(rocket(sb, { rateLimit: { perWindow: 10, windowMs: WINDOW_MS } }).agents());
        assert.equal(items.length, 500);
        assert.equal(sb.stats().tooManyRequests.rocketchat, 0);
      } finally {
        await sb.stop();
      }
    });
  });

  describe('concurrency', () => {
    it('fetches pages concurrently, in order, faster than one at a time', async () => {
      const sb = await sandbox({ agents: 2_000, faults: { latencyMs: 60 }, rateLimits: { helpcrunchPerMinute: 0 } });
      try {
        let started = Date.now();
        const sequential = await collect(helpcrunch(sb, { concurrency: 1 }).agents());
        const sequentialMs = Date.now() - started;
        assert.ok(sb.stats().peakConcurrency <= 2, `peak ${sb.stats().peakConcurrency}`); // page 1 and /v1/departments go together
        sb.resetStats();
        started = Date.now();
        const concurrent = await collect(helpcrunch(sb, { concurrency: 4 }).agents());
        const concurrentMs = Date.now() - started;
        assert.deepEqual(concurrent.items.map((a) => a.id), sequential.items.map((a) => a.id), 'same agents, same order');
        assert.equal(concurrent.pages, 20);
        assert.ok(sb.stats().peakConcurrency >= 3, `peak ${sb.stats().peakConcurrency}`);
        assert.ok(sb.stats().peakConcurrency <= 4, `peak ${sb.stats().peakConcurrency}`);
        assert.ok(concurrentMs < sequentialMs * 0.6, `concurrent ${concurrentMs} ms vs sequential ${sequentialMs} ms`);
      } finally {
        await sb.stop();
      }
    });
  });
});
