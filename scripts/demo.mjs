#!/usr/bin/env node
// `npm run demo [-- --check] [--update-screenshots] [--agents 400] [--offline-messages 60] [--port 8080] [--code-server] [--no-package]`
//
//   0. checks every prerequisite first (Node, npm, node_modules, and for what this run needs: Chromium, the Debian
//      packages and Node headers the code-server install compiles with, free disk space) and, if any is missing,
//      stops at once with why and the exact command that fixes it (scripts/lib/prerequisites.mjs);
// Shows Chatdesk working with realistic data and no account anywhere:
//   1. builds and packages the extension (npm run package → chatdesk.vsix);
//   2. starts the sandbox (dist/sandbox.js, the same imitation server the tests use) in this process, with a few
//      hundred agents per platform across departments and REVE Chat offline messages with reply threads;
//   3. opens Chatdesk with three demo connections to that sandbox: the extension reads CHATDESK_DEMO at startup
//      and adds them through its normal connection store (credentials in SecretStorage, the real client path):
//      - `code` on PATH (and no --check): VS Code desktop with --extensionDevelopmentPath and a throw-away profile;
//      - otherwise code-server (installed by scripts/install-code-server.sh when missing) on 127.0.0.1, with the
//        .vsix installed; prints the URL to open.
//   Ctrl+C stops everything it started (the editor's whole process group, the sandbox, temp dirs).
//
// --check: the same, headless: opens the workbench in Chromium, waits until agents and offline messages are
// visible in the Chatdesk trees, saves a screenshot (test-results/demo/demo.png; with --update-screenshots the
// tracked docs/screenshots/demo.png instead), prints a one-line summary, stops everything, exits 0 (non-zero with
// the reason otherwise). It leaves the working tree as it was: everything it writes is gitignored.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPrerequisites, formatProblems } from './lib/prerequisites.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = path.join(ROOT, 'chatdesk.vsix');
const SCREENSHOT_RUN = path.join(ROOT, 'test-results', 'demo', 'demo.png');
const SCREENSHOT_DOCS = path.join(ROOT, 'docs', 'screenshots', 'demo.png');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = { check: false, updateScreenshots: false, agents: 400, offlineMessages: 60, port: undefined, forceCodeServer: false, pkg: true, timeoutMs: 180_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a non-negative number`);
      return n;
    };
    switch (a) {
      case '--check': o.check = true; break;
      case '--update-screenshots': o.updateScreenshots = true; break;
      case '--agents': o.agents = Math.max(1, num()); break;
      case '--offline-messages': o.offlineMessages = num(); break;
      case '--port': o.port = num(); break;
      case '--timeout': o.timeoutMs = num() * 1000; break;
      case '--code-server': o.forceCodeServer = true; break;
      case '--no-package': o.pkg = false; break;
      case '--help': case '-h':
        console.log('npm run demo -- [--check [--update-screenshots]] [--agents 400] [--offline-messages 60] [--port N] [--code-server] [--no-package] [--timeout S]');
        process.exit(0);
        break;
      default: throw new Error(`unknown option ${a} (see --help)`);
    }
  }
  return o;
}

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[demo ${secs(Date.now() - t0)}] ${m}`);

// ---------------------------------------------------------------- what we started, and stopping it
const state = { sandbox: undefined, codeServerLib: undefined, browser: undefined, closeBrowser: undefined, desktop: undefined, tmp: undefined, stopping: undefined, sample: undefined };

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

async function stopDesktop(child) {
  if (!child?.pid) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 8000;
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (groupAlive(child.pid)) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
}

function stopAll() {
  state.stopping ??= (async () => {
    if (state.browser) { const b = state.browser; state.browser = undefined; await state.closeBrowser(b).catch(() => {}); }
    if (state.codeServerLib) await state.codeServerLib.stopAllCodeServers().catch(() => {});
    if (state.desktop) { const d = state.desktop; state.desktop = undefined; await stopDesktop(d); }
    if (state.sandbox) { const s = state.sandbox; state.sandbox = undefined; await s.stop().catch(() => {}); }
    if (state.tmp) { fs.rmSync(state.tmp, { recursive: true, force: true }); state.tmp = undefined; }
  })();
  return state.stopping;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`\n[demo] ${sig}: stopping everything the demo started…`);
    void stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

// ---------------------------------------------------------------- steps
function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

function onPath(bin) {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, bin)));
}

