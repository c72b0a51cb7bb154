// Copy to the clipboard, and say whether it worked: a confirmation in the status bar, or an error message. Every
// copy (tree commands, palette, detail panels) goes through here, so a failed copy never passes in silence.
import * as vscode from 'vscode';
import { redact } from './redact';
import { notificationText } from '../text/plain';

/** Copies `text`; confirms "Copied <what>" in the status bar, or shows the failure. Resolves to whether it worked. */
export async function copyWithConfirmation(text: string, what: string): Promise<boolean> {
  try {
    await vscode.env.clipboard.writeText(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vscode.l10n.t('Chatdesk: could not copy the {0}: {1}', what, notificationText(redact(reason)) || vscode.l10n.t('the clipboard refused it')));
    return false;
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', what), 3000);
  return true;
}
