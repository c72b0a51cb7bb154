import * as vscode from 'vscode';
import type { Agent } from '../../api/model';
import { agentTooltip, presentAgent, statusText } from '../presentation/agent';
import { treeItem, type TreeNode } from './treeNode';

export class AgentNode implements TreeNode {
  constructor(readonly agent: Agent, readonly parent: TreeNode | undefined, private readonly scope = '') {}

  getTreeItem(): vscode.TreeItem {
    const p = presentAgent(this.agent, this.scope);
    const item = treeItem(p);
    // the status is otherwise only an icon colour
    item.accessibilityInformation = { label: `${p.label}, ${statusText(this.agent.status)}${p.description ? `, ${p.description}` : ''}` };
    item.command = { command: 'chatdesk.openAgent', title: vscode.l10n.t('Open Details'), arguments: [this] };
    return item;
  }

  getChildren(): TreeNode[] {
    return [];
  }

  tooltip(): string {
    return agentTooltip(this.agent);
  }
}
