// The providers' implementations, made once on first use (in dist/codeTools.js, see src/code/tools.ts).
import type * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { AgentSearchCache } from '../../search/agentSearchCache';
import type { Store } from '../../store';
import type { Logger } from '../../util/log';
import { AgentIdCodeActions } from './codeActions';
import { AgentIdCompletionProvider } from './completionProvider';
import { AgentIdDiagnostics } from './diagnostics';
import { AgentIdHoverProvider } from './hoverProvider';
import { AgentIdSettings } from './settings';

export interface AgentIdFeatureDeps {
  store: Store<StoredConnection>;
  agentSearch: AgentSearchCache;
  log: Logger;
}

export interface AgentIdFeatures extends vscode.Disposable {
  hover: vscode.HoverProvider;
  completion: vscode.CompletionItemProvider;
  codeActions: vscode.CodeActionProvider;
  /** Starts following documents and the directory (idempotent). */
  startDiagnostics(): void;
}

export function createAgentIdFeatures(d: AgentIdFeatureDeps): AgentIdFeatures {
  const settings = new AgentIdSettings();
  const diagnostics = new AgentIdDiagnostics(d.store, settings, d.log);
  return {
    hover: new AgentIdHoverProvider(d.store, settings),
    completion: new AgentIdCompletionProvider(d.store, d.agentSearch, settings),
    codeActions: new AgentIdCodeActions(d.store),
    startDiagnostics: () => { diagnostics.start(); },
    dispose: () => { diagnostics.dispose(); settings.dispose(); },
  };
}
