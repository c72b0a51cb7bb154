// Composition root: construct, register, push disposables. No network, no file read and nothing slow awaited here;
// the first request (and the first read of the agent cache) happens when a view or a command asks for a connection.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { registerAgentCommands } from './commands/agentCommands';
import { registerAvailableAgents } from './commands/availableAgents';
import { registerCacheCommands } from './commands/cacheCommands';
import { registerCodeCommands } from './commands/codeCommands';
import { registerConnectionCommands } from './commands/connectionCommands';
import { registerDemoCommands } from './commands/demoCommands';
import { registerFindAgent } from './commands/findAgent';
import { registerOfflineMessageCommands } from './commands/offlineMessageCommands';
import { registerRefreshCommands } from './commands/refreshCommands';
import { registerViewCommands } from './commands/viewCommands';
import { registerAgentIdFeatures } from './code/providers';
import type { CodeToolsModule } from './code/toolsApi';
import { AgentCacheSetting, agentCacheEnabled } from './config/agentCacheSetting';
import { AutoRefreshSetting } from './config/autoRefreshSetting';
import { ClientProvider, maxPagesSetting } from './connections/clientProvider';
import { ConnectionStore } from './connections/store';
import { DemoService, parseExternalDemo } from './demo/demoService';
import { AgentSearchCache } from './search/agentSearchCache';
import { AgentCache, expectsOfflineMessages, Store } from './store';
import { registerTools } from './tools/register';
import { extensionExports, type ChatdeskTestApi } from './testApi';
import { setTranslator } from './util/l10n';
import { LazyModule } from './util/lazyModule';
import type { ConnectionFlowModule } from './connections/flowBundle';
import { ChannelLogger } from './util/logger';
import { AgentsTreeProvider } from './views/agentsTreeProvider';
import { AgentsViewState } from './views/agentsViewState';
import type { TreeNode } from './views/nodes/treeNode';
import { OfflineTreeProvider } from './views/offlineTreeProvider';
import { ViewProgress } from './views/viewProgress';
import { DetailPanelsLoader } from './webviews/loader';
import { registerPanelSerializers } from './webviews/panelSerializers';

export function activate(context: vscode.ExtensionContext): ChatdeskTestApi | undefined {
  setTranslator(vscode.l10n.t);
  const push = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };

  const log = push(new ChannelLogger('Chatdesk'));
  const connections = push(new ConnectionStore(context.globalState, context.secrets, log));
  const clients = push(new ClientProvider(connections, log));
  const external = parseExternalDemo(process.env.CHATDESK_DEMO);
  const demo = push(new DemoService(context.extensionPath, connections, log, external));
  clients.demoHost = demo;
  const store = new Store({
    connections,
    clients,
    // the client enforces the page cap (an error item); the list's own cap is only a backstop
    maxPages: () => maxPagesSetting() + 1,
    log,
    cache: new AgentCache(path.join(context.globalStorageUri.fsPath, 'agents'), log),
    cacheEnabled: agentCacheEnabled,
  });
  push({ dispose: () => store.dispose() });
  push(new AgentCacheSetting(store));
  push(new AutoRefreshSetting(store.autoRefresh, log));

  const agentsState = push(new AgentsViewState());
  const agentsTree = push(new AgentsTreeProvider(store, agentsState));
  const offlineTree = push(new OfflineTreeProvider(store));
  const agentsView = push(vscode.window.createTreeView<TreeNode>('chatdesk.agents', { treeDataProvider: agentsTree, showCollapseAll: true }));
  const offlineView = push(vscode.window.createTreeView<TreeNode>('chatdesk.offlineMessages', { treeDataProvider: offlineTree, showCollapseAll: true }));
  push(agentsState.onDidChange(() => { agentsView.description = agentsState.describe(); }));
  push(offlineTree.onDidChangeUnread((n) => {
    offlineView.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} unread offline messages', n) } : undefined;
  }));

  const updateContext = () => {
    const all = connections.list();
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasConnections', all.length > 0);
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasOfflineConnections', all.some(expectsOfflineMessages));
    void vscode.commands.executeCommand('setContext', 'chatdesk.hasDemo', all.some((c) => c.demo));
  };
  updateContext();
  push(connections.onDidChange(updateContext));

  push(new ViewProgress(store, 'chatdesk.agents', 'agents'));
  push(new ViewProgress(store, 'chatdesk.offlineMessages', 'offline'));

  const panels = push(new DetailPanelsLoader(context, log, store));
  for (const d of registerPanelSerializers({ log, panels, connections, store })) push(d);

  const agentSearch = new AgentSearchCache();
  push(store.onDidChangeConnections(() => agentSearch.clear())); // let go of removed connections' agents

  const agentDeps = { log, connections, store, panels, agentSearch };
  for (const d of [
    ...registerConnectionCommands({ log, connections, flow: new LazyModule<ConnectionFlowModule>(context.extensionPath, 'connectionFlow.js') }),
    ...registerRefreshCommands({ log, store }),
    ...registerCacheCommands({ log, store }),
    ...registerAgentCommands(agentDeps),
    ...registerFindAgent(agentDeps),
    ...registerAvailableAgents({ ...agentDeps, clients }),
    ...registerOfflineMessageCommands({ log, connections, store, panels }),
    ...registerViewCommands({ log, agentsState }),
    ...registerDemoCommands({ log, demo }),
  ]) push(d);

  // Language model tools for the editor's AI agents: registered here, implemented in dist/tools.js (first call).
  for (const d of registerTools({ extensionPath: context.extensionPath, store, searchIndex: (lists) => agentSearch.index(lists), log })) push(d);
  // Agent IDs in code: hover, completion, stale-ID warnings, quick fixes; Insert Agent ID…, Copy as …, Export Agents….
  // Thin shells here; their code (dist/codeTools.js) is loaded on first use.
  const codeTools = new LazyModule<CodeToolsModule>(context.extensionPath, 'codeTools.js');
  for (const d of [
    ...registerAgentIdFeatures({ store, agentSearch, log, tools: codeTools }),
    ...registerCodeCommands({ log, store, agentSearch, panels, tools: codeTools }),
  ]) push(d);

  if (external) {
    // `npm run demo`: connections to the demo script's sandbox, added after activation (idempotent).
    const timer = setTimeout(() => {
      demo.applyExternal()
        .then(() => demo.openSampleOnce(context.workspaceState))
        .then(() => vscode.commands.executeCommand('workbench.view.extension.chatdesk'))
        .then(undefined, (e: unknown) => log.error('Adding the demo connections failed:', e));
    }, 0);
    push({ dispose: () => clearTimeout(timer) });
  }

  // After activation: the first log line compiles the redaction patterns, which activation does not need.
  const logged = setTimeout(() => log.info(`Chatdesk activated (${connections.list().length} connections).`), 0);
  push({ dispose: () => clearTimeout(logged) });
  // No exports in normal use; the integration tests' handles only under a test runner (src/testApi.ts).
  return extensionExports(context, () => ({ store: connections, dataStore: store, agentsTree, offlineTree, agentsView, offlineView, log, panels }));
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
