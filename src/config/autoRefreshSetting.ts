// The chatdesk.autoRefreshMinutes setting (0 = off) drives the store's auto-refresh loop (src/store/refreshPolicy.ts).
import * as vscode from 'vscode';
import { autoRefreshMs, type AutoRefreshLoop } from '../store';
import { Disposable } from '../util/lifecycle';
import type { Logger } from '../util/log';

export class AutoRefreshSetting extends Disposable {
  constructor(private readonly loop: AutoRefreshLoop, private readonly log: Logger) {
    super();
    this.apply();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatdesk.autoRefreshMinutes')) this.apply();
    }));
  }

  private apply(): void {
    const ms = autoRefreshMs(vscode.workspace.getConfiguration('chatdesk').get('autoRefreshMinutes', 0));
    if (ms) this.log.info(`Auto-refresh every ${ms / 60_000} min.`);
    this.loop.setInterval(ms);
  }
}
