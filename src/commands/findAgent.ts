// Find Agent…: the agent picker, then what to do with the chosen agent.
import * as vscode from 'vscode';
import { quickPickText } from '../views/presentation/text';
import { copyAgentEmail, copyAgentId, openAgent, type AgentCommandDeps } from './agentCommands';
import { pickAgent } from './agentPicker';
import { registerCommand } from './register';

export async function findAgent(d: AgentCommandDeps): Promise<void> {
  const agent = await pickAgent(d, vscode.l10n.t('Find Agent'));
  if (!agent) return;
  const actions: (vscode.QuickPickItem & { run: () => Promise<unknown> })[] = [
    { label: `$(copy) ${vscode.l10n.t('Copy ID')}`, description: quickPickText(agent.id, 80), run: () => copyAgentId(d, agent) },
    { label: `$(go-to-file) ${vscode.l10n.t('Open Details')}`, run: () => openAgent(d, agent) },
  ];
  if (agent.email) actions.push({ label: `$(mail) ${vscode.l10n.t('Copy E-mail')}`, description: quickPickText(agent.email, 120), run: () => copyAgentEmail(d, agent) });
  actions.push(
    { label: `$(terminal) ${vscode.l10n.t('Copy as curl')}`, run: () => Promise.resolve(vscode.commands.executeCommand('chatdesk.copyAgentAsCurl', agent)) },
    { label: `$(code) ${vscode.l10n.t('Copy as fetch (JavaScript)')}`, run: () => Promise.resolve(vscode.commands.executeCommand('chatdesk.copyAgentAsFetch', agent)) },
    { label: `$(code) ${vscode.l10n.t('Copy as Python requests')}`, run: () => Promise.resolve(vscode.commands.executeCommand('chatdesk.copyAgentAsPython', agent)) },
  );
  const choice = await vscode.window.showQuickPick(actions, { title: quickPickText(agent.name) || quickPickText(agent.id), placeHolder: vscode.l10n.t('What do you want to do?') });
  if (choice) await choice.run();
}

export function registerFindAgent(d: AgentCommandDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.findAgent', d.log, () => findAgent(d))];
}
