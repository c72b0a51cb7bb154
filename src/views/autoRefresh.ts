// Optional periodic refresh (chatdesk.autoRefreshMinutes, 0 = off) of what has been loaded before.
import * as vscode from 'vscode';
import { Disposable } from '../util/lifecycle';
import type { Logger } from '../util/log';
import type { SessionManager } from './data/sessionManager';

export function autoRefreshMs(minutes: unknown): number {
  const m = typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 0;
  return m <= 0 ? 0 : Math.max(1, Math.min(24 * 60, m)) * 60_000;
}

export class AutoRefresh extends Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly sessions: SessionManager, private readonly log: Logger) {
    super();
    this.apply();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatdesk.autoRefreshMinutes')) this.apply();
    }));
    this._register({ dispose: () => this.stop() });
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private apply(): void {
    this.stop();
    const ms = autoRefreshMs(vscode.workspace.getConfiguration('chatdesk').get('autoRefreshMinutes', 0));
    if (!ms) return;
    this.log.info(`Auto-refresh every ${ms / 60_000} min.`);
    this.timer = setInterval(() => { void this.sessions.refreshLoaded({ skipLoading: true }); }, ms);
  }
}
