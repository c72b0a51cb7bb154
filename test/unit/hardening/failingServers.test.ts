// Failing servers, as the trees meet them: the real client and the data layer the trees use (PagedList),
// against the sandbox's fault injection, for each platform's lists and each way a server fails.
// For every pair: no unhandled rejection; the list ends in an error state with a reason fit for a user
// (short, no HTML, no secret) and the error item the tree would show offers a retry; what was loaded before
// stays while the refresh fails; a healthy connection elsewhere keeps working; and the first refresh after
// the fault ends shows exactly what a clean listing shows. The client's waits (back-off, 429 pauses) are on a fake
// clock (waits return at once and are recorded); time-outs are real, against real latency.
import * as assert from 'node:assert/strict';
import { globalAgent } from 'node:http';
import type { ClientOptions } from '../../../src/api/index';
import { isApiError, type ApiErrorKind } from '../../../src/api/errors';
import { startSandbox } from '../../../src/sandbox/index';
import type { FaultOptions, Sandbox, SandboxOptions } from '../../../src/sandbox/types';
import { errorTooltip, presentError } from '../../../src/views/presentation/error';
import { connectionTooltip, loadInfo, presentConnection } from '../../../src/views/presentation/connection';
import type { PagedList } from '../../../src/store';
import { FakeClock } from '../api/fakeClock';
import { LISTS, RejectionGuard, assertUserFit, pagedListFor, secretForms, type ListSpec } from './support';

const SANDBOX: SandboxOptions = {
  seed: 11,
  agents: 130, // REVE: 7 pages of 20; Rocket.Chat and HelpCrunch: 2 pages of 100
  offlineMessages: 45, // 3 pages of 20
  rateLimits: { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0 },
};

/**
 * A short time-out (with room for a busy CI machine), one retry, short waits, on a fake clock that every client of
 * this file shares (so their limiters are shared, as production's are): no scenario waits for its retries.
 */
const PAGE_CAP = 8;
const OPTIONS: ClientOptions = {
  timeoutMs: 1_000, maxRetries: 1, maxRetryWaitMs: 100, pageCap: PAGE_CAP,
  rateLimit: { perWindow: 100_000, windowMs: 60_000 }, clock: new FakeClock(),
};
/** The time-out while the server is slow: far below its latency, so it always fires first; 1 s again after. */
const SLOW_SERVER = { timeoutMs: 100, latencyMs: 3_000 };

/** Every fault off. */
const CLEAR: FaultOptions = {
  latencyMs: 0, latencyJitterMs: 0, errorRate: 0, dropRate: 0, malformedRate: 0, truncateRate: 0, htmlErrorRate: 0,
  storm429Rate: 0, storm429RetryAfter: undefined, pageForever: false, down: false, errorStatus: undefined,
};

interface Scenario {
  name: string;
  /** Starts the fault (may replace the sandbox). */
  begin(ctx: Ctx): Promise<void> | void;
  /** Ends the fault. */
  end(ctx: Ctx): Promise<void> | void;
  /** The error kinds a user may see for it. */
  kinds: ApiErrorKind[];
  /** What the reason must say (the user must be able to tell these apart). */
  reason: RegExp;
}

interface Ctx {
  sb: Sandbox;
  /** The faulty connection's client options, read at each load. */
  options: ClientOptions;
}

/**
 * Waits until the process's pool of idle keep-alive connections (node-fetch uses http.globalAgent) holds none to
 * `sb`, once the server has closed them all: as the user's next refresh, seconds later, would find it. Without
 * this, a request sent at once may still pick a pooled connection the server has closed (ECONNRESET).
 */
async function poolLetGo(sb: Sandbox): Promise<void> {
  const name = `127.0.0.1:${sb.port}:`;
  while (Object.entries(globalAgent.freeSockets).some(([k, v]) => k.startsWith(name) && (v?.length ?? 0) > 0)) {
    await new Promise((r) => setTimeout(r, 2));
  }
}

const fault = (name: string, f: FaultOptions, kinds: ApiErrorKind[], reason: RegExp): Scenario => ({
  name, kinds, reason, begin: (ctx) => ctx.sb.setFaults(f), end: (ctx) => ctx.sb.setFaults(CLEAR),
});

