// Part 4: activation. Bundle and package sizes, what is in the activation bundle, Node's time to load it,
// and activate() in a real extension host (code-server) against an empty extension in the same run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..');
const VSIX = path.join(ROOT, 'chatdesk.vsix');
const EMPTY_DIR = path.join(ROOT, 'test', 'fixtures', 'empty-extension');
const PROBE_DIR = path.join(ROOT, 'bench', 'vscode-probe');
const CHATDESK_ID = 'chatdesk.chatdesk';
const EMPTY_ID = 'chatdesk-bench.chatdesk-empty';
const WARMUP_NAME = 'chatdesk-empty-warmup';

export interface SizeResult {
  extensionJsBytes: number;
  vsixBytes?: number;
  /** Bytes in dist/extension.js per package or src folder, largest first. */
  contributors: { what: string; bytes: number }[];
  /** Inputs of the activation bundle from src/sandbox or src/webviews (should be none). */
  lazyCodeInActivationPath: string[];
  otherBundles: Record<string, number>;
}

export interface LoadResult {
  runs: number; chatdeskMs: number; emptyMs: number; deltaMs: number;
  /** activate() against the stub vscode: Chatdesk's own JavaScript, without VS Code's side of the API. */
  chatdeskActivateMs?: number; activateError?: string;
}

export interface HostResult {
  status: 'measured' | 'skipped' | 'failed';
  reason?: string;
  runs?: number;
  chatdeskMs?: number;
  emptyMs?: number;
  /** Median of the per-extension-host differences (chatdesk − empty). */
  deltaMs?: number;
  samples?: { chatdesk: number; empty: number }[];
  codeServerVersion?: string;
  method?: string;
}

