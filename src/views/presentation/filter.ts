// The Agents view filter: text (name, e-mail, ID, role, department) and "online only", and the grouping by
// department. Pure. Whatever the data (an agent twice, a department listed twice, odd or missing ids), the rows
// these functions return give every tree item a unique id (see agentNodeId, departmentNodeId).
import { platformName, type Agent, type Department, type Platform } from '../../api/model';
import { t } from '../../util/l10n';
import { plainText } from '../../text/plain';
import { bound } from '../../text/truncate';
import { idPart } from './text';

export interface AgentFilter {
  /** Lower-case, trimmed; empty = no text filter. */
  text: string;
  onlineOnly: boolean;
}

export const NO_FILTER: AgentFilter = { text: '', onlineOnly: false };

export function isFilterActive(f: AgentFilter): boolean {
  return f.text !== '' || f.onlineOnly;
}

/** Typed or pasted filter text as matched: one clean line (src/text), lower case, at most 200 characters. */
export function normaliseFilterText(raw: string): string {
  return bound(plainText(raw, Number.MAX_SAFE_INTEGER), 200).text.toLowerCase();
}

/**
 * The line shown when a filter leaves none of a connection's agents: "No agents match the filter", or, when "online
 * only" is on and the platform reported no agent's status (HelpCrunch's agents API has no status field: see
 * docs/platform-apis.md), that the platform does not say who is online, so the filter cannot pick anyone.
 */
export function noMatchText(agents: readonly Agent[], f: AgentFilter, platform: Platform): string {
  if (f.onlineOnly && agents.length > 0 && agents.every((a) => a.status === 'unknown')) {
    return t('{0} does not report who is online; use "Show All Agents"', platformName(platform));
  }
  return t('No agents match the filter');
}

export function agentMatches(agent: Agent, f: AgentFilter): boolean {
  if (f.onlineOnly && agent.status !== 'online') return false;
  if (!f.text) return true;
  const q = f.text;
  return agent.name.toLowerCase().includes(q)
    || (agent.email ?? '').toLowerCase().includes(q)
    || agent.id.toLowerCase().includes(q)
    || (agent.role ?? '').toLowerCase().includes(q)
    || agent.departments.some((d) => d.name.toLowerCase().includes(q));
}

/**
 * Each agent once (by connection and id; the first occurrence wins). Returns `agents` itself when nothing repeats,
 * so the common case costs one pass and no copy.
 */
export function distinctAgents(agents: readonly Agent[]): readonly Agent[] {
  const seen = new Set<string>();
  let out: Agent[] | undefined;
  for (let i = 0; i < agents.length; i++) {
    const a = agents[i];
    const key = `${a.connectionId}\u0000${a.id}`;
    if (seen.has(key)) {
      out ??= agents.slice(0, i);
      continue;
    }
    seen.add(key);
    out?.push(a);
  }
  return out ?? agents;
}

const sortedLists = new WeakMap<readonly Agent[], { length: number; sorted: readonly Agent[] }>();

/**
 * The agents in the order the Agents view shows them on every platform: by name (case-insensitive), then by ID.
 * Servers send them in their own order (Rocket.Chat by `_id` since Chatdesk asks for a stable order, REVE Chat and
 * HelpCrunch as they keep them). Kept per list while the list does not change, so a tree refresh does not sort
 * again; a list that grows (a first load, page by page) is sorted again.
 */
export function sortByName(agents: readonly Agent[]): readonly Agent[] {
  const known = sortedLists.get(agents);
  if (known && known.length === agents.length) return known.sorted;
  const keyed = agents.map((a) => ({ a, key: a.name.toLowerCase() }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  const sorted = keyed.map((k) => k.a);
  sortedLists.set(agents, { length: agents.length, sorted });
  return sorted;
}

/** The agents the view shows: those matching `f`, each once. */
export function filterAgents(agents: readonly Agent[], f: AgentFilter): readonly Agent[] {
  return distinctAgents(isFilterActive(f) ? agents.filter((a) => agentMatches(a, f)) : agents);
}

export interface DepartmentGroup {
  id: string;
  name: string;
  agents: Agent[];
}

/** An agent's departments that can be a group: each id once, no empty id. */
function groupableDepartments(departments: readonly Department[]): Department[] {
  const seen = new Set<string>();
  return departments.filter((d) => {
    if (typeof d.id !== 'string' || d.id === '' || seen.has(d.id)) return false;
    seen.add(d.id);
    return true;
  });
}

/**
 * Groups by department (an agent in several appears in each, once per department); agents without one go last
 * under `noneLabel`, in the group whose id is '' (no department has an empty id here).
 */
export function groupByDepartment(agents: readonly Agent[], noneLabel: string): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>();
  const none: Agent[] = [];
  for (const a of distinctAgents(agents)) {
    const departments = groupableDepartments(a.departments);
    if (!departments.length) { none.push(a); continue; }
    for (const d of departments) {
      let g = groups.get(d.id);
      if (!g) { g = { id: d.id, name: d.name || d.id, agents: [] }; groups.set(d.id, g); }
      g.agents.push(a);
    }
  }
  const out = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (none.length) out.push({ id: '', name: noneLabel, agents: none });
  return out;
}

/** The tree item id of a department row under a connection (ids are URI-encoded: no "/" collisions). */
export function departmentNodeId(connectionId: string, group: DepartmentGroup): string {
  return `${connectionId}/department/${idPart(group.id)}`;
}

/** The scope that makes an agent row's id unique under its department row (see agentNodeId). */
export function departmentScope(group: DepartmentGroup): string {
  return `department/${idPart(group.id)}/`;
}
