// The detail panels' host logic: one panel per item, rendering, the reply-thread load, and the message
// protocol. No run-time vscode import: index.ts supplies the panel factory, so tests drive this with fakes.
import type * as vscode from 'vscode';
import type { Agent, Connection, OfflineMessage, OfflineMessageDetail, Platform } from '../api/model';
import { t } from '../util/l10n';
import type { Logger } from '../util/log';
import { redact } from '../util/redact';
import type { DetailPanelDeps, DetailPanels, DetailPanelSnapshot } from './api';
import { agentHtml, agentTitle } from './html/agentHtml';
import { noticeHtml } from './html/noticeHtml';
import { offlineMessageErrorHtml, offlineMessageHtml, offlineMessageLoadingHtml, offlineMessageTitle } from './html/offlineMessageHtml';
import type { PageContext } from './html/page';
import { rawJson } from './html/parts';
import { createNonce } from './nonce';
import type { ViewType } from './options';
import { VIEW_TYPES } from './options';
import type { CopyField, HostMessage } from './protocol';
import { parsePageMessage, previewMessage } from './protocol';
import { tabTitle } from './tabTitle';

/** The part of vscode.WebviewPanel we use. */
export interface PanelLike {
  readonly webview: {
    html: string;
    readonly cspSource: string;
    asWebviewUri(uri: vscode.Uri): vscode.Uri;
    onDidReceiveMessage(listener: (message: unknown) => unknown): vscode.Disposable;
    postMessage(message: HostMessage): Thenable<boolean>;
  };
  title: string;
  /** Whether the panel is the active editor (vscode.WebviewPanel.active). */
  readonly active?: boolean;
  reveal(): void;
  onDidDispose(listener: () => unknown): vscode.Disposable;
  dispose(): void;
}

export interface DetailPanelsOptions extends DetailPanelDeps {
  createPanel(viewType: ViewType, title: string): PanelLike;
  /** Sets up a panel VS Code restored (webview options, icon). */
  adoptPanel?(panel: PanelLike): void;
  resources: { styles: readonly vscode.Uri[]; script: vscode.Uri };
  /** vscode.env.language */
  locale: string;
  timeZone?: string;
  /** A fresh CSP nonce per render (tests may observe it). */
  nonce?: () => string;
}

interface CopyTarget {
  text: string;
  /** Names what was copied, for the status bar ("agent ID"). */
  what: string;
}

/** The map key: kind, platform, connection and the item's own ID (no separator ambiguity). */
export function panelKey(kind: 'agent' | 'offlineMessage', platform: Platform, connectionId: string, itemId: string): string {
  return JSON.stringify([kind, platform, connectionId, itemId]);
}

/** What a page render needs from its panel: a fresh nonce, the webview's CSP source and resource URIs. */
function pageContextOf(panel: PanelLike, options: DetailPanelsOptions): PageContext {
  const webview = panel.webview;
  return {
    nonce: (options.nonce ?? createNonce)(),
    cspSource: webview.cspSource,
    styleUris: options.resources.styles.map((u) => webview.asWebviewUri(u).toString()),
    scriptUri: webview.asWebviewUri(options.resources.script).toString(),
    locale: options.locale,
    timeZone: options.timeZone,
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t('Unknown error');
}

abstract class DetailPanel {
  private readonly subscriptions: vscode.Disposable[] = [];
  protected disposed = false;

  constructor(
    protected readonly panel: PanelLike,
    protected readonly options: DetailPanelsOptions,
    private readonly viewType: ViewType,
    private readonly kindName: string,
    onDisposed: () => void,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      panel.onDidDispose(() => {
        this.disposed = true;
        this.onDisposed();
        for (const s of this.subscriptions.splice(0)) s.dispose();
        onDisposed();
      }),
    );
  }

  protected get log(): Logger {
    return this.options.log;
  }

  protected pageContext(): PageContext {
    return pageContextOf(this.panel, this.options);
  }

  protected setContent(title: string, html: string): void {
    if (this.disposed) return;
    this.panel.title = tabTitle(title);
    this.panel.webview.html = html;
  }

  reveal(): void {
    this.panel.reveal();
  }

  owns(panel: PanelLike): boolean {
    return this.panel === panel;
  }

  get active(): boolean {
    return this.panel.active === true;
  }

  snapshot(): DetailPanelSnapshot {
    return { viewType: this.viewType, title: this.panel.title, html: this.panel.webview.html, state: this.state() };
  }

  protected state(): DetailPanelSnapshot['state'] {
    return 'loaded';
  }

  dispose(): void {
    this.panel.dispose();
  }

  protected onDisposed(): void {}

  protected abstract copyTarget(field: CopyField): CopyTarget | undefined;

  /** The connection whose item the panel shows. */
  abstract get connectionId(): string;

  private onMessage(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (!message) {
      this.log.warn(`Ignored a message from the ${this.kindName} panel that is not in its protocol: ${previewMessage(raw, 200, redact)}`);
      return;
    }
    if (message.type === 'ready') {
      this.log.trace(`The ${this.kindName} panel is ready.`);
      return;
    }
    const target = this.copyTarget(message.field);
    if (!target) {
      this.log.warn(`Ignored a request from the ${this.kindName} panel to copy "${message.field}", which it does not have.`);
      return;
    }
    const field = message.field;
    void this.options.copy(target.text, target.what).then(
      (ok) => {
        if (!ok) this.log.warn(`Copying the ${target.what} from the ${this.kindName} panel failed (the user was told).`);
        return ok;
      },
      (e: unknown) => {
        this.log.error(redact(`Copying the ${target.what} failed: ${errorText(e)}`));
        return false;
      },
    ).then((ok) => {
      // the page shows a check or an error icon on the button (a closed panel cannot be told)
      if (!this.disposed) void Promise.resolve(this.panel.webview.postMessage({ type: 'copied', field, ok })).catch(() => undefined);
    });
  }
}

