// The agent cache rows of `npm run bench`: one worker process per size (bench/cacheWorker.ts).
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { CacheResult } from './cacheWorker';

const ROOT = path.resolve(__dirname, '..');

export function runCacheWorker(agents: number): Promise<CacheResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'bench', 'cacheWorker.ts')], {
      cwd: ROOT, env: { ...process.env, BENCH_CACHE_AGENTS: String(agents) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) reject(new Error(`cache worker (${agents} agents) failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as CacheResult);
    });
  });
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
