// The OS keyring behind VS Code's SecretStorage can fail: on Linux without a keyring daemon, or with a locked one,
// reads reject or return nothing and writes reject (microsoft/vscode#187338, #204375, #268692). Such a failure is
// a KeyringError, so that the tree can say what happened and where VS Code documents the fix, instead of showing
// the keyring's raw message. Pure (no vscode).
import { truncate } from '../text/truncate';
import { t } from '../util/l10n';

/** VS Code's documentation on keyring problems (Settings Sync → Troubleshooting keychain issues). */
export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/editor/settings-sync#_troubleshooting-keychain-issues';

export type KeyringOperation = 'read' | 'write' | 'delete';

/**
 * Why a read gave no credentials: the keyring rejected (`failed`), answered nothing for a connection whose
 * credentials were saved there (`empty`: a reset or replaced keyring, another keyring backend), or answered
 * something that is not Chatdesk's credentials (`unreadable`).
 */
export type KeyringReadProblem = 'failed' | 'empty' | 'unreadable';

function keyringMessage(operation: KeyringOperation, problem: KeyringReadProblem): string {
  if (operation === 'write') return t('VS Code could not save the credentials in the OS keyring.');
  if (operation === 'delete') {
    return t('VS Code could not delete the credentials of this connection from the OS keyring, so the connection was kept. Unlock or set up the OS keyring, then remove the connection again. VS Code explains keyring problems at {0}', KEYRING_HELP_URL);
  }
  if (problem === 'empty') return t('The OS keyring returned no credentials for this connection, although they were saved there (the keyring may have been reset or replaced).');
  if (problem === 'unreadable') return t('The credentials of this connection in the OS keyring are unreadable.');
  return t('VS Code could not read the OS keyring, where the credentials of this connection are kept.');
}

/**
 * The OS keyring failed. `read` errors (rejected, empty or unreadable) are fixed by entering the credentials again
 * (Update Credentials) once the keyring works; `write` keeps what was typed; `delete` keeps the connection.
 */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
  readonly kind = 'keyring' as const;

  constructor(readonly operation: KeyringOperation, cause: unknown, readonly problem: KeyringReadProblem = 'failed') {
    super(keyringMessage(operation, problem), { cause });
  }
}

export function isKeyringError(e: unknown): e is KeyringError {
  return e instanceof KeyringError;
}

/** The keyring's own words, for the log only (never a secret: SecretStorage errors carry no values). */
export function keyringDetail(e: KeyringError): string {
  const c = e.cause;
  return c instanceof Error ? c.message : String(c);
}

/** A connection as log lines name it: its name (at most 80 UTF-16 units, cut at a whole character), then its id. */
export function logName(c: { id: string; label?: string }): string {
  const label = truncate((c.label ?? '').replace(/\s+/g, ' ').trim(), 80);
  return label ? `"${label}" (${c.id})` : c.id;
}
