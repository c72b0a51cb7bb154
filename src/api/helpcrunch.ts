// HelpCrunch v1: `Authorization: Bearer <key>`, GET /v1/agents?offset&limit (max 100) → {data, meta:{total}}.
// meta.total may be missing or wrong (the docs' example says 5 with 4 items): a short or empty page also
// ends the list. Agents have no presence; there is no single-agent endpoint, no offline messages and no
// "available" list. 120 requests/minute overall per key (see limiter.ts).

import type { WaitBudget } from './clock';
import { membershipDirectory, startDirectory, withDirectory, type DepartmentDirectory } from './departments';
import { ApiError } from './errors';
import { clip } from './errorBody';
import { failing, missingCredential, unsupported, type ClientContext } from './context';
import type { Agent, AvailableAgents, CallOptions, Department, ListOptions, OfflineMessage, OfflineMessageDetail, PlatformClient } from './model';
import { offsetPages, type Page } from './paging';
import { asArray, isObject, toId, toNumber, toText } from './values';

const PAGE_SIZE = 100;
/**
 * How far `meta.total` may exceed a confirmed list (see agents()): one, as in the vendor's example, or 1 % of larger
 * totals. A guess: HelpCrunch does not document what else its total counts.
 */
export const HELPCRUNCH_TOTAL_SLACK = (total: number): number => Math.max(1, Math.floor(total / 100));

export function helpcrunchAgent(raw: unknown, connectionId: string): Agent | undefined {
  if (!isObject(raw)) return undefined;
  const id = toId(raw.id);
  if (id === undefined) return undefined;
  const email = toText(raw.email);
  return {
    platform: 'helpcrunch',
    connectionId,
    id,
    name: toText(raw.name) ?? email ?? id,
    email,
    role: toText(raw.role),
    status: 'unknown',
    departments: [],
    raw,
  };
}

export class HelpCrunchClient implements PlatformClient {
  readonly platform = 'helpcrunch' as const;
  readonly capabilities = { offlineMessages: false, availableAgents: false };

  constructor(private readonly ctx: ClientContext) {}

  private headers(): Record<string, string> {
    const key = this.ctx.credentials.apiKey?.trim();
    if (!key) throw missingCredential('HelpCrunch API key');
    return { Authorization: `Bearer ${key}` };
  }

  private async page(offset: number, limit: number, signal: AbortSignal | undefined, budget?: WaitBudget): Promise<Page<Agent>> {
    const res = await this.ctx.http.get({ path: '/v1/agents', query: { offset, limit }, headers: this.headers(), signal, budget });
    const b = res.body;
    if (!isObject(b) || !Array.isArray(b.data)) {
      throw new ApiError('malformed', 'HelpCrunch sent an agent list without `data`.', { status: res.status });
    }
    const items = b.data.map((a) => helpcrunchAgent(a, this.ctx.connection.id)).filter((a): a is Agent => !!a);
    const total = toNumber(isObject(b.meta) ? b.meta.total : undefined) ?? toNumber(b.total);
    return { items, total };
  }

  async verify(o?: CallOptions): Promise<void> {
    await this.page(0, 1, o?.signal);
  }

  /** Agent ID → departments, from `/v1/departments` (each department lists its agents), alongside each listing. */
  private departmentDirectory(signal: AbortSignal | undefined, budget: WaitBudget): Promise<DepartmentDirectory | undefined> {
    return startDirectory('HelpCrunch /v1/departments', async () => {
      const byAgent = new Map<string, Department[]>();
      const fetchPage = async (offset: number, limit: number, s: AbortSignal): Promise<Page<Department & { agentIds: string[] }>> => {
        const res = await this.ctx.http.get({ path: '/v1/departments', query: { offset, limit }, headers: this.headers(), signal: s, budget });
        const b = res.body;
        const items = (isObject(b) ? asArray(b.data) : []).flatMap((d) => {
          if (!isObject(d)) return [];
          const id = toId(d.id);
          if (id === undefined) return [];
          const agentIds = asArray(d.agents).map((a) => toId(isObject(a) ? a.id : a)).filter((a): a is string => a !== undefined);
          return [{ id, name: toText(d.name) ?? id, agentIds }];
        });
        return { items, total: toNumber(isObject(b) && isObject(b.meta) ? b.meta.total : undefined) };
      };
      for await (const page of offsetPages(fetchPage, (d) => d.id, { signal, pageCap: 20, pageSize: PAGE_SIZE, concurrency: 2 })) {
        for (const d of page) {
          for (const agentId of d.agentIds) {
            const list = byAgent.get(agentId) ?? [];
            if (!list.some((x) => x.id === d.id)) list.push({ id: d.id, name: d.name });
            byAgent.set(agentId, list);
          }
        }
      }
      return membershipDirectory(byAgent);
    }, this.ctx.logger);
  }

  /**
   * HelpCrunch has no sort parameter for agents: ties cannot be ordered; repeats are dropped and `onEnd` tells.
   * `meta.total` may count more than the list holds: the vendor's own example (docs.helpcrunch.com get-agents-v1,
   * seed 002) says 5 for 4 agents, and the docs do not say what the total counts. So a list that ended on its own (a
   * short or empty page), with the same total on every page and a second read of its last page giving the same agents
   * and total (nothing moved while paging), is complete when the total exceeds it by at most HELPCRUNCH_TOTAL_SLACK;
   * a list that moved, or a larger gap, is still reported short of the total.
   */
  agents(o?: ListOptions): AsyncIterable<Agent[]> {
    const budget = this.ctx.http.listingBudget(o?.onWait);
    const pages = offsetPages((offset, limit, signal) => this.page(offset, limit, signal, budget), (a) => a.id, {
      signal: o?.signal,
      pageCap: this.ctx.pageCap,
      pageSize: PAGE_SIZE,
      concurrency: this.ctx.concurrency,
      onEnd: o?.onEnd,
      totalOvercount: HELPCRUNCH_TOTAL_SLACK,
    });
    return withDirectory(pages, this.departmentDirectory(o?.signal, budget));
  }

  /** No single-agent endpoint exists: page through the list until it turns up (stops fetching once found). */
  async agent(id: string, o?: CallOptions): Promise<Agent> {
    const wanted = id.trim();
    for await (const page of this.agents(o)) {
      const found = page.find((a) => a.id === wanted);
      if (found) return found;
    }
    throw new ApiError('not-found', this.ctx.sanitise(`HelpCrunch has no agent ${clip(this.ctx.sanitise(wanted), 60)}.`));
  }

  async availableAgents(): Promise<AvailableAgents> {
    throw unsupported('helpcrunch', 'agent availability');
  }

  offlineMessages(): AsyncIterable<OfflineMessage[]> {
    return failing(unsupported('helpcrunch', 'offline messages'));
  }

  async offlineMessage(): Promise<OfflineMessageDetail> {
    throw unsupported('helpcrunch', 'offline messages');
  }
}
