// One listing case in its own process (for a clean peak RSS): `node --import tsx bench/listWorker.ts` with the
// job in BENCH_JOB. Prints `BENCH_RESULT {json}` as its last line.
import { createClient, DEFAULT_CONCURRENCY, type Connection, type Credentials, type RateLimitConfig } from '../src/api';
import type { ListingPlatform } from './bounds';
import { startSandbox } from '../src/sandbox';
import { naiveList, type NaiveTarget } from './naive';

export interface ListJob {
  mode: 'client' | 'naive';
  platform: ListingPlatform;
  connection: Connection;
  credentials: Credentials;
  /** Headers the naive loop sends. */
  naiveHeaders: Record<string, string>;
  /** The scaled limit the client is told about (the sandbox enforces the same). */
  rateLimit?: RateLimitConfig;
  expected: number;
  reps: number;
  /** Pause between repetitions so that rate-limit windows on both sides are fresh. */
  pauseMs: number;
  /** The client's concurrency (undefined = its default). */
  concurrency?: number;
}

export interface ListResult {
  totalMs: number[];
  firstPageMs: number[];
  agents: number;
  peakRssDelta: number;
  retainedHeap: number;
  clientTooMany?: number;
  concurrency: number;
}

async function once(job: ListJob): Promise<{ total: number; first: number; count: number; keep: unknown[]; tooMany?: number }> {
  const t0 = performance.now();
  if (job.mode === 'naive') {
    const target: NaiveTarget = { platform: job.platform, baseUrl: job.connection.baseUrl, headers: job.naiveHeaders, accountId: job.connection.accountId };
    const r = await naiveList(target);
    return { total: performance.now() - t0, first: r.firstPageMs, count: r.items.length, keep: r.items, tooMany: r.tooMany };
  }
  const client = createClient(job.connection, job.credentials, { pageCap: 100_000, rateLimit: job.rateLimit, concurrency: job.concurrency });
  const all: unknown[] = [];
  let first = NaN;
  for await (const page of client.agents()) {
    if (Number.isNaN(first)) first = performance.now() - t0;
    for (const a of page) all.push(a);
  }
  return { total: performance.now() - t0, first, count: all.length, keep: all };
}

/**
 * In the extension the client's code is loaded at activation and has usually run before; here it would otherwise
 * be JIT-compiled during the first measured page. So: one full listing of each kind against a small private sandbox
 * first (no latency, no limits; nothing of it reaches the measured sandbox's counters or rate-limit windows).
 */
async function warmUp(job: ListJob): Promise<void> {
  const sb = await startSandbox({ agents: 250, offlineMessages: 1, rateLimits: { helpcrunchPerMinute: 0, rocketchatCallsPerRoute: 0 } });
  try {
    const c = sb.credentials;
    const local: ListJob = { ...job, reps: 1, rateLimit: undefined, expected: 250 };
    switch (job.platform) {
      case 'revechat':
        local.connection = { ...job.connection, id: 'warm', baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId };
        local.credentials = { apiKey: c.revechat.apiKey };
        local.naiveHeaders = { Authorization: c.revechat.apiKey };
        break;
      case 'rocketchat':
        local.connection = { ...job.connection, id: 'warm', baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId };
        local.credentials = { authToken: c.rocketchat.authToken };
        local.naiveHeaders = { 'X-Auth-Token': c.rocketchat.authToken, 'X-User-Id': c.rocketchat.userId };
        break;
      case 'helpcrunch':
        local.connection = { ...job.connection, id: 'warm', baseUrl: sb.baseUrls.helpcrunch };
        local.credentials = { apiKey: c.helpcrunch.apiKey };
        local.naiveHeaders = { Authorization: `Bearer ${c.helpcrunch.apiKey}` };
        break;
    }
    for (let i = 0; i < 2; i++) await once(local);
  } finally {
    await sb.stop();
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as ListJob;
  await warmUp(job);
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  const res: ListResult = { totalMs: [], firstPageMs: [], agents: 0, peakRssDelta: 0, retainedHeap: 0, concurrency: job.concurrency ?? DEFAULT_CONCURRENCY };
  let keep: unknown[] = [];
  let tooMany = 0;
  for (let i = 0; i < job.reps; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, job.pauseMs));
    keep = [];
    global.gc?.();
    const r = await once(job);
    keep = r.keep;
    res.totalMs.push(r.total);
    res.firstPageMs.push(r.first);
    res.agents = r.count;
    tooMany += r.tooMany ?? 0;
    if (r.count !== job.expected) throw new Error(`${job.mode} ${job.platform}: got ${r.count} agents, expected ${job.expected}`);
  }
  global.gc?.();
  res.retainedHeap = process.memoryUsage().heapUsed - heap0;
  res.peakRssDelta = process.resourceUsage().maxRSS * 1024 - rss0;
  if (job.mode === 'naive') res.clientTooMany = tooMany;
  void keep.length;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(res)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
