// Part 1 and 2: listing every agent (client vs naive vs lower bound) and time to the first page.
// The sandbox runs in this process; each case runs in a child process (clean peak RSS, no shared limiter state).
import { type Connection, type Credentials, type RateLimitConfig } from '../src/api';
import { startSandbox, type Sandbox } from '../src/sandbox';
import { lowerBound, REAL_LIMITS, type Bound, type ListingPlatform } from './bounds';
import type { ListJob, ListResult } from './listWorker';
import { median } from './stats';
import { runBenchWorker } from './worker';

/** A row of the listing table: one platform variant at one size. */
export type Variant = 'revechat' | 'rocketchat' | 'rocketchat-unlimited' | 'helpcrunch';
export const VARIANTS: readonly Variant[] = ['revechat', 'rocketchat', 'rocketchat-unlimited', 'helpcrunch'];
export const VARIANT_LABEL: Record<Variant, string> = {
  revechat: 'REVE Chat',
  rocketchat: 'Rocket.Chat',
  'rocketchat-unlimited': 'Rocket.Chat, limiter off',
  helpcrunch: 'HelpCrunch',
};

export interface Measured {
  ms: number;
  runs: number[];
  firstPageMs: number;
  requests: number;
  bytes: number;
  /** 429s the sandbox sent during this case (per repetition). */
  tooMany: number;
  peakRssDelta: number;
  retainedHeap: number;
  peakConcurrency: number;
}

export interface ListingCase {
  variant: Variant;
  platform: ListingPlatform;
  agents: number;
  /** The limit enforced in this run (scaled window), if any. */
  limit?: { perWindow: number; windowMs: number };
  client: Measured;
  naive: Measured;
  bound: Bound;
  /** The lower bound at the platform's real (unscaled) limits. */
  realBound: Bound;
  clientVsNaive: number;
  clientVsBound: number;
}

export interface ListingOptions {
  sizes: number[];
  latencyMs: number;
  windowMs: number;
  /** The client's concurrency (the lower bound uses the same). */
  concurrency: number;
  log: (line: string) => void;
}

function platformOf(v: Variant): ListingPlatform {
  return v === 'rocketchat-unlimited' ? 'rocketchat' : v;
}

function target(sb: Sandbox, platform: ListingPlatform): { connection: Connection; credentials: Credentials; headers: Record<string, string> } {
  const c = sb.credentials;
  switch (platform) {
    case 'revechat':
      return {
        connection: { id: 'bench-reve', label: 'REVE', platform, baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId, username: c.revechat.username },
        credentials: { apiKey: c.revechat.apiKey, password: c.revechat.password },
        headers: { Authorization: c.revechat.apiKey },
      };
    case 'rocketchat':
      return {
        connection: { id: 'bench-rc', label: 'RC', platform, baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId },
        credentials: { authToken: c.rocketchat.authToken },
        headers: { 'X-Auth-Token': c.rocketchat.authToken, 'X-User-Id': c.rocketchat.userId },
      };
    case 'helpcrunch':
      return {
        connection: { id: 'bench-hc', label: 'HC', platform, baseUrl: sb.baseUrls.helpcrunch },
        credentials: { apiKey: c.helpcrunch.apiKey },
        headers: { Authorization: `Bearer ${c.helpcrunch.apiKey}` },
      };
  }
}

function runWorker(job: ListJob): Promise<ListResult> {
  return runBenchWorker<ListResult>('listWorker.ts', { BENCH_JOB: JSON.stringify(job) }, `listing worker (${job.mode} ${job.platform} ${job.expected})`);
}

