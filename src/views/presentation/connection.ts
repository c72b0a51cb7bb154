// Connection tree items (both views). Pure.
import type { Platform } from '../../api/model';
import { isApiError } from '../../api/errors';
import type { StoredConnection } from '../../connections/types';
import { PLATFORM_NAMES } from '../../api/model';
import { expiryMessage, keyExpiryState, type KeyExpiryState } from '../../connections/reveKey';
import { t } from '../../util/l10n';
import { escapeMarkdown, markdownIcon } from '../../text/markdown';
import { formatCount, plainText } from './text';
import type { IconSpec, NodePresentation } from './types';

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

export interface ConnectionLoadInfo {
  status: LoadStatus;
  count: number;
  /** Matching the current filter, when one is active. */
  shown?: number;
  error?: unknown;
  truncated?: boolean;
  /** What is counted: 'agents' or 'messages'. */
  noun: 'agents' | 'messages';
  unread?: number;
}

const PLATFORM_ICONS: Record<Platform, string> = {
  revechat: 'comment-discussion',
  rocketchat: 'rocket',
  helpcrunch: 'comment',
};

export function connectionKeyExpiry(c: StoredConnection, now: number): KeyExpiryState {
  return c.platform === 'revechat' ? keyExpiryState(c.keyExpiresAt, now) : { state: 'unknown' };
}

function countText(info: ConnectionLoadInfo): string {
  const n = info.shown !== undefined && info.shown !== info.count
    ? t('{0} of {1}', formatCount(info.shown), formatCount(info.count))
    : formatCount(info.count);
  if (info.noun === 'messages') {
    return info.unread ? t('{0} messages, {1} unread', n, formatCount(info.unread)) : t('{0} messages', n);
  }
  return info.count === 1 && info.shown === undefined ? t('1 agent') : t('{0} agents', n);
}

export function presentConnection(c: StoredConnection, info: ConnectionLoadInfo, view: 'agents' | 'offline', now: number = Date.now()): NodePresentation {
  const expiry = connectionKeyExpiry(c, now);
  const parts: string[] = [];
  if (c.demo) parts.push(t('demo'));
  const expiryText = expiryMessage(expiry);
  if (expiryText) parts.push(expiryText);
  if (info.status === 'loading') parts.push(info.count ? t('{0} · loading…', countText(info)) : t('loading…'));
  else if (info.status === 'loaded') parts.push(countText(info) + (info.truncated ? ` ${t('(first pages only)')}` : ''));
  else if (info.status === 'error') parts.push(info.count ? t('{0} · refresh failed', countText(info)) : t('failed'));

  let icon: IconSpec = { id: c.demo ? 'beaker' : PLATFORM_ICONS[c.platform] };
  if (info.status === 'error') icon = { id: 'error', color: 'errorForeground' };
  else if (expiry.state === 'expired' || expiry.state === 'expiring') icon = { id: 'warning', color: 'list.warningForeground' };

  let ctx = `chatdesk:connection:${c.platform}`;
  if (info.status === 'error') ctx += ':error';
  if (expiry.state === 'expired' || expiry.state === 'expiring') ctx += `:${expiry.state}`;
  if (c.demo) ctx += ':demo';
  return {
    id: `${view}/${c.id}`,
    label: plainText(c.label) || PLATFORM_NAMES[c.platform],
    description: parts.join(' · '),
    icon,
    contextValue: ctx,
  };
}

/** Markdown for the connection's tooltip (theme icons on): every value through escapeMarkdown; our own warning icon only. */
export function connectionTooltip(c: StoredConnection, info: ConnectionLoadInfo, now: number = Date.now()): string {
  const md = (text: string, max?: number) => escapeMarkdown(text, { max });
  const lines = [`**${md(plainText(c.label) || PLATFORM_NAMES[c.platform])}**`];
  lines.push(`${md(PLATFORM_NAMES[c.platform])}${c.demo ? ` · ${md(t('demo (local sandbox)'))}` : ''}`);
  lines.push(`${md(t('Server'))}: ${md(c.baseUrl, 300)}`);
  if (c.accountId) lines.push(`${md(t('Account ID'))}: ${md(c.accountId)}`);
  if (c.userId) lines.push(`${md(t('User ID'))}: ${md(c.userId)}`);
  if (c.username) lines.push(`${md(t('Offline messages as'))}: ${md(c.username)}`);
  const expiry = connectionKeyExpiry(c, now);
  const expiryText = expiryMessage(expiry);
  if (expiryText) lines.push(`${markdownIcon('warning')} ${md(expiryText)}: ${md(t('use "Update Credentials" to paste a new key'))}`);
  if (info.status === 'loaded' || info.count) lines.push(md(countText(info)));
  if (info.status === 'error') lines.push(`${markdownIcon('error')} ${md(t('Last refresh failed'))}: ${md(errorMessage(info.error), 500)}`);
  return lines.join('  \n');
}

export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
