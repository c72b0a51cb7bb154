#!/usr/bin/env node
// The same integration suite (test/integration), run in DESKTOP VS Code through @vscode/test-electron.
// Not used in CI: test-electron downloads VS Code from update.code.visualstudio.com, which CI cannot
// reach (CI runs the suite in code-server instead: scripts/test-vscode.mjs). Use it on a machine with
// internet and a display (or xvfb-run):
//
//   node esbuild.tests.js && npm run build && node scripts/test-electron.mjs [--version 1.100.3] [--grep TEXT]
//   node scripts/test-electron.mjs --prepare DIR    (only the profile and workspace, for .vscode/launch.json)
//
// The suite reads the user settings file through CHATDESK_TEST_USER_DATA_DIR, so a throw-away user data
// directory is passed to VS Code and to the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };

/** A workspace and a user-data dir with quiet settings, as the suite expects them. */
function prepare(dir) {
  const userDataDir = path.join(dir, 'ud');
  const workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false, 'git.enabled': false,
  }, null, 2));
  return { userDataDir, workspace };
}

// --prepare DIR: only lay out DIR/ud and DIR/ws (the "Extension Tests" launch configuration in .vscode/ uses them).
if (opt('--prepare')) {
  const dir = path.resolve(ROOT, opt('--prepare'));
  prepare(dir);
  console.log(`prepared ${path.relative(ROOT, dir)}/ud and ${path.relative(ROOT, dir)}/ws`);
  process.exit(0);
}

const testsPath = path.join(ROOT, 'out/test/integration/index.js');
if (!fs.existsSync(testsPath)) {
  console.error(`${testsPath} is missing: run node esbuild.tests.js first`);
  process.exit(1);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-electron-'));
const { userDataDir, workspace } = prepare(tmp);

try {
  await runTests({
    version: opt('--version') ?? '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsPath,
    extensionTestsEnv: {
      CHATDESK_TEST_USER_DATA_DIR: userDataDir,
      ...(opt('--grep') ? { CHATDESK_TEST_GREP: opt('--grep') } : {}),
    },
    launchArgs: [workspace, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
  console.log('vscode (electron): integration tests passed');
} catch (e) {
  console.error(`vscode (electron): integration tests failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
