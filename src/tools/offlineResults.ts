// The texts of the offline-messages tool. Pure, no vscode. What visitors wrote (subject, name, e-mail, phone,
// message) and the reply thread go only inside untrusted blocks (untrustedBlock.ts) with a per-result boundary;
// everything outside them is Chatdesk's own words or values it made (counts, times). Capped per field, per message
// and per result.
import type { OfflineMessage, OfflineMessageDetail } from '../api/model';
import { connectionRef } from './connectionText';
import type { ConnectionState } from './agentResults';
import { agentListText, isoMinute, validTime } from './listStateText';
import { joinSentences } from '../text/sentences';
import { repliesOldestFirst } from '../views/presentation/offlineMessage';
import { count, quoteCapped } from './modelText';
import { mostThatFit } from './fit';
import { boundaryFor, renderFields, untrustedBlock, untrustedNotice, type UntrustedField } from './untrustedBlock';

/** Most characters of an offline-messages result (about 10,000 tokens). */
export const MAX_OFFLINE_RESULT_CHARS = 40_000;

/**
 * Caps per field, in characters of the quoted value as the model gets it: after escaping (`<` is six characters,
 * `\u003c`), quotes and cut note included.
 */
export const FIELD_CAPS = {
  subject: 300,
  name: 200,
  email: 200,
  phone: 100,
  /** A message body in a list of messages. */
  listBody: 1_000,
  /** The body of one message asked for by its ID (less when the result's cap or token budget is smaller). */
  body: 8_000,
  reply: 2_000,
  agentName: 200,
  id: 120,
} as const;

/** The caps used when the result's cap leaves too little room for FIELD_CAPS (a small token budget). */
const COMPACT_CAPS = { subject: 150, name: 100, email: 100, phone: 80 } as const;

/** Most replies of one message shown. */
export const MAX_REPLIES = 20;

const STATEMENT = 'Offline messages are what visitors left in the website chat widget while no agent was online.';

type VisitorCaps = { subject: number; name: number; email: number; phone: number };

function visitorFields(m: OfflineMessage, body: number | undefined, caps: VisitorCaps = FIELD_CAPS): UntrustedField[] {
  const f: UntrustedField[] = [{ label: 'subject', value: m.subject ?? '', max: caps.subject }];
  if (m.visitor.name) f.push({ label: 'visitor name', value: m.visitor.name, max: caps.name });
  if (m.visitor.email) f.push({ label: 'visitor e-mail', value: m.visitor.email, max: caps.email });
  if (m.visitor.phone) f.push({ label: 'visitor phone', value: m.visitor.phone, max: caps.phone });
  if (body !== undefined) f.push({ label: 'message', value: m.message ?? '', max: body });
  return f;
}

/** The header line of a message: only values Chatdesk made or checked (the ID is quoted: it is the server's). */
function messageHeader(n: number, m: OfflineMessage, connectionLabel?: string): string {
  const parts = [`Message ${n}: id ${quoteCapped(m.id, FIELD_CAPS.id)}`];
  if (connectionLabel) parts.push(`connection ${connectionLabel}`);
  parts.push(validTime(m.receivedAt) ? `received ${isoMinute(m.receivedAt)}` : 'received at an unknown time');
  parts.push(m.unread ? 'unread' : 'read');
  if (typeof m.replyCount === 'number' && Number.isFinite(m.replyCount) && m.replyCount >= 0) parts.push(`${count(m.replyCount)} ${m.replyCount === 1 ? 'reply' : 'replies'}`);
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
  /** Most messages listed in the whole result (over every connection). */
  limit: number;
  now: number;
  maxChars?: number;
  /** Lines on what the tool did with its input (cut, ignored), said before anything else. */
  notes?: readonly string[];
  /** For tests: the random source of the boundary. */
  random?: (bytes: number) => Buffer;
}

function sectionHeader(s: OfflineSection, r: OfflineListResultInput, listed: number): string {
  const what = r.unreadOnly ? 'unread messages' : 'messages';
  const state = joinSentences([`Offline messages of ${connectionRef(s.state.connection)}: ${agentListText(s.state.state, r.now, 'messages')}`, `${count(s.unread)} unread`]);
  const which = s.messages.length === 0 ? (r.unreadOnly ? 'No unread message.' : 'No message.') : `Listed below: ${count(listed)} of its ${count(s.messages.length)} ${what}.`;
  return `${state}\n${which}`;
}

/** Newest first; messages without a time a Date can hold last, in their lists' order. */
function byNewest(a: { m: OfflineMessage; order: number }, b: { m: OfflineMessage; order: number }): number {
  const ta = validTime(a.m.receivedAt) ? a.m.receivedAt : -Infinity;
  const tb = validTime(b.m.receivedAt) ? b.m.receivedAt : -Infinity;
  return ta === tb ? a.order - b.order : tb - ta;
}

/**
 * The result of a listing of offline messages: each connection's state, then the newest `limit` messages over all
 * of them (newest first), as many as fit in `maxChars` whole, with how many more there are.
 */