const SCENARIOS: Scenario[] = [
  {
    name: 'latency above the time-out',
    kinds: ['timeout'],
    reason: /did not answer within 0\.1 s/,
    begin: (ctx) => {
      ctx.options = { ...OPTIONS, timeoutMs: SLOW_SERVER.timeoutMs };
      ctx.sb.setFaults({ latencyMs: SLOW_SERVER.latencyMs });
    },
    end: (ctx) => {
      ctx.options = OPTIONS;
      ctx.sb.setFaults(CLEAR);
    },
  },
  fault('a 5xx burst (every request 503)', { errorRate: 1, errorStatus: 503 }, ['server'], /Service Unavailable|internal error|503/i),
  fault('a 5xx burst (every request 500)', { errorRate: 1, errorStatus: 500 }, ['server'], /Internal Server Error|internal error|500/i),
  fault('a 5xx burst (every request 502, plain text)', { errorRate: 1, errorStatus: 502 }, ['server'], /Bad Gateway|internal error|502/i),
  fault('connections dropped before any response', { dropRate: 1 }, ['network'], /Could not reach the server/),
  fault('connections reset mid-body (truncated JSON)', { truncateRate: 1 }, ['malformed', 'network'], /cut short|not valid JSON|Could not reach/),
  fault('invalid JSON under 200', { malformedRate: 1 }, ['malformed'], /not valid JSON/),
  fault('HTML error pages from a proxy', { htmlErrorRate: 1 }, ['server'], /HTML error page \(HTTP 502\)/),
  fault('a 429 storm with Retry-After', { storm429Rate: 1, storm429RetryAfter: true }, ['rate-limited'], /too many|slow down|rate/i),
  fault('a 429 storm without Retry-After', { storm429Rate: 1, storm429RetryAfter: false }, ['rate-limited'], /too many|slow down|rate/i),
  fault('a server that pages forever', { pageForever: true }, ['malformed'], new RegExp(`kept sending pages; stopped after ${PAGE_CAP} pages`)),
  {
    name: 'a server that goes away (every connection destroyed) and comes back',
    kinds: ['network'],
    reason: /Could not reach the server/,
    begin: (ctx) => ctx.sb.setFaults({ down: true }),
    end: async (ctx) => {
      ctx.sb.setFaults(CLEAR);
      await poolLetGo(ctx.sb);
    },
  },
  {
    name: 'a server process that stops (connection refused) and is started again on the same port',
    kinds: ['network'],
    reason: /Could not reach the server \(ECONNREFUSED\)/,
    begin: async (ctx) => {
      await ctx.sb.stop();
      await poolLetGo(ctx.sb);
    },
    end: async (ctx) => { ctx.sb = await startSandbox({ ...SANDBOX, port: ctx.sb.port }); },
  },
];

const ids = (list: PagedList<{ id: string }>) => list.items.map((i) => i.id);

describe('hardening: failing servers, per platform and fault (client + PagedList)', function () {
  this.timeout(15_000);
  const guard = new RejectionGuard();
  let healthy: Sandbox;
  let healthyList: PagedList<{ id: string }>;
  let healthyIds: string[];

  before(async () => {
    guard.install();
    // Another connection, on another server, that must keep working while one fails.
    healthy = await startSandbox({ ...SANDBOX, seed: 12 });
    healthyList = pagedListFor(() => healthy, LISTS[3], OPTIONS);
    await healthyList.refresh();
    assert.equal(healthyList.status, 'loaded');
    healthyIds = ids(healthyList);
  });

  after(async () => {
    healthyList?.dispose();
    await healthy?.stop();
    guard.uninstall();
  });

  for (const spec of LISTS) {
    describe(spec.name, () => {
      const ctx = { options: OPTIONS } as Ctx;
      let cleanIds: string[];

      before(async () => {
        ctx.sb = await startSandbox(SANDBOX);
        const clean = pagedListFor(() => ctx.sb, spec, OPTIONS);
        await clean.refresh();
        assert.equal(clean.status, 'loaded', `clean listing failed: ${String(clean.error)}`);
        cleanIds = ids(clean);
        assert.ok(cleanIds.length >= 45, `${cleanIds.length} items in a clean listing`);
        assert.equal(new Set(cleanIds).size, cleanIds.length, 'duplicate ids in a clean listing');
        clean.dispose();
      });

      after(async () => {
        await ctx.sb?.stop().catch(() => undefined);
      });

      for (const scenario of SCENARIOS) {
        it(`${scenario.name}: error item with a reason and retry, old data kept, correct data after`, async () => {
          await runScenario(ctx, spec, scenario, cleanIds);
          await guard.assertNone(`${spec.name} / ${scenario.name}`);
        });
      }
    });
  }

  async function runScenario(ctx: Ctx, spec: ListSpec, scenario: Scenario, cleanIds: string[]): Promise<void> {
    ctx.sb.setFaults(CLEAR);
    ctx.options = OPTIONS;
    const list = pagedListFor(() => ctx.sb, spec, () => ctx.options);
    try {
      // 1. loaded before the fault
      await list.refresh();
      assert.equal(list.status, 'loaded', `first load: ${String(list.error)}`);
      assert.deepEqual(ids(list), cleanIds);

      // 2. the fault begins; a refresh fails, a healthy connection refreshed at the same time does not
      await scenario.begin(ctx);
      const secrets = secretForms(ctx.sb);
      const [, healthyDone] = await Promise.allSettled([list.refresh(), healthyList.refresh()]);
      assert.equal(healthyDone.status, 'fulfilled');
      assert.equal(healthyList.status, 'loaded', `the healthy connection failed too: ${String(healthyList.error)}`);
      assert.deepEqual(ids(healthyList), healthyIds);

      assert.equal(list.status, 'error', `a refresh during "${scenario.name}" did not fail (items: ${list.items.length})`);
      const e = list.error;
      assert.ok(isApiError(e), `not an ApiError: ${e instanceof Error ? e.stack : String(e)}`);
      assert.ok(scenario.kinds.includes(e.kind), `kind ${e.kind} (${e.message}), expected ${scenario.kinds.join(' or ')}`);
      assertUserFit(e.message, secrets, 'the error message');
      assert.match(e.message, scenario.reason);

      // nothing previously loaded is lost while the refresh fails
      assert.deepEqual(ids(list), cleanIds, 'the items loaded before the failed refresh were dropped');

      // what the tree shows: the connection marked failed (count kept), an error item with the reason and a retry
      const item = presentError(e, `agents/${spec.platform}`);
      assert.equal(item.label, e.message);
      assert.match(item.contextValue, new RegExp(`^chatdesk:error:${e.kind}$`), 'a server failure is not a credentials problem');
      assert.match(item.description ?? '', /retry/);
      assertUserFit(item.label, secrets, 'the error item');
      const tooltip = errorTooltip(e);
      assert.ok(!/<[a-z!/]/i.test(tooltip), `markup in the tooltip: ${tooltip}`);
      const conn = { id: 'c', label: spec.name, platform: spec.platform, baseUrl: 'https://example.invalid' };
      const info = loadInfo(list.state(), 'agents');
      // a rate limit says when Chatdesk tries again by itself; any other failure says the refresh failed
      const outcome = e.kind === 'rate-limited' ? 'rate-limited, retrying at \\d' : 'refresh failed';
      assert.match(presentConnection(conn, info, 'agents').description ?? '', new RegExp(`${cleanIds.length} agents · ${outcome}`));
      if (e.kind === 'rate-limited') assert.ok(list.retryAt !== undefined && list.retryAt > Date.now(), 'a rate-limited list has a time to try again');
      assert.match(connectionTooltip(conn, info), /Last refresh failed/);

      // a retry while the fault lasts fails the same way, still without losing anything
      await list.refresh();
      assert.equal(list.status, 'error');
      assert.deepEqual(ids(list), cleanIds);

      // 3. the fault ends: the next refresh shows exactly a clean listing
      await scenario.end(ctx);
      await list.refresh();
      assert.equal(list.status, 'loaded', `the refresh after the fault failed: ${String(list.error)}`);
      assert.equal(list.error, undefined);
      assert.deepEqual(ids(list), cleanIds, 'the refresh after the fault does not show the same items as a clean listing');
      assert.equal(list.truncated, false);
    } finally {
      list.dispose();
      ctx.sb.setFaults(CLEAR);
    }
  }
});

