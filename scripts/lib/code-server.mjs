// Start, stop and provision a code-server (a real VS Code 1.100.3 served to a browser) for tests and the demo.
// Facts behind the details: docs/vscode-host.md (measured recipe). Used by scripts/test-vscode.mjs
// and scripts/demo.mjs; keep it general (no Chatdesk specifics).
//
//   const cs = await startCodeServer({ extensions: ['chatdesk.vsix'] });
//   ... cs.url, cs.workspace, cs.remoteUri('/abs/path') ...
//   await cs.stop();
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_VERSION = '4.100.3';
/** Where code-server is installed: $CHATDESK_CODE_SERVER_DIR, else .vscode-test/code-server (gitignored). */
export const DEFAULT_INSTALL_DIR = process.env.CHATDESK_CODE_SERVER_DIR
  ? path.resolve(process.env.CHATDESK_CODE_SERVER_DIR) : path.join(ROOT, '.vscode-test', 'code-server');

/** Quiet, deterministic workbench: no walkthrough, telemetry, gallery/update checks, git, trust prompt. */
export const PINNED_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
});

export function codeServerBin(installDir = DEFAULT_INSTALL_DIR) {
  return path.join(installDir, 'node_modules', '.bin', 'code-server');
}

/** The installed version, or undefined when code-server is missing or does not start. */
export function installedVersion(installDir = DEFAULT_INSTALL_DIR) {
  const bin = codeServerBin(installDir);
  if (!fs.existsSync(bin) || !fs.existsSync(path.join(installDir, '.installed'))) return undefined;
  const r = spawnSync(bin, ['--config', path.join(installDir, 'config.yaml'), '--version'], { encoding: 'utf8', timeout: 30000 });
  return r.status === 0 ? r.stdout.trim().split(/\s+/)[0] : undefined;
}

/** Runs scripts/install-code-server.sh unless the right version is there. Returns the binary path. */
export function ensureCodeServer({ installDir = DEFAULT_INSTALL_DIR, log = console.log } = {}) {
  if (installedVersion(installDir) === CODE_SERVER_VERSION) return codeServerBin(installDir);
  log(`code-server ${CODE_SERVER_VERSION} not found in ${installDir}: installing (2-3 minutes on 2 cores, once)…`);
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh'), installDir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/install-code-server.sh failed (exit ${r.status ?? r.signal})`);
  return codeServerBin(installDir);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Writes the pinned user settings (plus `extra`) into a user-data dir. Also usable to reset settings between phases. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...PINNED_SETTINGS, ...extra }, null, 2) + '\n');
}

function commonArgs(s) {
  return ['--config', s.configFile, '--user-data-dir', s.userDataDir, '--extensions-dir', s.extensionsDir];
}

/** Installs a .vsix into the server's extensions dir (best before start; a running server picks it up on reload). */
export function installExtension(server, vsix) {
  const r = spawnSync(server.bin, [...commonArgs(server), '--install-extension', path.resolve(vsix), '--force'],
    { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when the caller forgot stop() or the process dies: never leave a server group behind.
  process.on('exit', () => { for (const s of running) { try { process.kill(-s.pid, 'SIGKILL'); } catch { /* gone */ } } });
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

async function waitForHealth(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${readTail(logFile)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms:\n${readTail(logFile)}`);
}

export function readTail(file, bytes = 4000) {
  try { const t = fs.readFileSync(file, 'utf8'); return t.slice(-bytes); } catch { return '(no log)'; }
}

/**
 * Starts code-server in its own process group on 127.0.0.1 with fresh user-data / extensions dirs.
 * @param {object} [o]
 * @param {string} [o.bin]          code-server binary (default: the project's install, installed if missing)
 * @param {string} [o.runDir]       where ud/, ext/, ws/, code-server.log go (default: a new temp dir)
 * @param {number} [o.port]         default: a free port
 * @param {string} [o.workspace]    folder to open (default: runDir/ws, created)
 * @param {object} [o.settings]     extra user settings over PINNED_SETTINGS
 * @param {string[]} [o.extensions] .vsix files to install before start
 * @param {object} [o.env]          extra environment for the server and its extension hosts
 * @param {number} [o.readyTimeoutMs]
 * @param {(m:string)=>void} [o.log]
 */
export async function startCodeServer(o = {}) {
  const log = o.log ?? (() => {});
  const bin = o.bin ?? ensureCodeServer({ log });
  const runDir = o.runDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-run-'));
  const s = {
    bin,
    runDir,
    configFile: path.join(runDir, 'config.yaml'),
    userDataDir: path.join(runDir, 'ud'),
    extensionsDir: path.join(runDir, 'ext'),
    workspace: o.workspace ?? path.join(runDir, 'ws'),
    logFile: path.join(runDir, 'code-server.log'),
  };
  for (const d of [s.userDataDir, s.extensionsDir, s.workspace]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(s.configFile, ''); // always pass --config, or code-server writes ~/.config/code-server/config.yaml
  writeUserSettings(s.userDataDir, o.settings);
  for (const vsix of o.extensions ?? []) log(installExtension(s, vsix).split('\n').pop());

  const port = o.port ?? await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(s.logFile, 'a');
  // detached => setsid(): the server, its extension hosts, file watcher and pty host share one process group
  const child = spawn(bin, [...commonArgs(s), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', s.workspace], {
    detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...o.env },
  });
  fs.closeSync(out);
  const server = {
    ...s, port, url, pid: child.pid,
    /** Absolute server path -> the vscode-remote URI the workbench at `url` understands. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    /** Workbench URL for a folder (default: the server's workspace), with an optional payload (array of [key, value]). */
    workbenchUrl: (folder = s.workspace, payload) => `${url}/?folder=${encodeURIComponent(folder)}`
      + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''),
    installExtension: (vsix) => installExtension(server, vsix),
    resetSettings: (extra) => writeUserSettings(s.userDataDir, extra),
    stop: () => stopCodeServer(server),
    child,
  };
  running.add(server);
  installExitHook();
  const t0 = Date.now();
  try {
    await waitForHealth(url, child, s.logFile, o.readyTimeoutMs ?? 60000);
  } catch (e) {
    await stopCodeServer(server);
    throw e;
  }
  log(`code-server ${url} ready in ${Date.now() - t0} ms (pid ${child.pid}, logs ${s.logFile})`);
  return server;
}

/** SIGTERM the whole process group, wait, SIGKILL after `graceMs`. Safe to call twice. */
export async function stopCodeServer(server, { graceMs = 10000 } = {}) {
  if (!running.has(server)) return;
  running.delete(server);
  const pgid = server.pid;
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (groupAlive(pgid)) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
}

/** Stops every server this process started (for SIGINT/SIGTERM handlers). */
export async function stopAllCodeServers() {
  await Promise.all([...running].map((s) => stopCodeServer(s)));
}
