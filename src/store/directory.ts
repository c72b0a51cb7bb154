// The agent directory: one lookup over every connection's agents for every reader (trees, Find Agent…, commands,
// panels, agent IDs in code, language model tools). Reads only what the store holds in memory (loaded this session
// or read from the on-disk cache); never starts a load, never makes a request.
//
// Indexes are built per connection on first use after its list changed (agent id, lower-cased e-mail), so that a
// lookup is a few map reads however many agents there are.
import type { Agent, Connection, Platform } from '../api/model';
import type { ListState } from './listState';
import type { PagedList } from './pagedList';

/** One connection's agents with the state of its list. */
export interface ConnectionAgents {
  connection: Connection;
  agents: readonly Agent[];
  state: ListState;
}

/** An agent found in the directory, with where it was found. */
export interface DirectoryMatch {
  agent: Agent;
  connection: Connection;
  state: ListState;
}

/** What the directory reads: the store's connections and their agent lists. */
export interface DirectorySource {
  connections(): readonly Connection[];
  /** The agent list of a connection, if it has been created (no side effect). */
  agentList(connectionId: string): PagedList<Agent> | undefined;
}

interface ConnectionIndex {
  items: readonly Agent[];
  length: number;
  byId: Map<string, Agent>;
  byEmail: Map<string, Agent[]>;
}

export class AgentDirectory {
  private readonly indexes = new Map<string, ConnectionIndex>();

  constructor(private readonly source: DirectorySource) {}

  private index(connectionId: string): ConnectionIndex | undefined {
    const list = this.source.agentList(connectionId);
    if (!list || list.items.length === 0) { this.indexes.delete(connectionId); return undefined; }
    const items = list.items;
    let ix = this.indexes.get(connectionId);
    // Lists grow in place while a first load runs, or are replaced by a new array: either shows here.
    if (ix && ix.items === items && ix.length === items.length) return ix;
    const byId = new Map<string, Agent>();
    const byEmail = new Map<string, Agent[]>();
    for (const a of items) {
      if (!byId.has(a.id)) byId.set(a.id, a);
      if (a.email) {
        const key = a.email.trim().toLowerCase();
        const found = byEmail.get(key);
        if (found) found.push(a); else byEmail.set(key, [a]);
      }
    }
    ix = { items, length: items.length, byId, byEmail };
    this.indexes.set(connectionId, ix);
    return ix;
  }

  /** Every connection (in the user's order) with its agents (empty when nothing is loaded) and list state. */
  all(): ConnectionAgents[] {
    return this.source.connections().map((connection) => this.of(connection));
  }

  private of(connection: Connection): ConnectionAgents {
    const list = this.source.agentList(connection.id);
    return list
      ? { connection, agents: list.items, state: list.state() }
      : { connection, agents: [], state: { status: 'idle', count: 0, progress: 0, truncated: false, cached: false, complete: false } };
  }

  /** One connection's agents and list state; undefined for an unknown connection. */
  agentsOf(connectionId: string): ConnectionAgents | undefined {
    const connection = this.source.connections().find((c) => c.id === connectionId);
    return connection ? this.of(connection) : undefined;
  }

  /** The agent with this ID on this connection. */
  agent(connectionId: string, id: string): Agent | undefined {
    return this.index(connectionId)?.byId.get(id);
  }

  /** Every connection where an agent has this ID (any platform, or only `platform`), in connection order. */
  byId(id: string, platform?: Platform): DirectoryMatch[] {
    const out: DirectoryMatch[] = [];
    for (const connection of this.source.connections()) {
      if (platform && connection.platform !== platform) continue;
      const agent = this.index(connection.id)?.byId.get(id);
      if (agent) out.push({ agent, connection, state: this.source.agentList(connection.id)!.state() });
    }
    return out;
  }

  /** Every agent with this e-mail address (case-insensitive), in connection order. */
  byEmail(email: string): DirectoryMatch[] {
    const key = email.trim().toLowerCase();
    if (!key) return [];
    const out: DirectoryMatch[] = [];
    for (const connection of this.source.connections()) {
      const found = this.index(connection.id)?.byEmail.get(key);
      if (!found) continue;
      const state = this.source.agentList(connection.id)!.state();
      for (const agent of found) out.push({ agent, connection, state });
    }
    return out;
  }

  /** Every loaded agent list, one per connection that has agents in memory (the lists themselves, not copies). */
  agentLists(): (readonly Agent[])[] {
    const out: (readonly Agent[])[] = [];
    for (const c of this.source.connections()) {
      const items = this.source.agentList(c.id)?.items;
      if (items?.length) out.push(items);
    }
    return out;
  }

  /** Forgets the indexes of connections that are gone. */
  prune(): void {
    const ids = new Set(this.source.connections().map((c) => c.id));
    for (const id of [...this.indexes.keys()]) if (!ids.has(id)) this.indexes.delete(id);
  }
}
