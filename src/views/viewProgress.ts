// The progress bar at the top of a view while any of its lists is loading.
import * as vscode from 'vscode';
import { Disposable } from '../util/lifecycle';
import type { Store } from '../store';

export class ViewProgress extends Disposable {
  private finish: (() => void) | undefined;

  constructor(private readonly store: Store, private readonly viewId: string, private readonly list: 'agents' | 'offline') {
    super();
    this._register(store.onDidChangeList((e) => { if (e.list === list) this.update(); }));
    this._register(store.onDidChangeConnections(() => this.update()));
    this._register({ dispose: () => this.finish?.() });
  }

  private loading(): boolean {
    for (const c of this.store.connections()) {
      const lists = this.store.lists(c.id);
      if (lists && lists[this.list].status === 'loading') return true;
    }
    return false;
  }

  private update(): void {
    const busy = this.loading();
    if (busy && !this.finish) {
      void vscode.window.withProgress({ location: { viewId: this.viewId } }, () => new Promise<void>((resolve) => {
        this.finish = () => { this.finish = undefined; resolve(); };
      }));
    } else if (!busy && this.finish) {
      this.finish();
    }
  }
}
