// REVE Chat: the current generation (`/api/agents/{account_id}`, `Authorization: <JWT>`, `{status,message,body}`)
// and the legacy one (HTTP Basic superadmin, bare arrays: `/api/agents/`, `/api/offlinemessages/`), on one prefix.
// Error bodies of the legacy generation are the seed's (003) byte for byte, including its tabs and invalid JSON.

import type { SandboxContext } from './context';
import { header, json, pageOf, raw, type PlatformHandler, type SandboxRequest, type SandboxResponse } from './http';
import { verifyReveKey } from './jwt';
import type { ReveAgent, ReveOfflineMessage } from './model';
import { stormWait } from './faults';
import { REVE_SINGLE_AGENT_EXAMPLE } from './seedExamples';

const SERVER = { Server: 'Apache-Coyote/1.1' };
const WWW_AUTH = { 'WWW-Authenticate': 'Basic realm="revechat"' };
const JSON_UTF8 = 'application/json;charset=UTF-8';

/** The seed's `{"error":[…]}` body, with the seed's exact whitespace. */
export function reveErrorBody(code: number, message: string): string {
  return `{\n    "error":\n\t    [\t\n\t\t{\n\t\t"code":${code},\n\t\t"message": ${JSON.stringify(message)}\n\t\t}\n\t    ]\n}`;
}

function reveError(status: number, message: string, extra: Record<string, string> = {}): SandboxResponse {
  return raw(status, reveErrorBody(status, message), 'application/json', { ...SERVER, ...extra });
}

/** Current-generation error envelope. NOT documented by REVE: a guess in the style of the success envelope. */
function envelopeError(status: number, message: string): SandboxResponse {
  return json(status, { status: 'error', message, body: null }, SERVER);
}

/** `page_no`: absent = 1; otherwise a positive integer, or null if invalid. */
function pageNo(req: SandboxRequest): { ok: true; page: number } | { ok: false; rawValue: string } {
  const value = req.query.get('page_no');
  if (value === null) return { ok: true, page: 1 };
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) return { ok: false, rawValue: value };
  return { ok: true, page: Number(value) };
}

const invalidPage = (v: string, extra: Record<string, string> = {}): SandboxResponse =>
  reveError(400, `Invalid Page Number: ${v}. Please enter a valid Page Number.`, extra);

type BasicUser = 'superadmin' | 'agent' | null;

function basicUser(ctx: SandboxContext, req: SandboxRequest): BasicUser {
  const auth = header(req, 'authorization') ?? '';
  const m = /^Basic\s+(.+)$/i.exec(auth);
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = decoded.slice(0, colon);
  const pass = decoded.slice(colon + 1);
  const c = ctx.credentials.revechat;
  if (user === c.username && pass === c.password) return 'superadmin';
  if (user === c.agentUsername && pass === c.agentPassword) return 'agent';
  return null;
}

/**
 * A page past the end of a list (or page 1 of an empty one), in the form SandboxOptions.revechatListEnd names.
 * REVE Chat does not document it: every form is a guess from how its servers answer a missing record.
 */
function listEnd(ctx: SandboxContext, noun: 'Agents' | 'Offline messages', page: number, legacy: boolean): SandboxResponse {
  const said = ctx.variants.revechatListEndMessage;
  const say = (fallback: string) => said ?? fallback;
  switch (ctx.variants.revechatListEnd) {
    case 'not-found': return envelopeError(404, say(`${noun} not found`));
    case 'not-found-legacy': return reveError(404, say(`No Record found for Page No = ${page}. Please enter a another Page No.`));
    case 'not-found-text': return raw(404, say(`${noun} not found`), JSON_UTF8, SERVER);
    case 'error-200': return json(200, { status: 'error', message: say(`No ${noun.toLowerCase()} found`), body: null }, SERVER);
    case 'legacy-200': return raw(200, reveErrorBody(404, say('No Record found')), 'application/json', SERVER);
    case 'text-200': return raw(200, say('No record found'), JSON_UTF8, SERVER);
    case 'null-body': return legacy ? raw(200, 'null', JSON_UTF8, SERVER) : json(200, { status: 'success', message: `${noun} found`, body: null }, SERVER);
    case 'object-body': return json(200, legacy ? {} : { status: 'success', message: say(`${noun} found`), body: {} }, SERVER);
    case 'string-body': return json(200, legacy ? '' : { status: 'success', message: say(`No ${noun.toLowerCase()}`), body: '' }, SERVER);
    case 'false-body': return json(200, legacy ? false : { status: 'success', message: say(`No ${noun.toLowerCase()}`), body: false }, SERVER);
    case 'json-null': return raw(200, 'null', JSON_UTF8, SERVER);
    case 'empty-body': return raw(200, '', JSON_UTF8, SERVER);
    case 'no-content': return { status: 204, headers: { ...SERVER }, body: '' };
    case 'invalid-page': return said === undefined ? invalidPage(String(page)) : envelopeError(400, said);
    case 'out-of-range': return envelopeError(422, say('page_no is out of range'));
    case 'page-limit': return envelopeError(400, say(`page_no must be less than or equal to ${Math.max(1, page - 1)}`));
    default: return legacy ? json(200, [], SERVER) : json(200, { status: 'success', message: `${noun} found`, body: [] }, SERVER);
  }
}