function run(cmd: string, args: string[], cwd = ROOT): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-1500)}\n${(r.stderr ?? '').slice(-1500)}`);
  return r.stdout;
}

/** Production build, then `npm run package` (unless skipped), then sizes. */
export function buildAndMeasureSizes(withPackage: boolean, log: (s: string) => void): SizeResult {
  log('  node esbuild.js --production');
  run(process.execPath, ['esbuild.js', '--production']);
  if (withPackage) {
    log('  npm run package');
    run('npm', ['run', '-s', 'package']);
  }
  const ext = path.join(ROOT, 'dist', 'extension.js');
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }> };
  const inputs = meta.outputs['dist/extension.js']?.inputs ?? {};
  const groups = new Map<string, number>();
  for (const [file, v] of Object.entries(inputs)) {
    const parts = file.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, Math.min(2, parts.length)).join('/');
    groups.set(key, (groups.get(key) ?? 0) + v.bytesInOutput);
  }
  const otherBundles: Record<string, number> = {};
  for (const [file, o] of Object.entries(meta.outputs)) if (file.endsWith('.js') && file !== 'dist/extension.js') otherBundles[file] = o.bytes;
  return {
    extensionJsBytes: fs.statSync(ext).size,
    vsixBytes: fs.existsSync(VSIX) ? fs.statSync(VSIX).size : undefined,
    contributors: [...groups].map(([what, bytes]) => ({ what, bytes })).sort((a, b) => b.bytes - a.bytes),
    lazyCodeInActivationPath: Object.keys(inputs).filter((f) => /^src\/(sandbox|webviews)\//.test(f) && !ACTIVATION_GLUE.has(f)),
    otherBundles,
  };
}

/**
 * The webview files that belong in the activation bundle: the loader of dist/webviews.js and the panel serializers
 * (VS Code asks for them at start-up to restore open panels), with the two small modules of constants they share with
 * the panels (view types, the restore state's parser). Everything else under src/webviews is the lazy bundle's.
 */
const ACTIVATION_GLUE = new Set(['src/webviews/loader.ts', 'src/webviews/panelSerializers.ts', 'src/webviews/options.ts', 'src/webviews/restoreState.ts']);

/** Each sample is a fresh Node process (cold require cache) loading the bundle with a stub `vscode`. */
export function measureNodeLoad(runs: number): LoadResult {
  const loader = path.join(ROOT, 'bench', 'loadBundle.cjs');
  type One = { ms: number; activateMs?: number; activateError?: string };
  const one = (file: string) => JSON.parse(run(process.execPath, [loader, file, '--activate']).trim()) as One;
  const c: One[] = [];
  const e: One[] = [];
  for (let i = 0; i < runs; i++) {
    c.push(one(path.join(ROOT, 'dist', 'extension.js')));
    e.push(one(path.join(EMPTY_DIR, 'extension.js')));
  }
  const act = c.map((x) => x.activateMs).filter((x): x is number => x !== undefined);
  return {
    runs, chatdeskMs: median(c.map((x) => x.ms)), emptyMs: median(e.map((x) => x.ms)), deltaMs: median(c.map((x, i) => x.ms - e[i].ms)),
    chatdeskActivateMs: act.length ? median(act) : undefined, activateError: c.find((x) => x.activateError)?.activateError,
  };
}

function packageFixture(src: string, outDir: string, name: string, packageName?: string): string {
  const dir = path.join(outDir, name);
  fs.cpSync(src, dir, { recursive: true });
  if (packageName) {
    const pj = path.join(dir, 'package.json');
    fs.writeFileSync(pj, JSON.stringify({ ...JSON.parse(fs.readFileSync(pj, 'utf8')), name: packageName }, null, 2));
  }
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  const vsix = path.join(outDir, `${name}.vsix`);
  run(path.join(ROOT, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--allow-star-activation', '--skip-license', '-o', vsix], dir);
  return vsix;
}

interface CodeServerLib {
  installedVersion(): string | undefined;
  startCodeServer(o: object): Promise<{ url: string; workspace: string; workbenchUrl(): string; stop(): Promise<void> }>;
  stopAllCodeServers(): Promise<void>;
}
interface WorkbenchLib {
  launchBrowser(): Promise<{ close(): Promise<void> }>;
  newWorkbenchContext(browser: unknown, url: string): Promise<unknown>;
  openWorkbench(context: unknown, url: string, o?: object): Promise<unknown>;
  closeGracefully(browser: unknown): Promise<void>;
}

/**
 * Method: one code-server with three installed extensions: Chatdesk (the packaged .vsix), the empty extension
 * (same activation event) and a probe activated by `*`, i.e. before either. In each extension host the probe
 * calls Extension.activate() on both, alternating which goes first, and times each call (loading the code
 * plus running activate() and awaiting it), then the bench reloads the window (a new extension host) for the next sample.
 * The first extension host (cold disk cache) is dropped.
 */
export async function measureInCodeServer(runs: number, log: (s: string) => void): Promise<HostResult> {
  const method = `Extension.activate() timed by a probe extension (activated by "*") in code-server's Node extension host, after a warm-up activation of another empty extension; ${runs} window reloads (each a new extension host), first dropped, order alternated`;
  const csPath = path.join(ROOT, 'scripts', 'lib', 'code-server.mjs');
  const wbPath = path.join(ROOT, 'scripts', 'lib', 'workbench.mjs');
  if (!fs.existsSync(csPath) || !fs.existsSync(wbPath)) return { status: 'skipped', reason: 'scripts/lib/code-server.mjs or workbench.mjs missing', method };
  const cs = await import(pathToFileURL(csPath).href) as CodeServerLib;
  const version = cs.installedVersion();
  if (!version) return { status: 'skipped', reason: 'code-server is not installed (bash scripts/install-code-server.sh)', method };
  if (!fs.existsSync(VSIX)) return { status: 'skipped', reason: 'chatdesk.vsix missing (npm run package failed?)', method };
  const wb = await import(pathToFileURL(wbPath).href) as WorkbenchLib;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-bench-cs-'));
  const out = path.join(tmp, 'probe.jsonl');
  let browser: { close(): Promise<void> } | undefined;
  try {
    log('  packaging the empty extension and the probe');
    const emptyVsix = packageFixture(EMPTY_DIR, tmp, 'empty');
    const warmupVsix = packageFixture(EMPTY_DIR, tmp, 'warmup', WARMUP_NAME);
    const probeVsix = packageFixture(PROBE_DIR, tmp, 'probe');
    log(`  starting code-server ${version} with chatdesk.vsix, the empty extension and the probe`);
    const server = await cs.startCodeServer({
      runDir: path.join(tmp, 'run'), extensions: [VSIX, emptyVsix, warmupVsix, probeVsix],
      env: { CHATDESK_BENCH_PROBE_OUT: out, CHATDESK_BENCH_PROBE_WARMUP: `chatdesk-bench.${WARMUP_NAME}`, CHATDESK_BENCH_PROBE_IDS: `${CHATDESK_ID},${EMPTY_ID}`, CHATDESK_BENCH_PROBE_RUNS: String(runs + 1) },
    });
    browser = await wb.launchBrowser();
    const context = await wb.newWorkbenchContext(browser, server.url);
    const page = await wb.openWorkbench(context, server.workbenchUrl()) as { reload(): Promise<unknown>; goto(u: string): Promise<unknown> };
    const lines = () => (fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean) : []);
    // One sample per extension host: reloading the window gives it a new extension host.
    for (let want = 1; want <= runs + 1; want++) {
      const deadline = Date.now() + 45_000;
      while (lines().length < want) {
        if (Date.now() > deadline) throw new Error(`only ${lines().length} of ${runs + 1} extension-host samples arrived`);
        await new Promise((r) => setTimeout(r, 200));
      }
      log(`  extension host ${want}/${runs + 1} measured`);
      if (want <= runs) await page.reload();
    }
    type Sample = { ms: Record<string, number>; alreadyActive: string[]; errors: Record<string, string> };
    const all = lines().map((l) => JSON.parse(l) as Sample);
    const errors = all.flatMap((s) => Object.entries(s.errors).map(([id, e]) => `${id}: ${e}`));
    if (errors.length) throw new Error(`activation failed: ${errors[0]}`);
    const valid = all.slice(1).filter((s) => !s.alreadyActive.length && s.ms[CHATDESK_ID] !== undefined && s.ms[EMPTY_ID] !== undefined);
    if (!valid.length) throw new Error('no valid sample (extensions were already active when the probe ran)');
    const samples = valid.map((s) => ({ chatdesk: s.ms[CHATDESK_ID], empty: s.ms[EMPTY_ID] }));
    return {
      status: 'measured', runs: samples.length, codeServerVersion: version, method, samples,
      chatdeskMs: median(samples.map((s) => s.chatdesk)),
      emptyMs: median(samples.map((s) => s.empty)),
      deltaMs: median(samples.map((s) => s.chatdesk - s.empty)),
    };
  } catch (e) {
    return { status: 'failed', reason: e instanceof Error ? e.message : String(e), method };
  } finally {
    if (browser) await wb.closeGracefully(browser);
    await cs.stopAllCodeServers();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
