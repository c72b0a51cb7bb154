// One PlatformClient per connection, created on first use from the store's metadata and secrets
// (no network until a call is made) and recreated when the connection or the time-out setting changes.
import * as vscode from 'vscode';
import { createClient } from '../api';
import type { Connection, Credentials, PlatformClient } from '../api/model';
import { Disposable } from '../util/lifecycle';
import type { Logger } from '../util/log';
import { logName } from './keyring';
import { toConnection, type ConnectionStore } from './store';
import type { StoredConnection } from './types';

export interface ClientFactoryOptions {
  timeoutMs: number;
  /** The client fails a listing (ApiError 'malformed') past this many pages: a server that pages forever. */
  pageCap: number;
  logger?: Logger;
}

/** Starts the in-extension sandbox when a demo connection needs it (see src/demo). */
export interface DemoHost {
  ensureRunningFor(connection: StoredConnection): Promise<void>;
}

export function readClientOptions(logger?: Logger): ClientFactoryOptions {
  const cfg = vscode.workspace.getConfiguration('chatdesk');
  const seconds = cfg.get<number>('requestTimeoutSeconds', 15);
  return { timeoutMs: Math.max(1, Math.min(300, Number.isFinite(seconds) ? seconds : 15)) * 1000, pageCap: maxPagesSetting(), logger };
}

export function maxPagesSetting(): number {
  const v = vscode.workspace.getConfiguration('chatdesk').get<number>('maxPages', 200);
  return Math.max(1, Math.min(100_000, Number.isFinite(v) ? Math.floor(v) : 200));
}

/** Creates a client for a connection being added (not stored yet). */
export function createClientFor(connection: Connection, credentials: Credentials, logger?: Logger): PlatformClient {
  return createClient(connection, credentials, readClientOptions(logger));
}

export class ClientProvider extends Disposable {
  private readonly cache = new Map<string, Promise<PlatformClient>>();
  demoHost: DemoHost | undefined;

  constructor(private readonly store: ConnectionStore, private readonly log: Logger) {
    super();
    this._register(store.onDidChange((e) => {
      if (e.kind !== 'renamed') this.cache.delete(e.id);
    }));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatdesk.requestTimeoutSeconds') || e.affectsConfiguration('chatdesk.maxPages')) this.cache.clear();
    }));
  }

  /** The client of a stored connection. Rejects when the connection no longer exists. */
  get(id: string): Promise<PlatformClient> {
    let p = this.cache.get(id);
    if (!p) {
      p = this.create(id);
      this.cache.set(id, p);
      p.catch(() => { if (this.cache.get(id) === p) this.cache.delete(id); });
    }
    return p;
  }

  private async create(id: string): Promise<PlatformClient> {
    let stored = this.store.get(id);
    if (!stored) throw new Error(vscode.l10n.t('The connection no longer exists.'));
    if (stored.demo && stored.demoSource === 'sandbox' && this.demoHost) {
      await this.demoHost.ensureRunningFor(stored);
      stored = this.store.get(id) ?? stored;
    }
    const credentials = await this.store.credentials(id);
    this.log.debug(`Creating ${stored.platform} client for connection ${logName(stored)} (${stored.baseUrl}).`);
    return createClient(toConnection(stored), credentials, readClientOptions(this.log));
  }
}
