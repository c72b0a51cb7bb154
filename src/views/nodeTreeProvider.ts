// What both trees share: TreeNodes that build their own items and children, and tooltips resolved lazily
// (on hover) as untrusted Markdown. Subclasses supply the roots.
import type * as vscode from 'vscode';
import { Disposable } from '../util/lifecycle';
import { untrustedMarkdown, type TreeNode } from './nodes/treeNode';

export abstract class NodeTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  abstract readonly onDidChangeTreeData: vscode.Event<TreeNode | undefined>;

  /** The top-level nodes. */
  protected abstract roots(): TreeNode[];

  getTreeItem(element: TreeNode): vscode.TreeItem {
    return element.getTreeItem();
  }

  getChildren(element?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    return element ? element.getChildren() : this.roots();
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  resolveTreeItem(item: vscode.TreeItem, element: TreeNode): vscode.TreeItem {
    const md = element.tooltip?.();
    if (md) item.tooltip = untrustedMarkdown(md, true);
    return item;
  }
}