async function startSandbox(o) {
  const bundle = path.join(ROOT, 'dist', 'sandbox.js');
  if (!fs.existsSync(bundle)) throw new Error('dist/sandbox.js is missing: the build did not produce the sandbox bundle');
  const { startSandbox: start } = require(bundle);
  const sb = await start({ agents: o.agents, offlineMessages: o.offlineMessages, seed: 1 });
  state.sandbox = sb;
  return sb;
}

/** The CHATDESK_DEMO value: where the sandbox is and the credentials of each demo connection. */
function demoEnv(sb, openFile) {
  const c = sb.credentials;
  return JSON.stringify({
    openFile,
    revechat: { baseUrl: sb.baseUrls.revechat, accountId: c.revechat.accountId, apiKey: c.revechat.apiKey, username: c.revechat.username, password: c.revechat.password },
    rocketchat: { baseUrl: sb.baseUrls.rocketchat, userId: c.rocketchat.userId, authToken: c.rocketchat.authToken },
    helpcrunch: { baseUrl: sb.baseUrls.helpcrunch, apiKey: c.helpcrunch.apiKey },
  });
}

// ---------------------------------------------------------------- sample integration file (agent IDs in code)
/**
 * A small integration file with real demo agent IDs (the vendors' own examples, in every sandbox) and one ID no
 * agent has, so that a newcomer sees the hover and the stale-ID warning as soon as the agents are loaded.
 */
function writeSampleIntegration(workspace) {
  const file = path.join(workspace, 'support-routing.ts');
  fs.writeFileSync(file, `// A sample integration: which agent of the demo accounts takes which chats.
// Hover an agent ID to see who it is. 4188 is an agent who left: see its warning and the quick fix.
export const routing = {
  helpcrunch: {
    billing: { assignee: 4761 },
    vip: { assignee: 4188 },
  },
  revechat: { sales: { agent_id: 81830 } },
  rocketchat: { support: { operator: 'XycfA5CetCPuEjqxw' } },
};
`);
  return file;
}

function waitForever() {
  return new Promise(() => {});
}