class AgentPanel extends DetailPanel {
  constructor(panel: PanelLike, options: DetailPanelsOptions, private agent: Agent, private connection: Connection, onDisposed: () => void) {
    super(panel, options, VIEW_TYPES.agent, 'agent', onDisposed);
    this.render();
  }

  /** The agent shown. */
  get shown(): Agent {
    return this.agent;
  }

  override get connectionId(): string {
    return this.connection.id;
  }

  update(agent: Agent, connection: Connection): void {
    this.agent = agent;
    this.connection = connection;
    this.render();
  }

  /** Shows `agent` if it is not what is shown, or if the list it comes from stopped or started being the cached one. */
  refresh(agent: Agent): void {
    if (agent === this.agent && this.options.agentsCachedAt?.(this.connection.id) === this.renderedCachedAt) return;
    this.agent = agent;
    this.render();
  }

  private renderedCachedAt: number | undefined;

  private render(): void {
    this.renderedCachedAt = this.options.agentsCachedAt?.(this.connection.id);
    this.setContent(agentTitle(this.agent), agentHtml(this.agent, this.connection, this.pageContext(), this.renderedCachedAt));
  }

  protected copyTarget(field: CopyField): CopyTarget | undefined {
    switch (field) {
      case 'id': return { text: this.agent.id, what: t('agent ID') };
      case 'email': return this.agent.email ? { text: this.agent.email, what: t('e-mail address') } : undefined;
      case 'json': return { text: rawJson(this.agent.raw), what: t('agent JSON') };
      default: return undefined;
    }
  }
}

type Loader = (signal: AbortSignal) => Promise<OfflineMessageDetail>;

class OfflineMessagePanel extends DetailPanel {
  private detail: OfflineMessageDetail | undefined;
  private failed = false;
  private controller: AbortController | undefined;

  constructor(panel: PanelLike, options: DetailPanelsOptions, private message: OfflineMessage, private readonly connection: Connection, private loader: Loader, onDisposed: () => void) {
    super(panel, options, VIEW_TYPES.offlineMessage, 'offline message', onDisposed);
    this.load();
  }

  override get connectionId(): string {
    return this.connection.id;
  }

  /** Re-opened: load again if the last attempt failed. */
  reopen(message: OfflineMessage, loader: Loader): void {
    if (this.failed) {
      this.message = message;
      this.loader = loader;
      this.load();
    }
  }

