// ConnectionStore: connection metadata in globalState (survives restarts, never synced), credentials in
// SecretStorage only, one secret per connection id. Writes are all-or-nothing: secrets are written
// first and rolled back if the metadata cannot be saved; on removal the secrets are deleted first, and a keyring
// that cannot delete them keeps the connection. A keyring that fails (SecretStorage rejects, or answers nothing for
// a connection saved with credentials) is a KeyringError, never the keyring's raw message.
import * as vscode from 'vscode';
import type { Connection, Credentials } from '../api/model';
import { Disposable } from '../util/lifecycle';
import type { Logger } from '../util/log';
import { registerSecret } from '../util/redact';
import { KeyringError, keyringDetail, logName } from './keyring';
import type { ConnectionChange, StoredConnection } from './types';

const STATE_KEY = 'chatdesk.connections.v1';
const SECRET_PREFIX = 'chatdesk.connection.';

function secretKey(id: string): string {
  return `${SECRET_PREFIX}${id}`;
}

function newId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function cleanCredentials(c: Credentials): Credentials {
  const out: Credentials = {};
  if (c.apiKey) out.apiKey = c.apiKey;
  if (c.authToken) out.authToken = c.authToken;
  if (c.password) out.password = c.password;
  return out;
}

function registerAll(c: Credentials): void {
  registerSecret(c.apiKey);
  registerSecret(c.authToken);
  registerSecret(c.password);
}