async function runDesktop(sb) {
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-demo-'));
  const ws = path.join(state.tmp, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  const sample = writeSampleIntegration(ws);
  say('starting VS Code (desktop) with the extension from this checkout and a throw-away profile');
  const child = spawn('code', ['--wait', '--new-window', `--extensionDevelopmentPath=${ROOT}`, `--user-data-dir=${path.join(state.tmp, 'user-data')}`,
    `--extensions-dir=${path.join(state.tmp, 'extensions')}`, '--disable-workspace-trust', '--password-store=basic', ws, sample], {
    detached: true, stdio: 'inherit', env: { ...process.env, CHATDESK_DEMO: demoEnv(sb) },
  });
  state.desktop = child;
  say('VS Code is open with the Chatdesk demo connections. Close the window or press Ctrl+C to stop the demo.');
  await new Promise((resolve) => child.on('exit', resolve));
  state.desktop = undefined;
  await stopAll();
  say('VS Code closed: demo stopped.');
}

async function startServer(sb, o) {
  const cs = await import('./lib/code-server.mjs');
  state.codeServerLib = cs;
  const had = cs.installedVersion();
  if (had === cs.CODE_SERVER_VERSION) say(`code-server ${had} is installed`);
  else say(`installing code-server ${cs.CODE_SERVER_VERSION} into ${path.relative(ROOT, cs.DEFAULT_INSTALL_DIR) || cs.DEFAULT_INSTALL_DIR} with scripts/install-code-server.sh (2-3 minutes on 2 cores, once)`);
  const bin = cs.ensureCodeServer({ log: (m) => say(m) });
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-demo-'));
  const workspace = path.join(state.tmp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Chatdesk demo\n\nThe Chatdesk views (activity bar) show three demo connections to a local sandbox.\n');
  state.sample = writeSampleIntegration(workspace);
  say('starting code-server on 127.0.0.1 with chatdesk.vsix installed');
  const server = await cs.startCodeServer({
    bin, runDir: path.join(state.tmp, 'code-server'), workspace, port: o.port, extensions: [VSIX],
    // the interactive demo has the extension open the sample file (once: a reload restores what is open instead);
    // --check keeps its screenshot of the views
    env: { CHATDESK_DEMO: demoEnv(sb, o.check ? undefined : state.sample) }, log: (m) => say(m),
  });
  return server;
}

/** Every rendered tree row in a pane: its level (1 = a connection) and its text. */
async function treeRows(pane) {
  return pane.locator('.monaco-list-row[role="treeitem"]').evaluateAll((rows) => rows.map((r) => ({
    level: Number(r.getAttribute('aria-level') ?? '0'), text: (r.textContent ?? '').replace(/\s+/g, ' ').trim(),
  })));
}

const countIn = (text, re) => { const m = re.exec(text); return m ? Number(m[1].replace(/[^\d]/g, '')) : undefined; };

async function check(server, o) {
  const wb = await import('./lib/workbench.mjs');
  say('opening the workbench in headless Chromium');
  const browser = await wb.launchBrowser();
  state.browser = browser;
  state.closeBrowser = wb.closeGracefully;
  const context = await wb.newWorkbenchContext(browser, server.url);
  const page = await wb.openWorkbench(context, server.workbenchUrl(), { activityLabel: 'Chatdesk', timeout: 90_000 });
  await wb.openViewContainer(page, 'Chatdesk');
  const agentsPane = wb.paneByTitle(page, 'Agents');
  const offlinePane = wb.paneByTitle(page, 'Offline Messages');
  const deadline = Date.now() + o.timeoutMs;
  const expectedAgents = 3 * o.agents;

  say('waiting for agents in the Agents view');
  let last = '';
  let agents = 0;
  let connections = 0;
  // Connection rows say "demo · 400 agents" once loaded (or "failed"); agent rows appear under them.
  for (;;) {
    const rows = await treeRows(agentsPane);
    const failed = rows.find((r) => r.level === 1 && /\bfailed\b/.test(r.text));
    if (failed) throw new Error(`a demo connection failed to load: "${failed.text}"`);
    last = rows.slice(0, 6).map((r) => r.text).join(' | ');
    if (rows.some((r) => r.level >= 2 && !/loading/i.test(r.text))) break;
    if (Date.now() > deadline) throw new Error(`no agent rows appeared in the Agents view; it shows: ${last || '(nothing)'}`);
    await page.waitForTimeout(300);
  }
  // Long lists push the other connections out of the (virtualised) tree: collapse to read every connection's count.
  const collapse = agentsPane.locator('.pane-header .action-label[aria-label*="Collapse"]');
  for (;;) {
    await agentsPane.locator('.pane-header').hover().catch(() => {});
    if (await collapse.count()) await collapse.first().click().catch(() => {});
    const conn = (await treeRows(agentsPane)).filter((r) => r.level === 1).map((r) => r.text);
    const failed = conn.find((r) => /\bfailed\b/.test(r));
    if (failed) throw new Error(`a demo connection failed to load: "${failed}"`);
    const loaded = conn.filter((r) => !/loading/.test(r)).map((r) => countIn(r, /([\d,]+) agents?\b/)).filter((n) => n !== undefined);
    connections = conn.length;
    agents = loaded.reduce((a, b) => a + b, 0);
    last = conn.join(' | ');
    if (conn.length >= 3 && loaded.length === conn.length && agents >= expectedAgents) break;
    if (Date.now() > deadline) throw new Error(`agents did not finish loading: ${last || '(no connection rows)'}`);
    await page.waitForTimeout(500);
  }
  say(`${connections} connections with ${agents.toLocaleString('en-US')} agents`);

  say('waiting for offline messages in the Offline Messages view');
  let messages = 0;
  let unread = 0;
  for (;;) {
    const rows = await treeRows(offlinePane);
    const conn = rows.filter((r) => r.level === 1 && /messages?\b/.test(r.text)).map((r) => r.text);
    const failed = rows.find((r) => r.level === 1 && /\bfailed\b/.test(r.text));
    if (failed) throw new Error(`offline messages failed to load: "${failed.text}"`);
    messages = conn.map((r) => countIn(r, /([\d,]+) messages?\b/) ?? 0).reduce((a, b) => a + b, 0);
    unread = conn.map((r) => countIn(r, /([\d,]+) unread\b/) ?? 0).reduce((a, b) => a + b, 0);
    const messageRows = rows.filter((r) => r.level >= 2).length;
    last = rows.slice(0, 6).map((r) => r.text).join(' | ');
    if (messages > 0 && messageRows > 0 && !conn.some((r) => /loading/.test(r))) break;
    if (Date.now() > deadline) throw new Error(`no offline messages visible; the view shows: ${last || '(nothing)'}`);
    await page.waitForTimeout(500);
  }

  // Show agents again for the screenshot: expand the first connection.
  const firstConn = agentsPane.locator('.monaco-list-row[role="treeitem"]').first();
  if ((await firstConn.getAttribute('aria-expanded')) === 'false') await firstConn.click();
  await agentsPane.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first().waitFor({ timeout: 15_000 }).catch(() => {});
  await dressForScreenshot(page, agentsPane);
  const screenshot = o.updateScreenshots ? SCREENSHOT_DOCS : SCREENSHOT_RUN;
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  return { connections, agents, messages, unread, screenshot };
}

/** Best effort, for a readable screenshot: a wider side bar and one agent's detail panel open. */
async function dressForScreenshot(page, agentsPane) {
  try {
    const bar = await page.locator('.part.sidebar').boundingBox();
    if (bar) {
      const x = bar.x + bar.width;
      await page.mouse.move(x - 1, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(x + 180, bar.y + bar.height / 2, { steps: 8 });
      await page.mouse.up();
    }
    const agent = agentsPane.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').nth(11);
    if (await agent.count()) {
      await agent.click();
      await page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame').locator('body *').first().waitFor({ timeout: 10_000 });
    }
  } catch { /* the screenshot is still worth taking */ }
  await page.mouse.move(900, 870);
  await page.waitForTimeout(800);
}

// ---------------------------------------------------------------- main
async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.updateScreenshots && !o.check) throw new Error('--update-screenshots goes with --check (the headless run takes the picture)');
  const desktop = !o.check && !o.forceCodeServer && onPath('code');
  say(`Chatdesk demo${o.check ? ' (headless check)' : ''}: ${desktop ? 'VS Code desktop (code on PATH)' : 'code-server in the browser'}`);

  // Everything this run needs, before anything slow: a missing piece stops the demo now, with its fix.
  const cs = desktop ? undefined : await import('./lib/code-server.mjs');
  const codeServerInstall = !!cs && cs.installedVersion() !== cs.CODE_SERVER_VERSION;
  const problems = checkPrerequisites({ chromium: o.check, codeServerInstall, installDir: cs?.DEFAULT_INSTALL_DIR, screenshotFonts: o.updateScreenshots });
  if (problems.length > 0) {
    console.error(`\n${formatProblems(problems, { title: 'demo: cannot start, prerequisites missing' })}\n`);
    console.error(`demo: FAILED — ${problems.length} prerequisite${problems.length === 1 ? '' : 's'} missing (after ${secs(Date.now() - t0)}); nothing was built or installed`);
    return 1;
  }
  say(`prerequisites OK (Node ${process.versions.node}${o.check ? ', Chromium' : ''}${codeServerInstall ? ', what the code-server install needs' : ''})`);

  if (o.pkg || !fs.existsSync(VSIX) || !fs.existsSync(path.join(ROOT, 'dist', 'sandbox.js'))) {
    say('building and packaging the extension (npm run package)');
    run('npm', ['run', '-s', 'package'], 'npm run package');
  }
  say(`starting the sandbox: ${o.agents} agents per platform, ${o.offlineMessages} REVE Chat offline messages`);
  const sb = await startSandbox(o);
  say(`sandbox on ${sb.origin} (REVE Chat ${sb.baseUrls.revechat}, Rocket.Chat ${sb.baseUrls.rocketchat}, HelpCrunch ${sb.baseUrls.helpcrunch})`);

  if (desktop) {
    await runDesktop(sb);
    return 0;
  }
  const server = await startServer(sb, o);
  const url = server.workbenchUrl();
  if (!o.check) {
    console.log(`\n  Chatdesk is running in VS Code (code-server). Open this URL in a browser:\n\n    ${url}\n\n  The Chatdesk view shows three demo connections to the local sandbox. Ctrl+C stops everything.\n`);
    await waitForever();
    return 0;
  }
  const r = await check(server, o);
  await stopAll();
  const rel = path.relative(ROOT, r.screenshot);
  console.log(`demo check: OK — ${r.connections} connections, ${r.agents.toLocaleString('en-US')} agents, ${r.messages.toLocaleString('en-US')} offline messages (${r.unread} unread) visible in ${secs(Date.now() - t0)}; screenshot ${rel}`);
  return 0;
}

main().then((code) => process.exit(code), async (e) => {
  const reason = e instanceof Error ? e.message : String(e);
  try {
    const pages = state.browser?.contexts().flatMap((c) => c.pages()) ?? [];
    if (pages[0]) {
      const shot = path.join(os.tmpdir(), 'chatdesk-demo-failure.png');
      await pages[0].screenshot({ path: shot });
      console.error(`[demo] failure screenshot: ${shot}`);
    }
  } catch { /* best effort */ }
  await stopAll();
  console.error(`demo: FAILED — ${reason} (after ${secs(Date.now() - t0)})`);
  process.exit(1);
});
