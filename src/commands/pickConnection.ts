import * as vscode from 'vscode';
import type { StoredConnection } from '../connections/types';
import { PLATFORM_NAMES } from '../api/model';
import { quickPickText } from '../views/presentation/text';
import type { ConnectionLookup } from './args';

/** A quick pick of stored connections (optionally filtered); resolves immediately when only one fits. */
export async function pickConnection(
  s: { connections: ConnectionLookup },
  placeholder: string,
  filter: (c: StoredConnection) => boolean = () => true,
): Promise<StoredConnection | undefined> {
  const candidates = s.connections.list().filter(filter);
  if (!candidates.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No matching Chatdesk connection. Add one first.'));
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const choice = await vscode.window.showQuickPick(
    candidates.map((c) => ({
      label: quickPickText(c.label),
      description: `${PLATFORM_NAMES[c.platform]}${c.demo ? ` · ${vscode.l10n.t('demo')}` : ''}`,
      detail: quickPickText(c.baseUrl, 200),
      connection: c,
    })),
    { placeHolder: placeholder },
  );
  return choice?.connection;
}
