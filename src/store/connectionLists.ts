// The two lists of one connection (agents, offline messages), wired to the connection's client, the agent cache and
// the log. The client is asked for at each load, so that edited credentials and a restarted demo sandbox are used.
import type { Agent, Connection, OfflineMessage, PlatformClient } from '../api/model';
import type { Logger } from '../util/log';
import type { AgentCache } from './agentCache';
import type { Clock } from './clock';
import { PagedList } from './pagedList';

/** Gives the client of a stored connection (created on first use); rejects when it cannot (e.g. the keyring). */
export interface ClientSource {
  get(connectionId: string): Promise<PlatformClient>;
}

/** Whether a connection has offline messages: REVE Chat with the superadmin e-mail (and its password). */
export function expectsOfflineMessages(c: Connection): boolean {
  return c.platform === 'revechat' && !!c.username;
}

/** How log lines name a connection: its name (quoted: it is the user's text), then its id. */
export function describeConnection(c: Connection): string {
  return `${JSON.stringify(c.label)} (${c.id})`;
}

export interface ConnectionListsDeps {
  clients: ClientSource;
  /** The page cap of a list (one above the client's own, which fails with an error item). */
  maxPages(): number;
  log: Logger;
  /** The agent cache when it is on (asked at each first load). */
  cache(): AgentCache | undefined;
  clock?: Clock;
}

export class ConnectionLists {
  readonly agents: PagedList<Agent>;
  readonly offline: PagedList<OfflineMessage>;

  constructor(private connectionNow: Connection, deps: ConnectionListsDeps) {
    const name = () => describeConnection(this.connectionNow);
    const { clients, log, clock } = deps;
    this.agents = new PagedList<Agent>(async (signal, onEnd, onWait) => {
      log.info(`Loading the agents of ${name()}.`);
      const client = await clients.get(this.connectionNow.id);
      return client.agents({ signal, onEnd, onWait });
    }, {
      maxPages: deps.maxPages,
      clock,
      cache: () => deps.cache()?.forConnection(() => this.connectionNow),
    });
    this.offline = new PagedList<OfflineMessage>(async (signal, onEnd, onWait) => {
      log.info(`Loading the offline messages of ${name()}.`);
      const client = await clients.get(this.connectionNow.id);
      return client.offlineMessages({ signal, onEnd, onWait });
    }, { maxPages: deps.maxPages, clock });
    logOutcomes('agents', this.agents, name, log);
    logOutcomes('offline messages', this.offline, name, log);
  }

  get connection(): Connection {
    return this.connectionNow;
  }

  /** A rename: log lines and cache writes use the new name (the lists stay). */
  renamed(connection: Connection): void {
    this.connectionNow = connection;
  }

  dispose(): void {
    this.agents.dispose();
    this.offline.dispose();
  }
}

/** One log line per finished load (not per page): how many items, and whether the list is whole; or the failure. */
function logOutcomes(what: string, list: PagedList<{ id: string }>, name: () => string, log: Logger): void {
  let last = '';
  list.onDidChange(() => {
    if (list.status !== 'error' && list.status !== 'loaded') { last = ''; return; }
    const key = `${list.status}:${String(list.loadedAt)}`;
    if (key === last) return;
    last = key;
    if (list.status === 'error') { log.warn(`Loading the ${what} of ${name()} failed:`, list.error); return; }
    if (list.cached) return;
    const notes: string[] = [];
    if (list.truncated) notes.push('page cap reached');
    const inc = list.incomplete;
    if (inc) notes.push(`incomplete: ${inc.reason}${inc.expected !== undefined ? `, the server reported ${inc.expected}` : ''}`);
    log.info(`Loaded ${list.items.length} ${what} of ${name()}${notes.length ? ` (${notes.join('; ')})` : ''}.`);
  });
}
