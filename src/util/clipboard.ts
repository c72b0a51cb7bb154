// Copy to the clipboard and confirm briefly in the status bar.
import * as vscode from 'vscode';

export async function copyWithConfirmation(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', what), 3000);
}
