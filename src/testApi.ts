// What activate() returns: NOTHING in normal use. Another extension in the same extension host can read an
// extension's exports (vscode.extensions.getExtension(id).exports), so Chatdesk exports no API at all: no store,
// no secret reader, no state. Only when VS Code runs the extension under a test runner (ExtensionMode.Test: a
// development extension loaded with --extensionTestsPath, as scripts/test-vscode.mjs and scripts/test-electron.mjs
// do) does it return the handles below, which the integration tests (test/integration) use. A .vsix installed
// normally, from the Marketplace or in development without tests runs in Production or Development mode.
import * as vscode from 'vscode';
import type { ConnectionStore } from './connections/store';
import type { StoredConnection } from './connections/types';
import type { Store } from './store';
import type { Logger } from './util/log';
import type { DetailPanels } from './webviews/api';

export interface ChatdeskTestApi {
  /** Connection metadata (globalState) and credentials (SecretStorage); add/update/remove and change events. */
  store: ConnectionStore;
  /** Every connection's lists and the agent directory (src/store). */
  dataStore: Store<StoredConnection>;
  /** The Agents view's data provider: roots are connections, then (departments,) agents, error and loading items. */
  agentsTree: vscode.TreeDataProvider<unknown>;
  /** The Offline Messages view's data provider: connections with offline messages, then messages newest first. */
  offlineTree: vscode.TreeDataProvider<unknown>;
  /** The Agents TreeView (description shows the active filter). */
  agentsView: vscode.TreeView<unknown>;
  /** The Offline Messages TreeView (badge = unread count). */
  offlineView: vscode.TreeView<unknown>;
  /** The extension's logger (every message redacted before it reaches the output channel). */
  log: Logger;
  /** The last log lines as written to the output channel (redacted), oldest first; for "no secret in logs" checks. */
  logLines(): string[];
  /** The detail panels, once the first panel has been opened (dist/webviews.js is loaded lazily). */
  panels(): DetailPanels | undefined;
  /** The extension's global state (connection metadata lives here; never a secret), for secret checks. */
  globalState: vscode.Memento;
  /** The extension's workspace state (unused today), for secret checks. */
  workspaceState: vscode.Memento;
}

/** What activate() has built that the tests look at: the API's objects as they are, the log and panels as built. */
export type TestHandles = Pick<ChatdeskTestApi, 'store' | 'dataStore' | 'agentsTree' | 'offlineTree' | 'agentsView' | 'offlineView'> & {
  log: Logger & { recentLines(): string[] };
  panels: { current(): DetailPanels | undefined };
};

let underTestRunner = false;

/**
 * Whether the extension runs under a test runner (ExtensionMode.Test). Test-only inputs (a scripted prompter
 * passed to Add Connection, Edit, Update Credentials, Remove) are honoured only then.
 */
export function isTestMode(): boolean {
  return underTestRunner;
}

/**
 * activate()'s return value: undefined (no exports) unless the extension runs under a test runner; then the
 * ChatdeskTestApi built from `handles` (called only in that case).
 */
export function extensionExports(context: vscode.ExtensionContext, handles: () => TestHandles): ChatdeskTestApi | undefined {
  underTestRunner = context.extensionMode === vscode.ExtensionMode.Test;
  if (!underTestRunner) return undefined;
  const h = handles();
  const { panels, ...rest } = h;
  return {
    ...rest,
    logLines: () => h.log.recentLines(),
    panels: () => panels.current(),
    globalState: context.globalState,
    workspaceState: context.workspaceState,
  };
}
