// Clear Cached Agents: deletes every connection's agent list kept on disk (the lists shown now stay until the next
// refresh; nothing is fetched).
import * as vscode from 'vscode';
import type { Store } from '../store';
import type { Logger } from '../util/log';
import { registerCommand } from './register';

export interface CacheCommandDeps {
  log: Logger;
  store: Store;
}

export async function clearCachedAgents(d: CacheCommandDeps): Promise<number> {
  const n = await d.store.clearCache();
  vscode.window.setStatusBarMessage(n
    ? vscode.l10n.t('$(check) Deleted the cached agents of {0} connection(s)', n)
    : vscode.l10n.t('$(check) No cached agents to delete'), 4000);
  return n;
}

export function registerCacheCommands(d: CacheCommandDeps): vscode.Disposable[] {
  return [registerCommand('chatdesk.clearCachedAgents', d.log, () => clearCachedAgents(d))];
}
