// Stand-ins for the few vscode objects the panel host uses (the real ones are exercised by the integration tests).
import type * as vscode from 'vscode';
import type { Logger } from '../../../../src/util/log';
import type { PanelLike } from '../../../../src/webviews/detailPanels';
import type { HostMessage } from '../../../../src/webviews/protocol';

export class FakeUri {
  constructor(readonly path: string, readonly scheme = 'file') {}
  with(change: { path: string }): FakeUri {
    return new FakeUri(change.path, this.scheme);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export function fakeUri(path: string): vscode.Uri {
  return new FakeUri(path) as unknown as vscode.Uri;
}

export class FakePanel implements PanelLike {
  title: string;
  reveals = 0;
  /** What the host posted to the page. */
  readonly toPage: HostMessage[] = [];
  disposed = false;
  readonly htmlHistory: string[] = [];
  private readonly messageListeners = new Set<(m: unknown) => unknown>();
  private readonly disposeListeners = new Set<() => unknown>();
  readonly webview = {
    cspSource: 'https://*.vscode-cdn.net',
    asWebviewUri: (uri: vscode.Uri) => ({ toString: () => `https://webview.test${uri.path}` }) as unknown as vscode.Uri,
    onDidReceiveMessage: (l: (m: unknown) => unknown) => {
      this.messageListeners.add(l);
      return { dispose: () => this.messageListeners.delete(l) };
    },
    postMessage: (m: HostMessage) => { this.toPage.push(m); return Promise.resolve(true); },
    get html(): string {
      return this.panel.htmlHistory.at(-1) ?? '';
    },
    set html(value: string) {
      this.panel.htmlHistory.push(value);
    },
    panel: this as FakePanel,
  };

  constructor(readonly viewType: string, title: string) {
    this.title = title;
  }

  /** The page posts a message. */
  post(message: unknown): void {
    for (const l of [...this.messageListeners]) l(message);
  }

  get listenerCount(): number {
    return this.messageListeners.size + this.disposeListeners.size;
  }

  reveal(): void {
    this.reveals++;
  }

  onDidDispose(l: () => unknown): vscode.Disposable {
    this.disposeListeners.add(l);
    return { dispose: () => this.disposeListeners.delete(l) };
  }

  /** The user closes the panel (or the host disposes it). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const l of [...this.disposeListeners]) l();
  }
}

export interface LogEntry { level: keyof Logger; message: string }

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const rec = (level: keyof Logger) => (message: string | Error) => { entries.push({ level, message: String(message) }); };
  return { entries, trace: rec('trace'), debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
}
