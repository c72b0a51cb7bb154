#!/usr/bin/env node
// Tests in a real VS Code (npm run test:vscode): code-server 4.100.3 (VS Code 1.100.3) installed by
// scripts/install-code-server.sh, ONE server for both phases:
//   1. integration: mocha inside code-server's Node extension host (test/integration, built by esbuild.tests.js),
//      started through the workbench URL payload (extensionDevelopmentPath/extensionTestsPath = this checkout);
//   2. e2e: playwright-core + Debian chromium against the packaged chatdesk.vsix installed in the server
//      (test/e2e/*.e2e.mjs). Screenshots go to test-results/screenshots/ (gitignored); with --update-screenshots
//      (npm run screenshots) to docs/screenshots/, the tracked pictures the README shows.
// Prints `vscode: N passed, N failed` and exits non-zero on any failure. Stops everything it started,
// also on failure and on Ctrl+C.
//
//   node scripts/test-vscode.mjs [--integration|--e2e] [--grep TEXT] [--no-package] [--update-screenshots]
// Environment: CHROMIUM=/path (default: chromium on the PATH), VERBOSE=1 (browser console), KEEP_RUN_DIR=1,
//   CHATDESK_INTEGRATION_TIMEOUT_MS (default 300000: then exit code 2 and a screenshot in the kept run dir),
//   CHATDESK_E2E_HOSTILE=all (every hostile payload in the browser test; slow).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Mocha from 'mocha';
import {
  CODE_SERVER_VERSION, DEFAULT_INSTALL_DIR, ROOT, ensureCodeServer, installedVersion, startCodeServer, stopAllCodeServers,
} from './lib/code-server.mjs';
import { closeGracefully, launchBrowser, runExtensionTests } from './lib/workbench.mjs';
import { checkPrerequisites, formatProblems } from './lib/prerequisites.mjs';
import { setE2EContext } from '../test/e2e/context.mjs';

const args = process.argv.slice(2);
const only = args.includes('--integration') ? 'integration' : args.includes('--e2e') ? 'e2e' : undefined;
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
const skipPackage = args.includes('--no-package');
const VSIX = path.join(ROOT, 'chatdesk.vsix');
const updateScreenshots = args.includes('--update-screenshots');
const SHOTS = path.join(ROOT, ...(updateScreenshots ? ['docs', 'screenshots'] : ['test-results', 'screenshots']));
// test/fixtures/tool-caller: a command that calls Chatdesk's language model tool in a normal window (e2e only)
const TOOL_CALLER_VSIX = path.join(ROOT, 'out', 'test', 'tool-caller.vsix');
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;
const lap = (m) => console.log(`\n=== [${secs(Date.now() - t0)}] ${m}`);

let browser;
let runDir;
let e2eRunner;
let timedOut = false;
const totals = { passed: 0, failed: 0 };
const timings = {};

