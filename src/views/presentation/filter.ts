// The Agents view filter: text (name, e-mail, ID, role, department) and "online only". Pure.
import type { Agent } from '../../api/model';
import { plainText } from '../../text/plain';
import { bound } from '../../text/truncate';

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

export function filterAgents(agents: readonly Agent[], f: AgentFilter): readonly Agent[] {
  return isFilterActive(f) ? agents.filter((a) => agentMatches(a, f)) : agents;
}

export interface DepartmentGroup {
  id: string;
  name: string;
  agents: Agent[];
}

/** Groups by department (an agent in several appears in each); agents without one go last under `noneLabel`. */
export function groupByDepartment(agents: readonly Agent[], noneLabel: string): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>();
  const none: Agent[] = [];
  for (const a of agents) {
    if (!a.departments.length) { none.push(a); continue; }
    for (const d of a.departments) {
      let g = groups.get(d.id);
      if (!g) { g = { id: d.id, name: d.name || d.id, agents: [] }; groups.set(d.id, g); }
      g.agents.push(a);
    }
  }
  const out = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (none.length) out.push({ id: '', name: noneLabel, agents: none });
  return out;
}
