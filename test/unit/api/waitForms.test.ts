// Every form in which a server names how long to wait (issue 9 §4): whatever the body's shape, the wait is read, in
// any unit, and a rate-limited error carries it as retryAfterMs instead of the 60 s default. Against the sandbox's
// storm variants (FaultOptions.storm429Form / storm429Text), and the pure readers for what the sandbox cannot vary.

import * as assert from 'node:assert/strict';
import { readErrorBody } from '../../../src/api/errorBody';
import { waitFromHeaders, waitFromText, MAX_WAIT_HINT_MS } from '../../../src/api/waitHints';
import type { FaultOptions, SandboxOptions, Sandbox } from '../../../src/sandbox/types';
import { FakeClock } from './fakeClock';
import { assertApiError, collect, FAST, helpcrunch, rejection, reve, rocket, sandbox } from './support';

const NO_LIMITS = { rocketchatCallsPerRoute: 0, helpcrunchPerMinute: 0 } as const;

async function withSandbox<T>(options: SandboxOptions, run: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await sandbox({ agents: 30, rateLimits: NO_LIMITS, ...options });
  try {
    return await run(sb);
  } finally {
    await sb.stop();
  }
}

const headers = (h: Record<string, string>) => ({ get: (n: string) => Object.entries(h).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1] ?? null });

