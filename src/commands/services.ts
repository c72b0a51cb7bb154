// What commands work with; built once by the composition root (src/extension.ts).
import type * as vscode from 'vscode';
import type { ClientProvider } from '../connections/clientProvider';
import type { ConnectionStore } from '../connections/store';
import type { AgentSearchCache } from '../search/agentSearchCache';
import type { DemoService } from '../demo/demoService';
import type { Logger } from '../util/log';
import type { AgentsTreeProvider } from '../views/agentsTreeProvider';
import type { AgentsViewState } from '../views/agentsViewState';
import type { SessionManager } from '../views/data/sessionManager';
import type { DetailPanelsHost } from '../views/detailPanelsHost';
import type { TreeNode } from '../views/nodes/treeNode';

export interface Services {
  context: vscode.ExtensionContext;
  log: Logger & { show(): void };
  store: ConnectionStore;
  clients: ClientProvider;
  sessions: SessionManager;
  agentsState: AgentsViewState;
  agentsTree: AgentsTreeProvider;
  agentsView: vscode.TreeView<TreeNode>;
  panels: DetailPanelsHost;
  demo: DemoService;
  /** Find Agent…'s index, kept between openings. */
  agentSearch: AgentSearchCache;
}
