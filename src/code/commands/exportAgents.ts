// Export Agents…: one connection's agents or every connection's, to a CSV or JSON file the user chooses. Lists not
// loaded in this session are loaded first (this is a command: the network is allowed), also when an earlier
// session's cache is shown: an export is a copy of the platform as it is now. Where a load fails and the cached
// list stays, it is exported only when the user agrees, and the JSON file and the notification say how old it is.
// A list that is not complete (failed, short of the server's total, capped) is exported only when the user agrees.
// In dist/codeTools.js (lazy).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Agent } from '../../api/model';
import { toConnection } from '../../connections/store';
import type { StoredConnection } from '../../connections/types';
import type { Store } from '../../store';
import { formatCount, quickPickText } from '../../views/presentation/text';
import type { Logger } from '../../util/log';
import { relativeTime } from '../../util/relativeTime';
import { csvChunk, exportJson, exportRow } from '../exportAgents';
import type { ExportFormat, ExportRequest } from '../exportRequest';

export interface ExportDeps {
  log: Logger;
  store: Store<StoredConnection>;
}

export type { ExportFormat, ExportRequest } from '../exportRequest';

export interface ExportResult {
  uri: vscode.Uri;
  format: ExportFormat;
  agents: number;
  partial: boolean;
  /** Some list came from an earlier session's cache (its load this session failed or ended short). */
  cached: boolean;
}

/** Rows per chunk: between chunks the progress moves and a cancel is noticed. */
const CHUNK = 5000;

async function chooseConnections(store: Store<StoredConnection>): Promise<StoredConnection[] | undefined> {
  const all = store.connections();
  if (all.length <= 1) return [...all];
  const items: (vscode.QuickPickItem & { ids: StoredConnection[] })[] = [
    { label: vscode.l10n.t('All connections'), description: vscode.l10n.t('{0} connections', all.length), ids: [...all] },
    ...all.map((c) => ({ label: quickPickText(c.label), description: quickPickText(c.baseUrl, 120), ids: [c] })),
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export Agents'), placeHolder: vscode.l10n.t('Which agents?') }))?.ids;
}

async function chooseFormat(): Promise<ExportFormat | undefined> {
  const choice = await vscode.window.showQuickPick([
    { label: 'CSV', description: vscode.l10n.t('for spreadsheets; formulas neutralised'), format: 'csv' as const },
    { label: 'JSON', description: vscode.l10n.t('for scripts'), format: 'json' as const },
  ], { title: vscode.l10n.t('Export Agents'), placeHolder: vscode.l10n.t('Which format?') });
  return choice?.format;
}

/**
 * Loads every list not loaded in this session (a cached list included) and waits for loads in flight, with a
 * cancellable progress notification. False when cancelled.
 */
async function loadLists(store: Store<StoredConnection>, chosen: readonly StoredConnection[]): Promise<boolean> {
  const lists = chosen.map((c) => store.lists(c.id)?.agents).filter((l) => l !== undefined);
  if (lists.every((l) => l.started && l.status !== 'loading')) return true;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading agents to export…'), cancellable: true }, async (_p, token) => {
    const done = Promise.all(lists.map((l) => (l.started ? l.whenIdle() : l.ensureLoaded())));
    const cancelled = new Promise<false>((resolve) => token.onCancellationRequested(() => resolve(false)));
    return Promise.race([done.then(() => true), cancelled]);
  });
}

/**
 * Export Agents… for `connectionId` (from a tree item), or for the connections the user picks. `scripted`: the
 * dialogs' answers, given only under a test runner (exportRequest.ts); never from another extension's argument.
 */
