import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import { connectionTooltip, loadInfo, presentConnection, type ConnectionLoadInfo } from '../presentation/connection';
import { filterAgents, groupByDepartment, isFilterActive, noMatchText, sortByName } from '../presentation/filter';
import { formatCount } from '../presentation/text';
import type { AgentsViewState } from '../agentsViewState';
import { AgentNode } from './agentNode';
import { DepartmentNode } from './departmentNode';
import { InfoNode } from './infoNode';
import { listStatusNodes } from './listStatusNodes';
import { treeItem, type TreeNode } from './treeNode';

/**
 * A connection in the Agents view. Its children are asked for when the tree first shows it: that starts the load
 * (cached agents first, at once, then the network) and waits only for the cache read.
 */
export class AgentsConnectionNode implements TreeNode {
  readonly parent = undefined;

  constructor(public connection: StoredConnection, private readonly store: Store<StoredConnection>, private readonly state: AgentsViewState) {}

  get id(): string {
    return this.connection.id;
  }

  private info(): ConnectionLoadInfo {
    const list = this.store.lists(this.id)?.agents;
    if (!list) return { status: 'idle', count: 0, noun: 'agents' };
    const filter = this.state.filter;
    return loadInfo(list.state(), 'agents', {
      shown: isFilterActive(filter) && list.items.length ? filterAgents(list.items, filter).length : undefined,
    });
  }

  getTreeItem(): vscode.TreeItem {
    return treeItem(presentConnection(this.connection, this.info(), 'agents'), vscode.TreeItemCollapsibleState.Expanded);
  }

  tooltip(): string {
    return connectionTooltip(this.connection, this.info());
  }

  async getChildren(): Promise<TreeNode[]> {
    const list = this.store.lists(this.id)?.agents;
    if (!list) return [];
    void list.ensureLoaded();
    await list.whenCacheRead();
    const base = `agents/${this.id}`;
    const out = listStatusNodes(list, this.id, this, base, { loading: vscode.l10n.t('Loading agents…'), empty: vscode.l10n.t('No agents') });
    if (!list.items.length) return out;
    const filter = this.state.filter;
    const agents = sortByName(filterAgents(list.items, filter));
    if (!agents.length) {
      out.push(new InfoNode(`${base}/nomatch`, noMatchText(list.items, filter, this.connection.platform), this, 'filter'));
    } else if (this.state.groupByDepartment) {
      for (const g of groupByDepartment(agents, vscode.l10n.t('No department'))) out.push(new DepartmentNode(this.id, g, this));
    } else {
      for (const a of agents) out.push(new AgentNode(a, this));
    }
    if (list.status === 'loading' && list.loadedAt === undefined) {
      out.push(new InfoNode(`${base}/more`, vscode.l10n.t('Loading more… ({0} so far)', formatCount(list.progress)), this, 'loading~spin'));
    }
    return out;
  }
}
