// What scripts/test-vscode.mjs hands the e2e tests: the running code-server, the browser, where screenshots go.
let current;

/** @param {{ server: any, browser: import('playwright-core').Browser, shotsDir: string, runDir: string, workspaceFor: (name: string) => string }} ctx */
export function setE2EContext(ctx) { current = ctx; }

export function e2eContext() {
  if (!current) throw new Error('the e2e tests run through scripts/test-vscode.mjs (npm run test:vscode), which provides code-server and the browser');
  return current;
}