async function measure(sb: Sandbox, v: Variant, mode: 'client' | 'naive', agents: number, o: ListingOptions, limit: RateLimitConfig | undefined, reps: number, pauseMs: number): Promise<Measured> {
  const platform = platformOf(v);
  const t = target(sb, platform);
  // Fresh windows on the server, and the limiter on or off for this variant.
  sb.setRateLimits({ windowMs: o.windowMs, rocketchatCallsPerRoute: v === 'rocketchat-unlimited' ? 0 : 10 });
  sb.resetStats();
  const job: ListJob = {
    mode, platform, connection: t.connection, credentials: t.credentials, naiveHeaders: t.headers,
    rateLimit: limit, expected: agents, reps, pauseMs, concurrency: o.concurrency,
  };
  const r = await runWorker(job);
  const s = sb.stats();
  return {
    ms: median(r.totalMs),
    runs: r.totalMs,
    firstPageMs: median(r.firstPageMs),
    requests: Math.round(s.requests[platform] / reps),
    bytes: Math.round(s.bytesSent / reps),
    tooMany: s.tooManyRequests[platform] / reps,
    peakRssDelta: r.peakRssDelta,
    retainedHeap: r.retainedHeap,
    peakConcurrency: s.peakConcurrency,
  };
}

/** The limit enforced by the sandbox (and told to the client) in this run: the real numbers over a scaled window. */
function scaledLimit(v: Variant, windowMs: number): RateLimitConfig | undefined {
  if (v === 'revechat') return undefined;
  const real = REAL_LIMITS[platformOf(v)]!;
  return { perWindow: real.perWindow, windowMs };
}

export async function runListing(o: ListingOptions): Promise<ListingCase[]> {
  const out: ListingCase[] = [];
  for (const agents of o.sizes) {
    const t0 = Date.now();
    const options = { agents, offlineMessages: 10, seed: 1, faults: { latencyMs: o.latencyMs }, rateLimits: { windowMs: o.windowMs } };
    const sb = await startSandbox(options);
    // A second, identical sandbox: REVE Chat's naive loop and client (both strictly sequential, one request in
    // flight, latency-bound) run side by side, one against each, to keep the full run near 10 minutes.
    const sb2 = await startSandbox(options);
    o.log(`  sandboxes with ${agents.toLocaleString('en-US')} agents per platform ready in ${Date.now() - t0} ms`);
    try {
      for (const v of VARIANTS) {
        const platform = platformOf(v);
        const limit = scaledLimit(v, o.windowMs);
        const enforced = v === 'rocketchat-unlimited' ? undefined : limit;
        const bound = lowerBound(platform, agents, o.latencyMs, o.concurrency, enforced);
        const realBound = lowerBound(platform, agents, o.latencyMs, o.concurrency, v === 'rocketchat-unlimited' ? undefined : REAL_LIMITS[platform]);
        // Short cases are repeated (median), long ones run once.
        const reps = bound.ms < 400 ? 3 : bound.ms < 1500 ? 2 : 1;
        // Between repetitions, wait out the rate-limit window where one repetition uses a good part of it.
        const pauseMs = limit && bound.pages * 2 > limit.perWindow * 0.9 ? o.windowMs + 150 : 100;
        let naive: Measured;
        let client: Measured;
        if (v === 'revechat') {
          [naive, client] = await Promise.all([measure(sb2, v, 'naive', agents, o, limit, reps, pauseMs), measure(sb, v, 'client', agents, o, limit, reps, pauseMs)]);
        } else {
          naive = await measure(sb, v, 'naive', agents, o, limit, reps, pauseMs);
          client = await measure(sb, v, 'client', agents, o, limit, reps, pauseMs);
        }
        const c: ListingCase = {
          variant: v, platform, agents, limit: enforced, client, naive, bound, realBound,
          clientVsNaive: naive.ms / client.ms, clientVsBound: client.ms / bound.ms,
        };
        out.push(c);
        o.log(`  ${VARIANT_LABEL[v].padEnd(26)} ${agents.toString().padStart(6)}: client ${client.ms.toFixed(0)} ms, naive ${naive.ms.toFixed(0)} ms, bound ${bound.ms.toFixed(0)} ms, 429s ${client.tooMany}/${naive.tooMany}`);
      }
    } finally {
      await Promise.all([sb.stop(), sb2.stop()]);
    }
  }
  return out;
}
