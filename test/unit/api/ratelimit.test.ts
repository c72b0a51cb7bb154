// Client-side rate limiting against the sandbox's real limiters (fixed windows, as the platforms apply them), on
// simulated time that the client and the sandbox share (simulatedTime.ts): the platforms' one-minute windows pass
// in no real time, the requests are real HTTP and each reaches the sandbox 20–120 simulated ms after it was sent.
// The caller never sees a 429, the server never sends one, and concurrent paging is faster than one page at a time
// (a server that takes 60 simulated ms per answer).

import * as assert from 'node:assert/strict';
import type { ClientOptions } from '../../../src/api/index';
import { int, mulberry32 } from '../../../src/sandbox/prng';
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { SimulatedTime } from './simulatedTime';
import { collect, helpcrunch, rocket, sandbox } from './support';

const WINDOW_MS = 60_000; // one minute, as the platforms count

/** Simulated time with a network that takes 20–120 ms (seeded), and a sandbox on it. */
async function simulated(options: SandboxOptions): Promise<{ time: SimulatedTime; sb: Sandbox; client: ClientOptions }> {
  const rnd = mulberry32(9);
  const time = new SimulatedTime({ latencyMs: () => int(rnd, 20, 120) });
  const sb = await sandbox({ ...options, clock: time });
  return { time, sb, client: { clock: time, fetch: time.fetch } };
}

describe('api: rate limits', function () {
  this.timeout(30_000);

  describe('HelpCrunch (overall per key)', () => {
    const limit = { perWindow: 30, windowMs: WINDOW_MS };

    it('pages 40 pages concurrently with zero 429s, paced by the limiter', async () => {
      const { time, sb, client } = await simulated({ agents: 4_000, rateLimits: { windowMs: WINDOW_MS, helpcrunchPerMinute: 30 } });
      try {
        const started = time.now();
        const { items } = await time.run(collect(helpcrunch(sb, { ...client, rateLimit: limit }).agents()));
        const elapsed = time.now() - started;
        assert.equal(items.length, 4_000);
        assert.equal(new Set(items.map((a) => a.id)).size, 4_000);
        assert.equal(sb.stats().tooManyRequests.helpcrunch, 0);
        assert.equal(sb.stats().requests.helpcrunch, 40 + 1); // + /v1/departments
        // 40 requests at 27 per window (90 % of 30) need a second window, but no more.
        assert.ok(elapsed >= WINDOW_MS * 0.9, `${elapsed} ms`);
        assert.ok(elapsed < WINDOW_MS * 3, `${elapsed} ms`);
      } finally {
        await sb.stop();
      }
    });

    it('clients re-created for the same connection share one budget', async () => {
      const { time, sb, client } = await simulated({ agents: 2_000, rateLimits: { windowMs: WINDOW_MS, helpcrunchPerMinute: 30 } });
      try {
        const [a, b] = await time.run(Promise.all([
          collect(helpcrunch(sb, { ...client, rateLimit: limit }).agents()),
          collect(helpcrunch(sb, { ...client, rateLimit: limit }).agents()),
        ]));
        assert.equal(a.items.length + b.items.length, 4_000);
        assert.equal(sb.stats().requests.helpcrunch, 40 + 2); // + /v1/departments per listing
        assert.equal(sb.stats().tooManyRequests.helpcrunch, 0);
      } finally {
        await sb.stop();
      }
    });
  });

  describe('Rocket.Chat (per route, learnt from X-RateLimit-*)', () => {
    it('lists and lists available agents with zero 429s', async () => {
      const { time, sb, client } = await simulated({ agents: 600, rateLimits: { windowMs: WINDOW_MS, rocketchatCallsPerRoute: 4 } });
      try {
        const rc = rocket(sb, { ...client, rateLimit: { perWindow: 4, windowMs: WINDOW_MS } });
        const [{ items }, available] = await time.run(Promise.all([collect(rc.agents()), rc.availableAgents()]));
        assert.equal(items.length, 600);
        assert.equal(available.agents.length, items.filter((a) => a.available).length);
        assert.ok(available.sources.every((src) => !src.error), 'no source failed');
        await time.run(rc.verify());
        assert.equal(sb.stats().tooManyRequests.rocketchat, 0);
      } finally {
        await sb.stop();
      }
    });

    it('learns a limit lower than assumed from the headers', async () => {
      // The client assumes 10 per window; the server allows 3: Remaining 0 makes the route wait for Reset.
      const { time, sb, client } = await simulated({ agents: 500, rateLimits: { windowMs: WINDOW_MS, rocketchatCallsPerRoute: 3 } });
      try {
        const { items } = await time.run(collect(rocket(sb, { ...client, rateLimit: { perWindow: 10, windowMs: WINDOW_MS } }).agents()));
        assert.equal(items.length, 500);
        assert.equal(sb.stats().tooManyRequests.rocketchat, 0);
      } finally {
        await sb.stop();
      }
    });
  });

  describe('concurrency', () => {
    it('fetches pages concurrently, in order, faster than one at a time', async () => {
      // The server takes 60 ms to answer, on the simulated clock (SandboxClock.delay): every request of a round is in
      // the server's hands before time moves on, so the peaks and times below are exact on any machine.
      const time = new SimulatedTime();
      const sb = await sandbox({ agents: 2_000, faults: { latencyMs: 60 }, rateLimits: { helpcrunchPerMinute: 0 }, clock: time });
      const client = { clock: time, fetch: time.fetch };
      try {
        let started = time.now();
        const sequential = await time.run(collect(helpcrunch(sb, { ...client, concurrency: 1 }).agents()));
        const sequentialMs = time.now() - started;
        assert.ok(sb.stats().peakConcurrency <= 2, `peak ${sb.stats().peakConcurrency}`); // page 1 and /v1/departments go together
        sb.resetStats();
        started = time.now();
        const concurrent = await time.run(collect(helpcrunch(sb, { ...client, concurrency: 4 }).agents()));
        const concurrentMs = time.now() - started;
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
