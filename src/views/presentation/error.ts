// The error item shown under a connection that failed to load. Pure.
import { isApiError } from '../../api/errors';
import { t } from '../../util/l10n';
import { errorMessage } from './connection';
import { escapeMarkdown, markdownIcon } from '../../text/markdown';
import { plainMessage } from '../../text/plain';
import type { NodePresentation } from './types';

export function errorNeedsCredentials(e: unknown): boolean {
  return isApiError(e) && (e.kind === 'auth' || e.kind === 'forbidden');
}

export function presentError(e: unknown, parentId: string): NodePresentation {
  const kind = isApiError(e) ? e.kind : 'unknown';
  const credentials = errorNeedsCredentials(e);
  return {
    id: `${parentId}/error`,
    label: plainMessage(errorMessage(e), 160) || t('Something went wrong'),
    description: credentials ? t('update credentials or retry') : t('click to retry'),
    icon: { id: 'error', color: 'errorForeground' },
    contextValue: `chatdesk:error:${kind}${credentials ? ':credentials' : ''}`,
  };
}

/** Markdown for the error item's tooltip (theme icons on): the message through escapeMarkdown, our error icon before it. */
export function errorTooltip(e: unknown): string {
  const hint = errorNeedsCredentials(e)
    ? t('The platform rejected the credentials. Use "Update Credentials", then retry.')
    : t('Click to retry. Details are in the Chatdesk log.');
  return `${markdownIcon('error')} ${escapeMarkdown(errorMessage(e), { max: 1000 })}\n\n${escapeMarkdown(hint)}`;
}
