// What every node of both trees is: it makes its TreeItem and its children, and knows its parent.
import * as vscode from 'vscode';
import type { NodePresentation } from '../presentation/types';

export interface TreeNode {
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): TreeNode[] | Promise<TreeNode[]>;
  /** Markdown (already escaped) built on hover only. */
  tooltip?(): string | undefined;
}

export function themeIcon(p: NodePresentation): vscode.ThemeIcon {
  return new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
}

/** A TreeItem from a pure presentation. */
export function treeItem(p: NodePresentation, collapsible = vscode.TreeItemCollapsibleState.None): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, collapsible);
  item.id = p.id;
  item.description = p.description;
  item.iconPath = themeIcon(p);
  item.contextValue = p.contextValue;
  return item;
}

/** Markdown from escaped untrusted text: not trusted, no HTML, no command links. */
export function untrustedMarkdown(text: string, themeIcons = false): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, themeIcons);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
