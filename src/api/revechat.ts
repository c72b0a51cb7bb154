// REVE Chat, both API generations on one base URL:
// - current: GET /api/agents/{account_id}?page_no=N and /api/agents/{account_id}/{agent_id},
//   header `Authorization: <key>` (no "Bearer"), envelope {status, message, body};
// - legacy: GET /api/offlinemessages/?page_no=N and /api/offlinemessages/{id}, HTTP Basic (superadmin
//   e-mail:password), bare JSON.
// No page size or total is documented: pages end on an empty or short page (see paging.ts), or on a page past the
// end that the server answers as a missing record (see `endsTheList`).

import type { WaitBudget } from './clock';
import { uniqueDepartments } from './departments';
import { ApiError } from './errors';
import { clip, detailsFromJson, kindFromMessage, readErrorBody } from './errorBody';
import { waitFromText } from './waitHints';
import { failing, missingCredential, unsupported, type ClientContext } from './context';
import type {
  Agent, AgentStatus, AvailableAgents, CallOptions, Department, ListOptions, OfflineMessage, OfflineMessageDetail, OfflineMessageReply, PlatformClient,
} from './model';
import { numberedPages } from './paging';
import { decodeReveKey } from './reveKey';
import { refineVendorError } from './vendorCodes';
import { asArray, isObject, toBody, toBool, toEpochMs, toId, toNumber, toText, type Json } from './values';

const ERROR_STATUSES = new Set(['error', 'failed', 'fail', 'failure']);

/** What a list holds, in the words an empty answer may use (never "users": "No user found" may be a bad key). */
const NOUN = String.raw`(?:agents?|records?|offline\s{0,3}messages?|messages?|data|results?|items?|entries|entry|rows?|pages?|content)`;
/**
 * "Agents not found", "No agents found", "No record found", "No data available", "Data not available", "Empty result",
 * "Nothing found", "The list is empty", "No more records": the list is empty (or has no more). The singular answer for
 * one missing record ("No Record found for Agent Id = N") is not an empty list.
 */
const NOTHING_HERE = new RegExp([
  String.raw`\bno\s{1,3}(?:more\s{1,3})?${NOUN}\b(?!\s{1,3}(?:(?:was|were)\s{1,3})?(?:found\s{1,3})?(?:for|with)\s{1,3}(?:the\s{1,3})?(?:agent|offline|message|visitor|chat|id)\b)`,
  // Plural only: "Agent not found" is the answer for one missing agent.
  String.raw`\b(?:agents|records|offline\s{0,3}messages|messages|data|results|items|entries|rows)\s{1,3}(?:(?:were|are|is)\s{1,3})?(?:not\s{1,3}found|not\s{1,3}available|unavailable)\b`,
  String.raw`\bempty\s{1,3}(?:result|results|list|response|page|data|set|body)\b`,
  String.raw`\b(?:result|results|list|page|data|response)\s{1,3}(?:is\s{1,3})?empty\b`,
  String.raw`\bnothing\s{1,3}(?:was\s{1,3})?(?:found|here|more|to\s{1,3}(?:show|display|return))\b`,
  String.raw`\bzero\s{1,3}${NOUN}\b`,
].join('|'), 'i');
/** A bad-request about the page asked for: "Invalid Page Number", "page_no is out of range", "pageNo must be ≤ 1". */
const PAGE_PAST_END = /page|out\s{1,3}of\s{1,3}(?:range|bounds)|beyond\s{1,3}the\s{1,3}(?:last|end)|exceeds?\s{1,3}the\s{1,3}(?:number|count|total|last)/i;

/** Whether a failed page read says the list holds nothing (more): see endsTheList. */
export function saysNothingHere(message: string): boolean {
  return NOTHING_HERE.test(message.slice(0, 500));
}

/**
 * Whether a failed page read says "nothing (more) here" rather than a fault. REVE Chat does not document how a list
 * ends; its servers answer a missing record with 404 (`{"status":"error","message":"Agent not found"}`, the legacy
 * `{"error":[{"code":404,"message":"No Record found …"}]}`), so a page past the end may be answered as one, as an
 * error envelope or a legacy error list under 200, as plain text, or as a page number the server calls invalid or out
 * of range. After page 1 every such answer ends the list; on page 1 only one whose words say the list is empty does
 * (an empty account), anything else stays an error. Credentials, permissions, rate limits, server faults and network
 * errors are errors on any page.
 */