describe('hardening: a first load that fails', function () {
  this.timeout(10_000);
  const guard = new RejectionGuard();
  let sb: Sandbox;
  before(async () => { guard.install(); sb = await startSandbox(SANDBOX); });
  after(async () => { guard.uninstall(); await sb.stop(); });

  for (const spec of LISTS) {
    it(`${spec.name}: a first load against a dead server is an error with nothing listed, then loads on retry`, async () => {
      sb.setFaults({ ...CLEAR, dropRate: 1 });
      const list = pagedListFor(() => sb, spec, OPTIONS);
      try {
        await list.ensureLoaded();
        assert.equal(list.status, 'error');
        assert.deepEqual(ids(list), []);
        assertUserFit((list.error as Error).message, secretForms(sb), 'first-load error');
        sb.setFaults(CLEAR);
        await list.refresh();
        assert.equal(list.status, 'loaded');
        assert.ok(list.items.length >= 45);
      } finally {
        list.dispose();
        sb.setFaults(CLEAR);
      }
      await guard.assertNone(spec.name);
    });

    it(`${spec.name}: a fault that starts mid-listing (page 2 on) fails the load; the retry lists every item once`, async () => {
      sb.setFaults(CLEAR);
      const clean = pagedListFor(() => sb, spec, OPTIONS);
      await clean.refresh();
      const expected = ids(clean);
      clean.dispose();
      const list = pagedListFor(() => sb, spec, { ...OPTIONS, concurrency: 1 });
      try {
        let pages = 0;
        const off = list.onDidChange(() => {
          if (list.status === 'loading' && list.progress > 0 && pages++ === 0) sb.setFaults({ errorRate: 1 });
        });
        await list.refresh();
        off.dispose();
        assert.equal(list.status, 'error', `the load did not fail (${list.items.length} items)`);
        assert.ok(list.items.length < expected.length, 'a failed first load claims to be complete');
        sb.setFaults(CLEAR);
        await list.refresh();
        assert.equal(list.status, 'loaded');
        assert.deepEqual(ids(list), expected);
      } finally {
        list.dispose();
        sb.setFaults(CLEAR);
      }
      await guard.assertNone(spec.name);
    });
  }
});
