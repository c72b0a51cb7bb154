// The OS keyring behind VS Code's SecretStorage can fail: on Linux without a keyring daemon, or with a locked one,
// reads reject or return nothing and writes reject (microsoft/vscode#187338, #204375, #268692). Such a failure is
// a KeyringError, so that the tree can say what happened and where VS Code documents the fix, instead of showing
// the keyring's raw message. Pure (no vscode).
import { truncate } from '../text/truncate';
import { t } from '../util/l10n';

/** VS Code's documentation on keyring problems (Settings Sync → Troubleshooting keychain issues). */
export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/editor/settings-sync#_troubleshooting-keychain-issues';

export type KeyringOperation = 'read' | 'write';

export class KeyringError extends Error {
  override readonly name = 'KeyringError';
  readonly kind = 'keyring' as const;

  constructor(readonly operation: KeyringOperation, cause: unknown) {
    super(operation === 'read'
      ? t('VS Code could not read the OS keyring, where the credentials of this connection are kept.')
      : t('VS Code could not save the credentials in the OS keyring.'), { cause });
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
