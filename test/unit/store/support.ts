// What the store tests wire a real Store with: connections kept in memory (the ConnectionStore's events, without
// VS Code), clients made for the sandbox by the real createClient, and a fake clock for tests about time.
import { createClient, type ClientOptions } from '../../../src/api/index';
import type { Connection, Credentials, PlatformClient } from '../../../src/api/model';
import type { Sandbox } from '../../../src/sandbox/types';
import type { Clock, ConnectionChange, ConnectionSource, Subscription } from '../../../src/store';
import { connectionFor } from '../hardening/support';

export class MemoryConnections implements ConnectionSource {
  private items: Connection[] = [];
  private readonly listeners = new Set<(e: ConnectionChange) => void>();

  list(): readonly Connection[] { return this.items; }
  get(id: string): Connection | undefined { return this.items.find((c) => c.id === id); }
  onDidChange(listener: (e: ConnectionChange) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  private fire(e: ConnectionChange): void { for (const l of [...this.listeners]) l(e); }

  add(c: Connection): Connection { this.items = [...this.items, c]; this.fire({ kind: 'added', id: c.id }); return c; }
  update(id: string, patch: Partial<Connection>, kind: 'updated' | 'renamed' = 'updated'): void {
    this.items = this.items.map((c) => (c.id === id ? { ...c, ...patch } : c));
    this.fire({ kind, id });
  }
  remove(id: string): void { this.items = this.items.filter((c) => c.id !== id); this.fire({ kind: 'removed', id }); }
}

/** Clients for the sandbox, one per load (so a sandbox restarted on another port is reached), counted. */
export class SandboxClients {
  created = 0;
  private readonly secrets = new Map<string, Credentials>();

  constructor(
    private readonly sb: () => Sandbox,
    private readonly connections: ConnectionSource,
    private readonly options: ClientOptions | ((platform: Connection['platform']) => ClientOptions) = {},
  ) {}

  /** Adds the sandbox's connection for `platform` (with its credentials) under `id`. */
  connect(connections: MemoryConnections, platform: Connection['platform'], id = `${platform}-1`, label = `Test ${platform}`): Connection {
    const { connection, credentials } = connectionFor(this.sb(), platform, id);
    this.secrets.set(id, credentials);
    return connections.add({ ...connection, label });
  }

  async get(id: string): Promise<PlatformClient> {
    const c = this.connections.get(id);
    if (!c) throw new Error(`no connection ${id}`);
    this.created += 1;
    const options = typeof this.options === 'function' ? this.options(c.platform) : this.options;
    return createClient(c, this.secrets.get(id) ?? {}, options);
  }
}

/** A clock that moves only when told to; timers fire in order as it passes them. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 10, 30, 9, 0, 0)) { this.t = start; }

  now(): number { return this.t; }
  setTimeout(fn: () => void, ms: number): number {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(handle: unknown): void { this.timers.delete(handle as number); }
  get pending(): number { return this.timers.size; }

  /** Moves the clock forward by `ms`, firing every timer due on the way (in time order). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
}
