// The texts of the offline-messages tool. Pure, no vscode. What visitors wrote (subject, name, e-mail, phone,
// message) and the reply thread go only inside untrusted blocks (untrustedBlock.ts) with a per-result boundary;
// everything outside them is Chatdesk's own words or values it made (counts, times). Capped per field, per message
// and per result.
import type { OfflineMessage, OfflineMessageDetail } from '../api/model';
import type { ListState } from '../store/listState';
import { connectionRef } from './connectionText';
import type { ConnectionState } from './agentResults';
import { agentListText, isoMinute } from './listStateText';
import { joinSentences } from '../text/sentences';
import { repliesOldestFirst } from '../views/presentation/offlineMessage';
import { count, quoteForModel } from './modelText';
import { boundaryFor, renderFields, untrustedBlock, untrustedNotice, type UntrustedField } from './untrustedBlock';

/** Most characters of an offline-messages result (about 10,000 tokens). */
export const MAX_OFFLINE_RESULT_CHARS = 40_000;

/** Caps per field, in characters. */
export const FIELD_CAPS = {
  subject: 300,
  name: 200,
  email: 200,
  phone: 60,
  /** A message body in a list of messages. */
  listBody: 1_000,
  /** The body of one message asked for by its ID. */
  body: 8_000,
  reply: 2_000,
  agentName: 200,
  id: 100,
} as const;

/** Most replies of one message shown. */
export const MAX_REPLIES = 20;

const STATEMENT = 'Offline messages are what visitors left in the website chat widget while no agent was online.';

function visitorFields(m: OfflineMessage, body: number | undefined): UntrustedField[] {
  const f: UntrustedField[] = [{ label: 'subject', value: m.subject ?? '', max: FIELD_CAPS.subject }];
  if (m.visitor.name) f.push({ label: 'visitor name', value: m.visitor.name, max: FIELD_CAPS.name });
  if (m.visitor.email) f.push({ label: 'visitor e-mail', value: m.visitor.email, max: FIELD_CAPS.email });
  if (m.visitor.phone) f.push({ label: 'visitor phone', value: m.visitor.phone, max: FIELD_CAPS.phone });
  if (body !== undefined) f.push({ label: 'message', value: m.message ?? '', max: body });
  return f;
}

/** The header line of a message: only values Chatdesk made or checked (the ID is quoted: it is the server's). */
function messageHeader(n: number, m: OfflineMessage, connectionLabel?: string): string {
  const parts = [`Message ${n}: id ${quoteForModel(m.id.slice(0, FIELD_CAPS.id))}`];
  if (connectionLabel) parts.push(`connection ${connectionLabel}`);
  parts.push(m.receivedAt !== undefined && Number.isFinite(m.receivedAt) ? `received ${isoMinute(m.receivedAt)}` : 'received at an unknown time');
  parts.push(m.unread ? 'unread' : 'read');
  if (typeof m.replyCount === 'number' && Number.isFinite(m.replyCount)) parts.push(`${count(m.replyCount)} ${m.replyCount === 1 ? 'reply' : 'replies'}`);
  return parts.join('; ');
}

export interface OfflineSection {
  state: ConnectionState;
  /** The messages to list (already filtered: unread only, when asked), newest first, not capped. */
  messages: readonly OfflineMessage[];
  /** Unread messages in the whole list. */
  unread: number;
}

export interface OfflineListResultInput {
  sections: readonly OfflineSection[];
  unreadOnly: boolean;
  includeBody: boolean;
  limit: number;
  now: number;
  maxChars?: number;
  /** For tests: the random source of the boundary. */
  random?: (bytes: number) => Buffer;
}

function listHeader(s: OfflineSection, r: OfflineListResultInput, shown: number): string[] {
  const st: ListState = s.state.state;
  const lines = [joinSentences([`Offline messages of ${connectionRef(s.state.connection)}: ${agentListText(st, r.now, 'messages')}`, `${count(s.unread)} unread`])];
  const what = r.unreadOnly ? 'unread messages' : 'messages';
  if (s.messages.length === 0) lines.push(r.unreadOnly ? 'No unread message.' : 'No message.');
  else lines.push(`Listed: the ${count(shown)} newest ${what} of ${count(s.messages.length)}${shown < s.messages.length ? `; ${count(s.messages.length - shown)} more not listed (ask with a larger limit, at most 50, or for one message by messageId)` : ''}.`);
  return lines;
}

/** The result of a listing of offline messages (one section per connection). */
export function offlineListResult(r: OfflineListResultInput): string {
  const maxChars = r.maxChars ?? MAX_OFFLINE_RESULT_CHARS;
  const rendered = r.sections.map((s) => s.messages.slice(0, r.limit).map((m) => ({
    message: m,
    fields: renderFields(visitorFields(m, r.includeBody ? FIELD_CAPS.listBody : undefined)),
  })));
  const boundary = boundaryFor(rendered.flat().flatMap((m) => m.fields), r.random);
  const head = [STATEMENT, untrustedNotice(boundary)];
  if (!r.includeBody) head.push('Message bodies are not included: ask again with includeBody true, or with messageId for one message and its replies.');
  let used = head.join('\n').length + 200 * r.sections.length;
  const out: string[] = [head.join('\n')];
  for (let i = 0; i < r.sections.length; i++) {
    const blocks: string[] = [];
    for (const [n, m] of rendered[i].entries()) {
      const text = `${messageHeader(n + 1, m.message)}\n${untrustedBlock(boundary, m.fields)}`;
      if (used + text.length > maxChars && blocks.length > 0) break;
      if (used + text.length > maxChars) { blocks.push(`${messageHeader(n + 1, m.message)}\n(left out: the message is longer than this result may be)`); break; }
      used += text.length + 2;
      blocks.push(text);
    }
    out.push('', ...listHeader(r.sections[i], r, blocks.length), ...blocks.flatMap((b) => ['', b]));
  }
  return out.join('\n');
}

export interface OfflineMessageResultInput {
  connection: ConnectionState['connection'];
  message: OfflineMessageDetail;
  random?: (bytes: number) => Buffer;
}

/** The result of one offline message with its reply thread. */
export function offlineMessageResult(r: OfflineMessageResultInput): string {
  const m = r.message;
  const fields = visitorFields(m, FIELD_CAPS.body);
  const replies = repliesOldestFirst(m.replies ?? []); // a conversation, top to bottom, as the panel shows it
  replies.slice(0, MAX_REPLIES).forEach((reply, i) => {
    const n = i + 1;
    if (reply.at !== undefined && Number.isFinite(reply.at)) fields.push({ label: `reply ${n} time`, value: isoMinute(reply.at), max: 40 });
    if (reply.agentName) fields.push({ label: `reply ${n} agent`, value: reply.agentName, max: FIELD_CAPS.agentName });
    if (reply.agentId) fields.push({ label: `reply ${n} agent id`, value: reply.agentId, max: FIELD_CAPS.id });
    fields.push({ label: `reply ${n} text`, value: reply.message ?? '', max: FIELD_CAPS.reply });
  });
  const lines = renderFields(fields);
  const boundary = boundaryFor(lines, r.random);
  const more = replies.length > MAX_REPLIES ? ` (the first ${MAX_REPLIES} of ${count(replies.length)} replies are listed, oldest first)` : '';
  return [
    STATEMENT,
    untrustedNotice(boundary),
    '',
    `${messageHeader(1, { ...m, replyCount: replies.length }, connectionRef(r.connection))}${more}.`,
    untrustedBlock(boundary, lines),
  ].join('\n');
}