describe('rate-limit waits in every form (issue 9 §4)', function () {
  this.timeout(20_000);

  const platforms = ['revechat', 'rocketchat', 'helpcrunch'] as const;
  const clientFor = (sb: Sandbox, p: (typeof platforms)[number], clock: FakeClock) =>
    p === 'revechat' ? reve(sb, { ...FAST, clock }) : p === 'rocketchat' ? rocket(sb, { ...FAST, clock }) : helpcrunch(sb, { ...FAST, clock });

  const cases: [string, FaultOptions][] = [
    ['the sentence "You must wait 90 seconds"', { storm429Form: 'text', storm429Text: 'Too many requests. You must wait {s} seconds.' }],
    ['"Retry in 90 seconds."', { storm429Form: 'text', storm429Text: 'Too many requests. Retry in {s} seconds.' }],
    ['"Please wait for 90 seconds."', { storm429Form: 'text', storm429Text: 'Too many requests. Please wait for {s} seconds.' }],
    ['"try again in about 90 seconds"', { storm429Form: 'text', storm429Text: 'Too many requests, try again in about {s} seconds' }],
    ['"(Retry-After: 90)"', { storm429Form: 'text', storm429Text: 'Too many requests (Retry-After: {s})' }],
    ['"1.5 minutes"', { storm429Form: 'text', storm429Text: 'Rate limit exceeded; please wait {m} minutes.' }],
    ['"90000 ms"', { storm429Form: 'text', storm429Text: 'Rate limited. Retry after {ms} ms.' }],
    ['"Rate limit exceeded. Retry in 90s"', { storm429Form: 'text', storm429Text: 'Rate limit exceeded. Retry in {s}s' }],
    ['a top-level retry_after next to the error body', { storm429Form: 'body-field' }],
    ['the IETF draft header RateLimit: limit=120, remaining=0, reset=90', { storm429Form: 'ratelimit' }],
    ['RateLimit-Reset: 90', { storm429Form: 'ratelimit-reset' }],
    ['X-RateLimit-Reset-After: 90', { storm429Form: 'reset-after' }],
    ['Retry-After-Ms: 90000', { storm429Form: 'retry-after-ms' }],
  ];
  for (const [what, faults] of cases) {
    for (const p of platforms) {
      it(`${p}: ${what} → rate-limited with retryAfterMs 90000, not slept through`, () =>
        withSandbox({}, async (sb) => {
          sb.setFaults({ storm429Rate: 1, storm429RetryAfter: false, storm429Seconds: 90, ...faults });
          const clock = new FakeClock();
          const e = assertApiError(await rejection(collect(clientFor(sb, p, clock).agents())), 'rate-limited');
          assert.ok(e.retryAfterMs !== undefined && Math.abs(e.retryAfterMs - 90_000) < 2_000, `retryAfterMs ${e.retryAfterMs}`);
          assert.deepEqual(clock.sleeps, [], 'a wait beyond the cap is not slept');
        }));
    }
  }

  describe('the readers', () => {
    it('understands seconds, minutes, hours and milliseconds, with or without "about", "for", a colon', () => {
      const cases: [string, number | undefined][] = [
        ['You must wait 60 seconds before trying this endpoint again.', 60_000],
        ['Please wait for 90 seconds.', 90_000],
        ['try again in about 90 seconds', 90_000],
        ['Retry in 90 seconds.', 90_000],
        ['Too many requests (Retry-After: 90)', 90_000],
        ['retry_after=90', 90_000],
        ['Please wait 1 minute.', 60_000],
        ['try again in 1.5 minutes', 90_000],
        ['retry after 90000 ms', 90_000],
        ['wait 90000 milliseconds', 90_000],
        ['Retry in 90s', 90_000],
        ['try again in 2 hours', 7_200_000],
        ['try again in a minute', 60_000],
        ['wait 1 minute and 30 seconds', 90_000],
        ['Too many requests', undefined],
        ['Invalid page number 2', undefined],
        ['You have made 100 requests', undefined],
      ];
      for (const [text, ms] of cases) assert.equal(waitFromText(text), ms, text);
    });

    it('the IETF RateLimit header (both draft syntaxes), RateLimit-Reset, X-RateLimit-Reset-After, Retry-After-Ms', () => {
      const now = Date.now();
      assert.equal(waitFromHeaders(headers({ RateLimit: 'limit=120, remaining=0, reset=90' }), now), 90_000);
      assert.equal(waitFromHeaders(headers({ RateLimit: '"default";r=0;t=90' }), now), 90_000);
      assert.equal(waitFromHeaders(headers({ 'RateLimit-Reset': '90' }), now), 90_000);
      assert.equal(waitFromHeaders(headers({ 'X-RateLimit-Reset-After': '90' }), now), 90_000);
      assert.equal(waitFromHeaders(headers({ 'Retry-After-Ms': '90000' }), now), 90_000);
      assert.equal(waitFromHeaders(headers({ 'X-Ms-Retry-After-Ms': '90000' }), now), 90_000);
    });

    it('every body shape: REVE {"error":[…]}, HelpCrunch {"errors":[…]} with text or retry_after, plain text', () => {
      const reveBody = JSON.stringify({ error: [{ code: 429, message: 'Too many requests. You must wait 90 seconds.' }] });
      assert.equal(readErrorBody(429, reveBody, 'application/json').retryAfterMs, 90_000);
      const hcField = JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'Too many requests' }], retry_after: 90 });
      assert.equal(readErrorBody(429, hcField, 'application/json').retryAfterMs, 90_000);
      const hcText = JSON.stringify({ errors: [{ code: 'invalid_request', message: 'Invalid request' }, { code: 'too_many_requests', message: 'Retry in 90 seconds.' }] });
      assert.equal(readErrorBody(429, hcText, 'application/json').retryAfterMs, 90_000);
      assert.equal(readErrorBody(429, 'Rate limit exceeded. Retry in 90s', 'text/plain').retryAfterMs, 90_000);
      assert.equal(readErrorBody(429, JSON.stringify({ error: { message: 'Slow down', retry_after_ms: 90000 } }), 'application/json').retryAfterMs, 90_000);
    });

    it('stays safe: no absurd waits, no negative ones, and linear time on hostile text', () => {
      assert.equal(waitFromText('wait 99999999999999999999 seconds'), MAX_WAIT_HINT_MS);
      assert.equal(waitFromText('wait -5 seconds'), undefined);
      assert.equal(waitFromHeaders(headers({ 'Retry-After': '1e308' }), Date.now()), undefined, 'not a number of seconds');
      assert.equal(waitFromHeaders(headers({ 'Retry-After': '999999999999' }), Date.now()), MAX_WAIT_HINT_MS);
      assert.equal(waitFromHeaders(headers({ 'Retry-After-Ms': 'Infinity' }), Date.now()), undefined);
      // Inputs that make a backtracking pattern take exponential or quadratic time finish at once here (mocha's
      // time-out catches a regression; no timing is asserted).
      for (const hostile of ['wait '.repeat(50_000), `${'9'.repeat(100_000)}x`, `retry ${' '.repeat(100_000)}in`, `wait ${'1.'.repeat(50_000)}`]) {
        assert.equal(waitFromText(hostile), undefined);
      }
    });
  });
});
