// Parts 3 and 5: the pure presentation builders the tree, Find Agent… and the detail panels run on.
// Agents come from the sandbox's data generator through the real REVE Chat normaliser (departments, statuses,
// multilingual names), so the builders see what they see in the extension.
import { reveAgent, reveOfflineMessageDetail } from '../src/api/revechat';
import type { Agent } from '../src/api/model';
import { generateData } from '../src/sandbox/data';
import { AgentSearchIndex } from '../src/search/agentSearch';
import { presentAgent, statusText } from '../src/views/presentation/agent';
import { filterAgents, groupByDepartment, NO_FILTER, sortByName } from '../src/views/presentation/filter';
import { formatCount, plainText } from '../src/views/presentation/text';
import { agentHtml } from '../src/webviews/html/agentHtml';
import { offlineMessageHtml } from '../src/webviews/html/offlineMessageHtml';
import type { PageContext } from '../src/webviews/html/page';
import { median, quantile, sample } from './stats';

export interface TreeResult { agents: number; mode: 'flat' | 'grouped' | 'filtered "gr"'; ms: number; minMs: number; runs: number; items: number }
export interface KeystrokeResult { query: string; keystrokes: number; median: number; p95: number; max: number; samples: number }
export interface SearchResults { agents: number; indexBuildMs: number; queries: KeystrokeResult[]; median: number; p95: number }
export interface PanelResult { what: string; ms: number; htmlBytes: number }

/** What AgentsConnectionNode + DepartmentNode + AgentNode compute for every visible row, without vscode. */
function buildFlat(agents: readonly Agent[]): number {
  let n = 0;
  for (const a of sortByName(filterAgents(agents, NO_FILTER))) { presentAgent(a); n++; }
  return n;
}

function buildGrouped(agents: readonly Agent[]): number {
  let n = 0;
  for (const g of groupByDepartment(sortByName(filterAgents(agents, NO_FILTER)), 'No department')) {
    // the department row, then (expanded) every member row
    void (plainText(g.name) || g.id); void formatCount(g.agents.length); n++;
    const scope = `department/${g.id}/`;
    for (const a of g.agents) { presentAgent(a, scope); n++; }
  }
  return n;
}

function buildFiltered(agents: readonly Agent[]): number {
  let n = 0;
  for (const a of sortByName(filterAgents(agents, { text: 'gr', onlineOnly: false }))) { presentAgent(a); n++; }
  return n;
}

/** The per-item work Find Agent… does after a search (src/commands/findAgent.ts toItem, minus the ThemeIcon). */
function toQuickPickItem(agent: Agent, connectionLabel: string): { label: string; description: string; detail: string } {
  return {
    label: plainText(agent.name) || plainText(agent.email) || agent.id,
    description: [plainText(agent.email, 120), connectionLabel].filter(Boolean).join(' · '),
    detail: `ID ${plainText(agent.id, 80)} · ${statusText(agent.status)}${agent.role ? ` · ${plainText(agent.role, 60)}` : ''}`,
  };
}

export function makeAgents(n: number): Agent[] {
  const data = generateData({ seed: 7, agents: n, offlineMessages: 1, hostileStrings: [] });
  return data.revechat.agents.map((a) => reveAgent(a, 'bench')).filter((a): a is Agent => !!a);
}

export function benchTree(agents: readonly Agent[], sizes: readonly number[]): TreeResult[] {
  const out: TreeResult[] = [];
  for (const n of sizes) {
    const list = agents.slice(0, n);
    for (const [mode, fn] of [['flat', buildFlat], ['grouped', buildGrouped], ['filtered "gr"', buildFiltered]] as const) {
      let items = 0;
      fn(list); // warm-up: the first build compiles the builders
      const runs = sample(() => { items = fn(list); }, { minRuns: 15, minMs: 600 });
      out.push({ agents: list.length, mode, ms: median(runs), minMs: Math.min(...runs), runs: runs.length, items });
    }
  }
  return out;
}

/** Queries typed one character at a time: each prefix is one keystroke. */
export function benchSearch(agents: readonly Agent[]): SearchResults {
  const t0 = performance.now();
  const index = new AgentSearchIndex(agents);
  const indexBuildMs = performance.now() - t0;
  const someone = agents[Math.floor(agents.length * 0.61)];
  const emailFragment = (agents.find((a) => a.email && a.email.includes('@'))?.email ?? 'someone@example.com').split('@')[1].slice(0, 7);
  const queries = ['nick', 'gr', (someone.name.split(' ')[0] ?? 'anna').slice(0, 6), `@${emailFragment}`, someone.id, 'zzzz'];
  // The quick pick opens with the empty query (the first 200 by name): that run, and one throw-away query,
  // warm the code up as the extension's own first render does.
  for (const w of ['', 'qx', '']) for (const h of index.search(w)) toQuickPickItem(h.agent, 'Bench');
  const all: number[] = [];
  const results: KeystrokeResult[] = [];
  for (const q of queries) {
    const times: number[] = [];
    // three passes per query: a user types, deletes, types again
    for (let pass = 0; pass < 3; pass++) {
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        const k0 = performance.now();
        const hits = index.search(prefix);
        for (const h of hits) toQuickPickItem(h.agent, 'Bench');
        times.push(performance.now() - k0);
      }
    }
    all.push(...times);
    results.push({ query: q, keystrokes: q.length, median: median(times), p95: quantile(times, 0.95), max: Math.max(...times), samples: times.length });
  }
  return { agents: agents.length, indexBuildMs, queries: results, median: median(all), p95: quantile(all, 0.95) };
}

const CTX: PageContext = {
  nonce: 'YmVuY2gtbm9uY2UtMTIzNDU2Nzg5MA==',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/dist/media/codicon.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/media/panel.js',
  locale: 'en',
};

export function benchPanels(agents: readonly Agent[]): PanelResult[] {
  const agent = agents.find((a) => a.departments.length > 1) ?? agents[0];
  const data = generateData({ seed: 7, agents: 10, offlineMessages: 5, hostileStrings: [] });
  const base = data.revechat.offlineMessages[data.revechat.offlineMessages.length - 1];
  const pool = data.revechat.replies(base.offline_message_id);
  const replyPool = pool.length ? pool : [{ reply_message: 'Thanks, we will get back to you.', message_reply_time: base.received_time, agent_id: 1, first_name: 'Anna', last_name: 'Rossi', email: 'anna@example.com' }];
  const replies = Array.from({ length: 500 }, (_, i) => ({ ...replyPool[i % replyPool.length], message_reply_time: base.received_time + i * 60_000 }));
  const detail = reveOfflineMessageDetail({ ...base, reply_messages: replies })!;
  const conn = { label: 'Bench', platform: 'revechat' as const };
  let html = '';
  const a = sample(() => { html = agentHtml(agent, conn, CTX); }, { minRuns: 20, minMs: 300 });
  const agentBytes = html.length;
  const m = sample(() => { html = offlineMessageHtml(detail, conn, CTX); }, { minRuns: 10, minMs: 500 });
  return [
    { what: 'agent panel', ms: median(a), htmlBytes: agentBytes },
    { what: `offline message, ${detail.replies.length} replies`, ms: median(m), htmlBytes: html.length },
  ];
}
