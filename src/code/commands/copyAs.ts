// Copy as curl / fetch (JavaScript) / Python requests: the platform's call that concerns an agent (src/code/snippets.ts),
// from the Agents view, an agent panel's title menu, Find Agent…'s actions or the palette. In dist/codeTools.js (lazy).
import * as vscode from 'vscode';
import type { Agent } from '../../api/model';
import { isAgentRef } from '../agentRef';
import { snippet, type SnippetKind } from '../snippets';
import { toConnection } from '../../connections/store';
import type { Logger } from '../../util/log';
import { copyWithConfirmation } from '../../util/clipboard';
import type { DetailPanelsLoader } from '../../webviews/loader';
import { agentFromRef } from '../../commands/agentCommands';
import { pickAgent, type AgentPickerDeps } from '../../commands/agentPicker';
import { agentFromArg } from '../../commands/args';

export interface CopyAsDeps extends AgentPickerDeps {
  log: Logger;
  panels: DetailPanelsLoader;
}

/** The picker's title and the status bar's "Copied …" for each kind. */
function texts(kind: SnippetKind): { title: string; what: string } {
  switch (kind) {
    case 'curl': return { title: vscode.l10n.t('Copy as curl'), what: vscode.l10n.t('curl command') };
    case 'fetch': return { title: vscode.l10n.t('Copy as fetch (JavaScript)'), what: vscode.l10n.t('fetch call') };
    case 'python': return { title: vscode.l10n.t('Copy as Python requests'), what: vscode.l10n.t('Python requests call') };
  }
}

async function agentFor(d: CopyAsDeps, arg: unknown, title: string): Promise<Agent | undefined> {
  const direct = agentFromArg(arg);
  if (direct) return direct;
  if (isAgentRef(arg)) return agentFromRef(d, arg);
  // the agent panel's title menu passes no agent: the active panel's
  return d.panels.current()?.activeAgent() ?? pickAgent(d, title);
}

/** Copies the snippet of `kind` for the agent `arg` names (or the active agent panel's, or one picked); returns it. */
export async function copyAs(d: CopyAsDeps, kind: SnippetKind, arg: unknown): Promise<string | undefined> {
  const spec = texts(kind);
  const agent = await agentFor(d, arg, spec.title);
  if (!agent) return undefined;
  const connection = d.store.connection(agent.connectionId);
  if (!connection) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The connection of this agent no longer exists.'));
    return undefined;
  }
  const text = snippet(kind, agent, toConnection(connection));
  await copyWithConfirmation(text, spec.what);
  return text;
}
