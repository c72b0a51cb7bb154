// Failure handling against the real sandbox's fault injection: time-outs, cancellation, retries after 429 and
// 5xx, dropped connections, unreadable and cut-short bodies, proxies' HTML pages, and request logging. The retry
// tests wait on a fake clock (fakeClock.ts: waits return at once and are recorded), so they assert the waits
// themselves; the time-out and cancellation tests are about real sockets and run on real time.

import * as assert from 'node:assert/strict';
import type { ClientOptions } from '../../../src/api/index';
import type { Sandbox } from '../../../src/sandbox/types';
import { FakeClock } from './fakeClock';
import { assertApiError, CapturingLogger, collect, helpcrunch, rejection, reve, rocket, sandbox } from './support';


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Generous client-side limits: these tests are about faults, not rate limits. */
const OPEN: ClientOptions = { timeoutMs: 5_000, rateLimit: { perWindow: 100_000, windowMs: 60_000 } };

describe('api: resilience', function () {
  this.timeout(20_000);
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox({ agents: 400, rateLimits: { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0 } });
  });
  afterEach(() => sb.stop());

  describe('time-out', () => {
    it('rejects with "timeout" when the server is slower than timeoutMs, without retrying', async () => {
      // real time is the point (the client's own timer), so the server is far slower than any busy machine is late
      sb.setFaults({ latencyMs: 10_000 });
      const started = Date.now();
      const e = assertApiError(await rejection(helpcrunch(sb, { ...OPEN, timeoutMs: 200 }).verify()), 'timeout', /within 0\.2 s/);
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms: it waited for the server`);
      assert.equal(e.status, undefined);
      assert.equal(sb.stats().requests.helpcrunch, 1);
    });

    it('a server a little slower than usual but within the time-out is fine', async () => {
      sb.setFaults({ latencyMs: 100 });
      await helpcrunch(sb, { ...OPEN, timeoutMs: 1_000 }).verify();
    });
  });

  describe('cancellation', () => {
    it('aborting mid-listing rejects "cancelled" and sends no further request', async () => {
      sb.setFaults({ latencyMs: 80 });
      const controller = new AbortController();
      const seen: number[] = [];
      const listing = (async () => {
        for await (const page of helpcrunch(sb, { ...OPEN, concurrency: 2 }).agents({ signal: controller.signal })) {
          seen.push(page.length);
          if (seen.length === 2) controller.abort(); // page 3 is in flight now, page 4 not yet asked for
        }
      })();
      assertApiError(await rejection(listing), 'cancelled');
      assert.deepEqual(seen, [100, 100]);
      const afterAbort = sb.stats().requests.helpcrunch;
      await sleep(300);
      assert.equal(sb.stats().requests.helpcrunch, afterAbort, 'no request after the abort');
      assert.equal(afterAbort, 3 + 1); // + /v1/departments, asked for with page 1
    });

    it('aborting during a request rejects at once, not after the server answers', async () => {
      sb.setFaults({ latencyMs: 10_000 });
      const controller = new AbortController();
      const started = Date.now();
      const p = reve(sb, OPEN).agent('81830', { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      assertApiError(await rejection(p), 'cancelled');
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms: it waited for the server`);
    });

    it('an already aborted signal sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      assertApiError(await rejection(rocket(sb, OPEN).verify({ signal: controller.signal })), 'cancelled');
      assertApiError(await rejection(collect(reve(sb, OPEN).offlineMessages({ signal: controller.signal }))), 'cancelled');
      assert.equal(sb.stats().requests.rocketchat + sb.stats().requests.revechat, 0);
    });

    it('aborting during a back-off wait rejects at once', async () => {
      sb.setFaults({ errorRate: 1 });
      const controller = new AbortController();
      const started = Date.now();
      const p = helpcrunch(sb, { ...OPEN, maxRetries: 10, maxRetryWaitMs: 30_000 }).verify({ signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      assertApiError(await rejection(p), 'cancelled');
      // ten retries with waits of up to 30 s would take minutes
      assert.ok(Date.now() - started < 8_000, `took ${Date.now() - started} ms`);
    });

    it('breaking out of the iteration stops paging', async () => {
      sb.setFaults({ latencyMs: 50 });
      for await (const page of helpcrunch(sb, { ...OPEN, concurrency: 3 }).agents()) {
        assert.equal(page.length, 100);
        break;
      }
      const count = sb.stats().requests.helpcrunch;
      await sleep(250);
      assert.equal(sb.stats().requests.helpcrunch, count);
      assert.equal(count, 1 + 1); // page 1 + /v1/departments
    });
  });

  describe('retries', () => {
    it('retries 429s that carry Retry-After, waiting as asked, and the caller sees none', async () => {
      sb.setFaults({ storm429Rate: 0.5, storm429RetryAfter: true });
      const clock = new FakeClock();
      const { items } = await collect(helpcrunch(sb, { ...OPEN, clock }).agents());
      assert.equal(items.length, 400);
      assert.ok(sb.stats().tooManyRequests.helpcrunch > 0, 'the storm happened');
      assert.ok(clock.elapsed >= 1_000, `waited the Retry-After of 1 s (waits: ${clock.sleeps.join(', ')})`);
      assert.ok(clock.sleeps.some((ms) => ms >= 1_000), `a retry waits at least the 1 s asked (waits: ${clock.sleeps.join(', ')})`);
    });

    it('retries 429s without Retry-After (back-off, or the wait in the body)', async () => {
      // HelpCrunch's 429 names no wait at all: exponential back-off with jitter.
      // Back-off without a named wait does not line the retries up, so a page may draw several 429s in a row.
      sb.setFaults({ storm429Rate: 0.5, storm429RetryAfter: false });
      const clock = new FakeClock();
      assert.equal((await collect(helpcrunch(sb, { ...OPEN, clock, maxRetries: 10, maxRetryWaitMs: 200 }).agents())).items.length, 400);
      assert.ok(sb.stats().tooManyRequests.helpcrunch > 0);
    });

    it('gives up on a 429 that does not end, as "rate-limited" with the server\'s wait', async () => {
      sb.setFaults({ storm429Rate: 1, storm429RetryAfter: true });
      const e = assertApiError(await rejection(rocket(sb, { ...OPEN, clock: new FakeClock(), maxRetries: 1 }).verify()), 'rate-limited');
      assert.equal(e.status, 429);
      assert.equal(e.retryAfterMs, 1_000);
      assert.equal(sb.stats().requests.rocketchat, 3); // 429s have twice the retry budget of errors
    });

    it('retries 5xx and dropped connections', async () => {
      // One request at a time: the sandbox never faults two requests in a row at these rates, so every retry succeeds
      // and the counts are exact.
      sb.setFaults({ errorRate: 0.4 });
      const clock = new FakeClock();
      assert.equal((await collect(reve(sb, { ...OPEN, clock, concurrency: 1 }).agents())).items.length, 400);
      assert.ok(sb.stats().requests.revechat > 5, 'some requests failed and were retried');
      assert.ok(clock.sleeps.length > 0, 'each retry waited its back-off');
      sb.setFaults({ errorRate: 0, dropRate: 0.4 });
      assert.equal((await collect(rocket(sb, { ...OPEN, clock, concurrency: 1 }).agents())).items.length, 400);
    });

    it('retries 5xx while several pages are in flight', async () => {
      // Concurrent requests share the sandbox's fault sequence, so one of them may draw several faults in a row: a
      // retry budget larger than the default keeps this about retrying, not about luck.
      sb.setFaults({ errorRate: 0.4, dropRate: 0.1 });
      const clock = new FakeClock();
      assert.equal((await collect(reve(sb, { ...OPEN, clock, concurrency: 8, maxRetries: 12, maxRetryWaitMs: 50 }).agents())).items.length, 400);
      assert.equal((await collect(rocket(sb, { ...OPEN, clock, concurrency: 8, maxRetries: 12, maxRetryWaitMs: 50 }).agents())).items.length, 400);
    });

    it('after maxRetries, a persistent 503 is "server" and a dead server is "network"', async () => {
      sb.setFaults({ errorRate: 1 });
      sb.resetStats();
      const clock = new FakeClock();
      const e = assertApiError(await rejection(helpcrunch(sb, { ...OPEN, clock, maxRetries: 2 }).verify()), 'server');
      assert.equal(e.status, 503);
      assert.equal(sb.stats().requests.helpcrunch, 3);
      assert.equal(clock.sleeps.length, 2, 'a back-off before each retry');
      sb.setFaults({ errorRate: 0, down: true });
      const n = assertApiError(await rejection(helpcrunch(sb, { ...OPEN, clock: new FakeClock(), maxRetries: 1 }).verify()), 'network');
      assert.equal(n.status, undefined);
    });

    it('does not retry what cannot change (401)', async () => {
      sb.resetStats();
      assertApiError(await rejection(helpcrunch(sb, OPEN, {}, { apiKey: 'a-wrong-key-1234' }).verify()), 'auth');
      assert.equal(sb.stats().requests.helpcrunch, 1);
    });
  });

  describe('unreadable replies', () => {
    it('a 200 that is not valid JSON is retried once, then "malformed"', async () => {
      // One page at a time: the sandbox spreads faults evenly (every second request), so each retry succeeds.
      sb.setFaults({ malformedRate: 0.5 });
      assert.equal((await collect(helpcrunch(sb, { ...OPEN, concurrency: 1 }).agents())).items.length, 400);
      sb.setFaults({ malformedRate: 1 });
      sb.resetStats();
      assertApiError(await rejection(reve(sb, OPEN).agent('81830')), 'malformed');
      assert.equal(sb.stats().requests.revechat, 2);
    });

    it('a body cut short (connection reset) is retried once, then "malformed"', async () => {
      sb.setFaults({ truncateRate: 0.5 });
      assert.equal((await collect(rocket(sb, { ...OPEN, concurrency: 1 }).agents())).items.length, 400);
      sb.setFaults({ truncateRate: 1 });
      assertApiError(await rejection(helpcrunch(sb, OPEN).verify()), 'malformed');
    });

    it('a reply larger than the limit is "malformed" at once: not retried, not downloaded', async () => {
      sb.resetStats();
      // a page of 100 HelpCrunch agents is about 9 KB: over a 4 KB limit, under the default one
      const e = assertApiError(await rejection(collect(helpcrunch(sb, { ...OPEN, maxResponseBytes: 4 * 1024 }).agents())), 'malformed',
        'The server sent a reply larger than 4 KB; Chatdesk stopped reading it.');
      assert.equal(e.status, 200);
      assert.equal(sb.stats().requests.helpcrunch, 1 + 1, 'page 1 and /v1/departments, each once'); // no retry
      assert.equal((await collect(helpcrunch(sb, OPEN).agents())).items.length, 400);
      // the same without Content-Length: reading stops at the limit
      sb.setFaults({ chunked: true });
      assertApiError(await rejection(collect(reve(sb, { ...OPEN, maxResponseBytes: 2 * 1024 }).agents())), 'malformed',
        'The server sent a reply larger than 2 KB; Chatdesk stopped reading it.');
      for (const client of [reve(sb, OPEN), rocket(sb, OPEN), helpcrunch(sb, OPEN)]) {
        assert.equal((await collect(client.agents())).items.length, 400, 'chunked replies under the limit read whole');
      }
    });

    it('a proxy\'s HTML error page becomes a short message, never the HTML', async () => {
      sb.setFaults({ htmlErrorRate: 1 });
      const clock = new FakeClock();
      const e = assertApiError(await rejection(rocket(sb, { ...OPEN, clock, maxRetries: 1 }).verify()), 'server',
        'The server returned an HTML error page (HTTP 502).');
      assert.equal(e.status, 502);
      sb.setFaults({ htmlErrorRate: 0.5 });
      await rocket(sb, { ...OPEN, clock }).verify();
    });
  });

  describe('logging', () => {
    it('logs method, path, status and time of each request, and why it retried', async () => {
      sb.setFaults({ errorRate: 0.5 });
      const logger = new CapturingLogger();
      const client = helpcrunch(sb, { ...OPEN, logger, clock: new FakeClock() });
      await client.verify(); // 200
      await client.verify(); // 503, then 200
      assert.ok(logger.lines.some((l) => /^\[debug\] "HC" \(hc-1\): GET \/v1\/agents\?offset=0&limit=1 → 503 in \d+ ms/.test(l)), logger.lines.join('\n'));
      assert.ok(logger.lines.some((l) => /retry 1\/3 in \d+ ms \(HTTP 503\)/.test(l)), logger.lines.join('\n'));
      assert.ok(logger.lines.some((l) => /GET \/v1\/agents\?offset=0&limit=1 → 200 in \d+ ms \(attempt 2\)/.test(l)), logger.lines.join('\n'));
      assert.ok(logger.lines.every((l) => !l.includes('127.0.0.1')), 'paths only, not the origin');
    });
  });
});