export function endsTheList(e: unknown, pageNo: number): boolean {
  if (!(e instanceof ApiError)) return false;
  const wordsOnly = e.kind === 'malformed' && (e.status === undefined || (e.status >= 200 && e.status < 300)); // plain-text answers
  if (e.kind !== 'not-found' && e.kind !== 'bad-request' && !wordsOnly) return false;
  const saysNothing = saysNothingHere(e.message);
  if (pageNo <= 1) return saysNothing;
  if (saysNothing || e.kind === 'not-found' || e.status === 404 || e.status === 410) return true;
  if (e.kind !== 'bad-request') return false;
  const noWords = e.message.startsWith('REVE Chat answered');
  return noWords || PAGE_PAST_END.test(e.message.slice(0, 500));
}

/** An empty value where a list was expected: `null`, `{}`, `""`, `false`, `0`, `[]`. */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

export function reveStatus(v: unknown): AgentStatus {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (s === 'online' || s === 'away' || s === 'busy' || s === 'offline') return s;
  return 'unknown';
}

function personName(first: unknown, last: unknown): string | undefined {
  return toText([toText(first) ?? '', toText(last) ?? ''].join(' '));
}

export function reveAgent(raw: unknown, connectionId: string): Agent | undefined {
  if (!isObject(raw)) return undefined;
  const id = toId(raw.agent_id ?? raw.id);
  if (id === undefined) return undefined;
  const email = toText(raw.email);
  const listed: Department[] = [];
  for (const d of asArray(raw.departments)) {
    if (!isObject(d)) continue;
    const deptId = toId(d.id ?? d.deptId);
    if (deptId === undefined) continue;
    listed.push({ id: deptId, name: toText(d.deptName) ?? toText(d.name) ?? deptId });
  }
  const departments = uniqueDepartments(listed);
  return {
    platform: 'revechat',
    connectionId,
    id,
    name: personName(raw.first_name, raw.last_name) ?? email ?? id,
    email,
    role: toText(raw.role),
    status: reveStatus(raw.status),
    departments,
    lastLoginAt: toEpochMs(raw.last_login_time),
    createdAt: toEpochMs(raw.create_time),
    raw,
  };
}

export function reveOfflineMessage(raw: unknown): OfflineMessage | undefined {
  if (!isObject(raw)) return undefined;
  const id = toId(raw.offline_message_id ?? raw.id);
  if (id === undefined) return undefined;
  const replies = Array.isArray(raw.reply_messages) ? raw.reply_messages.length : undefined;
  return {
    id,
    subject: toBody(raw.subject),
    message: toBody(raw.message),
    unread: toBool(raw.unread) ?? false,
    receivedAt: toEpochMs(raw.received_time),
    visitor: {
      id: toId(raw.visitor_id),
      name: toText(raw.visitor_name),
      email: toText(raw.visitor_email),
      phone: toText(raw.visitor_phone),
    },
    replyCount: toNumber(raw.reply_message_count) ?? replies,
    raw,
  };
}

export function reveOfflineMessageDetail(raw: unknown): OfflineMessageDetail | undefined {
  const base = reveOfflineMessage(raw);
  if (!base || !isObject(raw)) return undefined;
  const replies: OfflineMessageReply[] = [];
  for (const r of asArray(raw.reply_messages)) {
    if (!isObject(r)) continue;
    replies.push({
      message: toBody(r.reply_message ?? r.message),
      at: toEpochMs(r.message_reply_time),
      agentId: toId(r.agent_id),
      agentName: personName(r.first_name, r.last_name),
      agentEmail: toText(r.email),
    });
  }
  return { ...base, replies, replyCount: base.replyCount ?? replies.length };
}

export class ReveChatClient implements PlatformClient {
  readonly platform = 'revechat' as const;
  readonly capabilities: { offlineMessages: boolean; availableAgents: boolean };

  constructor(private readonly ctx: ClientContext) {
    this.capabilities = { offlineMessages: this.hasBasicAuth(), availableAgents: false };
  }

  private hasBasicAuth(): boolean {
    return !!this.ctx.connection.username?.trim() && !!this.ctx.credentials.password;
  }

