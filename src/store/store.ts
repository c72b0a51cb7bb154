// The store: every connection's lists (agents, offline messages) and the agent directory, below every view, command,
// panel, code feature and tool. No vscode: connections, clients, settings and the log come in through small
// interfaces, and its events are its own (events.ts).
//
// - Follows the connections: a removed connection's lists are dropped and its cached agents deleted; an edited one
//   gets new lists, reloaded if they had been loaded; a renamed one keeps its lists.
// - Nothing is fetched until a reader asks (`lists(id).agents.ensureLoaded()`); the on-disk cache is read on the
//   first look at a connection (`readCachedAgents()` reads it without any request).
// - Refresh All and auto-refresh go through one policy (refreshPolicy.ts).
import { ApiError } from '../api/errors';
import type { Agent, Connection, OfflineMessageDetail } from '../api/model';
import type { Logger } from '../util/log';
import type { AgentCache } from './agentCache';
import { systemClock, type Clock } from './clock';
import { ConnectionLists, describeConnection, expectsOfflineMessages, type ClientSource } from './connectionLists';
import { AgentDirectory } from './directory';
import { Emitter, type Event, type Subscription } from './events';
import { AutoRefreshLoop, dueForRefresh, type RefreshAllOptions } from './refreshPolicy';

/** A change of the connections, as the connection store reports it. */
export interface ConnectionChange {
  kind: 'added' | 'updated' | 'renamed' | 'removed';
  id: string;
}

/** Where the store's connections come from (src/connections/store.ts). */
export interface ConnectionSource<C extends Connection = Connection> {
  list(): readonly C[];
  get(id: string): C | undefined;
  onDidChange(listener: (e: ConnectionChange) => void): Subscription;
}

export interface ListChange {
  connectionId: string;
  list: 'agents' | 'offline';
}

export interface StoreOptions<C extends Connection = Connection> {
  connections: ConnectionSource<C>;
  clients: ClientSource;
  /** The page cap of a list (one above the client's own cap, which fails with an error item). */
  maxPages(): number;
  log: Logger;
  /** The agent cache; undefined when there is no storage folder. */
  cache?: AgentCache;
  /** Whether the agent cache is on (the setting); read at each use. Default: on. */
  cacheEnabled?(): boolean;
  clock?: Clock;
}

/** `C`: the connection objects of the connection store (the views read their extra, non-secret fields). */
export class Store<C extends Connection = Connection> {
  private readonly lists_ = new Map<string, ConnectionLists>();
  /** The cache files were deleted since the setting was last seen off (see cache()). */
  private clearedWhileOff = false;
  private readonly subscriptions: Subscription[] = [];
  private readonly _onDidChangeList = new Emitter<ListChange>();
  private readonly _onDidChangeConnections = new Emitter<void>();
  private readonly clock: Clock;
  private disposed = false;

  /** A list of a connection changed (status, items, error, state). Fires often while pages arrive. */
  readonly onDidChangeList: Event<ListChange> = this._onDidChangeList.event;
  /** Connections were added, removed, renamed or edited. */
  readonly onDidChangeConnections: Event<void> = this._onDidChangeConnections.event;
  /** Every connection's agents, for every reader. */
  readonly directory: AgentDirectory;
  /** Auto-refresh: `autoRefresh.setInterval(ms)` (0 = off). */
  readonly autoRefresh: AutoRefreshLoop;

  constructor(private readonly options: StoreOptions<C>) {
    this.clock = options.clock ?? systemClock;
    this.directory = new AgentDirectory({
      connections: () => this.connections(),
      agentList: (id) => this.lists_.get(id)?.agents,
    });
    this.autoRefresh = new AutoRefreshLoop((o) => this.refreshAll(o), this.clock);
    this.subscriptions.push(options.connections.onDidChange((e) => this.onConnectionChange(e)));
  }

  private get log(): Logger {
    return this.options.log;
  }

  /**
   * The agent cache while the setting is on. Off: nothing is read or written, and on the first use what an earlier
   * session wrote is deleted (the setting may have been turned off while VS Code was closed, when no change event
   * could delete it).
   */
  private cache(): AgentCache | undefined {
    if (!this.options.cache) return undefined;
    if (this.options.cacheEnabled?.() ?? true) { this.clearedWhileOff = false; return this.options.cache; }
    if (!this.clearedWhileOff) {
      this.clearedWhileOff = true;
      this.clearCache().catch((e: unknown) => this.log.warn('Deleting the cached agents failed:', e));
    }
    return undefined;
  }

  private onConnectionChange(e: ConnectionChange): void {
    const old = this.lists_.get(e.id);
    if (e.kind === 'renamed') {
      const c = this.options.connections.get(e.id);
      if (old && c) old.renamed(c);
    } else if (e.kind === 'removed' || e.kind === 'updated') {
      const reload = old ? { agents: old.agents.started, offline: old.offline.started } : undefined;
      old?.dispose();
      this.lists_.delete(e.id);
      if (e.kind === 'removed') void this.options.cache?.delete(e.id);
      if (e.kind === 'updated' && reload) {
        const lists = this.lists(e.id);
        const c = this.options.connections.get(e.id);
        if (lists && reload.agents) void lists.agents.refresh();
        if (lists && c && reload.offline && expectsOfflineMessages(c)) void lists.offline.refresh();
      }
    }
    this.directory.prune();
    this._onDidChangeConnections.fire();
  }

