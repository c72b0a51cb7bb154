// Open Offline Message…: from the tree, or (palette) a pick of loaded messages, or an ID.
import * as vscode from 'vscode';
import type { OfflineMessage, OfflineMessageDetail } from '../api/model';
import { toConnection, type ConnectionStore } from '../connections/store';
import type { StoredConnection } from '../connections/types';
import { expectsOfflineMessages, type Store } from '../store';
import type { Logger } from '../util/log';
import type { DetailPanelsLoader } from '../webviews/loader';
import { offlineMessageLabel, sortNewestFirst, visitorText } from '../views/presentation/offlineMessage';
import { isApiError } from '../api/errors';
import { logName } from '../connections/keyring';
import { notificationText, plainText, quickPickText } from '../views/presentation/text';
import { parseMessageId, typedMessageId } from './offlineMessageId';
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

/** A message to open; `detail` when it was already read with its thread (a typed ID), so it is not read twice. */
type MessagePick = { message: OfflineMessage; connectionId: string; detail?: OfflineMessageDetail };
type Item = vscode.QuickPickItem & { message?: OfflineMessage; typedId?: string; askId?: boolean };

/**
 * The loaded messages, newest first, plus "Enter a message ID…" and, as the user types something that can be an ID,
 * "Open message ID <typed>": both always shown, whatever the filter hides.
 */
async function pickMessage(s: OfflineMessageCommandDeps): Promise<MessagePick | undefined> {
  const connection = await pickConnection(s, vscode.l10n.t('Which connection?'), expectsOfflineMessages);
  if (!connection) return undefined;
  const list = s.store.lists(connection.id)?.offline;
  if (!list) return undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading offline messages…') }, () => list.ensureLoaded());
  const now = Date.now();
  const messages: Item[] = sortNewestFirst(list.items).slice(0, 1000).map((m) => ({
    label: quickPickText(offlineMessageLabel(m)),
    description: quickPickText([visitorText(m), relativeTime(m.receivedAt, now)].filter(Boolean).join(' · ')),
    detail: vscode.l10n.t('ID {0}', quickPickText(m.id, 80)),
    iconPath: new vscode.ThemeIcon(m.unread ? 'mail' : 'mail-read'),
    message: m,
  }));
  const askId: Item = { label: `$(edit) ${vscode.l10n.t('Enter a message ID…')}`, alwaysShow: true, askId: true };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Open Offline Message');
  qp.placeholder = vscode.l10n.t('Filter the loaded messages, or type a message ID');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const loadedIds = new Set(list.items.map((m) => m.id));
  const itemsFor = (value: string): Item[] => {
    const id = typedMessageId(value, loadedIds);
    const typed: Item[] = id ? [{ label: `$(go-to-file) ${vscode.l10n.t('Open message ID {0}', quickPickText(id, 64))}`, alwaysShow: true, typedId: id }] : [];
    return [...typed, ...messages, askId];
  };
  qp.items = itemsFor('');
  const chosen = await new Promise<Item | undefined>((resolve) => {
    const subs = [
      qp.onDidChangeValue((v) => { qp.items = itemsFor(v); }),
      qp.onDidAccept(() => { resolve(qp.selectedItems[0] ?? qp.activeItems[0]); qp.hide(); }),
      qp.onDidHide(() => { resolve(undefined); for (const d of subs) d.dispose(); qp.dispose(); }),
    ];
    qp.show();
  });
  if (!chosen) return undefined;
  if (chosen.message) return { message: chosen.message, connectionId: connection.id };
  let id = chosen.typedId;
  if (!id) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Open Offline Message'),
      prompt: vscode.l10n.t('Offline message ID'),
      validateInput: (v) => (parseMessageId(v) ? undefined : vscode.l10n.t('Letters, digits, "-" and "_" only.')),
    });
    id = typed === undefined ? undefined : parseMessageId(typed);
  }
  if (!id) return undefined;
  const existing = list.items.find((m) => m.id === id);
  if (existing) return { message: existing, connectionId: connection.id };
  // Not among the loaded messages: read it first, so that an unknown ID gives one clear message and no empty panel.
  const messageId = id;
  try {
    const detail = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading offline message {0}…', messageId), cancellable: true },
      (_p, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        return s.store.offlineMessage(connection.id, messageId, ac.signal);
      },
    );
    return { message: detail, connectionId: connection.id, detail };
  } catch (e) {
    if (isApiError(e) && e.kind === 'not-found') {
      s.log.info(`Offline message ${plainText(messageId, 80)} not found on connection ${logName(connection)}.`);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no offline message with ID {1}.', notificationText(connection.label), notificationText(messageId, 80)));
      return undefined;
    }
    throw e;
  }
}

export async function openOfflineMessage(s: OfflineMessageCommandDeps, arg: unknown): Promise<void> {
  const target: MessagePick | undefined = offlineMessageFromArg(arg) ?? await pickMessage(s);
  if (!target) return;
  const connection = s.connections.get(target.connectionId);
  if (!connection) return;
  const store = s.store;
  const known = target.detail;
  s.panels.get().showOfflineMessage(toConnection(connection), target.message,
    (signal) => (known ? Promise.resolve(known) : store.offlineMessage(connection.id, target.message.id, signal)));
  s.log.debug(`Opened offline message ${plainText(target.message.id, 80)} of connection ${logName(connection)}.`);
}

export function registerOfflineMessageCommands(s: OfflineMessageCommandDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.openOfflineMessage', s.log, (arg) => openOfflineMessage(s, arg))];
}
