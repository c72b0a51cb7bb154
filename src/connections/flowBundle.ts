// The Add / Edit Connection and Update Credentials flow bundle (dist/connectionFlow.js), loaded on the first of
// those commands: activation does not need the flow's steps, checks and messages.
import * as vscode from 'vscode';
import { setTranslator } from '../util/l10n';
import { runConnectionFlow } from './connectionFlow';

/** What src/commands/connectionCommands.ts loads. */
export interface ConnectionFlowModule {
  runConnectionFlow: typeof runConnectionFlow;
}

// This bundle has its own copy of the l10n module: point it at VS Code's translations.
setTranslator((message, ...args) => vscode.l10n.t(message, ...args));

export { runConnectionFlow };
