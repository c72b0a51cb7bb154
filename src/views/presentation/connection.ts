// Connection tree items (both views). Pure.
import type { Platform } from '../../api/model';
import { isApiError } from '../../api/errors';
import type { StoredConnection } from '../../connections/types';
import { PLATFORM_NAMES } from '../../api/model';
import { expiryMessage, keyExpiryState, type KeyExpiryState } from '../../connections/reveKey';
import { t } from '../../util/l10n';
import { relativeTime } from '../../util/relativeTime';
import type { ListingWait } from '../../api/model';
import type { ListIncomplete, ListState, LoadStatus } from '../../store/listState';
import { escapeMarkdown, markdownIcon } from '../../text/markdown';
import { formatCount, plainText } from './text';
import type { IconSpec, NodePresentation } from './types';

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
  /** The items shown come from the on-disk cache, saved at this time (epoch ms). */
  cachedAt?: number;
  /** The last load ended short of what the server has. */
  incomplete?: ListIncomplete;
  /** The last refresh ended short; the complete list from before is what is shown. */
  refreshShort?: ListIncomplete;
  /** A rate-limited load is tried again by itself at this time (epoch ms). */
  retryAt?: number;
  /** The load in flight is held back (rate limit, retry) until then. */
  waiting?: ListingWait;
}

/** A connection row's load info from its list's state. */
export function loadInfo(state: ListState, noun: ConnectionLoadInfo['noun'], extra: Pick<ConnectionLoadInfo, 'shown' | 'unread'> = {}): ConnectionLoadInfo {
  return {
    status: state.status,
    count: state.progress,
    error: state.error,
    truncated: state.truncated,
    noun,
    cachedAt: state.cached ? state.loadedAt : undefined,
    incomplete: state.incomplete,
    refreshShort: state.refreshShort,
    waiting: state.waiting,
    retryAt: state.retryAt,
    ...extra,
  };
}

let timeFormat: Intl.DateTimeFormat | undefined;
let timeFormatSeconds: Intl.DateTimeFormat | undefined;
/** A time of day for "retrying at …": with seconds when it is minutes away. */
export function clockTime(at: number, now: number): string {
  const soon = at - now < 10 * 60_000;
  const f = soon
    ? (timeFormatSeconds ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }))
    : (timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }));
  return f.format(new Date(at));
}

/**
 * "rate limit, resuming at 10:42:10" / "retrying at 10:42:10": why a load in flight brings nothing now. Short, and
 * in place of "loading…", so that the time still fits a tree row of a narrow side bar.
 */
function waitingText(w: ListingWait, now: number): string {
  return w.reason === 'retry'
    ? t('retrying at {0}', clockTime(w.until, now))
    : t('rate limit, resuming at {0}', clockTime(w.until, now));
}

