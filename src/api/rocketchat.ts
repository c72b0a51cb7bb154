// Rocket.Chat omnichannel: headers X-Auth-Token + X-User-Id, offset/count paging (server caps count at 100)
// with `total` in each reply, per-route rate limits (see limiter.ts).
// - agents: GET /api/v1/livechat/users/agent → {users, count, offset, total, success}
// - agent:  GET /api/v1/livechat/users/agent/{id} → {user | null, success}
// - available: the same list with onlyAvailable=true, merged with the legacy VoIP endpoint
//   GET /api/v1/omnichannel/agents/available where the server still has it: the docs' {agent}, the server
//   code's {agents, count, offset, total}, or 404 (removed in 8.x).
// - verify: GET /api/v1/me. No REST endpoint lists offline messages.

import { linkedController } from './abort';
import { namesDirectory, startDirectory, withDirectory, type DepartmentDirectory } from './departments';
import { ApiError } from './errors';
import { clip } from './errorBody';
import { failing, missingCredential, unsupported, type ClientContext } from './context';
import type { Agent, AgentStatus, CallOptions, OfflineMessage, OfflineMessageDetail, PlatformClient } from './model';
import { offsetPages, type Page } from './paging';
import { asArray, isObject, toEpochMs, toId, toNumber, toText } from './values';

const PAGE_SIZE = 100;
const AGENTS_PATH = '/api/v1/livechat/users/agent';
const LEGACY_AVAILABLE_PATH = '/api/v1/omnichannel/agents/available';
const DEPARTMENTS_PATH = '/api/v1/livechat/department';

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
  const departments = asArray(raw.departments)
    .map((d) => (isObject(d) ? { id: toId(d._id ?? d.departmentId ?? d.id), name: toText(d.name ?? d.departmentName) } : { id: toId(d), name: undefined }))
    .filter((d): d is { id: string; name: string | undefined } => d.id !== undefined)
    .map((d) => ({ id: d.id, name: d.name ?? d.id }));
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

export class RocketChatClient implements PlatformClient {
  readonly platform = 'rocketchat' as const;
  readonly capabilities = { offlineMessages: false, availableAgents: true };
  /** The server answered 404 for the legacy VoIP endpoint (removed in 8.x). */
  private legacyAvailableGone = false;

  constructor(private readonly ctx: ClientContext) {}

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
      const message = toText(body.error) ?? toText(body.message) ?? 'Rocket.Chat reported a failure.';
      throw new ApiError('bad-request', this.ctx.sanitise(message), { status, code: toText(body.errorType) });
    }
  }

  private agentList(extraQuery: Record<string, string>, signal: AbortSignal | undefined): AsyncGenerator<Agent[], void, undefined> {
    const fetchPage = async (offset: number, count: number, s: AbortSignal): Promise<Page<Agent>> => {
      const res = await this.ctx.http.get({
        path: AGENTS_PATH,
        query: { ...extraQuery, offset, count },
        headers: this.headers(),
        signal: s,
      });
      this.checkSuccess(res.body, res.status);
      if (!isObject(res.body) || !Array.isArray(res.body.users)) {
        throw new ApiError('malformed', 'Rocket.Chat sent an agent list without `users`.', { status: res.status });
      }
      const items = res.body.users.map((u) => rocketAgent(u, this.ctx.connection.id)).filter((a): a is Agent => !!a);
      return { items, total: toNumber(res.body.total) };
    };
    return offsetPages(fetchPage, (a) => a.id, {
      signal,
      pageCap: this.ctx.pageCap,
      pageSize: PAGE_SIZE,
      concurrency: this.ctx.concurrency,
      adoptShortPageSize: true,
    });
  }

  async verify(o?: CallOptions): Promise<void> {
    const res = await this.ctx.http.get({ path: '/api/v1/me', headers: this.headers(), signal: o?.signal });
    this.checkSuccess(res.body, res.status);
    if (!isObject(res.body)) throw new ApiError('malformed', 'Rocket.Chat sent an unexpected reply to /me.', { status: res.status });
  }

  /** Department IDs → names (`livechat/department`), loaded alongside each listing. */
  private departmentDirectory(signal: AbortSignal | undefined): Promise<DepartmentDirectory | undefined> {
    return startDirectory(`Rocket.Chat ${DEPARTMENTS_PATH}`, async () => {
      const names = new Map<string, string>();
      const fetchPage = async (offset: number, count: number, s: AbortSignal): Promise<Page<{ id: string; name: string }>> => {
        const res = await this.ctx.http.get({ path: DEPARTMENTS_PATH, query: { offset, count }, headers: this.headers(), signal: s });
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

  agents(o?: CallOptions): AsyncIterable<Agent[]> {
    return withDirectory(this.agentList({}, o?.signal), this.departmentDirectory(o?.signal));
  }

  async agent(id: string, o?: CallOptions): Promise<Agent> {
    let body: unknown;
    let status: number | undefined;
    try {
      const res = await this.ctx.http.get({
        path: `${AGENTS_PATH}/${encodeURIComponent(id)}`,
        headers: this.headers(),
        route: `${AGENTS_PATH}/:_id`,
        signal: o?.signal,
      });
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

  /** The legacy VoIP endpoint, in whichever of its three forms the server has; [] where it is gone or denied. */
  private async legacyAvailable(signal: AbortSignal | undefined): Promise<Agent[]> {
    const out: Agent[] = [];
    if (this.legacyAvailableGone) return out;
    try {
      const fetchPage = async (offset: number, count: number, s: AbortSignal): Promise<Page<Agent>> => {
        const res = await this.ctx.http.get({
          path: LEGACY_AVAILABLE_PATH,
          query: { offset, count },
          headers: this.headers(),
          signal: s,
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
      };
      for await (const page of offsetPages(fetchPage, (a) => a.id, {
        signal,
        pageCap: this.ctx.pageCap,
        pageSize: PAGE_SIZE,
        concurrency: this.ctx.concurrency,
      })) {
        out.push(...page);
      }
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'cancelled') throw e;
      if (e instanceof ApiError && e.status === 404) this.legacyAvailableGone = true; // not asked again by this client
      // 404 on 8.x (removed), 403 without manage-agent-extension-association: the main list suffices.
      this.ctx.logger?.debug(`Rocket.Chat ${LEGACY_AVAILABLE_PATH} skipped: ${e instanceof ApiError ? `${e.kind} ${e.status ?? ''}` : 'error'}`);
    }
    return out;
  }

  async availableAgents(o?: CallOptions): Promise<Agent[]> {
    // Both lists at once; if the main one fails, the legacy one is abandoned.
    const { controller, dispose } = linkedController(o?.signal);
    const legacy = this.legacyAvailable(controller.signal);
    legacy.catch(() => undefined);
    try {
      const merged = new Map<string, Agent>();
      for await (const page of this.agentList({ onlyAvailable: 'true' }, o?.signal)) {
        for (const a of page) if (!merged.has(a.id)) merged.set(a.id, a);
      }
      for (const a of await legacy) {
        if (!merged.has(a.id)) merged.set(a.id, { ...a, available: a.available ?? true });
      }
      return [...merged.values()];
    } catch (e) {
      controller.abort();
      throw e;
    } finally {
      dispose();
    }
  }

  offlineMessages(): AsyncIterable<OfflineMessage[]> {
    return failing(unsupported('rocketchat', 'listing offline messages (they go to e-mail or a channel)'));
  }

  async offlineMessage(): Promise<OfflineMessageDetail> {
    throw unsupported('rocketchat', 'reading offline messages (they go to e-mail or a channel)');
  }
}
