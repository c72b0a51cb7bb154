// Rocket.Chat omnichannel: headers X-Auth-Token + X-User-Id, offset/count paging (server caps count at 100)
// with `total` in each reply, per-route rate limits (see limiter.ts).
// - agents: GET /api/v1/livechat/users/agent → {users, count, offset, total, success}
// - agent:  GET /api/v1/livechat/users/agent/{id} → {user | null, success}
// - available: the same list with onlyAvailable=true, merged with the legacy VoIP endpoint
//   GET /api/v1/omnichannel/agents/available where the server still has it: the docs' {agent}, the server
//   code's {agents, count, offset, total}, or 404 (removed in 8.x).
// - verify: GET /api/v1/me, then one agent of the list: a user may log in without the omnichannel permissions.
// - order: `sort={"_id":1}` (a JSON object, read by the server's parseJsonQuery; values 1 or -1). The default order is
//   by name, and ties (agents of one name) come back in a different order for each page query, so offset paging
//   would repeat some agents and never send others.
// - refusals after /me accepted the credentials are missing permissions (see refusal.ts), named in the error.
// No REST endpoint lists offline messages.

import type { WaitBudget } from './clock';
import { namesDirectory, startDirectory, uniqueDepartments, withDirectory, type DepartmentDirectory } from './departments';
import { ApiError } from './errors';
import { clip, detailsFromJson, kindFromMessage } from './errorBody';
import { failing, missingCredential, unsupported, type ClientContext } from './context';
import type {
  Agent, AgentStatus, AvailableAgents, AvailableAgentsSource, CallOptions, ListOptions, OfflineMessage, OfflineMessageDetail, PlatformClient,
} from './model';
import { offsetPages, type Page } from './paging';
import { classifyRefusal, IdentityCheck } from './refusal';
import { asArray, isObject, toEpochMs, toId, toNumber, toText } from './values';
import { refineVendorError, vendorWords } from './vendorCodes';

const PAGE_SIZE = 100;
const AGENTS_PATH = '/api/v1/livechat/users/agent';
const LEGACY_AVAILABLE_PATH = '/api/v1/omnichannel/agents/available';
const DEPARTMENTS_PATH = '/api/v1/livechat/department';
/** A total order, so that offset paging neither repeats nor skips agents who share a name. */
export const STABLE_SORT = JSON.stringify({ _id: 1 });

/**
 * What `GET livechat/users/agent` needs: at least one of these (rocketchat-omnichannel.yaml; the server code
 * apps/meteor/app/livechat/imports/server/rest/users.ts). The livechat-agent and livechat-manager roles have
 * `edit-omnichannel-contact` by default. Servers before the route's rewrite also asked for `manage-livechat-agents`.
 */
export const AGENT_LIST_PERMISSIONS = ['edit-omnichannel-contact', 'transfer-livechat-guest'] as const;
/** `GET livechat/users/agent/:_id` (rocketchat-omnichannel.yaml). */
export const AGENT_PERMISSIONS = ['view-livechat-manager'] as const;
/** `GET omnichannel/agents/available` (seed 001; admin only by default). */
export const LEGACY_AVAILABLE_PERMISSIONS = ['manage-agent-extension-association'] as const;

function quoted(permissions: readonly string[]): string {
  return permissions.map((p) => `"${p}"`).join(' or ');
}

/**
 * What the server answered, for the forbidden sentence: its own words, unless they are a Chatdesk stand-in (a sentence
 * for a bare code) or speak of credentials (which /me just accepted); then its code and status.
 */
function answered(e: ApiError): string {
  const words = vendorWords(e)?.replace(/[.\s]+$/, '');
  if (words && kindFromMessage(words, 'forbidden') !== 'auth') return ` (Rocket.Chat said: "${words}")`;
  const code = e.code ? ` "${e.code}"` : '';
  const status = e.status !== undefined ? ` HTTP ${e.status}` : '';
  return code || status ? ` (Rocket.Chat answered${status}${code})` : '';
}

/** A missing permission, in words: what the user may not do, what the server answered, what to ask for. */
export function rocketForbidden(what: string, permissions: readonly string[], e: ApiError, extra = ''): ApiError {
  return new ApiError(
    'forbidden',
    `Rocket.Chat accepted the user ID and token, but this user may not ${what}${answered(e)}. Ask a Rocket.Chat administrator for the ${quoted(permissions)} permission${extra}.`,
    { status: e.status, code: e.code, permissions, cause: e.cause },
  );
}

function rocketStatus(v: unknown): AgentStatus {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (s === 'online' || s === 'away' || s === 'busy' || s === 'offline') return s;
  return 'unknown';
}

