// One list (agents or offline messages) of one connection: load state, the items, the last error.
// Pure (no vscode). A newer load aborts an older one; on a first load, pages are shown as they arrive;
// on a refresh, the previous items stay until the new list is complete, and stay if the refresh fails.
import { ApiError, isApiError } from '../../api/errors';
import type { LoadStatus } from '../presentation/connection';

export type PageSource<T> = (signal: AbortSignal) => AsyncIterable<T[]> | Promise<AsyncIterable<T[]>>;

export interface PagedListOptions {
  /** Stop after this many pages (the list is then marked truncated). */
  maxPages(): number;
  now?(): number;
}

export class PagedList<T extends { id: string }> {
  private _items: T[] = [];
  private _status: LoadStatus = 'idle';
  private _error: unknown;
  private _truncated = false;
  private _loadedAt: number | undefined;
  private _progress = 0;
  private controller: AbortController | undefined;
  private current: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  constructor(private readonly source: PageSource<T>, private readonly options: PagedListOptions) {}

  get items(): readonly T[] { return this._items; }
  get status(): LoadStatus { return this._status; }
  get error(): unknown { return this._error; }
  get truncated(): boolean { return this._truncated; }
  get loadedAt(): number | undefined { return this._loadedAt; }
  /** Items received so far by the load in flight (for "1,234 · loading…" during a refresh). */
  get progress(): number { return this._status === 'loading' ? Math.max(this._progress, this._items.length) : this._items.length; }
  /** Whether a load has ever been started. */
  get started(): boolean { return this._status !== 'idle'; }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    if (this.disposed) return;
    for (const l of [...this.listeners]) {
      try { l(); } catch { /* a listener's failure is not the list's */ }
    }
  }

  /** Starts the first load if none has started; returns the load in flight (or a resolved promise). */
  ensureLoaded(): Promise<void> {
    if (this._status === 'idle') return this.refresh();
    return this.current ?? Promise.resolve();
  }

  /** Loads again, cancelling a load in flight. Never rejects: failures land in `error`. */
  refresh(): Promise<void> {
    this.controller?.abort();
    const ac = new AbortController();
    this.controller = ac;
    const run = this.load(ac).finally(() => {
      if (this.controller === ac) { this.controller = undefined; this.current = undefined; }
    });
    this.current = run;
    return run;
  }

  /** Waits for the load in flight, if any. */
  whenIdle(): Promise<void> {
    return this.current ?? Promise.resolve();
  }

  private async load(ac: AbortController): Promise<void> {
    const keepOld = this._items.length > 0 && this._status !== 'idle';
    const fresh: T[] = [];
    const seen = new Set<string>();
    this._status = 'loading';
    this._progress = 0;
    if (!keepOld) { this._items = fresh; this._error = undefined; }
    this.fire();
    let pages = 0;
    let truncated = false;
    const max = Math.max(1, this.options.maxPages());
    try {
      const iterable = await this.source(ac.signal);
      for await (const page of iterable) {
        if (ac.signal.aborted) return;
        for (const item of page) {
          if (seen.has(item.id)) continue; // a page boundary that shifted: never show duplicates
          seen.add(item.id);
          fresh.push(item);
        }
        pages += 1;
        this._progress = fresh.length;
        this.fire();
        if (pages >= max) { truncated = true; break; }
      }
      if (ac.signal.aborted) return;
      this._items = fresh;
      this._error = undefined;
      this._truncated = truncated;
      this._loadedAt = (this.options.now ?? Date.now)();
      this._status = 'loaded';
      this.fire();
    } catch (e) {
      if (ac.signal.aborted || this.disposed) return; // superseded by a newer load, or cancelled
      this._error = e instanceof Error ? e : new ApiError('malformed', String(e));
      this._status = 'error';
      if (!keepOld) this._items = fresh;
      this.fire();
    }
  }

  /** Cancels a load in flight (the list keeps what it had). */
  cancel(): void {
    const ac = this.controller;
    if (!ac) return;
    ac.abort();
    this.controller = undefined;
    this.current = undefined;
    this._status = this._loadedAt !== undefined ? 'loaded' : this._items.length ? 'loaded' : 'idle';
    this.fire();
  }

  dispose(): void {
    this.controller?.abort();
    this.disposed = true;
    this.listeners.clear();
  }
}

export function isCancellation(e: unknown): boolean {
  return (isApiError(e) && e.kind === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}
