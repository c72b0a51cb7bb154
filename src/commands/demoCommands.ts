// Try Demo / Remove Demo.
import * as vscode from 'vscode';
import { registerCommand } from './register';
import type { DemoService } from '../demo/demoService';
import type { Logger } from '../util/log';

export interface DemoCommandDeps {
  log: Logger;
  demo: DemoService;
}

export async function tryDemo(s: DemoCommandDeps): Promise<number> {
  const added = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the Chatdesk demo…') },
    () => s.demo.start(),
  );
  await vscode.commands.executeCommand('workbench.view.extension.chatdesk');
  void vscode.window.showInformationMessage(vscode.l10n.t('Demo ready: {0} connections to a local sandbox with generated data. "Remove Demo" takes them away.', added.length));
  return added.length;
}

export async function removeDemo(s: DemoCommandDeps): Promise<number> {
  const n = await s.demo.remove();
  if (n) vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Removed {0} demo connections', n), 3000);
  return n;
}

export function registerDemoCommands(s: DemoCommandDeps): vscode.Disposable[] {
  return [
    registerCommand('chatdesk.tryDemo', s.log, () => tryDemo(s)),
    registerCommand('chatdesk.removeDemo', s.log, () => removeDemo(s)),
  ];
}
