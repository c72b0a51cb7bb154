// Offline-message tree items. Pure.
import type { OfflineMessage, OfflineMessageReply } from '../../api/model';
import { t } from '../../util/l10n';
import { relativeTime } from '../../util/relativeTime';
import { escapeMarkdown } from '../../text/markdown';
import { idPart, plainText } from './text';
import type { NodePresentation } from './types';

export function offlineMessageLabel(m: OfflineMessage): string {
  return plainText(m.subject) || t('(no subject)');
}

export function visitorText(m: OfflineMessage): string {
  return plainText(m.visitor.name, 80) || plainText(m.visitor.email, 80) || plainText(m.visitor.phone, 40) || t('anonymous visitor');
}

export function presentOfflineMessage(m: OfflineMessage, connectionId: string, now: number = Date.now()): NodePresentation {
  const parts: string[] = [];
  if (m.unread) parts.push(t('● unread'));
  parts.push(visitorText(m));
  const when = relativeTime(m.receivedAt, now);
  if (when) parts.push(when);
  return {
    id: `${connectionId}/message/${idPart(m.id)}`,
    label: offlineMessageLabel(m),
    description: parts.join(' · '),
    icon: m.unread ? { id: 'mail', color: 'charts.blue' } : { id: 'mail-read' },
    contextValue: `chatdesk:offlineMessage${m.unread ? ':unread' : ''}`,
  };
}

/** Markdown for the message's tooltip: every value (the message with its line breaks) through escapeMarkdown. */
export function offlineMessageTooltip(m: OfflineMessage): string {
  const md = (text: string, max?: number) => escapeMarkdown(text, { max });
  const lines = [`**${md(offlineMessageLabel(m), 200)}**`];
  const v = m.visitor;
  const from = [v.name, v.email, v.phone].filter((x): x is string => !!x).map((x) => md(x, 120)).join(' · ');
  lines.push(`${md(t('From'))}: ${from || md(t('anonymous visitor'))}`);
  if (m.receivedAt !== undefined && Number.isFinite(m.receivedAt)) {
    lines.push(`${md(t('Received'))}: ${md(new Date(m.receivedAt).toLocaleString())}`);
  }
  if (m.replyCount) lines.push(md(m.replyCount === 1 ? t('1 reply') : t('{0} replies', m.replyCount)));
  if (m.unread) lines.push(md(t('Unread')));
  return `${lines.join('  \n')}\n\n---\n\n${escapeMarkdown(m.message, { max: 1500, multiline: true })}`;
}

/** Newest first; messages without a time last, in their original order. */
export function sortNewestFirst(messages: readonly OfflineMessage[]): OfflineMessage[] {
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (b.m.receivedAt ?? -Infinity) - (a.m.receivedAt ?? -Infinity) || a.i - b.i)
    .map((x) => x.m);
}

/**
 * A reply thread in reading order: by time, oldest first, so that the conversation reads top to bottom. The order
 * the server sent is not trusted: REVE Chat documents the thread newest first (seed 003, `GET
 * /api/offlinemessages/{id}`: message 744's `reply_messages` go from 2015-08-15 back to 2015-05-11). Stable:
 * replies with the same time keep the server's order; replies without a (finite) time come after the others, in
 * the server's order.
 */
export function repliesOldestFirst<R extends Pick<OfflineMessageReply, 'at'>>(replies: readonly R[]): R[] {
  const key = (r: R) => (r.at !== undefined && Number.isFinite(r.at) ? r.at : Infinity);
  return replies
    .map((r, i) => ({ r, i, at: key(r) }))
    .sort((a, b) => (a.at === b.at ? a.i - b.i : a.at < b.at ? -1 : 1))
    .map((x) => x.r);
}
