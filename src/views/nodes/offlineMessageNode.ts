import * as vscode from 'vscode';
import type { OfflineMessage } from '../../api/model';
import type { StoredConnection } from '../../connections/types';
import { offlineMessageTooltip, presentOfflineMessage } from '../presentation/offlineMessage';
import { treeItem, type TreeNode } from './treeNode';

export class OfflineMessageNode implements TreeNode {
  constructor(readonly message: OfflineMessage, readonly connection: StoredConnection, readonly parent: TreeNode, private readonly now = Date.now()) {}

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(presentOfflineMessage(this.message, `offline/${this.connection.id}`, this.now));
    item.command = { command: 'chatdesk.openOfflineMessage', title: vscode.l10n.t('Open Offline Message'), arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  tooltip(): string {
    return offlineMessageTooltip(this.message);
  }
}