  private keyHeaders(): Record<string, string> {
    const key = this.ctx.credentials.apiKey?.trim();
    if (!key) throw missingCredential('REVE Chat authorization key');
    return { Authorization: key };
  }

  private basicHeaders(): Record<string, string> {
    if (!this.hasBasicAuth()) {
      throw new ApiError('unsupported', 'Offline messages need the REVE Chat superadmin e-mail and password on this connection.');
    }
    const token = Buffer.from(`${this.ctx.connection.username!.trim()}:${this.ctx.credentials.password}`, 'utf8').toString('base64');
    return { Authorization: `Basic ${token}` };
  }

  private accountId(): string {
    const id = this.ctx.connection.accountId?.trim() || decodeReveKey(this.ctx.credentials.apiKey)?.accountId;
    if (!id) throw new ApiError('bad-request', 'The REVE Chat account ID is missing for this connection.');
    return id;
  }

  /** The envelope's body; an error envelope ({status:"error"|"failed", message}) becomes an ApiError. */
  private unwrap(body: unknown): unknown {
    if (!isObject(body)) return body;
    const status = typeof body.status === 'string' ? body.status.trim().toLowerCase() : undefined;
    const isEnvelope =
      'body' in body || (status !== undefined && (ERROR_STATUSES.has(status) || status === 'success') && !('agent_id' in body) && !('offline_message_id' in body));
    if (!isEnvelope) {
      // The legacy error list under a 2xx: {"error":[{"code":404,"message":"No Record found"}]}.
      if ((Array.isArray(body.error) || Array.isArray(body.errors)) && !('agent_id' in body) && !('offline_message_id' in body)) {
        const d = detailsFromJson(body) ?? {};
        const message = d.message ?? 'REVE Chat answered with an error.';
        throw refineVendorError(new ApiError(d.kind ?? kindFromMessage(message, 'bad-request'), this.ctx.sanitise(message), { code: d.code, retryAfterMs: d.retryAfterMs }));
      }
      return body;
    }
    if (status !== undefined && ERROR_STATUSES.has(status)) {
      const message = toText(body.message) ?? `REVE Chat answered "${body.status as string}".`;
      throw refineVendorError(new ApiError(kindFromMessage(message, 'bad-request'), this.ctx.sanitise(message), { code: status, retryAfterMs: waitFromText(message) }));
    }
    return (body as Json).body;
  }

  /** A 2xx in words instead of data ("No record found"): an error whose kind the words decide (see endsTheList). */
  private wordsAnswer(text: string, status: number): ApiError {
    const d = readErrorBody(status, text, 'text/plain');
    const message = d.message ?? 'REVE Chat answered with text instead of data.';
    const kind = saysNothingHere(message) ? 'not-found' : kindFromMessage(message, 'malformed');
    return refineVendorError(new ApiError(kind, this.ctx.sanitise(message), { status, code: d.code, retryAfterMs: d.retryAfterMs }));
  }

  /** One page's body, or undefined when the answer says the list ends here (see `endsTheList`). */
  private async listPage(pageNo: number, read: () => Promise<{ status: number; body: unknown; text: string }>): Promise<unknown> {
    try {
      const res = await read();
      if (res.status === 204) return undefined;
      if (res.body === undefined && res.text.trim() !== '') throw this.wordsAnswer(res.text, res.status);
      const body = this.unwrap(res.body);
      if (isEmptyValue(body)) return undefined; // {}, "", false: nothing (more) here, on any page
      if (typeof body === 'string') throw this.wordsAnswer(body, res.status);
      return body;
    } catch (e) {
      if (endsTheList(e, pageNo)) {
        this.ctx.logger?.debug(`REVE Chat page ${pageNo}: ${e instanceof ApiError ? `${e.kind} ${e.status ?? ''}`.trim() : 'error'}, taken as the end of the list`);
        return undefined;
      }
      throw e;
    }
  }

  private async agentPage(pageNo: number, signal: AbortSignal | undefined, budget?: WaitBudget): Promise<Agent[]> {
    const accountId = this.accountId();
    const body = await this.listPage(pageNo, () => this.ctx.http.get({
      path: `/api/agents/${encodeURIComponent(accountId)}`,
      query: { page_no: pageNo },
      headers: this.keyHeaders(),
      route: '/api/agents/:account',
      signal,
      budget,
      acceptText: true,
    }));
    if (body === undefined || body === null) return [];
    if (!Array.isArray(body)) throw new ApiError('malformed', 'REVE Chat sent an agent list that is not a list.');
    return body.map((a) => reveAgent(a, this.ctx.connection.id)).filter((a): a is Agent => !!a);
  }

