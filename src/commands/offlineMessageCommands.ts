// Open Offline Message…: from the tree, or (palette) a pick of loaded messages, or an ID.
import * as vscode from 'vscode';
import type { OfflineMessage } from '../api/model';
import { toConnection, type ConnectionStore } from '../connections/store';
import type { StoredConnection } from '../connections/types';
import { expectsOfflineMessages, type Store } from '../store';
import type { Logger } from '../util/log';
import type { DetailPanelsLoader } from '../webviews/loader';
import { offlineMessageLabel, sortNewestFirst, visitorText } from '../views/presentation/offlineMessage';
import { plainText, quickPickText } from '../views/presentation/text';
import { relativeTime } from '../util/relativeTime';
import { offlineMessageFromArg } from './args';
import { pickConnection } from './pickConnection';
import { registerCommand } from './register';

export interface OfflineMessageCommandDeps {
  log: Logger;
  connections: ConnectionStore;
  store: Store<StoredConnection>;
  panels: DetailPanelsLoader;
}

async function pickMessage(s: OfflineMessageCommandDeps): Promise<{ message: OfflineMessage; connectionId: string } | undefined> {
  const connection = await pickConnection(s, vscode.l10n.t('Which connection?'), expectsOfflineMessages);
  if (!connection) return undefined;
  const list = s.store.lists(connection.id)?.offline;
  if (!list) return undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading offline messages…') }, () => list.ensureLoaded());
  const now = Date.now();
  const byId = vscode.l10n.t('Enter a message ID…');
  const items: (vscode.QuickPickItem & { message?: OfflineMessage })[] = sortNewestFirst(list.items).slice(0, 1000).map((m) => ({
    label: quickPickText(offlineMessageLabel(m)),
    description: quickPickText([visitorText(m), relativeTime(m.receivedAt, now)].filter(Boolean).join(' · ')),
    iconPath: new vscode.ThemeIcon(m.unread ? 'mail' : 'mail-read'),
    message: m,
  }));
  items.push({ label: `$(edit) ${byId}` });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open Offline Message'), matchOnDescription: true });
  if (!pick) return undefined;
  if (pick.message) return { message: pick.message, connectionId: connection.id };
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('Open Offline Message'),
    prompt: vscode.l10n.t('Offline message ID'),
    validateInput: (v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v.trim()) ? undefined : vscode.l10n.t('Letters, digits, "-" and "_" only.')),
  });
  if (!id) return undefined;
  const existing = list.items.find((m) => m.id === id.trim());
  return {
    connectionId: connection.id,
    message: existing ?? { id: id.trim(), subject: '', message: '', unread: false, visitor: {}, raw: undefined },
  };
}

export async function openOfflineMessage(s: OfflineMessageCommandDeps, arg: unknown): Promise<void> {
  const target = offlineMessageFromArg(arg) ?? await pickMessage(s);
  if (!target) return;
  const connection = s.connections.get(target.connectionId);
  if (!connection) return;
  const store = s.store;
  s.panels.get().showOfflineMessage(toConnection(connection), target.message, (signal) => store.offlineMessage(connection.id, target.message.id, signal));
  s.log.debug(`Opened offline message ${plainText(target.message.id, 80)} of connection ${connection.id}.`);
}

export function registerOfflineMessageCommands(s: OfflineMessageCommandDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.openOfflineMessage', s.log, (arg) => openOfflineMessage(s, arg))];
}
