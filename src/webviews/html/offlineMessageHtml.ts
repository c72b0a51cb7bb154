// The offline message panel's HTML: the visitor's message and the reply thread, in three states
// (loading the thread, loaded, failed). Pure; every data value escaped; the message text is shown as
// written (white-space preserved by CSS), never interpreted as HTML or Markdown.
import type { OfflineMessage, OfflineMessageDetail, OfflineMessageReply } from '../../api/model';
import { t } from '../../util/l10n';
import { repliesOldestFirst } from '../../views/presentation/offlineMessage';
import type { ConnectionInfo } from './agentHtml';
import { escapeHtml } from './escape';
import type { PageContext } from './page';
import { renderPage } from './page';
import type { DateFormat } from './parts';
import {
  copyButtonHtml, dateFormatter, fieldsHtml, platformName, rawJsonHtml, textHtml, timeHtml,
} from './parts';

export type RepliesState =
  | { kind: 'loading' }
  /** The replies in any order: shown oldest first (repliesOldestFirst). */
  | { kind: 'loaded'; replies: readonly OfflineMessageReply[] }
  | { kind: 'error'; message: string };

/** The title of the message's tab and document (plain text). */
export function offlineMessageTitle(message: Pick<OfflineMessage, 'subject' | 'id'>): string {
  return t('Message: {0}', message.subject || message.id);
}

function messageBodyHtml(text: string): string {
  if (!text) return `<p class="muted">${escapeHtml(t('(empty message)'))}</p>`;
  return `<div class="message-text" dir="auto">${escapeHtml(text)}</div>`;
}

function replyHtml(reply: OfflineMessageReply, format: DateFormat): string {
  const who = reply.agentName || reply.agentId;
  const email = reply.agentEmail ? ` <span class="reply-email">${textHtml(reply.agentEmail)}</span>` : '';
  return `<li class="reply"><div class="reply-meta"><i class="codicon codicon-account" aria-hidden="true"></i> <span class="reply-agent">${textHtml(who, t('Unknown agent'))}</span>${email} <span class="reply-time">${timeHtml(reply.at, format)}</span></div>${messageBodyHtml(reply.message)}</li>`;
}

function repliesHtml(state: RepliesState, format: DateFormat): string {
  switch (state.kind) {
    case 'loading':
      return `<section class="replies" aria-busy="true"><h2>${escapeHtml(t('Replies'))}</h2><p class="loading"><i class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></i> ${escapeHtml(t('Loading replies…'))}</p></section>`;
    case 'error':
      return `<section class="replies"><h2>${escapeHtml(t('Replies'))}</h2><div class="error" role="alert"><i class="codicon codicon-error" aria-hidden="true"></i> <span>${escapeHtml(t('Could not load this message\'s details:'))}</span> <span class="value error-message" dir="auto">${escapeHtml(state.message)}</span></div></section>`;
    case 'loaded': {
      const replies = repliesOldestFirst(state.replies);
      const n = replies.length;
      const heading = `<h2>${escapeHtml(t('Replies ({0})', n))}</h2>`;
      if (!n) return `<section class="replies">${heading}<p class="muted">${escapeHtml(t('No replies yet.'))}</p></section>`;
      const items = new Array<string>(n);
      for (let i = 0; i < n; i++) items[i] = replyHtml(replies[i], format);
      return `<section class="replies">${heading}<ol class="reply-list">${items.join('')}</ol></section>`;
    }
  }
}

function render(message: OfflineMessage, connection: ConnectionInfo, state: RepliesState, ctx: PageContext): string {
  const format = dateFormatter(ctx.locale, ctx.timeZone);
  const v = message.visitor ?? {};
  const actions = [
    copyButtonHtml('message', t('Copy message'), true),
    v.email ? copyButtonHtml('email', t('Copy visitor e-mail'), true) : '',
    copyButtonHtml('id', t('Copy message ID'), true),
    copyButtonHtml('json', t('Copy as JSON'), true),
  ].join('');
  const readState = message.unread
    ? `<span class="badge unread"><i class="codicon codicon-circle-filled" aria-hidden="true"></i> ${escapeHtml(t('Unread'))}</span>`
    : `<span class="badge read">${escapeHtml(t('Read'))}</span>`;
  const visitor = fieldsHtml([
    { label: t('Name'), html: textHtml(v.name, t('Not given')) },
    { label: t('E-mail'), html: v.email ? `${textHtml(v.email)}${copyButtonHtml('email', t('Copy visitor e-mail'))}` : textHtml(undefined, t('Not given')) },
    { label: t('Phone'), html: textHtml(v.phone, t('Not given')) },
  ]);
  const about = fieldsHtml([
    { label: t('Received'), html: timeHtml(message.receivedAt, format) },
    { label: t('State'), html: escapeHtml(message.unread ? t('Unread') : t('Read')) },
    { label: t('Message ID'), html: `<code class="value">${escapeHtml(message.id)}</code>${copyButtonHtml('id', t('Copy message ID'))}` },
    { label: t('Platform'), html: escapeHtml(platformName(connection.platform)) },
    { label: t('Connection'), html: textHtml(connection.label) },
  ]);
  const body = `<main class="panel offline-message">
<header class="panel-header">
<i class="codicon codicon-mail${message.unread ? '' : '-read'}" aria-hidden="true"></i>
<h1>${textHtml(message.subject, t('(no subject)'))}</h1>
${readState}
</header>
<div class="actions">${actions}</div>
${about}
<section class="visitor"><h2>${escapeHtml(t('Visitor'))}</h2>${visitor}</section>
<section class="message"><h2>${escapeHtml(t('Message'))}</h2>${messageBodyHtml(message.message)}</section>
${repliesHtml(state, format)}
${rawJsonHtml(message.raw)}
</main>`;
  const restore = connection.id ? { kind: 'offlineMessage' as const, connectionId: connection.id, id: message.id } : undefined;
  return renderPage(ctx, { title: offlineMessageTitle(message), body, bodyClass: 'offline-message-panel', restore });
}

/** While the reply thread loads: what the list already knows, and a spinner. */
export function offlineMessageLoadingHtml(message: OfflineMessage, connection: ConnectionInfo, ctx: PageContext): string {
  return render(message, connection, { kind: 'loading' }, ctx);
}

/** The message with its reply thread. */
export function offlineMessageHtml(detail: OfflineMessageDetail, connection: ConnectionInfo, ctx: PageContext): string {
  return render(detail, connection, { kind: 'loaded', replies: detail.replies ?? [] }, ctx);
}

/** Loading the thread failed: what the list knew, and the error (e.g. an ApiError's message). */
export function offlineMessageErrorHtml(
  message: OfflineMessage, connection: ConnectionInfo, errorMessage: string, ctx: PageContext,
): string {
  return render(message, connection, { kind: 'error', message: errorMessage }, ctx);
}
