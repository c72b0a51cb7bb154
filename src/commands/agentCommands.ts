// Copy Agent ID / E-mail / JSON and Open Details: from a tree item, or (palette) after picking an agent.
import * as vscode from 'vscode';
import type { Agent } from '../api/model';
import { toConnection, type ConnectionStore } from '../connections/store';
import { isAgentRef, type AgentRef } from '../code/agentRef';
import type { Logger } from '../util/log';
import { copyWithConfirmation } from '../util/clipboard';
import { quickPickText } from '../views/presentation/text';
import type { DetailPanelsLoader } from '../webviews/loader';
import { pickAgent, type AgentPickerDeps } from './agentPicker';
import { agentFromArg } from './args';
import { registerCommand } from './register';

export interface AgentCommandDeps extends AgentPickerDeps {
  log: Logger;
  connections: ConnectionStore;
  panels: DetailPanelsLoader;
}

/**
 * The agent a reference names (a hover's command link: connection id and agent id), from the directory or the
 * connection's on-disk cache; undefined, with a message, when it is no longer there.
 */
export async function agentFromRef(d: AgentPickerDeps, ref: AgentRef): Promise<Agent | undefined> {
  await d.store.lists(ref.connectionId)?.agents.readCache();
  const agent = d.store.directory.agent(ref.connectionId, ref.agentId);
  if (!agent) void vscode.window.showInformationMessage(vscode.l10n.t('Chatdesk no longer has agent {0} in its lists: refresh the connection and try again.', quickPickText(ref.agentId, 80)));
  return agent;
}

/** The agent an argument names (tree item, agent object, agent reference), or the one the user picks. */
export async function resolveAgent(d: AgentPickerDeps, arg: unknown, title: string): Promise<Agent | undefined> {
  const direct = agentFromArg(arg);
  if (direct) return direct;
  if (isAgentRef(arg)) return agentFromRef(d, arg);
  return pickAgent(d, title);
}

export async function copyAgentId(d: AgentPickerDeps, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(d, arg, vscode.l10n.t('Copy Agent ID'));
  if (!agent) return undefined;
  // the status bar renders $(icon) syntax: the ID shown there is escaped one-line text; the ID copied is exact
  await copyWithConfirmation(agent.id, vscode.l10n.t('agent ID {0}', quickPickText(agent.id, 80)));
  return agent.id;
}

export async function copyAgentEmail(d: AgentPickerDeps, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(d, arg, vscode.l10n.t('Copy Agent E-mail'));
  if (!agent) return undefined;
  if (!agent.email) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This agent has no e-mail address.'));
    return undefined;
  }
  await copyWithConfirmation(agent.email, vscode.l10n.t('e-mail address'));
  return agent.email;
}

export async function copyAgentJson(d: AgentPickerDeps, arg: unknown): Promise<string | undefined> {
  const agent = await resolveAgent(d, arg, vscode.l10n.t('Copy Agent as JSON'));
  if (!agent) return undefined;
  const json = JSON.stringify(agent, null, 2);
  await copyWithConfirmation(json, vscode.l10n.t('agent as JSON'));
  return json;
}

export async function openAgent(d: AgentCommandDeps, arg: unknown): Promise<void> {
  const agent = await resolveAgent(d, arg, vscode.l10n.t('Open Agent Details'));
  if (!agent) return;
  const connection = d.connections.get(agent.connectionId);
  if (!connection) return;
  d.panels.get().showAgent(agent, toConnection(connection));
}

export function registerAgentCommands(d: AgentCommandDeps): vscode.Disposable[] {
  return [
    registerCommand('chatdesk.copyAgentId', d.log, (arg) => copyAgentId(d, arg)),
    registerCommand('chatdesk.copyAgentEmail', d.log, (arg) => copyAgentEmail(d, arg)),
    registerCommand('chatdesk.copyAgentJson', d.log, (arg) => copyAgentJson(d, arg)),
    registerCommand('chatdesk.openAgent', d.log, (arg) => openAgent(d, arg)),
  ];
}
