// The contract between the extension (src/extension.ts, src/commands) and the lazily loaded detail
// panels bundle (dist/webviews.js, built from src/webviews/index.ts). The extension imports only these
// types at build time and loads the implementation on the first "open details".
import type * as vscode from 'vscode';
import type { Agent, Connection, OfflineMessage, OfflineMessageDetail } from '../api/model';
import type { Logger } from '../util/log';

export interface DetailPanelDeps {
  extensionUri: vscode.Uri;
  log: Logger;
  /**
   * Copies text to the clipboard and says whether it worked (a confirmation in the status bar, or an error
   * message); `what` names it ("agent ID"). Resolves to whether it worked.
   */
  copy(text: string, what: string): Promise<boolean>;
  /**
   * When the agents of a connection come from the list an earlier session saved (epoch ms), for the agent pages'
   * note; undefined when they are this session's (or unknown).
   */
  agentsCachedAt?(connectionId: string): number | undefined;
}

/** What an open panel shows; for the integration tests and diagnostics. */
export interface DetailPanelSnapshot {
  viewType: 'chatdesk.agent' | 'chatdesk.offlineMessage';
  /** The tab title. */
  title: string;
  /** The webview's current HTML. */
  html: string;
  /** Offline message panels: whether the reply thread is loading, loaded or failed. Agent panels: 'loaded'. */
  state: 'loading' | 'loaded' | 'error';
}

export interface DetailPanels extends vscode.Disposable {
  /** Opens (or reveals, if open) the panel for this agent; into `restored` when VS Code restores a panel. */
  showAgent(agent: Agent, connection: Connection, restored?: vscode.WebviewPanel): void;
  /** Opens (or reveals) the panel for this message; `load` fetches the detail with the reply thread. */
  showOfflineMessage(
    connection: Connection,
    message: OfflineMessage,
    load: (signal: AbortSignal) => Promise<OfflineMessageDetail>,
    restored?: vscode.WebviewPanel,
  ): void;
  /** A notice in a restored panel: while its item loads, or why it cannot be shown any more. */
  showNotice(restored: vscode.WebviewPanel, title: string, text: string): void;
  /** Prepares a panel VS Code restored after a reload (options, icon) before one of the show methods fills it. */
  adopt(panel: vscode.WebviewPanel): void;
  /** The open panels, oldest first. */
  snapshot(): DetailPanelSnapshot[];
  /**
   * A connection's agent list changed: every open agent panel of it shows what `lookup` now gives for its agent
   * (re-rendered only when that differs, or the list stopped or started being the cached one); an agent no longer
   * listed keeps its page.
   */
  updateAgents(connectionId: string, lookup: (id: string) => Agent | undefined): void;
  /**
   * Closes every panel whose connection `exists` no longer knows (a removed connection's agents and visitors' messages
   * do not stay on screen); returns how many.
   */
  closeRemoved(exists: (connectionId: string) => boolean): number;
  /** The agent of the agent panel that is the active editor, if one is (for its title menu's commands). */
  activeAgent(): Agent | undefined;
}

export interface DetailPanelsModule {
  createDetailPanels(deps: DetailPanelDeps): DetailPanels;
}
