// Composition root: construct, register, push disposables. No network and nothing slow awaited here;
// the first request happens when a tree asks for a connection's children.
import * as vscode from 'vscode';
import { registerAgentCommands } from './commands/agentCommands';
import { registerAvailableAgents } from './commands/availableAgents';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerDemoCommands } from './commands/demoCommands';
import { registerFindAgent } from './commands/findAgent';
import { registerOfflineMessageCommands } from './commands/offlineMessageCommands';
import { registerRefreshCommands } from './commands/refreshCommands';
import type { Services } from './commands/services';
import { registerViewCommands } from './commands/viewCommands';
import { ClientProvider, maxPagesSetting } from './connections/clientProvider';
import { ConnectionStore } from './connections/store';
import { DemoService, parseExternalDemo } from './demo/demoService';
import { AgentSearchCache } from './search/agentSearchCache';
import { extensionExports, type ChatdeskTestApi } from './testApi';
import { setTranslator } from './util/l10n';
import { ChannelLogger } from './util/logger';
import { AgentsTreeProvider } from './views/agentsTreeProvider';
import { AgentsViewState } from './views/agentsViewState';
import { AutoRefresh } from './views/autoRefresh';
import { expectsOfflineMessages, SessionManager } from './views/data/sessionManager';
import { DetailPanelsHost } from './views/detailPanelsHost';
import type { TreeNode } from './views/nodes/treeNode';
import { OfflineTreeProvider } from './views/offlineTreeProvider';
import { ViewProgress } from './views/viewProgress';

export function activate(context: vscode.ExtensionContext): ChatdeskTestApi | undefined {
  setTranslator(vscode.l10n.t);
  const push = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };

  const log = push(new ChannelLogger('Chatdesk'));
  const store = push(new ConnectionStore(context.globalState, context.secrets, log));
  const clients = push(new ClientProvider(store, log));
  const external = parseExternalDemo(process.env.CHATDESK_DEMO);
  const demo = push(new DemoService(context.extensionPath, store, log, external));
  clients.demoHost = demo;
  // the client enforces the page cap (an error item); the list's own cap is only a backstop
  const sessions = push(new SessionManager(store, clients, () => maxPagesSetting() + 1, log));

  const agentsState = push(new AgentsViewState());
  const agentsTree = push(new AgentsTreeProvider(sessions, agentsState));
  const offlineTree = push(new OfflineTreeProvider(sessions));
  const agentsView = push(vscode.window.createTreeView<TreeNode>('chatdesk.agents', { treeDataProvider: agentsTree, showCollapseAll: true }));
  const offlineView = push(vscode.window.createTreeView<TreeNode>('chatdesk.offlineMessages', { treeDataProvider: offlineTree, showCollapseAll: true }));
  push(agentsState.onDidChange(() => { agentsView.description = agentsState.describe(); }));
  push(offlineTree.onDidChangeUnread((n) => {
    offlineView.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} unread offline messages', n) } : undefined;
  }));

  const updateContext = () => {
    const all = store.list();
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasConnections', all.length > 0);
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasOfflineConnections', all.some(expectsOfflineMessages));
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasDemo', all.some((c) => c.demo));
  };
  updateContext();
  push(store.onDidChange(updateContext));

  push(new ViewProgress(sessions, 'chatdesk.agents', 'agents'));
  push(new ViewProgress(sessions, 'chatdesk.offlineMessages', 'offline'));

  const panels = push(new DetailPanelsHost(context, log));
  push(new AutoRefresh(sessions, log));

  const agentSearch = new AgentSearchCache();
  push(sessions.onDidChangeConnections(() => agentSearch.clear())); // let go of removed connections' agents

  const services: Services = { context, log, store, clients, sessions, agentsState, agentsTree, agentsView, panels, demo, agentSearch };
  for (const register of [
    registerConnectionCommands, registerRefreshCommands, registerAgentCommands, registerFindAgent, registerAvailableAgents,
    registerOfflineMessageCommands, registerViewCommands, registerDemoCommands,
  ]) {
    for (const d of register(services)) push(d);
  }

  if (external) {
    // `npm run demo`: connections to the demo script's sandbox, added after activation (idempotent).
    const timer = setTimeout(() => {
      demo.applyExternal()
        .then(() => vscode.commands.executeCommand('workbench.view.extension.chatdesk'))
        .then(undefined, (e: unknown) => log.error('Adding the demo connections failed:', e));
    }, 0);
    push({ dispose: () => clearTimeout(timer) });
  }

  // After activation: the first log line compiles the redaction patterns, which activation does not need.
  const logged = setTimeout(() => log.info(`Chatdesk activated (${store.list().length} connections).`), 0);
  push({ dispose: () => clearTimeout(logged) });
  // No exports in normal use; the integration tests' handles only under a test runner (src/testApi.ts).
  return extensionExports(context, () => ({ store, agentsTree, offlineTree, agentsView, offlineView, log, panels }));
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
