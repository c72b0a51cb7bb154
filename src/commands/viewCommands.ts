// Filter, online-only, grouping and Show Logs.
import * as vscode from 'vscode';
import { registerCommand } from './register';
import type { Logger } from '../util/log';
import type { AgentsViewState } from '../views/agentsViewState';

export interface ViewCommandDeps {
  log: Logger & { show(): void };
  agentsState: AgentsViewState;
}

export function registerViewCommands(s: ViewCommandDeps): vscode.Disposable[] {
  const toggleOnline = () => s.agentsState.setOnlineOnly(!s.agentsState.filter.onlineOnly);
  return [
    registerCommand('chatdesk.filterAgents', s.log, async (arg) => {
      const text = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter Agents'),
        prompt: vscode.l10n.t('Show agents whose name, e-mail, ID, role or department contains this text (empty clears)'),
        value: s.agentsState.filterText,
        validateInput: (v) => (v.length > 200 ? vscode.l10n.t('Keep the filter under 200 characters.') : undefined),
      });
      if (text === undefined) return;
      s.agentsState.setText(text);
    }),
    registerCommand('chatdesk.clearAgentFilter', s.log, () => s.agentsState.clear()),
    registerCommand('chatdesk.toggleOnlineOnly', s.log, toggleOnline),
    registerCommand('chatdesk.toggleOnlineOnlyOff', s.log, toggleOnline),
    registerCommand('chatdesk.toggleGroupByDepartment', s.log, async () => {
      const cfg = vscode.workspace.getConfiguration('chatdesk');
      await cfg.update('groupAgentsByDepartment', !cfg.get<boolean>('groupAgentsByDepartment', false), vscode.ConfigurationTarget.Global);
    }),
    registerCommand('chatdesk.showLogs', s.log, () => s.log.show()),
  ];
}
