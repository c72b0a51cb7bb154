// The agent cache at one size, in its own process (for a clean peak RSS): `node --import tsx bench/cacheWorker.ts`
// with the size in BENCH_CACHE_AGENTS. Prints `BENCH_RESULT {json}` as its last line.
//
// 1. Write: the file a complete load of N agents leaves (size, time; median of 5).
// 2. Restart: a fresh Store over that folder (as after a VS Code restart), its connection pointing at a running
//    sandbox that counts requests; the time from "the Agents view asks for the connection's children"
//    (ensureLoaded + the cache read, what AgentsConnectionNode.getChildren awaits) to the first agents handed to
//    the tree (filtered, in the order shown), and the requests the sandbox saw by then. The first run is measured
//    for memory (peak RSS over the process before it), the median of 7 for time.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Agent, Connection, PlatformClient } from '../src/api/model';
import { createClient } from '../src/api';
import { startSandbox } from '../src/sandbox';
import { AgentCache, Store, type ConnectionSource } from '../src/store';
import { nullLogger } from '../src/util/log';
import { filterAgents, NO_FILTER } from '../src/views/presentation/filter';
import { median } from './stats';
import { makeAgents } from './ui';

export interface CacheResult {
  agents: number;
  fileBytes: number;
  writeMs: number;
  /** Ask for children → first agents handed over, median. */
  firstAgentsMs: number;
  firstAgentsRuns: number[];
  /** Requests the sandbox saw until the first agents were handed over (every run). */
  requestsBeforeFirstAgents: number;
  /** Peak RSS of the process during the first restart read, over what it used before. */
  peakRssDelta: number;
  /** Heap the cached list holds once read. */
  retainedHeap: number;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_CACHE_AGENTS ?? '10000');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chatdesk-bench-cache-'));
  const sb = await startSandbox({ agents: 100, seed: 3 });
  try {
    const connection: Connection = { id: 'bench', label: 'Bench', platform: 'revechat', baseUrl: sb.baseUrls.revechat, accountId: sb.credentials.revechat.accountId };
    const agents: Agent[] = makeAgents(n).map((a) => ({ ...a, connectionId: connection.id }));
    const cache = new AgentCache(path.join(dir, 'agents'), nullLogger);
    const writes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await cache.write(connection, agents, Date.now());
      writes.push(performance.now() - t0);
    }
    const fileBytes = (await fs.stat(cache.fileOf(connection.id))).size;
    agents.length = 0;

    const source: ConnectionSource = { list: () => [connection], get: (id) => (id === connection.id ? connection : undefined), onDidChange: () => ({ dispose() {} }) };
    const clients = { get: (): Promise<PlatformClient> => Promise.resolve(createClient(connection, { apiKey: sb.credentials.revechat.apiKey })) };
    const runs: number[] = [];
    let requests = 0;
    let peakRssDelta = 0;
    let retainedHeap = 0;
    for (let i = 0; i < 8; i++) {
      global.gc?.();
      const rss0 = process.memoryUsage().rss;
      const heap0 = process.memoryUsage().heapUsed;
      const store = new Store({ connections: source, clients, maxPages: () => 201, log: nullLogger, cache: new AgentCache(path.join(dir, 'agents'), nullLogger) });
      sb.resetStats();
      const t0 = performance.now();
      // what AgentsConnectionNode.getChildren does before it hands agents to the tree
      const list = store.lists(connection.id)!.agents;
      void list.ensureLoaded();
      await list.whenCacheRead();
      const shown = filterAgents(list.items, NO_FILTER);
      const ms = performance.now() - t0;
      requests += Object.values(sb.stats().requests).reduce((a, b) => a + b, 0);
      if (shown.length !== n) throw new Error(`the cache gave ${shown.length} agents, expected ${n}`);
      if (i === 0) {
        peakRssDelta = process.resourceUsage().maxRSS * 1024 - rss0;
        global.gc?.();
        retainedHeap = process.memoryUsage().heapUsed - heap0;
      } else {
        runs.push(ms);
      }
      list.cancel();
      store.dispose();
    }
    const result: CacheResult = {
      agents: n, fileBytes, writeMs: median(writes), firstAgentsMs: median(runs), firstAgentsRuns: runs,
      requestsBeforeFirstAgents: requests, peakRssDelta, retainedHeap,
    };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await sb.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
