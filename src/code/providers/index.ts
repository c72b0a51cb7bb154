// Agent IDs where the code is: registers the hover, completion, stale-ID warnings and their quick fixes for every
// text document. Cheap to call from activate(): providers are objects with no state yet; nothing is scanned or
// indexed until a document or the directory asks (diagnostics scan the open documents after activation).
import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { AgentSearchCache } from '../../search/agentSearchCache';
import type { Store } from '../../store';
import type { Logger } from '../../util/log';
import { AgentIdCodeActions } from './codeActions';
import { AgentIdCompletionProvider, COMPLETION_TRIGGERS } from './completionProvider';
import { AgentIdDiagnostics } from './diagnostics';
import { AgentIdHoverProvider } from './hoverProvider';
import { AgentIdSettings } from './settings';

export interface AgentIdFeatureDeps {
  store: Store<StoredConnection>;
  agentSearch: AgentSearchCache;
  log: Logger;
}

/** Every text document, in any language, saved or untitled. */
const ALL_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-userdata' }, { scheme: 'vscode-vfs' }];

export function registerAgentIdFeatures(d: AgentIdFeatureDeps): { disposables: vscode.Disposable[] } {
  const settings = new AgentIdSettings();
  const diagnostics = new AgentIdDiagnostics(d.store, settings, d.log);
  return {
    disposables: [
      settings,
      vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new AgentIdHoverProvider(d.store, settings)),
      vscode.languages.registerCompletionItemProvider(ALL_DOCUMENTS, new AgentIdCompletionProvider(d.store, d.agentSearch, settings), ...COMPLETION_TRIGGERS),
      vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, new AgentIdCodeActions(), { providedCodeActionKinds: AgentIdCodeActions.kinds }),
      diagnostics.start(),
    ],
  };
}
