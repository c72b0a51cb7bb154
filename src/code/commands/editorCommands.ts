// Agent IDs in the editor: Insert Agent ID… (Find Agent…'s picker, then the ID at every cursor) and the stale-ID
// quick fix Replace with an agent… (the picker, then the ID in place of the one that matches no agent).
import * as vscode from 'vscode';
import { AgentContextRules, DEFAULT_CONTEXT_WORDS } from '../agentContext';
import { escapeForQuote, idInsertText } from '../insertForm';
import { completionSite } from '../lineIds';
import { isReplaceAgentIdArgs } from '../providers/codeActions';
import { SETTINGS } from '../providers/settings';
import type { Logger } from '../../util/log';
import { pickAgent, type AgentPickerDeps } from '../../commands/agentPicker';

export interface CodeCommandDeps extends AgentPickerDeps {
  log: Logger;
}

function rules(): AgentContextRules {
  return new AgentContextRules(vscode.workspace.getConfiguration('chatdesk').get<string[]>(SETTINGS.contextWords, [...DEFAULT_CONTEXT_WORDS]));
}

/**
 * Inserts the picked agent's ID at every cursor (replacing each selection). Where a cursor is at the value of an
 * agent key, the ID goes in the form the place needs (a number, or a quoted string) in place of what was typed there.
 * Resolves to the ID inserted.
 */
export async function insertAgentId(d: CodeCommandDeps): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to insert an agent ID into.'));
    return undefined;
  }
  const agent = await pickAgent(d, vscode.l10n.t('Insert Agent ID'));
  if (!agent) return undefined;
  const doc = editor.document;
  const r = rules();
  const ok = await editor.edit((b) => {
    for (const sel of editor.selections) {
      if (!sel.isEmpty) { b.replace(sel, agent.id); continue; }
      const site = completionSite(doc.lineAt(sel.active.line).text, sel.active.character, r);
      if (!site) { b.insert(sel.active, agent.id); continue; }
      b.replace(new vscode.Range(sel.active.line, site.start, sel.active.line, site.end), idInsertText(agent.id, site, doc.languageId));
    }
  });
  return ok ? agent.id : undefined;
}

/** Replaces a stale ID (where the diagnostic was) with the picked agent's ID. Resolves to the new ID. */
export async function replaceAgentId(d: CodeCommandDeps, arg: unknown): Promise<string | undefined> {
  if (!isReplaceAgentIdArgs(arg)) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri, true));
  const range = new vscode.Range(arg.line, arg.start, arg.line, arg.end);
  if (doc.getText(range) !== arg.expected) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The ID has changed since the warning: nothing was replaced.'));
    return undefined;
  }
  const agent = await pickAgent(d, vscode.l10n.t('Replace with an agent'), { connectionIds: arg.connectionIds, scope: arg.scope });
  if (!agent) return undefined;
  const line = doc.lineAt(arg.line).text;
  const q = line[arg.start - 1];
  const quoted = q !== undefined && '"\'`'.includes(q) && line[arg.end] === q;
  const text = quoted ? escapeForQuote(agent.id, q, doc.languageId) : idInsertText(agent.id, {}, doc.languageId);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  return (await vscode.workspace.applyEdit(edit)) ? agent.id : undefined;
}
