// Refresh (one connection) and Refresh All: both through the store's refresh policy.
import type * as vscode from 'vscode';
import type { Store } from '../store';
import type { Logger } from '../util/log';
import { connectionIdFromArg } from './args';
import { registerCommand } from './register';

export interface RefreshCommandDeps {
  log: Logger;
  store: Store;
}

export function registerRefreshCommands(d: RefreshCommandDeps): vscode.Disposable[] {
  return [
    // what the user asks for cancels loads in flight and starts over; auto-refresh leaves them alone
    registerCommand('chatdesk.refreshAll', d.log, () => d.store.refreshAll()),
    registerCommand('chatdesk.refreshConnection', d.log, async (arg) => {
      const id = connectionIdFromArg(arg);
      if (id) await d.store.refreshConnection(id);
    }),
  ];
}