function rocketRole(roles: unknown): string {
  const list = asArray(roles).filter((r): r is string => typeof r === 'string');
  if (list.includes('admin')) return 'admin';
  if (list.includes('livechat-manager')) return 'manager';
  if (list.includes('livechat-monitor')) return 'monitor';
  return 'agent';
}

export function rocketAgent(raw: unknown, connectionId: string): Agent | undefined {
  if (!isObject(raw)) return undefined;
  const id = toId(raw._id ?? raw.id);
  if (id === undefined) return undefined;
  const emails = asArray(raw.emails);
  const email = toText(isObject(emails[0]) ? emails[0].address : undefined) ?? toText(raw.email);
  const statusLivechat = typeof raw.statusLivechat === 'string' ? raw.statusLivechat.trim().toLowerCase() : undefined;
  const departments = uniqueDepartments(asArray(raw.departments)
    .map((d) => (isObject(d) ? { id: toId(d._id ?? d.departmentId ?? d.id), name: toText(d.name ?? d.departmentName) } : { id: toId(d), name: undefined }))
    .filter((d): d is { id: string; name: string | undefined } => d.id !== undefined)
    .map((d) => ({ id: d.id, name: d.name ?? d.id })));
  return {
    platform: 'rocketchat',
    connectionId,
    id,
    name: toText(raw.name) ?? toText(raw.username) ?? email ?? id,
    email,
    role: rocketRole(raw.roles),
    status: rocketStatus(raw.status),
    // 'online' appears only in the docs' example of the legacy endpoint; the server uses available/not-available.
    available: statusLivechat === undefined ? undefined : statusLivechat === 'available' || statusLivechat === 'online',
    departments,
    lastLoginAt: toEpochMs(raw.lastLogin),
    createdAt: toEpochMs(raw.createdAt),
    raw,
  };
}

const LIST_EXTRA = ' (the livechat-agent and livechat-manager roles have the first; older servers also ask for "manage-livechat-agents")';

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError('malformed', e instanceof Error ? e.message : String(e));
}

export class RocketChatClient implements PlatformClient {
  readonly platform = 'rocketchat' as const;
  readonly capabilities = { offlineMessages: false, availableAgents: true };
  /** The server answered 404 for the legacy VoIP endpoint (removed in 8.x). */
  private legacyAvailableGone = false;

  constructor(private readonly ctx: ClientContext) {}

  /** /me, asked at most once per listing to tell a missing permission from bad credentials. */
  private identity(signal: AbortSignal | undefined): IdentityCheck {
    return new IdentityCheck(() => this.me(signal));
  }

  private async me(signal: AbortSignal | undefined): Promise<void> {
    const res = await this.ctx.http.get({ path: '/api/v1/me', headers: this.headers(), signal });
    this.checkSuccess(res.body, res.status);
    if (!isObject(res.body)) throw new ApiError('malformed', 'Rocket.Chat sent an unexpected reply to /me.', { status: res.status });
  }

