// Agent IDs in code, the commands: Insert Agent ID…, Replace with an Agent… (a quick fix), Copy as curl / fetch /
// Python requests, Export Agents…. Registered here, cheaply; their code is in dist/codeTools.js (src/code/commands),
// loaded on first use. Tree items are turned into plain agents and connection ids HERE, before they cross into the
// lazy bundle (it has its own copies of the node classes, so `instanceof` would fail there).
import type * as vscode from 'vscode';
import { scriptedExportRequest } from '../code/exportRequest';
import type { CodeToolsModule } from '../code/toolsApi';
import { isTestMode } from '../testApi';
import type { LazyModule } from '../util/lazyModule';
import type { Logger } from '../util/log';
import type { DetailPanelsLoader } from '../webviews/loader';
import type { AgentPickerDeps } from './agentPicker';
import { agentFromArg, connectionIdFromArg } from './args';
import { registerCommand } from './register';

export interface CodeCommandDeps extends AgentPickerDeps {
  log: Logger;
  panels: DetailPanelsLoader;
  tools: LazyModule<CodeToolsModule>;
}

export function registerCodeCommands(d: CodeCommandDeps): vscode.Disposable[] {
  const agent = (arg: unknown) => agentFromArg(arg) ?? arg;
  return [
    registerCommand('chatdesk.insertAgentId', d.log, () => d.tools.get().insertAgentId(d)),
    registerCommand('chatdesk.replaceAgentId', d.log, (arg) => d.tools.get().replaceAgentId(d, arg)),
    registerCommand('chatdesk.copyAgentAsCurl', d.log, (arg) => d.tools.get().copyAs(d, 'curl', agent(arg))),
    registerCommand('chatdesk.copyAgentAsFetch', d.log, (arg) => d.tools.get().copyAs(d, 'fetch', agent(arg))),
    registerCommand('chatdesk.copyAgentAsPython', d.log, (arg) => d.tools.get().copyAs(d, 'python', agent(arg))),
    // a scripted request (no dialogs) only under a test runner: from anyone else it would be a silent file write
    registerCommand('chatdesk.exportAgents', d.log, (arg) => d.tools.get().exportAgents(d, connectionIdFromArg(arg), scriptedExportRequest(arg, isTestMode()))),
  ];
}
