// Agents view: connection → (department) → agent. Data changes arrive per connection and are
// coalesced (at most one refresh of a connection per THROTTLE_MS) so long lists never flood the UI.
import * as vscode from 'vscode';
import { Throttler } from '../util/throttle';
import type { AgentsViewState } from './agentsViewState';
import type { StoredConnection } from '../connections/types';
import type { Store } from '../store';
import { AgentsConnectionNode } from './nodes/agentsConnectionNode';
import type { TreeNode } from './nodes/treeNode';
import { NodeTreeProvider } from './nodeTreeProvider';

const THROTTLE_MS = 250;

export class AgentsTreeProvider extends NodeTreeProvider {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly nodes = new Map<string, AgentsConnectionNode>();
  private readonly throttler: Throttler<string>;

  constructor(private readonly store: Store<StoredConnection>, private readonly state: AgentsViewState) {
    super();
    this.throttler = this._register(new Throttler<string>(THROTTLE_MS, (ids) => {
      // One refresh of the whole (shallow) tree: VS Code can drop a refresh of an element that arrives while
      // the children of an earlier refresh of it are still being fetched, leaving later pages unseen.
      if (ids.some((id) => this.nodes.has(id))) this._onDidChangeTreeData.fire(undefined);
    }));
    this._register(store.onDidChangeList((e) => { if (e.list === 'agents') this.throttler.schedule(e.connectionId); }));
    this._register(store.onDidChangeConnections(() => this._onDidChangeTreeData.fire(undefined)));
    this._register(state.onDidChange(() => this._onDidChangeTreeData.fire(undefined)));
  }

  /** Connection nodes, kept per id so refreshes can target them. */
  roots(): AgentsConnectionNode[] {
    const seen = new Set<string>();
    const out: AgentsConnectionNode[] = [];
    for (const c of this.store.connections()) {
      let node = this.nodes.get(c.id);
      if (!node) { node = new AgentsConnectionNode(c, this.store, this.state); this.nodes.set(c.id, node); }
      node.connection = c;
      seen.add(c.id);
      out.push(node);
    }
    for (const id of [...this.nodes.keys()]) if (!seen.has(id)) this.nodes.delete(id);
    return out;
  }

  nodeFor(connectionId: string): AgentsConnectionNode | undefined {
    return this.nodes.get(connectionId);
  }
}