export function offlineListResult(r: OfflineListResultInput): string {
  const maxChars = r.maxChars ?? MAX_OFFLINE_RESULT_CHARS;
  const merged = r.sections.flatMap((s, section) => s.messages.map((m, i) => ({ m, section, order: i * r.sections.length + section })))
    .sort(byNewest);
  const total = merged.length;
  const candidates = merged.slice(0, Math.max(0, r.limit)).map((e) => ({
    ...e, fields: renderFields(visitorFields(e.m, r.includeBody ? FIELD_CAPS.listBody : undefined)),
  }));
  const boundary = boundaryFor(candidates.flatMap((m) => m.fields), r.random);
  const several = r.sections.length > 1;
  const what = r.unreadOnly ? 'unread messages' : 'messages';
  const build = (n: number): string => {
    const shown = candidates.slice(0, n);
    const head = [...(r.notes ?? []), STATEMENT, untrustedNotice(boundary)];
    if (!r.includeBody) head.push('Message bodies are not included: ask again with includeBody true, or with messageId for one message and its replies.');
    const out = [head.join('\n')];
    r.sections.forEach((s, i) => out.push('', sectionHeader(s, r, shown.filter((e) => e.section === i).length)));
    if (total > 0) {
      const more = total - n;
      const why = n < candidates.length ? ' (the rest would pass this result\'s size cap: ask for fewer, for unread only, or for one message by messageId)'
        : ' (ask with a larger limit, at most 50, or for one message by messageId)';
      out.push('', `Listed: the ${count(n)} newest ${what} of ${count(total)}${several ? ` over ${count(r.sections.length)} connections` : ''}, newest first${more > 0 ? `; ${count(more)} more not listed${why}` : ''}.`);
    }
    shown.forEach((e, i) => {
      const label = several ? connectionRef(r.sections[e.section].state.connection) : undefined;
      out.push('', `${messageHeader(i + 1, e.m, label)}\n${untrustedBlock(boundary, e.fields)}`);
    });
    return out.join('\n');
  };
  return build(mostThatFit(candidates.length, maxChars, build));
}

export interface OfflineMessageResultInput {
  connection: ConnectionState['connection'];
  message: OfflineMessageDetail;
  maxChars?: number;
  notes?: readonly string[];
  random?: (bytes: number) => Buffer;
}

/**
 * The result of one offline message with its reply thread, within `maxChars`: the visitor's fields and body (the
 * body shortened first when the cap is small), then the newest replies that fit whole (at most MAX_REPLIES), oldest
 * first and numbered as in the thread, with how many older ones are not shown.
 */
export function offlineMessageResult(r: OfflineMessageResultInput): string {
  const maxChars = r.maxChars ?? MAX_OFFLINE_RESULT_CHARS;
  const m = r.message;
  const replies = repliesOldestFirst(m.replies ?? []); // a conversation, top to bottom, as the panel shows it
  const total = replies.length;
  const replyFields = (reply: (typeof replies)[number], n: number): UntrustedField[] => {
    const f: UntrustedField[] = [];
    if (reply.at !== undefined) f.push({ label: `reply ${n} time`, value: isoMinute(reply.at), max: 40 });
    if (reply.agentName) f.push({ label: `reply ${n} agent`, value: reply.agentName, max: FIELD_CAPS.agentName });
    if (reply.agentId) f.push({ label: `reply ${n} agent id`, value: reply.agentId, max: FIELD_CAPS.id });
    f.push({ label: `reply ${n} text`, value: reply.message ?? '', max: FIELD_CAPS.reply });
    return f;
  };
  const rendered = replies.map((reply, i) => renderFields(replyFields(reply, i + 1)));
  const layout = (shown: number, body: number, caps: VisitorCaps): { lines: string[]; text: (boundary: string) => string } => {
    const lines = [...renderFields(visitorFields(m, body, caps)), ...rendered.slice(total - shown).flat()];
    const older = total - shown;
    const thread = total === 0 ? ''
      : shown === total ? ` (${total === 1 ? 'its reply follows' : `its ${count(total)} replies follow, oldest first`})`
        : shown === 0 ? ` (${count(older)} older ${older === 1 ? 'reply' : 'replies'} not shown, to keep within this result's size cap)`
          : ` (the newest ${count(shown)} of ${count(total)} replies follow, oldest first; ${count(older)} older ${older === 1 ? 'reply' : 'replies'} not shown, to keep within this result's size cap)`;
    return {
      lines,
      text: (boundary) => [
        ...(r.notes ?? []),
        STATEMENT,
        untrustedNotice(boundary),
        '',
        `${messageHeader(1, { ...m, replyCount: total }, connectionRef(r.connection))}${thread}.`,
        untrustedBlock(boundary, lines),
      ].join('\n'),
    };
  };
  // the boundary's length is fixed, so any boundary measures the same
  const measure = (shown: number, body: number, caps: VisitorCaps) => layout(shown, body, caps).text(PLACEHOLDER_BOUNDARY);
  let caps: VisitorCaps = FIELD_CAPS;
  let body: number = FIELD_CAPS.body;
  if (measure(0, body, caps).length > maxChars) {
    // a small cap (the model's token budget): shorter visitor fields, and the longest body that fits
    caps = COMPACT_CAPS;
    body = Math.max(MIN_BODY, mostThatFit(FIELD_CAPS.body, maxChars, (b) => measure(0, b, caps)));
  }
  const shown = mostThatFit(Math.min(MAX_REPLIES, total), maxChars, (n) => measure(n, body, caps));
  const final = layout(shown, body, caps);
  return final.text(boundaryFor(final.lines, r.random));
}

/** The least of a message body kept when the cap is small. */
const MIN_BODY = 120;
const PLACEHOLDER_BOUNDARY = '0'.repeat(24);
