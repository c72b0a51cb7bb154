// Show Available Agents (Rocket.Chat): who can take a chat now.
import * as vscode from 'vscode';
import { isApiError } from '../api/errors';
import type { Agent } from '../api/model';
import { agentIcon, statusText } from '../views/presentation/agent';
import { sortByName } from '../views/presentation/filter';
import { allFailedMessage, allSourcesFailed, availableAgentsTitle, failedSourceLines, failedSourceNotes } from '../views/presentation/availableAgents';
import { joinSentences } from '../text/sentences';
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
  let result;
  try {
    result = await vscode.window.withProgress(
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
  // The two Rocket.Chat sources are independent: fail only when neither could be read.
  for (const source of result.sources) {
    if (source.error) s.log.warn(`Available agents of "${connection.label}" (${connection.id}): ${source.endpoint} failed:`, source.error);
  }
  if (allSourcesFailed(result)) {
    const showLogs = vscode.l10n.t('Show Logs');
    void vscode.window.showErrorMessage(notificationText(allFailedMessage(connection.label, result), 1000), showLogs).then((choice) => {
      if (choice === showLogs) void vscode.commands.executeCommand('chatdesk.showLogs');
    });
    return;
  }
  const notes = failedSourceLines(result);
  if (!result.agents.length) {
    void vscode.window.showInformationMessage(notificationText(
      joinSentences([vscode.l10n.t('No agent of {0} is available right now.', connection.label), ...notes]), 1000,
    ));
    return;
  }
  type Item = vscode.QuickPickItem & { agent?: Agent; note?: string };
  // by name, as every agent list; the status in words (the server's "available" is not the same as "online")
  const items: Item[] = sortByName(result.agents).map((a) => {
    const icon = agentIcon(a.status);
    return {
      label: quickPickText(a.name) || quickPickText(a.id),
      description: quickPickText(a.email, 120),
      detail: vscode.l10n.t('ID {0} · {1}', quickPickText(a.id, 80), statusText(a.status)),
      iconPath: new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined),
      agent: a,
    };
  });
  // A source that could not be read says so at the top: a separator short enough to be shown whole, then an item per
  // source with the reason in its detail; choosing it shows the whole text (the quick pick cuts long lines).
  const failed = failedSourceNotes(result);
  const header: Item[] = failed ? [
    { label: failed.separator, kind: vscode.QuickPickItemKind.Separator },
    ...failed.notes.map((n): Item => ({ label: n.label, detail: n.detail, iconPath: new vscode.ThemeIcon('warning'), note: n.message, alwaysShow: true })),
    { label: vscode.l10n.t('Available'), kind: vscode.QuickPickItemKind.Separator },
  ] : [];
  const pick = await vscode.window.showQuickPick(
    [...header, ...items],
    { title: quickPickText(availableAgentsTitle(connection.label, result), 300), placeHolder: vscode.l10n.t('Choose an agent to copy its ID'), matchOnDescription: true, matchOnDetail: true },
  );
  if (pick?.note) {
    const showLogs = vscode.l10n.t('Show Logs');
    void vscode.window.showWarningMessage(notificationText(pick.note, 1000), showLogs).then((choice) => {
      if (choice === showLogs) void vscode.commands.executeCommand('chatdesk.showLogs');
    });
    return;
  }
  if (!pick?.agent) return;
  const agent = pick.agent;
  const action = await vscode.window.showQuickPick(
    [{ label: `$(copy) ${vscode.l10n.t('Copy ID')}`, id: 'copy' }, { label: `$(go-to-file) ${vscode.l10n.t('Open Details')}`, id: 'open' }],
    { title: pick.label },
  );
  if (action?.id === 'copy') await copyAgentId(s, agent);
  else if (action?.id === 'open') await openAgent(s, agent);
}

export function registerAvailableAgents(s: AvailableAgentsDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.showAvailableAgents', s.log, (arg) => showAvailableAgents(s, arg))];
}