  private load(): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.failed = false;
    this.detail = undefined;
    this.setContent(offlineMessageTitle(this.message), offlineMessageLoadingHtml(this.message, this.connection, this.pageContext()));
    let pending: Promise<OfflineMessageDetail>;
    try {
      pending = this.loader(controller.signal);
    } catch (e) {
      pending = Promise.reject(e);
    }
    pending.then(
      (detail) => {
        if (controller.signal.aborted || this.disposed) return;
        this.detail = detail;
        this.setContent(offlineMessageTitle(detail), offlineMessageHtml(detail, this.connection, this.pageContext()));
      },
      (error: unknown) => {
        if (controller.signal.aborted || this.disposed) return;
        this.failed = true;
        const text = redact(errorText(error));
        this.log.warn(`Loading offline message details failed: ${text}`);
        this.setContent(offlineMessageTitle(this.message), offlineMessageErrorHtml(this.message, this.connection, text, this.pageContext()));
      },
    );
  }

  protected override onDisposed(): void {
    this.controller?.abort();
  }

  protected override state(): DetailPanelSnapshot['state'] {
    return this.failed ? 'error' : this.detail ? 'loaded' : 'loading';
  }

  protected copyTarget(field: CopyField): CopyTarget | undefined {
    const m = this.detail ?? this.message;
    switch (field) {
      case 'id': return { text: m.id, what: t('message ID') };
      case 'email': return m.visitor?.email ? { text: m.visitor.email, what: t('visitor e-mail address') } : undefined;
      case 'message': return { text: m.message, what: t('message') };
      case 'json': return { text: rawJson(m.raw), what: t('message JSON') };
      default: return undefined;
    }
  }
}

export class DetailPanelsImpl implements DetailPanels {
  private readonly panels = new Map<string, DetailPanel>();

  constructor(private readonly options: DetailPanelsOptions) {}

  /** How many panels are open (for tests and diagnostics). */
  get size(): number {
    return this.panels.size;
  }

  showAgent(agent: Agent, connection: Connection, restored?: PanelLike): void {
    const key = panelKey('agent', connection.platform, connection.id, agent.id);
    const existing = this.panels.get(key);
    if (existing instanceof AgentPanel) {
      existing.update(agent, connection);
      if (restored) restored.dispose(); else existing.reveal();
      return;
    }
    const panel = restored ?? this.options.createPanel(VIEW_TYPES.agent, tabTitle(agentTitle(agent)));
    this.panels.set(key, new AgentPanel(panel, this.options, agent, connection, () => this.forget(key, panel)));
  }

  showOfflineMessage(connection: Connection, message: OfflineMessage, load: Loader, restored?: PanelLike): void {
    const key = panelKey('offlineMessage', connection.platform, connection.id, message.id);
    const existing = this.panels.get(key);
    if (existing instanceof OfflineMessagePanel) {
      existing.reopen(message, load);
      if (restored) restored.dispose(); else existing.reveal();
      return;
    }
    const panel = restored ?? this.options.createPanel(VIEW_TYPES.offlineMessage, tabTitle(offlineMessageTitle(message)));
    this.panels.set(key, new OfflineMessagePanel(panel, this.options, message, connection, load, () => this.forget(key, panel)));
  }

  adopt(panel: PanelLike): void {
    this.options.adoptPanel?.(panel);
  }

  /** A notice in a panel VS Code restored: while its item loads, or why it cannot be shown any more. */
  showNotice(restored: PanelLike, title: string, text: string): void {
    restored.title = tabTitle(title);
    restored.webview.html = noticeHtml(title, text, pageContextOf(restored, this.options));
  }

  snapshot(): DetailPanelSnapshot[] {
    return [...this.panels.values()].map((p) => p.snapshot());
  }

  closeRemoved(exists: (connectionId: string) => boolean): number {
    const gone = [...this.panels.values()].filter((p) => !exists(p.connectionId));
    for (const p of gone) p.dispose();
    return gone.length;
  }

  updateAgents(connectionId: string, lookup: (id: string) => Agent | undefined): void {
    for (const p of this.panels.values()) {
      if (!(p instanceof AgentPanel) || p.connectionId !== connectionId) continue;
      const agent = lookup(p.shown.id);
      if (agent) p.refresh(agent);
    }
  }

  activeAgent(): Agent | undefined {
    for (const p of this.panels.values()) if (p instanceof AgentPanel && p.active) return p.shown;
    return undefined;
  }

  private forget(key: string, panel: PanelLike): void {
    const entry = this.panels.get(key);
    if (entry?.owns(panel)) this.panels.delete(key);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