function rateLimited(info: ConnectionLoadInfo): boolean {
  return info.status === 'error' && isApiError(info.error) && info.error.kind === 'rate-limited';
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

/** "193 of 230 agents — refresh to retry". */
function incompleteText(info: ConnectionLoadInfo): string {
  const inc = info.incomplete!;
  const what = info.noun === 'messages' ? t('messages') : t('agents');
  return inc.expected !== undefined && inc.expected > inc.received
    ? t('{0} of {1} {2} — refresh to retry', formatCount(inc.received), formatCount(inc.expected), what)
    : t('{0} {1}, incomplete — refresh to retry', formatCount(inc.received), what);
}

export function presentConnection(c: StoredConnection, info: ConnectionLoadInfo, view: 'agents' | 'offline', now: number = Date.now()): NodePresentation {
  const expiry = connectionKeyExpiry(c, now);
  const parts: string[] = [];
  if (c.demo) parts.push(t('demo'));
  const expiryText = expiryMessage(expiry);
  if (expiryText) parts.push(expiryText);
  const cached = info.cachedAt !== undefined && info.count ? t('cached {0}', relativeTime(info.cachedAt, now)) : '';
  if (info.status === 'loading') {
    if (info.waiting) {
      if (info.count) parts.push(countText(info));
      if (cached) parts.push(cached);
      parts.push(waitingText(info.waiting, now));
    } else if (cached) parts.push(countText(info), cached, t('refreshing…'));
    else parts.push(info.count ? t('{0} · loading…', countText(info)) : t('loading…'));
  } else if (info.status === 'loaded' || (info.status === 'idle' && cached)) {
    if (info.incomplete) parts.push(incompleteText(info));
    else parts.push(countText(info) + (info.truncated ? ` ${t('(first pages only)')}` : ''));
    if (info.refreshShort && info.status === 'loaded') parts.push(t('last refresh incomplete — refresh to retry'));
    if (cached) parts.push(cached);
  } else if (rateLimited(info)) {
    if (info.count) parts.push(countText(info));
    if (cached) parts.push(cached);
    parts.push(info.retryAt !== undefined ? t('rate-limited, retrying at {0}', clockTime(info.retryAt, now)) : t('rate-limited'));
  } else if (info.status === 'error') {
    if (info.count) parts.push(countText(info));
    if (cached) parts.push(cached);
    parts.push(info.count ? t('refresh failed') : t('failed'));
  }

  let icon: IconSpec = { id: c.demo ? 'beaker' : PLATFORM_ICONS[c.platform] };
  if (rateLimited(info)) icon = { id: 'watch', color: 'list.warningForeground' };
  else if (info.status === 'error') icon = { id: 'error', color: 'errorForeground' };
  else if ((info.incomplete || info.refreshShort) && info.status === 'loaded') icon = { id: 'warning', color: 'list.warningForeground' };
  else if (expiry.state === 'expired' || expiry.state === 'expiring') icon = { id: 'warning', color: 'list.warningForeground' };

  let ctx = `chatdesk:connection:${c.platform}`;
  if (info.status === 'error') ctx += ':error';
  if ((info.incomplete || info.refreshShort) && info.status === 'loaded') ctx += ':incomplete';
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
  if (info.refreshShort && info.status === 'loaded') {
    const short = info.refreshShort;
    const what = info.noun === 'messages' ? t('messages') : t('agents');
    lines.push(`${markdownIcon('warning')} ${md(short.expected !== undefined && short.expected > short.received
      ? t('The last refresh brought {0} of {1} {2}, so the complete list from before stays shown. Refresh to try again.', formatCount(short.received), formatCount(short.expected), what)
      : t('The last refresh brought {0} {1} and was incomplete, so the complete list from before stays shown. Refresh to try again.', formatCount(short.received), what))}`);
  }
  if (info.incomplete && info.status !== 'loading') {
    lines.push(`${markdownIcon('warning')} ${md(incompleteText(info))}`);
    lines.push(md(info.incomplete.reason === 'repeated-page'
      ? t('The server sent a page it had already sent instead of the next one, so some items never arrived. Refresh to try again.')
      : t('Fewer items arrived than the server said it has (items can move between pages while they are read). Refresh to try again.')));
  } else if (info.status === 'loaded' || info.count) {
    lines.push(md(countText(info)));
  }
  if (info.cachedAt !== undefined && info.count) {
    lines.push(md(info.status === 'loading'
      ? t('Shown from the cache of {0} (saved {1}); refreshing…', new Date(info.cachedAt).toLocaleString(), relativeTime(info.cachedAt, now))
      : t('Shown from the cache of {0} (saved {1}).', new Date(info.cachedAt).toLocaleString(), relativeTime(info.cachedAt, now))));
  }
  if (info.status === 'loading' && info.waiting) {
    const at = clockTime(info.waiting.until, now);
    lines.push(`${markdownIcon('watch')} ${md(info.waiting.reason === 'pacing'
      ? t('Chatdesk is keeping to {0}\'s rate limit: the next request goes at {1}.', PLATFORM_NAMES[c.platform], at)
      : info.waiting.reason === 'rate-limited'
        ? t('The server asked Chatdesk to wait: the next request goes at {0}.', at)
        : t('A request failed; Chatdesk tries it again at {0}.', at))}`);
  }
  if (rateLimited(info) && info.retryAt !== undefined) {
    lines.push(`${markdownIcon('watch')} ${md(t('The server is rate-limiting Chatdesk; Chatdesk tries again by itself at {0}.', clockTime(info.retryAt, now)))}`);
  }
  if (info.status === 'error') lines.push(`${markdownIcon('error')} ${md(t('Last refresh failed'))}: ${md(errorMessage(info.error), 500)}`);
  return lines.join('  \n');
}

export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
