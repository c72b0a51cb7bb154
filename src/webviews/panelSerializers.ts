// Detail panels survive a window reload: VS Code keeps each open panel's webview state (which item it shows, ids
// only: see restoreState.ts) and hands the panel back here. An agent comes back from the store (this session or the
// on-disk cache) or, failing that, from the server; an offline message is loaded again (messages are never cached).
// Registered in activate() (cheap); the panels bundle loads only when VS Code actually restores a panel.
import * as vscode from 'vscode';
import type { Agent, OfflineMessage } from '../api/model';
import { toConnection, type ConnectionStore } from '../connections/store';
import type { StoredConnection } from '../connections/types';
import type { Store } from '../store';
import type { Logger } from '../util/log';
import type { DetailPanelsLoader } from './loader';
import { VIEW_TYPES } from './options';
import { parseRestoreState } from './restoreState';

export interface PanelRestoreDeps {
  log: Logger;
  panels: DetailPanelsLoader;
  connections: ConnectionStore;
  store: Store<StoredConnection>;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function restoreAgent(d: PanelRestoreDeps, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const panels = d.panels.get();
  panels.adopt(panel);
  const title = vscode.l10n.t('Agent');
  const item = parseRestoreState(state);
  if (item?.kind !== 'agent') {
    panels.showNotice(panel, title, vscode.l10n.t('Chatdesk cannot tell which agent this panel showed. Close it and open the agent again.'));
    return;
  }
  const connection = d.connections.get(item.connectionId);
  if (!connection) {
    panels.showNotice(panel, title, vscode.l10n.t('The connection of this agent has been removed.'));
    return;
  }
  panels.showNotice(panel, title, vscode.l10n.t('Loading the agent…'));
  let agent: Agent;
  try {
    agent = await d.store.agent(connection.id, item.id);
  } catch (e) {
    d.log.warn('Restoring an agent panel failed:', e);
    panels.showNotice(panel, title, vscode.l10n.t('Chatdesk could not load this agent again: {0}', reasonOf(e)));
    return;
  }
  panels.showAgent(agent, toConnection(connection), panel);
}

async function restoreOfflineMessage(d: PanelRestoreDeps, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const panels = d.panels.get();
  panels.adopt(panel);
  const title = vscode.l10n.t('Offline message');
  const item = parseRestoreState(state);
  if (item?.kind !== 'offlineMessage') {
    panels.showNotice(panel, title, vscode.l10n.t('Chatdesk cannot tell which message this panel showed. Close it and open the message again.'));
    return;
  }
  const connection = d.connections.get(item.connectionId);
  if (!connection) {
    panels.showNotice(panel, title, vscode.l10n.t('The connection of this message has been removed.'));
    return;
  }
  panels.showNotice(panel, title, vscode.l10n.t('Loading the message…'));
  const ac = new AbortController();
  const closed = panel.onDidDispose(() => ac.abort());
  try {
    const detail = await d.store.offlineMessage(connection.id, item.id, ac.signal);
    const summary: OfflineMessage = detail;
    panels.showOfflineMessage(toConnection(connection), summary, () => Promise.resolve(detail), panel);
  } catch (e) {
    if (ac.signal.aborted) return;
    d.log.warn('Restoring an offline message panel failed:', e);
    panels.showNotice(panel, title, vscode.l10n.t('Chatdesk could not load this message again: {0}', reasonOf(e)));
  } finally {
    closed.dispose();
  }
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