  /** Runs `call`; a refusal becomes a missing permission when /me accepts the credentials (see refusal.ts). */
  private async refusalsAsPermissions<T>(
    call: () => Promise<T>, identity: IdentityCheck, what: string, permissions: readonly string[], extra = '',
  ): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw await classifyRefusal(e, identity, (refusal) => rocketForbidden(what, permissions, refusal, extra));
    }
  }

  private headers(): Record<string, string> {
    const token = this.ctx.credentials.authToken?.trim();
    const userId = this.ctx.connection.userId?.trim();
    if (!token) throw missingCredential('Rocket.Chat personal access token');
    if (!userId) throw missingCredential('Rocket.Chat user ID');
    return { 'X-Auth-Token': token, 'X-User-Id': userId };
  }

  /** A 200 with {success:false, error} is still an error. */
  private checkSuccess(body: unknown, status: number): void {
    if (isObject(body) && body.success === false) {
      // Read as an error body: "unauthorized" is a refusal (checked against /me by refusal.ts), codes and waits count.
      const d = detailsFromJson(body) ?? {};
      const message = d.message ?? 'Rocket.Chat reported a failure.';
      throw refineVendorError(new ApiError(d.kind ?? 'bad-request', this.ctx.sanitise(message), {
        status, code: d.code ? this.ctx.sanitise(d.code) : undefined, retryAfterMs: d.retryAfterMs, twoFactor: d.twoFactor,
      }));
    }
  }

  private agentPage(
    extraQuery: Record<string, string>, offset: number, count: number, signal: AbortSignal | undefined, budget?: WaitBudget,
  ): Promise<Page<Agent>> {
    return (async () => {
      const res = await this.ctx.http.get({
        path: AGENTS_PATH,
        query: { ...extraQuery, sort: STABLE_SORT, offset, count },
        headers: this.headers(),
        signal,
        budget,
      });
      this.checkSuccess(res.body, res.status);
      if (!isObject(res.body) || !Array.isArray(res.body.users)) {
        throw new ApiError('malformed', 'Rocket.Chat sent an agent list without `users`.', { status: res.status });
      }
      const items = res.body.users.map((u) => rocketAgent(u, this.ctx.connection.id)).filter((a): a is Agent => !!a);
      return { items, total: toNumber(res.body.total) };
    })();
  }

  private agentList(
    extraQuery: Record<string, string>, o: ListOptions | undefined, budget: WaitBudget = this.ctx.http.listingBudget(o?.onWait),
  ): AsyncGenerator<Agent[], void, undefined> {
    const identity = this.identity(o?.signal);
    const fetchPage = (offset: number, count: number, s: AbortSignal): Promise<Page<Agent>> =>
      this.refusalsAsPermissions(() => this.agentPage(extraQuery, offset, count, s, budget), identity, 'list omnichannel agents', AGENT_LIST_PERMISSIONS, LIST_EXTRA);
    return offsetPages(fetchPage, (a) => a.id, {
      signal: o?.signal,
      pageCap: this.ctx.pageCap,
      pageSize: PAGE_SIZE,
      concurrency: this.ctx.concurrency,
      adoptShortPageSize: true,
      onEnd: o?.onEnd,
    });
  }

  /** /me, then one agent: the credentials work and the user may list agents. */
  async verify(o?: CallOptions): Promise<void> {
    await this.me(o?.signal);
    const identity = this.identity(o?.signal);
    identity.accepted();
    await this.refusalsAsPermissions(() => this.agentPage({}, 0, 1, o?.signal), identity, 'list omnichannel agents', AGENT_LIST_PERMISSIONS, LIST_EXTRA);
  }

  /** Department IDs → names (`livechat/department`), loaded alongside each listing. */
  private departmentDirectory(signal: AbortSignal | undefined, budget: WaitBudget): Promise<DepartmentDirectory | undefined> {
    return startDirectory(`Rocket.Chat ${DEPARTMENTS_PATH}`, async () => {
      const names = new Map<string, string>();
      const fetchPage = async (offset: number, count: number, s: AbortSignal): Promise<Page<{ id: string; name: string }>> => {
        const res = await this.ctx.http.get({ path: DEPARTMENTS_PATH, query: { offset, count }, headers: this.headers(), signal: s, budget });
        this.checkSuccess(res.body, res.status);
        const list = isObject(res.body) ? asArray(res.body.departments) : [];
        const items = list
          .map((d) => (isObject(d) ? { id: toId(d._id), name: toText(d.name) } : {}))
          .filter((d): d is { id: string; name: string } => !!d.id && !!d.name);
        return { items, total: isObject(res.body) ? toNumber(res.body.total) : undefined };
      };
      for await (const page of offsetPages(fetchPage, (d) => d.id, { signal, pageCap: 20, pageSize: PAGE_SIZE, concurrency: 2, adoptShortPageSize: true })) {
        for (const d of page) names.set(d.id, d.name);
      }
      return namesDirectory(names);
    }, this.ctx.logger);
  }

  agents(o?: ListOptions): AsyncIterable<Agent[]> {
    const budget = this.ctx.http.listingBudget(o?.onWait);
    return withDirectory(this.agentList({}, o, budget), this.departmentDirectory(o?.signal, budget));
  }

  async agent(id: string, o?: CallOptions): Promise<Agent> {
    let body: unknown;
    let status: number | undefined;
    try {
      const res = await this.refusalsAsPermissions(async () => {
        const r = await this.ctx.http.get({
          path: `${AGENTS_PATH}/${encodeURIComponent(id)}`,
          headers: this.headers(),
          route: `${AGENTS_PATH}/:_id`,
          signal: o?.signal,
        });
        this.checkSuccess(r.body, r.status); // a 200 {success:false, error:"unauthorized"} is a refusal too
        return r;
      }, this.identity(o?.signal), 'read one agent\'s details', AGENT_PERMISSIONS);
      body = res.body;
      status = res.status;
    } catch (e) {
      // The server answers 400 "User not found" for an unknown user.
      if (e instanceof ApiError && e.kind === 'bad-request' && /not found/i.test(e.message)) {
        throw new ApiError('not-found', e.message, { status: e.status, code: e.code });
      }
      throw e;
    }
    this.checkSuccess(body, status ?? 200);
    const user = isObject(body) ? body.user : undefined;
    if (user === null || user === undefined) {
      throw new ApiError('not-found', this.ctx.sanitise(`Rocket.Chat has no agent ${clip(this.ctx.sanitise(id), 60)}.`), { status });
    }
    const agent = rocketAgent(user, this.ctx.connection.id);
    if (!agent) throw new ApiError('malformed', 'Rocket.Chat sent an agent that could not be read.', { status });
    return agent;
  }

  /**
   * The legacy VoIP endpoint, in whichever of its forms the server has: the docs' `{agent}` (seed 001), the server
   * code's paged `{agents, count, offset, total}`, or 404 (removed in 8.x, remembered by this client).
   */
  private async legacyAvailable(signal: AbortSignal | undefined, identity: IdentityCheck): Promise<AvailableAgentsSource> {
    const source: AvailableAgentsSource = { endpoint: 'omnichannel/agents/available', agents: [] };
    if (this.legacyAvailableGone) return { ...source, absent: true };
    const budget = this.ctx.http.listingBudget();
    try {
      const fetchPage = (offset: number, count: number, s: AbortSignal): Promise<Page<Agent>> => this.refusalsAsPermissions(async () => {
        const res = await this.ctx.http.get({
          path: LEGACY_AVAILABLE_PATH,
          query: { sort: STABLE_SORT, offset, count },
          headers: this.headers(),
          signal: s,
          budget,
        });
        this.checkSuccess(res.body, res.status);
        const b = res.body;
        if (isObject(b) && Array.isArray(b.agents)) {
          const items = b.agents.map((a) => rocketAgent(a, this.ctx.connection.id)).filter((a): a is Agent => !!a);
          return { items, total: toNumber(b.total) };
        }
        if (isObject(b) && isObject(b.agent)) {
          // The docs' single-agent form: one agent, no paging.
          const a = rocketAgent(b.agent, this.ctx.connection.id);
          return { items: a ? [a] : [], total: a ? 1 : 0 };
        }
        return { items: [], total: 0 };
      }, identity, 'ask the older "available agents" endpoint', LEGACY_AVAILABLE_PERMISSIONS, ' (by default only administrators have it)');
      for await (const page of offsetPages(fetchPage, (a) => a.id, {
        signal,
        pageCap: this.ctx.pageCap,
        pageSize: PAGE_SIZE,
        concurrency: this.ctx.concurrency,
      })) {
        source.agents.push(...page.map((a) => ({ ...a, available: a.available ?? true })));
      }
      return source;
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'cancelled') throw e;
      if (e instanceof ApiError && e.status === 404) {
        this.legacyAvailableGone = true; // not asked again by this client
        return { ...source, absent: true };
      }
      this.ctx.logger?.debug(`Rocket.Chat ${LEGACY_AVAILABLE_PATH} failed: ${e instanceof ApiError ? `${e.kind} ${e.status ?? ''}` : 'error'}`);
      return { ...source, error: asApiError(e) };
    }
  }

  /** `livechat/users/agent?onlyAvailable=true`, all pages. */
  private async listAvailable(signal: AbortSignal | undefined): Promise<AvailableAgentsSource> {
    const source: AvailableAgentsSource = { endpoint: 'livechat/users/agent?onlyAvailable=true', agents: [] };
    try {
      for await (const page of this.agentList({ onlyAvailable: 'true' }, { signal })) source.agents.push(...page);
      return source;
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'cancelled') throw e;
      return { ...source, error: asApiError(e) };
    }
  }

  /** Both sources at once, independently: what each gave and why one failed (see PlatformClient.availableAgents). */
  async availableAgents(o?: CallOptions): Promise<AvailableAgents> {
    const identity = this.identity(o?.signal);
    const [main, legacy] = await Promise.all([this.listAvailable(o?.signal), this.legacyAvailable(o?.signal, identity)]);
    const merged = new Map<string, Agent>();
    for (const source of [main, legacy]) for (const a of source.agents) if (!merged.has(a.id)) merged.set(a.id, a);
    return { agents: [...merged.values()], sources: [main, legacy] };
  }

  offlineMessages(): AsyncIterable<OfflineMessage[]> {
    return failing(unsupported('rocketchat', 'listing offline messages (they go to e-mail or a channel)'));
  }

  async offlineMessage(): Promise<OfflineMessageDetail> {
    throw unsupported('rocketchat', 'reading offline messages (they go to e-mail or a channel)');
  }
}
