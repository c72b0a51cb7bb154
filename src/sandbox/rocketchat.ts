// Rocket.Chat REST (`X-Auth-Token` + `X-User-Id`): `me`, `livechat/users/agent[/:_id]`, `livechat/department`,
// and the legacy VoIP `omnichannel/agents/available` in three variants (paged as the server code, single as the
// docs, removed as 8.x). Rate limiter per route and user, with `X-RateLimit-*` headers (reset in epoch ms).

import type { SandboxContext } from './context';
import { rocketAvailableExample, sortRocketAgents } from './data';
import { header, json, pageOf, type PlatformHandler, type SandboxRequest, type SandboxResponse } from './http';
import type { RocketAgent, RocketListedAgent } from './model';
import { stormWait } from './faults';
import { mulberry32 } from './prng';
import type { FaultOptions } from './types';

type Permission = 'view-agents' | 'view-agent' | 'view-departments' | 'agents-available';

interface RocketUser {
  _id: string;
  username: string;
  name: string;
  roles: string[];
  permissions: Set<Permission>;
}

const UNAUTHORIZED = { status: 'error', message: 'You must be logged in to do this.' };
const FORBIDDEN = { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' };

/** A missing permission in each form servers send (SandboxOptions.rocketchatForbidden). */
function forbidden(form: SandboxContext['variants']['rocketchatForbidden']): SandboxResponse {
  switch (form) {
    case 'unauthorized': return json(403, { success: false, error: 'unauthorized' });
    case 'unauthorized-401': return json(401, { success: false, error: 'unauthorized' });
    case 'error-not-authorized': return json(400, { success: false, error: 'error-not-authorized', errorType: 'error-not-authorized' });
    case 'unauthorized-400': return json(400, { success: false, error: 'unauthorized' });
    case 'unauthorized-200': return json(200, { success: false, error: 'unauthorized' });
    // Meteor.Error codes of permission checks in the server code (methods and publications), through API.v1.failure().
    case 'error-action-not-allowed': return json(400, { success: false, error: 'Action not allowed [error-action-not-allowed]', errorType: 'error-action-not-allowed' });
    case 'error-not-allowed': return json(400, { success: false, error: 'Not allowed [error-not-allowed]', errorType: 'error-not-allowed' });
    case 'error-no-permission': return json(400, { success: false, error: 'No permission [error-no-permission]', errorType: 'error-no-permission' });
    case 'not-authorized': return json(403, { success: false, error: 'Not authorized [not-authorized]', errorType: 'not-authorized' });
    case 'message-403': return json(403, { status: 'error', message: 'You do not have permission to do this' });
    case 'html-403': return { status: 403, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>403 Forbidden</h1></body></html>' };
    default: return json(403, FORBIDDEN);
  }
}

/** The two-factor refusal (apps/meteor/app/2fa/server/code/index.ts through API.v1.failure()). */
function twoFactor(kind: NonNullable<SandboxContext['variants']['rocketchatTwoFactor']>): SandboxResponse {
  switch (kind) {
    // The same demand without the code (a proxy, or a server whose failure() kept only the reason), with only the
    // details' method, and e-mail two-factor in words: guesses in the style of the server's error.
    case 'text-only': return json(400, { success: false, error: 'TOTP Required' });
    case 'method-only': return json(400, { success: false, error: 'Two-factor authentication required', details: { method: 'totp', availableMethods: ['totp', 'email'] } });
    case 'email-text': return json(401, { status: 'error', message: 'E-mail code required: enter the code sent to your e-mail address' });
    case 'email': return json(400, { success: false, error: 'TOTP Required [totp-required]', errorType: 'totp-required', details: { method: 'email', codeGenerated: true, availableMethods: ['email'] } });
    default: {
      const text = kind === 'totp-required' ? 'TOTP Required' : 'TOTP Invalid';
      return json(400, { success: false, error: `${text} [${kind}]`, errorType: kind, details: { method: 'totp', availableMethods: ['totp'] } });
    }
  }
}

/** A number from a string, the same for the same string (FNV-1a), to order ties differently for each page query. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const NOT_FOUND = { success: false, error: 'Resource not found' };

const invalidParams = (error: string): SandboxResponse =>
  json(400, { success: false, error: `${error} [invalid-params]`, errorType: 'invalid-params' });

/** The single-agent projection, in the docs' field order. */
function agentView(a: RocketAgent): RocketAgent {
  return {
    _id: a._id, username: a.username, name: a.name, status: a.status, statusLivechat: a.statusLivechat,
    emails: a.emails, livechat: a.livechat,
  };
}

interface Paging {
  offset: number;
  /** 0 = all. */
  count: number;
}

/** Rocket.Chat's getPaginationItems: default 50, max 100, 0 = unlimited (API_Allow_Infinite_Count). */
function paging(req: SandboxRequest): Paging | SandboxResponse {
  const offsetRaw = req.query.get('offset');
  const countRaw = req.query.get('count');
  for (const v of [offsetRaw, countRaw]) {
    if (v !== null && !/^-?\d+$/.test(v.trim())) return invalidParams('must be number');
  }
  const offset = Math.max(0, offsetRaw === null ? 0 : parseInt(offsetRaw, 10));
  let count = countRaw === null ? 50 : parseInt(countRaw, 10);
  if (count < 0) count = 50;
  if (count > 100) count = 100;
  return { offset, count };
}

function bool(req: SandboxRequest, name: string): boolean | undefined | SandboxResponse {
  const v = req.query.get(name);
  if (v === null) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return invalidParams(`must be boolean`);
}

const isResponse = (v: unknown): v is SandboxResponse => typeof v === 'object' && v !== null && 'status' in v && 'body' in v;

const USERS_AGENT_PARAMS = new Set(['offset', 'count', 'sort', 'query', 'text', 'fields', 'onlyAvailable', 'excludeId', 'showIdleAgents']);
const SORT_FIELDS = new Set(['name', 'username', 'status', 'statusLivechat', '_id']);

export function createRocketChat(ctx: SandboxContext): PlatformHandler {
  const data = ctx.data.rocketchat;
  const creds = ctx.credentials.rocketchat;
  const users = new Map<string, { token: string; user: RocketUser }>([
    [creds.userId, {
      token: creds.authToken,
      user: {
        _id: creds.userId, username: 'chatdesk.manager', name: 'Chatdesk Manager', roles: ['user', 'livechat-manager', 'livechat-agent'],
        permissions: new Set<Permission>(['view-agents', 'view-agent', 'view-departments', 'agents-available']),
      },
    }],
    [creds.restrictedUserId, {
      token: creds.restrictedAuthToken,
      user: {
        _id: creds.restrictedUserId, username: 'guest.user', name: 'Guest User', roles: ['user'],
        permissions: new Set<Permission>(ctx.variants.rocketchatRestrictedPermissions ?? []),
      },
    }],
  ]);
  const sorted = new Map<string, RocketListedAgent[]>([['name:1', data.agents]]);
  const filtered = new Map<string, RocketListedAgent[]>();
  const forever = (): boolean => ctx.faults().pageForever === true;
  const extend = <T extends RocketAgent>(a: T, i: number): T => ({ ...a, _id: a._id.slice(0, 10) + i.toString(36).padStart(7, '0') });

  function authenticate(req: SandboxRequest): RocketUser | undefined {
    const id = header(req, 'x-user-id');
    const token = header(req, 'x-auth-token');
    const entry = id ? users.get(id) : undefined;
    return entry && token === entry.token ? entry.user : undefined;
  }

  function tooMany(timeToReset: number, now: number, headers: Record<string, string> = {}, form: FaultOptions['storm429Form'] = 'details', status = 429, faults?: FaultOptions): SandboxResponse {
    const seconds = Math.max(1, Math.ceil(timeToReset / 1000));
    const text = `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`;
    switch (form) {
      case 'text': return faults?.storm429Text === undefined
        ? json(status, { success: false, error: text, errorType: 'error-too-many-requests' })
        : json(status, { success: false, error: stormWait(faults, seconds, text).text });
      case 'ratelimit': case 'ratelimit-reset': case 'reset-after': case 'retry-after-ms': case 'body-field': {
        const w = stormWait(faults, seconds, 'Too many requests');
        return json(status, { success: false, error: 'Too many requests', ...(w.bodyField ?? {}) }, { ...headers, ...w.headers });
      }
      case 'headers': return json(status, { success: false, error: 'Too many requests' }, {
        'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(now + timeToReset), ...headers,
      });
      case 'bare': return json(status, { success: false, error: 'Too many requests' }, headers);
      default: return json(status, { success: false, error: text, errorType: 'error-too-many-requests', details: { timeToReset, seconds } }, headers);
    }
  }

  /**
   * The page of `list` at `p`. With unstable ties (and a sort whose field has ties), agents of one sort key come in
   * an order of their own for each offset, as a database without a total order may return them.
   */
  function pageWithTies(list: RocketListedAgent[], p: Paging, sortField: string): RocketListedAgent[] {
    const size = p.count === 0 ? list.length : p.count;
    if (!ctx.variants.rocketchatUnstableTies || sortField === '_id' || forever()) return pageOf(list, p.offset, size, forever(), extend);
    const keyOf = (a: RocketListedAgent) => String((a as unknown as Record<string, unknown>)[sortField] ?? '');
    const end = Math.min(list.length, p.offset + size);
    // Extend to the whole tie group around the page, reorder each group for this offset, then cut the page.
    let from = p.offset;
    while (from > 0 && from < list.length && keyOf(list[from - 1]) === keyOf(list[from])) from--;
    let to = end;
    while (to > 0 && to < list.length && keyOf(list[to]) === keyOf(list[to - 1])) to++;
    const window = list.slice(from, to);
    const salt = `${p.offset}:${mulberry32(p.offset + 1)()}`;
    const reordered: RocketListedAgent[] = [];
    for (let i = 0; i < window.length;) {
      let j = i + 1;
      while (j < window.length && keyOf(window[j]) === keyOf(window[i])) j++;
      reordered.push(...window.slice(i, j).sort((a, b) => hash(a._id + salt) - hash(b._id + salt)));
      i = j;
    }
    return reordered.slice(p.offset - from, end - from);
  }

  /** The field a valid `sort` orders by first (default `name`). */
  function sortField(sortRaw: string | null): string {
    if (sortRaw === null) return 'name';
    try {
      const parsed: unknown = JSON.parse(sortRaw);
      const first = parsed && typeof parsed === 'object' ? Object.keys(parsed)[0] : undefined;
      return first && SORT_FIELDS.has(first) ? first : 'name';
    } catch {
      return 'name';
    }
  }

  function sortedBy(sortRaw: string | null): RocketListedAgent[] | SandboxResponse {
    let field = 'name';
    let dir: 1 | -1 = 1;
    if (sortRaw !== null) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(sortRaw);
      } catch {
        parsed = undefined;
      }
      const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : [];
      if (entries.length === 0) {
        return json(400, {
          success: false, error: `Invalid sort parameter provided: "${sortRaw}" [error-invalid-sort]`, errorType: 'error-invalid-sort',
        });
      }
      const [f, d] = entries[0];
      if (SORT_FIELDS.has(f)) field = f;
      dir = d === -1 || d === '-1' ? -1 : 1;
    }
    const key = `${field}:${dir}`;
    let list = sorted.get(key);
    if (!list) {
      list = sortRocketAgents(data.agents, field as keyof RocketAgent, dir);
      sorted.set(key, list);
    }
    return list;
  }

  function filterAgents(base: RocketListedAgent[], cacheKey: string, keep: (a: RocketListedAgent) => boolean): RocketListedAgent[] {
    let list = filtered.get(cacheKey);
    if (!list) {
      list = base.filter(keep);
      if (filtered.size > 32) filtered.clear();
      filtered.set(cacheKey, list);
    }
    return list;
  }

  function textMatch(text: string | null): (a: RocketAgent) => boolean {
    if (!text) return () => true;
    const t = text.toLowerCase();
    return (a) =>
      a.username.toLowerCase().includes(t) || a.name.toLowerCase().includes(t) || a.emails.some((e) => e.address.toLowerCase().includes(t));
  }

  function paged<T>(list: readonly T[], p: Paging, key: string, ext: (a: T, i: number) => T): Record<string, unknown> {
    const size = p.count === 0 ? list.length : p.count;
    const items = pageOf(list, p.offset, size, forever(), ext);
    const total = forever() ? p.offset + items.length + size : list.length;
    return { [key]: items, count: items.length, offset: p.offset, total, success: true };
  }

  function usersAgent(req: SandboxRequest): SandboxResponse {
    for (const k of req.query.keys()) if (!USERS_AGENT_PARAMS.has(k)) return invalidParams('must NOT have additional properties');
    const p = paging(req);
    if (isResponse(p)) return p;
    const onlyAvailable = bool(req, 'onlyAvailable');
    if (isResponse(onlyAvailable)) return onlyAvailable;
    const showIdle = bool(req, 'showIdleAgents');
    if (isResponse(showIdle)) return showIdle;
    const sortRaw = ctx.variants.rocketchatIgnoreSort ? null : req.query.get('sort');
    const base = sortedBy(sortRaw);
    if (isResponse(base)) return base;
    const text = req.query.get('text');
    const excludeId = req.query.get('excludeId');
    const match = textMatch(text);
    const key = JSON.stringify([sortRaw, text, onlyAvailable, showIdle, excludeId]);
    const list = filterAgents(base, key, (a) =>
      match(a) &&
      (onlyAvailable !== true || a.statusLivechat === 'available') &&
      (showIdle !== false || a.status !== 'offline' || a.username.endsWith('.bot')) &&
      (excludeId === null || a._id !== excludeId));
    if (ctx.variants.rocketchatUnstableTies) {
      const users = pageWithTies(list, p, sortField(sortRaw));
      return json(200, { users, count: users.length, offset: p.offset, total: list.length, success: true });
    }
    return json(200, paged(list, p, 'users', extend));
  }

  function usersAgentOne(id: string): SandboxResponse {
    if (id === creds.userId || id === creds.restrictedUserId) return json(200, { user: null, success: true });
    const a = data.byId.get(decodeURIComponentSafe(id));
    if (!a) return json(400, { success: false, error: 'User not found' });
    return json(200, { user: agentView(a), success: true });
  }

  function agentsAvailable(req: SandboxRequest): SandboxResponse {
    if (ctx.rocketchatAvailableEndpoint === 'single') {
      return json(200, { agent: rocketAvailableExample(), success: true });
    }
    const p = paging(req);
    if (isResponse(p)) return p;
    const base = sortedBy(req.query.get('sort'));
    if (isResponse(base)) return base;
    const text = req.query.get('text');
    const match = textMatch(text);
    const list = filterAgents(base, JSON.stringify(['available', req.query.get('sort'), text]), (a) => a.statusLivechat === 'available' && match(a));
    const out = paged(list, p, 'agents', extend);
    const agents = (out.agents as RocketListedAgent[]).map(agentView);
    return json(200, { agents, count: out.count, offset: out.offset, total: out.total, success: true });
  }

  function departments(req: SandboxRequest): SandboxResponse {
    const p = paging(req);
    if (isResponse(p)) return p;
    const text = req.query.get('text')?.toLowerCase();
    const enabled = req.query.get('enabled');
    const list = data.departments.filter((d) =>
      (!text || d.name.toLowerCase().includes(text)) && (enabled !== 'true' || d.enabled));
    const size = p.count === 0 ? list.length : p.count;
    const items = list.slice(p.offset, p.offset + size);
    return json(200, { departments: items, count: items.length, offset: p.offset, total: list.length, success: true });
  }

  interface Route {
    key: string;
    permission?: Permission;
    run: (req: SandboxRequest, user: RocketUser) => SandboxResponse;
  }

  function match(path: string): Route | undefined {
    const p = path.replace(/\/$/, '');
    if (p === '/api/v1/me') {
      return {
        key: 'me',
        run: (_req, u) => json(200, {
          _id: u._id, username: u.username, name: u.name,
          emails: [{ address: `${u.username}@example.com`, verified: true }],
          status: 'online', statusLivechat: u.permissions.size > 0 ? 'available' : 'not-available', roles: u.roles,
          active: true, utcOffset: 0, success: true,
        }),
      };
    }
    if (p === '/api/v1/livechat/users/agent') return { key: 'livechat/users/agent', permission: 'view-agents', run: usersAgent };
    const one = /^\/api\/v1\/livechat\/users\/agent\/([^/]+)$/.exec(p);
    if (one) return { key: 'livechat/users/agent/:_id', permission: 'view-agent', run: () => usersAgentOne(one[1]) };
    if (p === '/api/v1/livechat/department') return { key: 'livechat/department', permission: 'view-departments', run: departments };
    if (p === '/api/v1/omnichannel/agents/available' && ctx.rocketchatAvailableEndpoint !== 'removed') {
      return { key: 'omnichannel/agents/available', permission: 'agents-available', run: agentsAvailable };
    }
    return undefined;
  }

  return {
    handle(req) {
      const route = req.method === 'GET' ? match(req.path) : undefined;
      if (!route) return json(404, NOT_FOUND);
      const user = authenticate(req);
      if (!user) return json(401, UNAUTHORIZED);
      const limiter = ctx.limiters.rocketchat;
      let rl: Record<string, string> = {};
      if (limiter.enabled) {
        const r = limiter.hit(`${user._id} ${route.key}`, req.now);
        rl = { 'X-RateLimit-Limit': String(r.limit), 'X-RateLimit-Remaining': String(r.remaining), 'X-RateLimit-Reset': String(r.resetAt) };
        if (!r.allowed) return tooMany(r.timeToReset, req.now, rl);
      }
      const denied = route.permission && !user.permissions.has(route.permission);
      const twoFactorKind = ctx.variants.rocketchatTwoFactor;
      const res = denied ? forbidden(ctx.variants.rocketchatForbidden) : twoFactorKind ? twoFactor(twoFactorKind) : route.run(req, user);
      res.headers = { ...res.headers, ...rl };
      return res;
    },
    tooManyRequests(req, retryAfterSeconds, faults) {
      const seconds = retryAfterSeconds ?? faults?.storm429Seconds ?? 60;
      return tooMany(seconds * 1000, req.now, retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }, faults?.storm429Form, faults?.storm429Status, faults);
    },
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
