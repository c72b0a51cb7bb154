import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import { connectionTooltip, loadInfo, presentConnection, type ConnectionLoadInfo } from '../presentation/connection';
import { sortNewestFirst } from '../presentation/offlineMessage';
import { OfflineMessageNode } from './offlineMessageNode';
import { listStatusNodes } from './listStatusNodes';
import { treeItem, type TreeNode } from './treeNode';

/** A connection in the Offline Messages view; messages newest first (never cached: visitors' personal data). */
export class OfflineConnectionNode implements TreeNode {
  readonly parent = undefined;

  constructor(public connection: StoredConnection, private readonly store: Store<StoredConnection>) {}

  get id(): string {
    return this.connection.id;
  }

  private info(): ConnectionLoadInfo {
    const list = this.store.lists(this.id)?.offline;
    if (!list) return { status: 'idle', count: 0, noun: 'messages' };
    let unread = 0;
    for (const m of list.items) if (m.unread) unread += 1;
    return loadInfo(list.state(), 'messages', { unread });
  }

  getTreeItem(): vscode.TreeItem {
    return treeItem(presentConnection(this.connection, this.info(), 'offline'), vscode.TreeItemCollapsibleState.Expanded);
  }

  tooltip(): string {
    return connectionTooltip(this.connection, this.info());
  }

  getChildren(): TreeNode[] {
    const list = this.store.lists(this.id)?.offline;
    if (!list) return [];
    void list.ensureLoaded();
    const base = `offline/${this.id}`;
    const out = listStatusNodes(list, this.id, this, base, { loading: vscode.l10n.t('Loading offline messages…'), empty: vscode.l10n.t('No offline messages') });
    if (!list.items.length) return out;
    const now = Date.now();
    for (const m of sortNewestFirst(list.items)) out.push(new OfflineMessageNode(m, this.connection, this, now));
    return out;
  }
}