async function cleanup() {
  if (browser) { const b = browser; browser = undefined; await closeGracefully(b); }
  await stopAllCodeServers();
  if (runDir && !process.env.KEEP_RUN_DIR && totals.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else if (runDir) console.log(`code-server run dir kept: ${runDir}`);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping code-server and the browser…`);
    e2eRunner?.abort();
    void cleanup().finally(() => process.exit(130));
  });
}

function run(cmd, cmdArgs, what, cwd = ROOT) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

// The workbench's own log lines reach the page console in the same format as the extension host's;
// these are known, harmless noise on an offline machine (docs/vscode-host.md: "Harmless noise").
const NOISE = [/ENOTFOUND open-vsx\.org/, /^\s+at .*\/static\/out\/vs\//, /connection token/, /^Creating a socket/, /^\[Service Worker\]/,
  /^ChatSessionStore:/, /^Updating additional builtin extensions cache/, /^\[lifecycle\]/, /vsda/, /service worker controller/i];

async function integrationPhase(server) {
  lap('integration tests inside the code-server extension host');
  const started = Date.now();
  const res = await runExtensionTests({
    browser, server, extensionPath: ROOT, testsPath: path.join(ROOT, 'out/test/integration/index.js'),
    workspace: path.join(runDir, 'ws-integration'), timeoutMs: Number(process.env.CHATDESK_INTEGRATION_TIMEOUT_MS ?? 300000),
    failureScreenshot: path.join(runDir, 'integration-timeout.png'),
    write: (level, line) => {
      if (!process.env.VERBOSE && NOISE.some((re) => re.test(line))) return;
      (level === 'ERR' ? process.stderr : process.stdout).write(line + '\n');
    },
  });
  timings.integration = Date.now() - started;
  const marker = res.lines.map((l) => /^CHATDESK_RESULT (\{.*\})$/.exec(l.trim())).filter(Boolean).pop();
  const stats = marker ? JSON.parse(marker[1]) : undefined;
  if (res.timedOut) timedOut = true;
  if (res.timedOut) console.error(`integration tests timed out (screenshot ${path.join(runDir, 'integration-timeout.png')})`);
  let passed = stats?.passes ?? 0;
  let failed = stats?.failures ?? 0;
  if (res.code !== 0 && failed === 0) failed = 1; // crashed, timed out or failed to load: still a failure
  if (res.code === 0 && !stats) { console.error('integration run exited 0 without a result line'); failed = 1; }
  if ((stats?.pending ?? 0) > 0) { console.error(`${stats.pending} integration test(s) pending/skipped: not allowed`); failed += stats.pending; }
  console.log(`integration: exit code ${res.code}, ${passed} passed, ${failed} failed (${secs(timings.integration)})`);
  totals.passed += passed; totals.failed += failed;
}

async function e2ePhase(server) {
  lap('e2e tests in headless chromium against the installed .vsix');
  const started = Date.now();
  server.resetSettings(); // nothing from the integration phase leaks into the UI run
  fs.mkdirSync(SHOTS, { recursive: true });
  setE2EContext({ server, browser, shotsDir: SHOTS, runDir, workspaceFor: (name) => mkWorkspace(name) });
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 120000, grep, bail: false, forbidOnly: true, forbidPending: true });
  const dir = path.join(ROOT, 'test', 'e2e');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.e2e.mjs')).sort()) mocha.addFile(path.join(dir, f));
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
    e2eRunner = runner;
  });
  e2eRunner = undefined;
  timings.e2e = Date.now() - started;
  if (stats.pending > 0) console.error(`${stats.pending} e2e test(s) pending/skipped: not allowed`);
  console.log(`e2e: ${stats.passes} passed, ${stats.failures + stats.pending} failed (${secs(timings.e2e)}); screenshots in ${path.relative(ROOT, SHOTS)}/`);
  totals.passed += stats.passes; totals.failed += stats.failures + stats.pending;
}

function mkWorkspace(name) {
  const ws = path.join(runDir, name);
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'README.md'), `# ${name}\n\nA throw-away workspace for the Chatdesk tests.\n`);
  return ws;
}

let exitCode = 1;
try {
  const problems = checkPrerequisites({
    chromium: true, codeServerInstall: installedVersion() !== CODE_SERVER_VERSION, installDir: DEFAULT_INSTALL_DIR, screenshotFonts: updateScreenshots,
  });
  if (problems.length > 0) throw new Error(formatProblems(problems, { title: 'cannot run the VS Code tests' }));
  lap('code-server');
  let started = Date.now();
  const bin = ensureCodeServer({ log: console.log });
  timings.install = Date.now() - started;

  lap('build tests' + (skipPackage ? '' : ' + package the extension'));
  started = Date.now();
  run(process.execPath, ['esbuild.tests.js'], 'building the tests');
  if (!skipPackage || !fs.existsSync(VSIX)) run('npm', ['run', '-s', 'package'], 'npm run package');
  if (only !== 'integration') {
    run(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
      '-o', TOOL_CALLER_VSIX], 'packaging test/fixtures/tool-caller', path.join(ROOT, 'test', 'fixtures', 'tool-caller'));
  }
  timings.build = Date.now() - started;

  lap('start code-server');
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-vscode-'));
  mkWorkspace('ws-integration');
  const server = await startCodeServer({
    bin, runDir, workspace: mkWorkspace('ws'), extensions: only === 'integration' ? [] : [VSIX, TOOL_CALLER_VSIX], log: console.log,
    env: { CHATDESK_TEST_USER_DATA_DIR: path.join(runDir, 'ud'), ...(grep ? { CHATDESK_TEST_GREP: grep } : {}) },
  });
  browser = await launchBrowser();
  console.log(`chromium ${browser.version()}`);

  if (only !== 'e2e') await integrationPhase(server);
  if (only !== 'integration') await e2ePhase(server);
  exitCode = timedOut ? 2 : totals.failed > 0 ? 1 : 0;
} catch (e) {
  const prerequisites = e instanceof Error && e.message.startsWith('cannot run the VS Code tests');
  console.error(`\ntest:vscode aborted: ${e instanceof Error ? (prerequisites ? e.message : e.stack) : e}`);
  totals.failed += 1;
  exitCode = 1;
} finally {
  await cleanup();
  const t = Object.entries(timings).map(([k, v]) => `${k} ${secs(v)}`).join(', ');
  console.log(`\n(total ${secs(Date.now() - t0)}: ${t})`);
  console.log(`vscode: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(exitCode);
}
