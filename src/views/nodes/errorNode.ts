import * as vscode from 'vscode';
import { errorTooltip, presentError } from '../presentation/error';
import { treeItem, type TreeNode } from './treeNode';

/** Shown under a connection whose last load failed; clicking retries. */
export class ErrorNode implements TreeNode {
  constructor(readonly error: unknown, readonly connectionId: string, readonly parent: TreeNode, private readonly parentId: string) {}

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(presentError(this.error, this.parentId));
    item.command = { command: 'chatdesk.refreshConnection', title: vscode.l10n.t('Retry'), arguments: [this.connectionId] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  tooltip(): string {
    return errorTooltip(this.error);
  }
}
