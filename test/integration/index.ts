// Mocha runner for the tests that run INSIDE a real VS Code extension host (code-server via
// scripts/test-vscode.mjs, or desktop VS Code via scripts/test-electron.mjs). The extension host
// `require`s this file and calls run(); the workbench reports its outcome as the exit code.
// Built by esbuild.tests.js into out/test/integration/index.js, each *.test.ts beside it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** One line the harness parses for its summary: `CHATDESK_RESULT {"passes":n,"failures":n,"pending":n}`. */
export const RESULT_MARKER = 'CHATDESK_RESULT';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.CHATDESK_TEST_TIMEOUT_MS ?? 60000),
    grep: process.env.CHATDESK_TEST_GREP || undefined,
    forbidOnly: true,
    forbidPending: true,
  });
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files in ${dir}: run node esbuild.tests.js first`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(`${RESULT_MARKER} ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