export async function exportAgents(d: ExportDeps, connectionId: string | undefined, scripted?: ExportRequest): Promise<ExportResult | undefined> {
  const request: ExportRequest = scripted ?? (connectionId ? { connectionIds: [connectionId] } : {});
  if (!d.store.connections().length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Add a Chatdesk connection first.'));
    return undefined;
  }
  const chosen = request.connectionIds
    ? request.connectionIds.map((id) => d.store.connection(id)).filter((c) => c !== undefined)
    : await chooseConnections(d.store);
  if (!chosen?.length) return undefined;
  const format = request.format ?? await chooseFormat();
  if (!format) return undefined;
  if (!await loadLists(d.store, chosen)) return undefined;

  const sources = chosen.map((c) => ({ stored: c, ...d.store.directory.agentsOf(c.id)! }));
  const partial = sources.filter((s) => !s.state.complete || s.state.status === 'error');
  // a failed load left an earlier session's list in place: it goes out only with the user's yes, and says so
  const cached = sources.filter((s) => s.state.cached && s.state.loadedAt !== undefined);
  if (partial.length || cached.length) {
    const names = [...new Set([...partial, ...cached])].map((s) => `${quickPickText(s.stored.label, 60)} (${formatCount(s.agents.length)}${s.state.cached ? `, ${vscode.l10n.t('cached {0}', relativeTime(s.state.loadedAt))}` : ''})`).join(', ');
    const agree = request.exportPartial ?? (await vscode.window.showWarningMessage(
      vscode.l10n.t('Not every agent list is complete and current: {0}. Export what was loaded?', names),
      { modal: true, detail: vscode.l10n.t('A list is incomplete when its last load failed, ended short of the server\'s total, or stopped at the page limit; a cached list is what an earlier session saved, when this session\'s load did not replace it. Refresh it to try again.') },
      vscode.l10n.t('Export Partial List'),
    )) !== undefined;
    if (!agree) return undefined;
  }
  const total = sources.reduce((n, s) => n + s.agents.length, 0);
  if (!total) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no agents to export.'));
    return undefined;
  }

  const uri = request.target ? vscode.Uri.parse(request.target, true) : await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(chosen, format),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export {0} agents', formatCount(total)),
  });
  if (!uri) return undefined;

  const written = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} agents', formatCount(total)), cancellable: true }, async (progress, token) => {
    let text: string;
    if (format === 'json') {
      text = exportJson(sources.map((s) => ({ connection: toConnection(s.stored), agents: s.agents, cachedAt: s.state.cached ? s.state.loadedAt : undefined })), new Date());
    } else {
      const parts: string[] = [];
      let first = true;
      for (const s of sources) {
        const connection = toConnection(s.stored);
        for (let i = 0; i < s.agents.length; i += CHUNK) {
          const batch: readonly Agent[] = s.agents.slice(i, i + CHUNK);
          parts.push(csvChunk(batch.map((a) => exportRow(a, connection)), first));
          first = false;
          progress.report({ increment: (100 * batch.length) / total });
          await new Promise((r) => setImmediate(r));
          if (token.isCancellationRequested) return false;
        }
      }
      text = parts.join('');
    }
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    return true;
  });
  if (!written) return undefined;
  d.log.info(`Exported ${total} agents (${format}${partial.length ? ', partial' : ''}${cached.length ? ', some from the cache' : ''}).`);
  const file = quickPickText(path.posix.basename(uri.path), 120);
  const message = cached.length
    ? vscode.l10n.t('Exported {0} agents to {1}; from the cache of an earlier session: {2}.', formatCount(total), file, cached.map((c) => `${quickPickText(c.stored.label, 60)} (${relativeTime(c.state.loadedAt)})`).join(', '))
    : vscode.l10n.t('Exported {0} agents to {1}.', formatCount(total), file);
  void vscode.window.showInformationMessage(message, vscode.l10n.t('Open'))
    .then((choice) => (choice ? vscode.commands.executeCommand('vscode.open', uri) : undefined));
  return { uri, format, agents: total, partial: partial.length > 0, cached: cached.length > 0 };
}

function defaultTarget(chosen: readonly StoredConnection[], format: ExportFormat): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return undefined;
  const what = chosen.length === 1 ? chosen[0].label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'agents' : 'all';
  return vscode.Uri.joinPath(folder, `chatdesk-agents-${what}-${new Date().toISOString().slice(0, 10)}.${format}`);
}
