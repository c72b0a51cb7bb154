// Saving what Add / Edit Connection collected when the OS keyring may refuse: nothing is saved half-done (the
// store writes secrets and metadata together or not at all), and on a keyring failure the user is asked whether to
// try again with every value still in hand, instead of losing what was typed. Pure (no vscode).
import { t } from '../util/l10n';
import { isKeyringError, KEYRING_HELP_URL, type KeyringError } from './keyring';

/** Asks whether to try again after `error`; true = try again. */
export type AskRetry = (message: string, detail: string, action: string) => Promise<boolean>;

/**
 * Runs `save` until it succeeds, or the keyring fails and the user declines to try again (undefined). Any other
 * failure is thrown as it is.
 */
export async function saveWithRetry<T>(save: () => Promise<T>, ask: AskRetry): Promise<T | undefined> {
  for (;;) {
    try {
      return await save();
    } catch (e) {
      if (!isKeyringError(e)) throw e;
      if (!(await ask(...retryQuestion(e)))) return undefined;
    }
  }
}

/** The question: what failed, that nothing was saved and nothing typed is lost, and where VS Code documents the fix. */
export function retryQuestion(e: KeyringError): [message: string, detail: string, action: string] {
  return [
    e.message,
    t('Nothing was saved, and everything you entered is kept. Unlock or set up the OS keyring, then try again. VS Code explains keyring problems at {0}', KEYRING_HELP_URL),
    t('Try Again'),
  ];
}