  async verify(o?: CallOptions): Promise<void> {
    await this.agentPage(1, o?.signal);
    if (this.hasBasicAuth()) await this.offlinePage(1, o?.signal);
  }

  /** REVE Chat's `page_no` has no sort: a server that ignores it repeats page 1, which `onEnd` reports as incomplete. */
  agents(o?: ListOptions): AsyncIterable<Agent[]> {
    const budget = this.ctx.http.listingBudget(o?.onWait);
    return numberedPages((n, signal) => this.agentPage(n, signal, budget), (a) => a.id, {
      signal: o?.signal, pageCap: this.ctx.pageCap, concurrency: this.ctx.concurrency, onEnd: o?.onEnd,
    });
  }

  async agent(id: string, o?: CallOptions): Promise<Agent> {
    const accountId = this.accountId();
    const res = await this.ctx.http.get({
      path: `/api/agents/${encodeURIComponent(accountId)}/${encodeURIComponent(id)}`,
      headers: this.keyHeaders(),
      route: '/api/agents/:account/:id',
      signal: o?.signal,
    });
    let body = this.unwrap(res.body);
    if (Array.isArray(body)) {
      if (body.length === 0) throw new ApiError('not-found', this.ctx.sanitise(`REVE Chat has no agent ${clip(this.ctx.sanitise(id), 60)}.`), { status: res.status });
      body = body.find((a) => isObject(a) && toId(a.agent_id) === id) ?? body[0];
    }
    const agent = reveAgent(body, this.ctx.connection.id);
    if (!agent) {
      if (body === null || body === undefined) throw new ApiError('not-found', this.ctx.sanitise(`REVE Chat has no agent ${clip(this.ctx.sanitise(id), 60)}.`), { status: res.status });
      throw new ApiError('malformed', 'REVE Chat sent an agent that could not be read.');
    }
    return agent;
  }

  async availableAgents(): Promise<AvailableAgents> {
    throw unsupported('revechat', 'available agents');
  }

  private async offlinePage(pageNo: number, signal: AbortSignal | undefined, budget?: WaitBudget): Promise<OfflineMessage[]> {
    const headers = this.basicHeaders();
    const body = await this.listPage(pageNo, () => this.ctx.http.get({
      path: '/api/offlinemessages/',
      query: { page_no: pageNo },
      headers,
      signal,
      budget,
      acceptText: true,
    }));
    if (body === undefined || body === null) return [];
    if (!Array.isArray(body)) throw new ApiError('malformed', 'REVE Chat sent an offline-message list that is not a list.');
    return body.map(reveOfflineMessage).filter((m): m is OfflineMessage => !!m);
  }

  offlineMessages(o?: ListOptions): AsyncIterable<OfflineMessage[]> {
    if (!this.hasBasicAuth()) return failing(unsupported('revechat', 'offline messages without the superadmin e-mail and password'));
    const budget = this.ctx.http.listingBudget(o?.onWait);
    return numberedPages((n, signal) => this.offlinePage(n, signal, budget), (m) => m.id, {
      signal: o?.signal, pageCap: this.ctx.pageCap, concurrency: this.ctx.concurrency, onEnd: o?.onEnd,
    });
  }

  async offlineMessage(id: string, o?: CallOptions): Promise<OfflineMessageDetail> {
    const res = await this.ctx.http.get({
      path: `/api/offlinemessages/${encodeURIComponent(id)}`,
      headers: this.basicHeaders(),
      route: '/api/offlinemessages/:id',
      signal: o?.signal,
    });
    let body = this.unwrap(res.body);
    if (Array.isArray(body)) body = body[0];
    if (body === undefined || body === null) {
      throw new ApiError('not-found', this.ctx.sanitise(`REVE Chat has no offline message ${clip(this.ctx.sanitise(id), 60)}.`), { status: res.status });
    }
    const detail = reveOfflineMessageDetail(body);
    if (!detail) throw new ApiError('malformed', 'REVE Chat sent an offline message that could not be read.');
    return detail;
  }
}
