// The hover over an agent ID or e-mail in any text document: who the agent is, from the directory only (what is in
// memory, plus each connection's on-disk cache, read without any request). Trusted for two commands only.
import * as vscode from 'vscode';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import { agentHoverMarkdown } from '../hoverMarkdown';
import { idAt } from '../lineIds';
import { agentsFor } from './lookup';
import { isCodeDocument, type AgentIdSettings } from './settings';

/** The only commands a hover's links may run; their arguments are built by agentCommandUri(). */
export const HOVER_COMMANDS = ['chatdesk.openAgent', 'chatdesk.copyAgentId'];

export class AgentIdHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: Store<StoredConnection>, private readonly settings: AgentIdSettings) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!isCodeDocument(doc) || this.settings.tooLarge(doc)) return undefined;
    const found = idAt(doc.lineAt(position.line).text, position.character, this.settings.rules());
    if (!found) return undefined;
    await this.store.readCachedAgents(); // no request: memory and the on-disk cache only
    if (token.isCancellationRequested) return undefined;
    const matches = agentsFor(this.store, found);
    if (!matches.length) return undefined;
    const markdown = new vscode.MarkdownString(agentHoverMarkdown(matches), false);
    markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
    markdown.supportHtml = false;
    markdown.supportThemeIcons = false;
    return new vscode.Hover(markdown, new vscode.Range(position.line, found.start, position.line, found.end));
  }
}
