// Offline Messages view: connections that have offline messages → messages, newest first.
// Keeps the view badge at the unread count across connections.
import * as vscode from 'vscode';
import { Throttler } from '../util/throttle';
import type { StoredConnection } from '../connections/types';
import { expectsOfflineMessages, type Store } from '../store';
import { OfflineConnectionNode } from './nodes/offlineConnectionNode';
import type { TreeNode } from './nodes/treeNode';
import { NodeTreeProvider } from './nodeTreeProvider';

const THROTTLE_MS = 250;

export class OfflineTreeProvider extends NodeTreeProvider {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly _onDidChangeUnread = this._register(new vscode.EventEmitter<number>());
  readonly onDidChangeUnread = this._onDidChangeUnread.event;
  private readonly nodes = new Map<string, OfflineConnectionNode>();
  private readonly throttler: Throttler<string>;
  private lastUnread = -1;

  constructor(private readonly store: Store<StoredConnection>) {
    super();
    this.throttler = this._register(new Throttler<string>(THROTTLE_MS, (ids) => {
      // One refresh of the whole (shallow) tree: VS Code can drop a refresh of an element that arrives while
      // the children of an earlier refresh of it are still being fetched, leaving later pages unseen.
      if (ids.some((id) => this.nodes.has(id))) this._onDidChangeTreeData.fire(undefined);
      this.updateUnread();
    }));
    this._register(store.onDidChangeList((e) => { if (e.list === 'offline') this.throttler.schedule(e.connectionId); }));
    this._register(store.onDidChangeConnections(() => { this._onDidChangeTreeData.fire(undefined); this.updateUnread(); }));
  }

  private updateUnread(): void {
    const n = this.store.unreadCount();
    if (n !== this.lastUnread) { this.lastUnread = n; this._onDidChangeUnread.fire(n); }
  }

  roots(): OfflineConnectionNode[] {
    const seen = new Set<string>();
    const out: OfflineConnectionNode[] = [];
    for (const c of this.store.connections()) {
      if (!expectsOfflineMessages(c)) continue;
      let node = this.nodes.get(c.id);
      if (!node) { node = new OfflineConnectionNode(c, this.store); this.nodes.set(c.id, node); }
      node.connection = c;
      seen.add(c.id);
      out.push(node);
    }
    for (const id of [...this.nodes.keys()]) if (!seen.has(id)) this.nodes.delete(id);
    return out;
  }
}
