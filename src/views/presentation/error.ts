// The error item shown under a connection that failed to load. Pure.
// What it offers follows what fixes the failure: rejected credentials (and a token that does not bypass two-factor
// authentication) → Update Credentials; a missing permission → the permission's name, Show Logs and retry (the
// credentials work: never "update" them); an OS keyring VS Code cannot read → Update Credentials and VS Code's help.
import { isApiError, type ApiError } from '../../api/errors';
import { isTwoFactorError } from '../../api/vendorCodes';
import { isKeyringError, KEYRING_HELP_URL } from '../../connections/keyring';
import { t } from '../../util/l10n';
import { errorMessage } from './connection';
import { escapeMarkdown, markdownIcon } from '../../text/markdown';
import { plainMessage } from '../../text/plain';
import type { NodePresentation } from './types';

/** Whether new credentials are what fixes `e` (rejected credentials, a two-factor token, an unreadable keyring). */
export function errorNeedsCredentials(e: unknown): boolean {
  if (isKeyringError(e)) return e.operation === 'read';
  return isApiError(e) && e.kind === 'auth';
}

/** The kind in the item's contextValue: the ApiError kind, `keyring`, or `unknown`. */
function errorKind(e: unknown): string {
  if (isKeyringError(e)) return 'keyring';
  return isApiError(e) ? e.kind : 'unknown';
}

function permissionList(e: ApiError): string {
  return (e.permissions ?? []).map((p) => `"${p}"`).join(t(' or '));
}

/** One line that says what happened, in words. */
export function errorLabel(e: unknown): string {
  if (isApiError(e) && e.kind === 'forbidden') {
    return e.permissions?.length
      ? t('Missing permission: ask an administrator for {0}', permissionList(e))
      : t('Missing permission: {0}', plainMessage(e.message, 140));
  }
  if (isTwoFactorError(e)) return t('Rocket.Chat asks for a two-factor code: use a token that bypasses two-factor authentication');
  return plainMessage(errorMessage(e), 160);
}

function errorDescription(e: unknown): string {
  if (isKeyringError(e)) return t('OS keyring · update credentials or retry');
  if (isTwoFactorError(e)) return t('two-factor · update credentials');
  if (errorNeedsCredentials(e)) return t('update credentials or retry');
  if (isApiError(e) && e.kind === 'forbidden') return t('the credentials work · show logs or retry');
  return t('click to retry');
}

export function presentError(e: unknown, parentId: string): NodePresentation {
  const credentials = errorNeedsCredentials(e);
  return {
    id: `${parentId}/error`,
    label: errorLabel(e) || t('Something went wrong'),
    description: errorDescription(e),
    icon: { id: 'error', color: 'errorForeground' },
    contextValue: `chatdesk:error:${errorKind(e)}${credentials ? ':credentials' : ''}`,
  };
}

/** Markdown for the error item's tooltip (theme icons on): the message through escapeMarkdown, our error icon before it, and what to do. */
export function errorTooltip(e: unknown): string {
  const message = `${markdownIcon('error')} ${escapeMarkdown(errorMessage(e), { max: 1000 })}`;
  if (isKeyringError(e)) {
    return [
      message,
      escapeMarkdown(t('Use "Update Credentials" to enter them again once the keyring works, then retry. Details are in the Chatdesk log.')),
      `[${escapeMarkdown(t('VS Code: troubleshooting keyring issues'))}](${KEYRING_HELP_URL})`,
    ].join('\n\n');
  }
  let hint: string;
  if (isTwoFactorError(e)) hint = t('Use "Update Credentials" to paste the new token.');
  else if (errorNeedsCredentials(e)) hint = t('The platform rejected the credentials. Use "Update Credentials", then retry.');
  else if (isApiError(e) && e.kind === 'forbidden') {
    hint = e.permissions?.length
      ? t('The credentials work, but the user lacks a permission: ask an administrator for {0}, then retry. Details are in the Chatdesk log.', permissionList(e))
      : t('The credentials work, but the user lacks a permission for this. Retry once an administrator has granted it; details are in the Chatdesk log.');
  } else if (isApiError(e) && e.kind === 'rate-limited' && e.retryAfterMs !== undefined) {
    hint = t('The server asked Chatdesk to wait {0} s before asking again. Click to retry; details are in the Chatdesk log.', Math.ceil(e.retryAfterMs / 1000));
  } else hint = t('Click to retry. Details are in the Chatdesk log.');
  return `${message}\n\n${escapeMarkdown(hint)}`;
}
