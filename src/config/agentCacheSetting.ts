// chatdesk.cacheAgents (default on): whether each connection's agent list is kept on disk for the next start.
// Turning it off deletes what was written.
import * as vscode from 'vscode';
import type { Store } from '../store';
import { Disposable } from '../util/lifecycle';

export const CACHE_SETTING = 'cacheAgents';

export function agentCacheEnabled(): boolean {
  return vscode.workspace.getConfiguration('chatdesk').get<boolean>(CACHE_SETTING, true) !== false;
}

export class AgentCacheSetting extends Disposable {
  constructor(store: Store) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`chatdesk.${CACHE_SETTING}`) && !agentCacheEnabled()) void store.clearCache();
    }));
  }
}