  /** The connections, in the user's order. */
  connections(): readonly C[] {
    return this.options.connections.list();
  }

  connection(id: string): C | undefined {
    return this.options.connections.get(id);
  }

  /** The lists of a stored connection (created on first use; nothing is loaded until a list is asked to). */
  lists(id: string): ConnectionLists | undefined {
    let lists = this.lists_.get(id);
    if (!lists && !this.disposed) {
      const c = this.options.connections.get(id);
      if (!c) return undefined;
      lists = new ConnectionLists(c, {
        clients: this.options.clients,
        maxPages: this.options.maxPages,
        log: this.log,
        cache: () => this.cache(),
        clock: this.clock,
      });
      lists.agents.onDidChange(() => this._onDidChangeList.fire({ connectionId: id, list: 'agents' }));
      lists.offline.onDidChange(() => this._onDidChangeList.fire({ connectionId: id, list: 'offline' }));
      this.lists_.set(id, lists);
    }
    return lists;
  }

  /**
   * Reads the cached agents of every connection whose agents are not in memory yet, without any request.
   * For readers that must never touch the network (hover, completion, diagnostics).
   */
  async readCachedAgents(): Promise<void> {
    await Promise.all(this.connections().map((c) => this.lists(c.id)?.agents.readCache()));
  }

  /** Refreshes one connection: every list shown so far (its agents when nothing was shown yet). */
  refreshConnection(id: string): Promise<void> {
    const lists = this.lists(id);
    const c = this.options.connections.get(id);
    if (!lists || !c) return Promise.resolve();
    const jobs: Promise<void>[] = [];
    const offline = lists.offline.started && expectsOfflineMessages(c);
    if (lists.agents.started || !offline) jobs.push(lists.agents.started ? lists.agents.refresh() : lists.agents.ensureLoaded());
    if (offline) jobs.push(lists.offline.refresh());
    return Promise.all(jobs).then(() => undefined);
  }

  /**
   * Refreshes every list loaded so far: the user's Refresh All (cancels and restarts loads in flight) and
   * auto-refresh (`skipLoading`: leaves them alone).
   */
  refreshAll(options: RefreshAllOptions = {}): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const c of this.connections()) {
      const lists = this.lists_.get(c.id);
      if (!lists) continue;
      if (dueForRefresh(lists.agents, options)) jobs.push(lists.agents.refresh());
      if (dueForRefresh(lists.offline, options) && expectsOfflineMessages(c)) jobs.push(lists.offline.refresh());
    }
    return Promise.all(jobs).then(() => undefined);
  }

  /**
   * One agent: from the directory (this session or the cache), else asked of the server (one request).
   * Rejects with the client's ApiError (e.g. 'not-found') or when the connection is gone.
   */
  async agent(connectionId: string, id: string, signal?: AbortSignal): Promise<Agent> {
    const lists = this.lists(connectionId);
    if (!lists) throw new ApiError('not-found', 'The connection no longer exists.');
    await lists.agents.readCache();
    const known = this.directory.agent(connectionId, id);
    if (known) return known;
    return (await this.options.clients.get(connectionId)).agent(id, { signal });
  }

  /** One offline message with its reply thread, from the server (messages are never cached). */
  async offlineMessage(connectionId: string, id: string, signal?: AbortSignal): Promise<OfflineMessageDetail> {
    if (!this.options.connections.get(connectionId)) throw new ApiError('not-found', 'The connection no longer exists.');
    return (await this.options.clients.get(connectionId)).offlineMessage(id, { signal });
  }

  /** Unread offline messages over every connection that has them. */
  unreadCount(): number {
    let n = 0;
    for (const c of this.connections()) {
      const lists = this.lists_.get(c.id);
      if (lists && expectsOfflineMessages(c)) for (const m of lists.offline.items) if (m.unread) n += 1;
    }
    return n;
  }

  /** Deletes every cached agent list from disk (the lists in memory stay); returns how many files went. */
  async clearCache(): Promise<number> {
    const n = (await this.options.cache?.deleteAll()) ?? 0;
    this.log.info(`Deleted ${n} cached agent list(s).`);
    return n;
  }

  /** Deletes the cached agents of one connection (e.g. Remove Demo), whatever the setting. */
  async forgetCachedAgents(connectionId: string): Promise<void> {
    const c = this.options.connections.get(connectionId);
    await this.options.cache?.delete(connectionId);
    if (c) this.log.debug(`Deleted the cached agents of ${describeConnection(c)}.`);
  }

  dispose(): void {
    this.disposed = true;
    this.autoRefresh.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    for (const l of this.lists_.values()) l.dispose();
    this.lists_.clear();
    this._onDidChangeList.dispose();
    this._onDidChangeConnections.dispose();
  }
}
