// Detail panels survive a window reload: VS Code keeps each open panel's webview state (which item it shows, ids
// only: see restoreState.ts) and hands the panel back here. An agent comes back from the store (this session or the
// on-disk cache) or, failing that, from the server; an offline message is loaded again (messages are never cached).
// Registered in activate() (cheap); the panels bundle loads only when VS Code actually restores a panel.
import * as vscode from 'vscode';
import { toConnection, type ConnectionStore } from '../connections/store';
import type { StoredConnection } from '../connections/types';
import type { Store } from '../store';
import type { Logger } from '../util/log';
import type { DetailPanelsLoader } from './loader';
import { VIEW_TYPES } from './options';
import type { DetailPanels } from './api';
import { parseRestoreState, type PanelRestoreState } from './restoreState';

export interface PanelRestoreDeps {
  log: Logger;
  panels: DetailPanelsLoader;
  connections: ConnectionStore;
  store: Store<StoredConnection>;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a restore needs to know about a panel's item, in the words each kind of panel uses. */
interface RestoreKind {
  kind: PanelRestoreState['kind'];
  title: string;
  unknown: string;
  removed: string;
  loading: string;
  failed(reason: string): string;
}

const AGENT: () => RestoreKind = () => ({
  kind: 'agent',
  title: vscode.l10n.t('Agent'),
  unknown: vscode.l10n.t('Chatdesk cannot tell which agent this panel showed. Close it and open the agent again.'),
  removed: vscode.l10n.t('The connection of this agent has been removed.'),
  loading: vscode.l10n.t('Loading the agent…'),
  failed: (reason) => vscode.l10n.t('Chatdesk could not load this agent again: {0}', reason),
});

const OFFLINE_MESSAGE: () => RestoreKind = () => ({
  kind: 'offlineMessage',
  title: vscode.l10n.t('Offline message'),
  unknown: vscode.l10n.t('Chatdesk cannot tell which message this panel showed. Close it and open the message again.'),
  removed: vscode.l10n.t('The connection of this message has been removed.'),
  loading: vscode.l10n.t('Loading the message…'),
  failed: (reason) => vscode.l10n.t('Chatdesk could not load this message again: {0}', reason),
});

/**
 * Restores one panel: sets it up, finds its item's connection, shows "Loading…", then `show(connection, id, signal)`.
 * Every way it can fail ends in a notice in the panel that says why (the panel is the user's; it is not closed).
 */
async function restore(
  d: PanelRestoreDeps, panel: vscode.WebviewPanel, state: unknown, k: RestoreKind,
  show: (panels: DetailPanels, connection: StoredConnection, id: string, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const panels = d.panels.get();
  panels.adopt(panel);
  const item = parseRestoreState(state);
  if (item?.kind !== k.kind) { panels.showNotice(panel, k.title, k.unknown); return; }
  const connection = d.connections.get(item.connectionId);
  if (!connection) { panels.showNotice(panel, k.title, k.removed); return; }
  panels.showNotice(panel, k.title, k.loading);
  const ac = new AbortController();
  const closed = panel.onDidDispose(() => ac.abort());
  try {
    await show(panels, connection, item.id, ac.signal);
  } catch (e) {
    if (ac.signal.aborted) return;
    d.log.warn(`Restoring a panel (${k.kind}) failed:`, e);
    panels.showNotice(panel, k.title, k.failed(reasonOf(e)));
  } finally {
    closed.dispose();
  }
}

function restoreAgent(d: PanelRestoreDeps, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  return restore(d, panel, state, AGENT(), async (panels, connection, id, signal) => {
    const agent = await d.store.agent(connection.id, id, signal);
    panels.showAgent(agent, toConnection(connection), panel);
  });
}

function restoreOfflineMessage(d: PanelRestoreDeps, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  return restore(d, panel, state, OFFLINE_MESSAGE(), async (panels, connection, id, signal) => {
    const detail = await d.store.offlineMessage(connection.id, id, signal);
    panels.showOfflineMessage(toConnection(connection), detail, () => Promise.resolve(detail), panel);
  });
}

export function registerPanelSerializers(d: PanelRestoreDeps): vscode.Disposable[] {
  const guard = (what: string, run: () => Promise<void>) => run().catch((e: unknown) => d.log.error(`Restoring ${what} panel failed:`, e));
  return [
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.agent, {
      deserializeWebviewPanel: (panel, state: unknown) => guard('an agent', () => restoreAgent(d, panel, state)),
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.offlineMessage, {
      deserializeWebviewPanel: (panel, state: unknown) => guard('an offline message', () => restoreOfflineMessage(d, panel, state)),
    }),
  ];
}
