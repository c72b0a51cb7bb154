// Copy Agent ID / E-mail / JSON and Open Details: from a tree item, or (palette) after picking an agent.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import { copyWithConfirmation } from '../util/clipboard';
import { quickPickText } from '../views/presentation/text';
import { agentFromArg } from './args';
import { pickAgent } from './findAgent';
import { registerCommand } from './register';
import type { Services } from './services';

async function resolveAgent(s: Services, arg: unknown, title: string): Promise<Agent | undefined> {
  return agentFromArg(arg) ?? pickAgent(s, title);
}

export async function copyAgentId(s: Services, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(s, arg, vscode.l10n.t('Copy Agent ID'));
  if (!agent) return undefined;
  // the status bar renders $(icon) syntax: the ID shown there is escaped one-line text; the ID copied is exact
  await copyWithConfirmation(agent.id, vscode.l10n.t('agent ID {0}', quickPickText(agent.id, 80)));
  return agent.id;
}

export async function copyAgentEmail(s: Services, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(s, arg, vscode.l10n.t('Copy Agent E-mail'));
  if (!agent) return undefined;
  if (!agent.email) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This agent has no e-mail address.'));
    return undefined;
  }
  await copyWithConfirmation(agent.email, vscode.l10n.t('e-mail address'));
  return agent.email;
}

export async function copyAgentJson(s: Services, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(s, arg, vscode.l10n.t('Copy Agent as JSON'));
  if (!agent) return undefined;
  const json = JSON.stringify(agent, null, 2);
  await copyWithConfirmation(json, vscode.l10n.t('agent as JSON'));
  return json;
}

export async function openAgent(s: Services, arg: unknown): Promise<void> {
  const agent = await resolveAgent(s, arg, vscode.l10n.t('Open Agent Details'));
  if (!agent) return;
  const connection = s.store.get(agent.connectionId);
  if (!connection) return;
  const { demo: _d, demoSource: _s, keyExpiresAt: _k, ...plain } = connection;
  s.panels.get().showAgent(agent, plain);
}

export function registerAgentCommands(s: Services): vscode.Disposable[] {
  return [
    registerCommand('chatdesk.copyAgentId', s.log, (arg) => copyAgentId(s, arg)),
    registerCommand('chatdesk.copyAgentEmail', s.log, (arg) => copyAgentEmail(s, arg)),
    registerCommand('chatdesk.copyAgentJson', s.log, (arg) => copyAgentJson(s, arg)),
    registerCommand('chatdesk.openAgent', s.log, (arg) => openAgent(s, arg)),
  ];
}
