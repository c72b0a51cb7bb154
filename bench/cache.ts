// The agent cache rows of `npm run bench`: one worker process per size (bench/cacheWorker.ts).
import type { CacheResult } from './cacheWorker';
import { runBenchWorker } from './worker';

export function runCacheWorker(agents: number): Promise<CacheResult> {
  return runBenchWorker<CacheResult>('cacheWorker.ts', { BENCH_CACHE_AGENTS: String(agents) }, `cache worker (${agents} agents)`);
}

export async function benchCache(sizes: readonly number[], log: (s: string) => void): Promise<CacheResult[]> {
  const out: CacheResult[] = [];
  for (const n of sizes) {
    const r = await runCacheWorker(n);
    log(`  ${n} agents: file ${(r.fileBytes / 1048576).toFixed(1)} MB, write ${r.writeMs.toFixed(0)} ms, first agents after a restart ${r.firstAgentsMs.toFixed(1)} ms, ${r.requestsBeforeFirstAgents} requests`);
    out.push(r);
  }
  return out;
}