export function createReveChat(ctx: SandboxContext): PlatformHandler {
  const data = ctx.data.revechat;
  const forever = (): boolean => ctx.faults().pageForever === true;
  const maxAgentId = data.agents.reduce((m, a) => Math.max(m, a.agent_id), 0);
  const maxOfflineId = data.offlineMessages.reduce((m, a) => Math.max(m, a.offline_message_id), 0);
  const extendAgent = <T extends { agent_id: number }>(a: T, i: number): T => ({ ...a, agent_id: maxAgentId + i - data.agents.length + 1 });
  const extendMessage = (m: ReveOfflineMessage, i: number): ReveOfflineMessage => ({
    ...m, offline_message_id: maxOfflineId + i - data.offlineMessages.length + 1,
  });

  function tooMany(retryAfterSeconds: number | undefined, status = 429, namedSeconds?: number): SandboxResponse {
    // Undocumented: REVE says only "429 … a body that details the reason … and the amount of time you have to wait".
    const seconds = retryAfterSeconds ?? namedSeconds ?? 60;
    return raw(
      status,
      reveErrorBody(429, `Too many requests. Please wait ${seconds} seconds before trying again.`),
      'application/json',
      { ...SERVER, ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }) },
    );
  }

  function rateLimited(req: SandboxRequest): SandboxResponse | undefined {
    const limiter = ctx.limiters.revechat;
    if (!limiter.enabled) return undefined;
    const r = limiter.hit(header(req, 'authorization') ?? '', req.now);
    return r.allowed ? undefined : tooMany(Math.max(1, Math.ceil(r.timeToReset / 1000)));
  }

  // ---- current generation
  function keyCheck(req: SandboxRequest, accountId: string): SandboxResponse | undefined {
    const key = header(req, 'authorization');
    const check = verifyReveKey(key?.trim(), ctx.jwtSecret, Math.floor(req.now / 1000));
    if (!check.ok) {
      const message = {
        missing: 'Authorization key is missing',
        invalid: 'Invalid authorization key',
        expired: 'Authorization key has expired',
      }[check.reason];
      return envelopeError(401, message);
    }
    if (check.payload.accountId !== accountId) return envelopeError(403, `Access denied for account ${accountId}`);
    return undefined;
  }

  function listAgents(req: SandboxRequest, accountId: string): SandboxResponse {
    const denied = keyCheck(req, accountId);
    if (denied) return denied;
    const p = pageNo(req);
    if (!p.ok) return invalidPage(p.rawValue);
    const size = ctx.revechatPageSize;
    const page = ctx.variants.revechatIgnorePageNo ? 1 : p.page;
    const agents = ctx.variants.revechatEmptyAccount ? [] : data.agents;
    const body = pageOf(agents, (page - 1) * size, size, forever(), extendAgent);
    if (body.length === 0) return listEnd(ctx, 'Agents', p.page, false);
    return json(200, { status: 'success', message: 'Agents found', body }, SERVER);
  }

  function oneAgent(req: SandboxRequest, accountId: string, agentId: string): SandboxResponse {
    const denied = keyCheck(req, accountId);
    if (denied) return denied;
    if (!/^\d{1,9}$/.test(agentId) || Number(agentId) < 1) {
      return reveError(400, `Invalid Agent Id: ${agentId}. Please enter a Valid Agent Id.`);
    }
    const index = data.agentIndex.get(Number(agentId));
    if (index === undefined) return envelopeError(404, 'Agent not found');
    // The docs' single-agent example (81830, create_time null) is served verbatim; others as in the list.
    const body: ReveAgent = Number(agentId) === REVE_SINGLE_AGENT_EXAMPLE.agent_id ? REVE_SINGLE_AGENT_EXAMPLE : data.agents[index];
    return json(200, { status: 'success', message: 'Agents found', body }, SERVER);
  }

  // ---- legacy generation
  function basicGate(req: SandboxRequest): SandboxResponse | undefined {
    const user = basicUser(ctx, req);
    if (user === null) return raw(401, 'Bad credentials', JSON_UTF8, { ...SERVER, ...WWW_AUTH });
    if (user !== 'superadmin') {
      return raw(403, 'Access is denied! Only user with Super Admin role can access the REST API', JSON_UTF8, { ...SERVER, ...WWW_AUTH });
    }
    return undefined;
  }

  function legacyAgents(req: SandboxRequest): SandboxResponse {
    const p = pageNo(req);
    if (!p.ok) return invalidPage(p.rawValue, WWW_AUTH);
    const size = ctx.revechatPageSize;
    return json(200, pageOf(data.legacyAgents(), (p.page - 1) * size, size, forever(), extendAgent), SERVER);
  }

  function legacyAgent(id: string): SandboxResponse {
    if (!/^\d{1,9}$/.test(id) || Number(id) < 1) return reveError(400, `Invalid Agent id: ${id}. Please enter a Valid Agent id.`, WWW_AUTH);
    const index = data.agentIndex.get(Number(id));
    if (index === undefined) return reveError(404, `No Record found for Agent Id = ${id}. Please enter a another Agent Id.`);
    return json(200, data.legacyAgents()[index], SERVER);
  }

  function offlineList(req: SandboxRequest): SandboxResponse {
    const p = pageNo(req);
    if (!p.ok) return invalidPage(p.rawValue, WWW_AUTH);
    const size = ctx.revechatOfflinePageSize;
    const page = ctx.variants.revechatIgnorePageNo ? 1 : p.page;
    const body = pageOf(data.offlineMessages, (page - 1) * size, size, forever(), extendMessage);
    if (body.length === 0) return listEnd(ctx, 'Offline messages', p.page, true);
    return json(200, body, SERVER);
  }

  function offlineOne(id: string): SandboxResponse {
    if (!/^\d{1,9}$/.test(id) || Number(id) < 1) {
      return reveError(400, `Invalid Offline message Id: ${id}. Please enter a Valid Offline message Id.`, WWW_AUTH);
    }
    const n = Number(id);
    const index = data.offlineIndex.get(n);
    if (index === undefined) {
      return reveError(404, `No Record found for Offline Message Id = ${n}. Please enter a another Offline Message Id.`);
    }
    if (data.forbiddenOfflineIds.has(n)) {
      // Verbatim from the seed: not valid JSON (unquoted keys), under a JSON content type.
      const body = `{\n\tcode: 403,\n\tmessage: "You don't have permission to see offline message details with Id ${n}"\n\n}`;
      return raw(403, body, 'application/json', SERVER);
    }
    const m = data.offlineMessages[index];
    return json(200, {
      offline_message_id: m.offline_message_id,
      visitor_id: m.visitor_id,
      visitor_name: m.visitor_name,
      visitor_email: m.visitor_email,
      visitor_phone: m.visitor_phone,
      subject: m.subject,
      message: m.message,
      received_time: m.received_time,
      unread: m.unread,
      reply_messages: data.replies(n),
    }, SERVER);
  }

  function route(req: SandboxRequest): SandboxResponse {
    // ['api', 'agents', …]; one trailing slash is ignored (`/api/offlinemessages/` and `/api/offlinemessages`).
    const segs = req.path.replace(/\/$/, '').split('/').slice(1);
    if (segs[0] !== 'api' || req.method !== 'GET') return reveError(404, 'Not Found');
    const [, resource, a, b, ...rest] = segs;
    if (rest.length > 0) return reveError(404, 'Not Found');
    const isBasic = /^Basic\s/i.test(header(req, 'authorization') ?? '');

    if (resource === 'agents') {
      if (a === undefined) return basicGate(req) ?? legacyAgents(req);
      if (b === undefined) {
        // `/api/agents/{x}`: the legacy single agent with Basic auth, the current list with a key.
        if (isBasic) return basicGate(req) ?? legacyAgent(a);
        return listAgents(req, a);
      }
      return oneAgent(req, a, b);
    }
    if (resource === 'offlinemessages' && b === undefined) {
      const denied = basicGate(req);
      if (denied) return denied;
      return a === undefined ? offlineList(req) : offlineOne(a);
    }
    return reveError(404, 'Not Found');
  }

  return {
    handle(req) {
      return rateLimited(req) ?? route(req);
    },
    tooManyRequests(_req, retryAfterSeconds, faults) {
      const form = faults?.storm429Form;
      if ((!form || form === 'details' || form === 'headers') && faults?.storm429Text === undefined) {
        return tooMany(retryAfterSeconds, faults?.storm429Status, faults?.storm429Seconds);
      }
      // The other forms (FaultOptions.storm429Form): the wait in the sentence only, a header, or a body field.
      const seconds = retryAfterSeconds ?? faults?.storm429Seconds ?? 60;
      const named = form === 'text' || form === 'details' || form === 'headers' || form === undefined;
      const w = stormWait(faults, seconds, named ? 'Too many requests. Please wait {s} seconds before trying again.' : 'Too many requests.');
      const entries = JSON.stringify([{ code: 429, message: form === 'bare' ? 'Too many requests.' : w.text }]);
      const field = w.bodyField ? `,\n    "retry_after": ${w.bodyField.retry_after}` : '';
      return raw(faults?.storm429Status ?? 429, `{\n    "error": ${entries}${field}\n}`, 'application/json', {
        ...SERVER, ...(form === 'bare' ? {} : w.headers),
        ...(retryAfterSeconds === undefined || form === 'bare' ? {} : { 'Retry-After': String(retryAfterSeconds) }),
      });
    },
  };
}
