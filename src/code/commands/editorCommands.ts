// Agent IDs in the editor: Insert Agent ID… (Find Agent…'s picker, then the ID at every cursor) and the stale-ID
// quick fix Replace with an agent… (the picker, then the ID in place of the one that matches no agent).
import * as vscode from 'vscode';
import { AgentContextRules, DEFAULT_CONTEXT_WORDS } from '../agentContext';
import { idInsertText } from '../insertForm';
import { completionSite, insertionSite } from '../lineIds';
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
 * Inserts the picked agent's ID at every cursor (replacing each selection), quoted for the language and the place
 * (insertForm.ts): where a cursor is at the value of an agent key, in the form the value needs, in place of what was
 * typed there; anywhere else escaped for the string, comment or code the cursor (or the selection's start) is in.
 * Where the ID cannot go in safely (a character the place cannot hold), nothing is inserted and a message says so.
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
  const edits: [vscode.Range, string][] = [];
  for (const sel of editor.selections) {
    const line = doc.lineAt(sel.start.line).text;
    const site = sel.isEmpty ? completionSite(line, sel.start.character, r, doc.languageId) : undefined;
    const range = site ? new vscode.Range(sel.start.line, site.start, sel.start.line, site.end) : sel;
    const text = idInsertText(agent.id, site ?? insertionSite(line, sel.start.character, doc.languageId), doc.languageId);
    if (text === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The ID of this agent holds characters that cannot be written safely here: nothing was inserted. Use Copy ID to copy it as it is.'));
      return undefined;
    }
    edits.push([range, text]);
  }
  const ok = await editor.edit((b) => { for (const [range, text] of edits) b.replace(range, text); });
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
  const text = idInsertText(agent.id, insertionSite(doc.lineAt(arg.line).text, arg.start, doc.languageId), doc.languageId);
  if (text === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The ID of this agent holds characters that cannot be written safely here: nothing was replaced.'));
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  return (await vscode.workspace.applyEdit(edit)) ? agent.id : undefined;
}
