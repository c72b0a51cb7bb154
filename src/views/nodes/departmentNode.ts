import * as vscode from 'vscode';
import { departmentNodeId, departmentScope, type DepartmentGroup } from '../presentation/filter';
import { formatCount, plainText } from '../presentation/text';
import { AgentNode } from './agentNode';
import type { TreeNode } from './treeNode';

export class DepartmentNode implements TreeNode {
  constructor(private readonly connectionId: string, readonly group: DepartmentGroup, readonly parent: TreeNode) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(plainText(this.group.name) || this.group.id, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = departmentNodeId(this.connectionId, this.group);
    item.description = formatCount(this.group.agents.length);
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = 'chatdesk:department';
    return item;
  }

  getChildren(): TreeNode[] {
    const scope = departmentScope(this.group);
    return this.group.agents.map((a) => new AgentNode(a, this, scope));
  }
}
