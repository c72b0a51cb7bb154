// Show Available Agents (Rocket.Chat): who can take a chat now.
import * as vscode from 'vscode';
import { isApiError } from '../api/errors';
import { agentIcon } from '../views/presentation/agent';
import { notificationText, quickPickText } from '../views/presentation/text';
import type { ClientProvider } from '../connections/clientProvider';
import { copyAgentId, openAgent, type AgentCommandDeps } from './agentCommands';
import { connectionFromArg } from './args';
import { pickConnection } from './pickConnection';
import { registerCommand } from './register';

export interface AvailableAgentsDeps extends AgentCommandDeps {
  clients: ClientProvider;
}

export async function showAvailableAgents(s: AvailableAgentsDeps, arg: unknown): Promise<void> {
  const connection = connectionFromArg(s, arg)
    ?? await pickConnection(s, vscode.l10n.t('Which Rocket.Chat connection?'), (c) => c.platform === 'rocketchat');
  if (!connection) return;
  const client = await s.clients.get(connection.id);
  if (!client.capabilities.availableAgents) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} cannot list available agents.', notificationText(connection.label)));
    return;
  }
  let agents;
  try {
    agents = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking {0} who is available…', notificationText(connection.label)), cancellable: true },
      (_p, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return client.availableAgents({ signal: ac.signal });
      },
    );
  } catch (e) {
    if (isApiError(e) && e.kind === 'cancelled') return;
    throw e;
  }
  if (!agents.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No agent of {0} is available right now.', notificationText(connection.label)));
    return;
  }
  const pick = await vscode.window.showQuickPick(
    agents.map((a) => {
      const icon = agentIcon(a.status);
      return {
        label: quickPickText(a.name) || quickPickText(a.id),
        description: quickPickText(a.email, 120),
        detail: vscode.l10n.t('ID {0}', quickPickText(a.id, 80)),
        iconPath: new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined),
        agent: a,
      };
    }),
    { title: vscode.l10n.t('Available agents: {0} ({1})', quickPickText(connection.label), agents.length), placeHolder: vscode.l10n.t('Choose an agent to copy its ID'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!pick) return;
  const action = await vscode.window.showQuickPick(
    [{ label: `$(copy) ${vscode.l10n.t('Copy ID')}`, id: 'copy' }, { label: `$(go-to-file) ${vscode.l10n.t('Open Details')}`, id: 'open' }],
    { title: pick.label },
  );
  if (action?.id === 'copy') await copyAgentId(s, pick.agent);
  else if (action?.id === 'open') await openAgent(s, pick.agent);
}

export function registerAvailableAgents(s: AvailableAgentsDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.showAvailableAgents', s.log, (arg) => showAvailableAgents(s, arg))];
}
