// Quick fixes on a stale-ID warning: Replace with an agent… (Find Agent…'s picker, then the ID in the form the place
// needs) and Find Agent…. The arguments are built here from the diagnostic's range and the document's URI.
import * as vscode from 'vscode';
import { platformName } from '../../api/model';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import { staleIdConnections } from '../idVerdict';
import { DIAGNOSTIC_SOURCE, STALE_ID_CODE } from './diagnostics';

/**
 * What chatdesk.replaceAgentId receives: where the stale ID is, the text that must still be there, and the
 * connections whose agents may replace it (those of the platform the warning is about).
 */
export interface ReplaceAgentIdArgs {
  uri: string;
  line: number;
  start: number;
  end: number;
  expected: string;
  /** Only these connections' agents are offered (absent: every connection). */
  connectionIds?: string[];
  /** The platforms of those connections, for the picker's title ("Rocket.Chat"). */
  scope?: string;
}

export function isReplaceAgentIdArgs(v: unknown): v is ReplaceAgentIdArgs {
  const o = v as Partial<ReplaceAgentIdArgs> | undefined;
  return !!o && typeof o === 'object' && typeof o.uri === 'string' && typeof o.expected === 'string'
    && [o.line, o.start, o.end].every((n) => Number.isInteger(n) && (n as number) >= 0) && (o.end as number) >= (o.start as number)
    && (o.connectionIds === undefined || (Array.isArray(o.connectionIds) && o.connectionIds.every((id) => typeof id === 'string')))
    && (o.scope === undefined || typeof o.scope === 'string');
}

export class AgentIdCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly store: Store<StoredConnection>) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code !== STALE_ID_CODE || d.range.start.line !== d.range.end.line) continue;
      const expected = doc.getText(d.range);
      // the agents that can replace it are those of the platform the warning is about, not every platform's
      const connections = staleIdConnections(this.store.directory, expected);
      const args: ReplaceAgentIdArgs = {
        uri: doc.uri.toString(), line: d.range.start.line, start: d.range.start.character, end: d.range.end.character,
        expected,
        connectionIds: connections.map((c) => c.id),
        scope: [...new Set(connections.map((c) => platformName(c.platform)))].join(vscode.l10n.t(' and ')),
      };
      const replace = new vscode.CodeAction(vscode.l10n.t('Replace with an agent…'), vscode.CodeActionKind.QuickFix);
      replace.command = { command: 'chatdesk.replaceAgentId', title: replace.title, arguments: [args] };
      replace.diagnostics = [d];
      replace.isPreferred = true;
      const find = new vscode.CodeAction(vscode.l10n.t('Find Agent…'), vscode.CodeActionKind.QuickFix);
      find.command = { command: 'chatdesk.findAgent', title: find.title };
      find.diagnostics = [d];
      out.push(replace, find);
    }
    return out;
  }
}
