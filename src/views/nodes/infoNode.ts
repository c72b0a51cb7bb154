import * as vscode from 'vscode';
import type { TreeNode } from './treeNode';

/** A plain line: "Loading agents…" (spinning), "No agents", "No agents match the filter". */
export class InfoNode implements TreeNode {
  constructor(readonly id: string, private readonly label: string, readonly parent: TreeNode | undefined, private readonly icon = 'info') {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = this.icon === 'loading~spin' ? 'chatdesk:loading' : 'chatdesk:info';
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }
}
