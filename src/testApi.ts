// What activate() returns: handles for the integration tests (test/integration). Not a public API.
import type * as vscode from 'vscode';
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
