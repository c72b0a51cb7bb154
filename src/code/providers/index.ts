// Agent IDs where the code is: registers the hover, completion and quick fixes for every text document, and starts
// the stale-ID warnings. Cheap from activate(): these are thin shells; the implementations (dist/codeTools.js) are
// loaded on the first hover or completion in a window that has connections, or when warnings start: after
// activation, once there are connections and an open document. Nothing is scanned or indexed before that.
import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { AgentSearchCache } from '../../search/agentSearchCache';
import type { Store } from '../../store';
import type { LazyModule } from '../../util/lazyModule';
import type { Logger } from '../../util/log';
import type { CodeToolsModule } from '../toolsApi';
import { isCodeDocument } from './documents';
import type { AgentIdFeatures } from './features';

export interface AgentIdRegistrationDeps {
  store: Store<StoredConnection>;
  agentSearch: AgentSearchCache;
  log: Logger;
  tools: LazyModule<CodeToolsModule>;
}

/**
 * Every text document, in any language and scheme (notebook cells included); the same documents as the stale-ID
 * warnings: isCodeDocument() leaves out VS Code's output, diff and chat inputs, here before anything is loaded.
 */
const ALL_DOCUMENTS: vscode.DocumentSelector = '*';
/** Characters that open a place where an agent's ID goes (`"assignee": "`, `agent_id=`, `getAgent(`). */
const COMPLETION_TRIGGERS = ['"', "'", ':', '=', ' ', '('];

export function registerAgentIdFeatures(d: AgentIdRegistrationDeps): vscode.Disposable[] {
  let features: AgentIdFeatures | undefined;
  const impl = () => (features ??= d.tools.get().createAgentIdFeatures(d));
  // no connection, no agent: nothing to load
  const active = () => d.store.connections().length > 0;
  const startDiagnostics = () => { if (active() && vscode.workspace.textDocuments.length) impl().startDiagnostics(); };
  const timer = setTimeout(startDiagnostics, 0);
  return [
    vscode.languages.registerHoverProvider(ALL_DOCUMENTS, {
      provideHover: (doc, pos, token) => (active() && isCodeDocument(doc) ? impl().hover.provideHover(doc, pos, token) : undefined),
    }),
    vscode.languages.registerCompletionItemProvider(ALL_DOCUMENTS, {
      provideCompletionItems: (doc, pos, token, ctx) => (active() && isCodeDocument(doc) ? impl().completion.provideCompletionItems(doc, pos, token, ctx) : undefined),
    }, ...COMPLETION_TRIGGERS),
    vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, {
      provideCodeActions: (doc, range, ctx, token) => (features && ctx.diagnostics.length ? features.codeActions.provideCodeActions(doc, range, ctx, token) : undefined),
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.workspace.onDidOpenTextDocument(startDiagnostics),
    d.store.onDidChangeConnections(startDiagnostics),
    { dispose: () => { clearTimeout(timer); features?.dispose(); } },
  ];
}
