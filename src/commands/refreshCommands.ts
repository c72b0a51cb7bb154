import type * as vscode from 'vscode';
import { connectionIdFromArg } from './args';
import { registerCommand } from './register';
import type { Services } from './services';

export function registerRefreshCommands(s: Services): vscode.Disposable[] {
  return [
    registerCommand('chatdesk.refreshAll', s.log, async () => {
      const jobs: Promise<void>[] = [];
      for (const c of s.store.list()) {
        const session = s.sessions.session(c.id);
        if (session?.agents.started || session?.offline.started) jobs.push(s.sessions.refreshConnection(c.id));
      }
      await Promise.all(jobs);
    }),
    registerCommand('chatdesk.refreshConnection', s.log, async (arg) => {
      const id = connectionIdFromArg(arg);
      if (id) await s.sessions.refreshConnection(id);
    }),
  ];
}
