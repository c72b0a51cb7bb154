// Registers a command whose failures are logged and shown once, redacted, instead of thrown at VS Code.
import * as vscode from 'vscode';
import { isApiError } from '../api/errors';
import type { Logger } from '../util/log';
import { redact } from '../util/redact';
import { notificationText } from '../views/presentation/text';

export function registerCommand(
  id: string,
  log: Logger,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (isApiError(e) && e.kind === 'cancelled') return undefined;
      log.error(`Command ${id} failed:`, e);
      const message = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(vscode.l10n.t('Chatdesk: {0}', notificationText(redact(message))));
      return undefined;
    }
  });
}