export class ConnectionStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<ConnectionChange>());
  readonly onDidChange = this._onDidChange.event;
  private connections: StoredConnection[];
  /** Serialises writes so concurrent flows cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
  ) {
    super();
    const stored = state.get<unknown>(STATE_KEY);
    this.connections = Array.isArray(stored) ? (stored as StoredConnection[]).filter((c) => c && typeof c.id === 'string') : [];
  }

  list(): readonly StoredConnection[] {
    return this.connections;
  }

  get(id: string): StoredConnection | undefined {
    return this.connections.find((c) => c.id === id);
  }

  private name(id: string): string {
    return logName(this.get(id) ?? { id });
  }

  /** SecretStorage.get, with a keyring failure as KeyringError('read'). */
  private async readSecret(id: string): Promise<string | undefined> {
    try {
      return await this.secrets.get(secretKey(id));
    } catch (e) {
      const error = new KeyringError('read', e);
      this.log.warn(`Reading the credentials of connection ${this.name(id)} from the OS keyring failed: ${keyringDetail(error)}`);
      throw error;
    }
  }

  /** SecretStorage.store, with a keyring failure as KeyringError('write'). */
  private async writeSecret(id: string, value: string, name: string): Promise<void> {
    try {
      await this.secrets.store(secretKey(id), value);
    } catch (e) {
      const error = new KeyringError('write', e);
      this.log.warn(`Saving the credentials of connection ${name} in the OS keyring failed: ${keyringDetail(error)}`);
      throw error;
    }
  }

  /**
   * The connection's credentials. Registers them for log redaction. Rejects with KeyringError('read') when VS Code
   * cannot read the OS keyring, and also when the keyring answers nothing, or something unreadable, for a connection
   * that exists: every connection was saved with its credentials, so that is the keyring's doing (a reset or
   * replaced keyring), never "no token set". A connection that does not exist (any more) has none: `{}`.
   */
  async credentials(id: string): Promise<Credentials> {
    const raw = await this.readSecret(id);
    if (!this.get(id)) return {};
    if (!raw) {
      this.log.warn(`The OS keyring returned no credentials for connection ${this.name(id)}.`);
      throw new KeyringError('read', new Error('SecretStorage.get returned nothing'), 'empty');
    }
    let c: Credentials;
    try {
      c = cleanCredentials(JSON.parse(raw) as Credentials);
    } catch {
      c = {};
    }
    if (!c.apiKey && !c.authToken && !c.password) {
      this.log.warn(`The credentials of connection ${this.name(id)} in the OS keyring are unreadable.`);
      throw new KeyringError('read', new Error('unreadable stored credentials'), 'unreadable');
    }
    registerAll(c);
    return c;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeState(next: StoredConnection[]): Promise<void> {
    await this.state.update(STATE_KEY, next);
    this.connections = next;
  }

  /** Saves a new connection with its credentials; either both are saved or neither (KeyringError('write') if the keyring fails). */
  add(connection: Omit<StoredConnection, 'id'> & { id?: string }, credentials: Credentials): Promise<StoredConnection> {
    return this.serial(async () => {
      const stored: StoredConnection = { ...connection, id: connection.id ?? newId() };
      const creds = cleanCredentials(credentials);
      registerAll(creds);
      await this.writeSecret(stored.id, JSON.stringify(creds), logName(stored));
      try {
        await this.writeState([...this.connections, stored]);
      } catch (e) {
        await this.secrets.delete(secretKey(stored.id)).then(undefined, () => undefined);
        throw e;
      }
      this.log.info(`Added connection ${logName(stored)} (${stored.platform}, ${stored.baseUrl}).`);
      this._onDidChange.fire({ kind: 'added', id: stored.id });
      return stored;
    });
  }

  /**
   * Updates metadata and, when `credentials` is given, merges it over the stored credentials (a field
   * that is undefined keeps its stored value; an empty string removes it). All-or-nothing.
   */
  update(id: string, patch: Partial<Omit<StoredConnection, 'id'>>, credentials?: Credentials): Promise<StoredConnection> {
    return this.serial(async () => {
      const current = this.get(id);
      if (!current) throw new Error(`No connection ${id}`);
      const next: StoredConnection = { ...current, ...patch, id };
      for (const k of Object.keys(next) as (keyof StoredConnection)[]) if (next[k] === undefined) delete next[k];
      let previousSecret: string | undefined;
      let credentialsChanged = false;
      if (credentials) {
        previousSecret = await this.readSecret(id);
        let old: Credentials = {};
        try { old = previousSecret ? (JSON.parse(previousSecret) as Credentials) : {}; } catch { /* unreadable: replaced */ }
        const merged = cleanCredentials({
          apiKey: credentials.apiKey ?? old.apiKey,
          authToken: credentials.authToken ?? old.authToken,
          password: credentials.password ?? old.password,
        });
        registerAll(merged);
        const serialised = JSON.stringify(merged);
        credentialsChanged = serialised !== previousSecret;
        if (credentialsChanged) await this.writeSecret(id, serialised, logName(next));
      }
      try {
        await this.writeState(this.connections.map((c) => (c.id === id ? next : c)));
      } catch (e) {
        if (credentialsChanged) {
          await (previousSecret === undefined
            ? this.secrets.delete(secretKey(id))
            : this.secrets.store(secretKey(id), previousSecret)).then(undefined, () => undefined);
        }
        throw e;
      }
      const onlyLabel = Object.keys(patch).every((k) => k === 'label') && !credentialsChanged;
      this.log.info(`Updated connection ${logName(next)}${credentialsChanged ? ' (credentials changed)' : ''}.`);
      this._onDidChange.fire({ kind: onlyLabel ? 'renamed' : 'updated', id, credentialsChanged });
      return next;
    });
  }

  rename(id: string, label: string): Promise<StoredConnection> {
    return this.update(id, { label });
  }

  /**
   * Deletes the connection's credentials from the OS keyring, then the connection. A keyring that cannot delete them
   * rejects with KeyringError('delete') and the connection is kept (the user was told its credentials would be
   * deleted: Remove can be tried again); metadata that cannot be saved puts the credentials back.
   */
  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const removed = this.get(id);
      if (!removed) return;
      const previous = await this.secrets.get(secretKey(id)).then((v) => v, () => undefined);
      try {
        await this.secrets.delete(secretKey(id));
      } catch (e) {
        const error = new KeyringError('delete', e);
        this.log.warn(`Deleting the credentials of connection ${logName(removed)} from the OS keyring failed; the connection is kept: ${keyringDetail(error)}`);
        throw error;
      }
      try {
        await this.writeState(this.connections.filter((c) => c.id !== id));
      } catch (e) {
        if (previous) await this.secrets.store(secretKey(id), previous).then(undefined, () => undefined);
        throw e;
      }
      this.log.info(`Removed connection ${logName(removed)}.`);
      this._onDidChange.fire({ kind: 'removed', id });
    });
  }
}

export function toConnection(c: StoredConnection): Connection {
  const { id, label, platform, baseUrl, accountId, userId, username } = c;
  const out: Connection = { id, label, platform, baseUrl };
  if (accountId) out.accountId = accountId;
  if (userId) out.userId = userId;
  if (username) out.username = username;
  return out;
}
