// Completion of agent IDs where an agent's ID goes (the value of an agent key): agents from every connection,
// filtered by name, e-mail and ID with Find Agent…'s index, inserted in the form the place needs. Reads the
// directory only (memory and the on-disk cache); never a request.
import * as vscode from 'vscode';
import { platformName } from '../../api/model';
import type { StoredConnection } from '../../connections/types';
import type { AgentSearchCache } from '../../search/agentSearchCache';
import type { Store } from '../../store';
import { plainText } from '../../views/presentation/text';
import { idInsertText } from '../insertForm';
import { completionSite } from '../lineIds';
import { isCodeDocument, type AgentIdSettings } from './settings';

/** At most this many agents in the list; typing narrows it (the list is marked incomplete, so VS Code asks again). */
export const MAX_COMPLETIONS = 100;

export class AgentIdCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly store: Store<StoredConnection>,
    private readonly agentSearch: AgentSearchCache,
    private readonly settings: AgentIdSettings,
  ) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList | undefined> {
    if (!isCodeDocument(doc) || this.settings.tooLarge(doc)) return undefined;
    const site = completionSite(doc.lineAt(position.line).text, position.character, this.settings.rules(), doc.languageId);
    if (!site) return undefined;
    await this.store.readCachedAgents(); // no request
    if (token.isCancellationRequested) return undefined;
    const lists = this.store.directory.agentLists();
    if (!lists.length) return undefined;
    const labels = new Map(this.store.connections().map((c) => [c.id, plainText(c.label, 60)]));
    const range = new vscode.Range(position.line, site.start, position.line, site.end);
    const results = this.agentSearch.index(lists).search(site.query, MAX_COMPLETIONS);
    const items: vscode.CompletionItem[] = [];
    results.forEach((r, i) => {
      const a = r.agent;
      // an ID that cannot be written safely in this place is not offered (insertForm.ts)
      const insertText = idInsertText(a.id, site, doc.languageId);
      if (insertText === undefined) return;
      const connection = labels.get(a.connectionId) ?? '';
      const item = new vscode.CompletionItem(
        { label: plainText(a.name, 120) || plainText(a.email, 120) || plainText(a.id, 120) || vscode.l10n.t('(no name)'), description: plainText(a.email, 120) },
        vscode.CompletionItemKind.Value,
      );
      item.detail = `${plainText(a.id, 80)} · ${platformName(a.platform)} · ${connection}`;
      item.insertText = insertText;
      // our own ranking decides; VS Code must not filter the list away (it asks again on the next keystroke)
      item.filterText = site.query;
      item.sortText = String(i).padStart(4, '0');
      item.range = range;
      items.push(item);
    });
    return new vscode.CompletionList(items, true);
  }
}
