// The data behind both trees: per connection, a PagedList of agents and one of offline messages.
// Follows the ConnectionStore (added/updated/removed) and tells the trees what changed.
import * as vscode from 'vscode';
import type { Agent, OfflineMessage } from '../../api/model';
import type { ClientProvider } from '../../connections/clientProvider';
import type { ConnectionStore } from '../../connections/store';
import type { StoredConnection } from '../../connections/types';
import { Disposable } from '../../util/lifecycle';
import type { Logger } from '../../util/log';
import { PagedList } from './pagedList';
import { dueForRefresh, type RefreshableList, type RefreshAllOptions } from './refreshPolicy';

/** Whether a connection has offline messages: REVE Chat with the superadmin e-mail (and its password). */
export function expectsOfflineMessages(c: StoredConnection): boolean {
  return c.platform === 'revechat' && !!c.username;
}

export class ConnectionSession {
  readonly agents: PagedList<Agent>;
  readonly offline: PagedList<OfflineMessage>;

  constructor(readonly id: string, clients: ClientProvider, maxPages: () => number, log: Logger) {
    this.agents = new PagedList<Agent>(async (signal) => {
      log.info(`Loading agents of connection ${id}.`);
      const client = await clients.get(id);
      return client.agents({ signal });
    }, { maxPages });
    this.offline = new PagedList<OfflineMessage>(async (signal) => {
      log.info(`Loading offline messages of connection ${id}.`);
      const client = await clients.get(id);
      return client.offlineMessages({ signal });
    }, { maxPages });
    const logFailure = (what: string, list: PagedList<{ id: string }>) => list.onDidChange(() => {
      if (list.status === 'error') log.warn(`Loading ${what} of connection ${id} failed:`, list.error);
      else if (list.status === 'loaded') log.info(`Loaded ${list.items.length} ${what} of connection ${id}${list.truncated ? ' (page cap reached)' : ''}.`);
    });
    logFailure('agents', this.agents);
    logFailure('offline messages', this.offline);
  }

  dispose(): void {
    this.agents.dispose();
    this.offline.dispose();
  }
}

export interface SessionChange {
  connectionId: string;
  list: 'agents' | 'offline';
}

export class SessionManager extends Disposable {
  private readonly sessions = new Map<string, ConnectionSession>();
  private readonly _onDidChangeData = this._register(new vscode.EventEmitter<SessionChange>());
  /** A list of a connection changed (status, items, error). Fires often while pages arrive. */
  readonly onDidChangeData = this._onDidChangeData.event;
  private readonly _onDidChangeConnections = this._register(new vscode.EventEmitter<void>());
  /** Connections were added, removed, renamed or edited. */
  readonly onDidChangeConnections = this._onDidChangeConnections.event;

  constructor(
    readonly store: ConnectionStore,
    private readonly clients: ClientProvider,
    private readonly maxPages: () => number,
    private readonly log: Logger,
  ) {
    super();
    this._register(store.onDidChange((e) => {
      if (e.kind === 'removed' || e.kind === 'updated') {
        const old = this.sessions.get(e.id);
        const reload = old ? { agents: old.agents.started, offline: old.offline.started } : undefined;
        old?.dispose();
        this.sessions.delete(e.id);
        if (e.kind === 'updated' && reload) {
          const s = this.session(e.id);
          if (s && reload.agents) void s.agents.refresh();
          if (s && reload.offline && expectsOfflineMessages(this.store.get(e.id)!)) void s.offline.refresh();
        }
      }
      this._onDidChangeConnections.fire();
    }));
    this._register({ dispose: () => { for (const s of this.sessions.values()) s.dispose(); this.sessions.clear(); } });
  }

  connections(): readonly StoredConnection[] {
    return this.store.list();
  }

  /** The session of a stored connection (created on first use; no network until a list is loaded). */
  session(id: string): ConnectionSession | undefined {
    let s = this.sessions.get(id);
    if (!s) {
      if (!this.store.get(id)) return undefined;
      s = new ConnectionSession(id, this.clients, this.maxPages, this.log);
      s.agents.onDidChange(() => this._onDidChangeData.fire({ connectionId: id, list: 'agents' }));
      s.offline.onDidChange(() => this._onDidChangeData.fire({ connectionId: id, list: 'offline' }));
      this.sessions.set(id, s);
    }
    return s;
  }

  /** Refreshes one connection: every list shown so far (its agents when nothing was shown yet). */
  refreshConnection(id: string): Promise<void> {
    const s = this.session(id);
    const c = this.store.get(id);
    if (!s || !c) return Promise.resolve();
    const jobs: Promise<void>[] = [];
    const offline = s.offline.started && expectsOfflineMessages(c);
    if (s.agents.started || !offline) jobs.push(s.agents.refresh());
    if (offline) jobs.push(s.offline.refresh());
    return Promise.all(jobs).then(() => undefined);
  }

  /** Refreshes every list that has been loaded before (auto-refresh, "Refresh All"). */
  refreshLoaded(options: RefreshAllOptions = {}): Promise<void> {
    const jobs: Promise<void>[] = [];
    const due = (list: RefreshableList) => dueForRefresh(list, options);
    for (const c of this.store.list()) {
      const s = this.sessions.get(c.id);
      if (!s) continue;
      if (due(s.agents)) jobs.push(s.agents.refresh());
      if (due(s.offline) && expectsOfflineMessages(c)) jobs.push(s.offline.refresh());
    }
    return Promise.all(jobs).then(() => undefined);
  }

  /** The agents loaded so far, one list per connection that has a session (the lists themselves, not copies). */
  loadedAgentLists(): (readonly Agent[])[] {
    const out: (readonly Agent[])[] = [];
    for (const c of this.store.list()) {
      const s = this.sessions.get(c.id);
      if (s) out.push(s.agents.items);
    }
    return out;
  }

  unreadCount(): number {
    let n = 0;
    for (const c of this.store.list()) {
      const s = this.sessions.get(c.id);
      if (s && expectsOfflineMessages(c)) for (const m of s.offline.items) if (m.unread) n += 1;
    }
    return n;
  }
}
