// One list (agents or offline messages) of one connection: its items, load status, the last error, whether it
// is whole, and where the items came from. No vscode.
//
// - A newer load aborts an older one (cancel-on-refresh).
// - A first load shows pages as they arrive; a refresh keeps the previous items until the new list is complete,
//   and keeps them if the refresh fails (keep-what-was-loaded-on-failure).
// - With a cache (agents only), the first load first shows what an earlier session saved, marked as cached, then
//   refreshes over it; a complete load is saved again. A list that ends short, repeats a page or hits the page cap
//   is shown (and said to be incomplete) but never saved; and a refresh that ends short does not replace a complete
//   list shown before: that list stays, and `refreshShort` says what the refresh brought.
// - A load refused with a rate limit is tried again by itself when the server said it may be (ApiError
//   `retryAfterMs`), and `retryAt` says when.
import { ApiError, isApiError } from '../api/errors';
import type { ListingEnd, ListingWait } from '../api/model';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { Emitter, type Event } from './events';
import type { ListIncomplete, ListState, LoadStatus } from './listState';

/** One load: the pages, and `onEnd` to call with how the listing ended (see PlatformClient.agents). */
/**
 * One listing: pages of items. `onEnd` hears how it ended; `onWait` hears when it is held back (rate limit, retry)
 * and until when, then `undefined` (ListOptions.onWait).
 */
export type PageSource<T> = (
  signal: AbortSignal, onEnd: (end: ListingEnd) => void, onWait: (wait: ListingWait | undefined) => void,
) => AsyncIterable<T[]> | Promise<AsyncIterable<T[]>>;

/** Items saved by an earlier session, and when (epoch ms). */
export interface CachedItems<T> {
  items: T[];
  savedAt: number;
}

/** Where a list's items survive a restart. */
export interface ListCache<T> {
  /** What an earlier session saved, or undefined. Never rejects. */
  read(): Promise<CachedItems<T> | undefined>;
  /** Saves a complete list (fire and forget; failures are the cache's to log). */
  write(items: readonly T[], savedAt: number): void;
}

export interface PagedListOptions<T> {
  /** Stop after this many pages (the list is then marked truncated). */
  maxPages(): number;
  clock?: Clock;
  /** The on-disk cache, if this list has one and it is on (read at each first load, so a setting can turn it off). */
  cache?(): ListCache<T> | undefined;
  /** How long to wait before trying again after a rate limit whose wait the server did not say (ms). */
  rateLimitRetryMs?: number;
}

/** When the server did not say how long to wait: a minute, Rocket.Chat's default window. */
export const DEFAULT_RATE_LIMIT_RETRY_MS = 60_000;

export class PagedList<T extends { id: string }> {
  private _items: T[] = [];
  private _status: LoadStatus = 'idle';
  private _error: unknown;
  private _truncated = false;
  private _incomplete: ListIncomplete | undefined;
  private _refreshShort: ListIncomplete | undefined;
  private _waiting: ListingWait | undefined;
  private _loadedAt: number | undefined;
  private _cached = false;
  private _complete = false;
  private _progress = 0;
  private _retryAt: number | undefined;
  private retryTimer: TimerHandle | undefined;
  private controller: AbortController | undefined;
  private current: Promise<void> | undefined;
  private cacheRead: Promise<void> | undefined;
  private readonly changed = new Emitter<void>();
  private disposed = false;
  private readonly clock: Clock;

  /** Status, items, error or state changed. Fires often while pages arrive. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(private readonly source: PageSource<T>, private readonly options: PagedListOptions<T>) {
    this.clock = options.clock ?? systemClock;
  }

  get items(): readonly T[] { return this._items; }
  get status(): LoadStatus { return this._status; }
  get error(): unknown { return this._error; }
  get truncated(): boolean { return this._truncated; }
  get incomplete(): ListIncomplete | undefined { return this._incomplete; }
  /** The last refresh ended short, so the complete list shown before it stays (see ListState.refreshShort). */
  get refreshShort(): ListIncomplete | undefined { return this._refreshShort; }
  get loadedAt(): number | undefined { return this._loadedAt; }
  /** The load in flight is held back (rate limit, retry) until then (see ListState.waiting). */
  get waiting(): ListingWait | undefined { return this._waiting; }
  /** The items shown come from the on-disk cache. */
  get cached(): boolean { return this._cached; }
  get complete(): boolean { return this._complete; }
  get retryAt(): number | undefined { return this._retryAt; }
  /** Items received so far by the load in flight (for "1,234 · loading…" during a refresh). */
  get progress(): number { return this._status === 'loading' ? Math.max(this._progress, this._items.length) : this._items.length; }
  /** Whether a load has ever been started. */
  get started(): boolean { return this._status !== 'idle'; }

  state(): ListState {
    return {
      status: this._status,
      count: this._items.length,
      progress: this.progress,
      error: this._error,
      truncated: this._truncated,
      incomplete: this._incomplete,
      refreshShort: this._refreshShort,
      waiting: this._status === 'loading' ? this._waiting : undefined,
      loadedAt: this._loadedAt,
      cached: this._cached,
      retryAt: this._retryAt,
      complete: this._complete,
    };
  }

  private fire(): void {
    if (!this.disposed) this.changed.fire();
  }

  /**
   * Shows what an earlier session saved, if nothing is shown yet. Makes no request. Resolves when the cache was
   * read (at once when there is no cache, or it was read before); never rejects.
   */
  readCache(): Promise<void> {
    if (this.cacheRead) return this.cacheRead;
    const cache = this.options.cache?.();
    if (!cache) return Promise.resolve();
    this.cacheRead = cache.read().then((saved) => {
      // A load that already produced items (or failed) wins over the cache.
      if (!saved || this.disposed || this._items.length > 0 || this._loadedAt !== undefined) return;
      this._items = saved.items;
      this._loadedAt = saved.savedAt;
      this._cached = true;
      this._complete = true; // only complete lists are saved
      this.fire();
    }, () => undefined);
    return this.cacheRead;
  }

  /** Resolves once the cache read started by `ensureLoaded()`/`readCache()` is done (at once if none). */
  whenCacheRead(): Promise<void> {
    return this.cacheRead ?? Promise.resolve();
  }

  /**
   * Starts the first load if none has started: the cache first (if any), then the network. Returns the load in
   * flight (or a resolved promise). Never rejects.
   */
  ensureLoaded(): Promise<void> {
    if (this._status === 'idle') {
      this._status = 'loading';
      this.fire();
      const run = this.readCache().then(() => (this.disposed ? undefined : this.refresh()));
      this.current = run;
      return run;
    }
    return this.current ?? Promise.resolve();
  }

  /** Loads again, cancelling a load in flight and a scheduled retry. Never rejects: failures land in `error`. */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.clearRetry();
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
    const keepOld = this._items.length > 0;
    const fresh: T[] = [];
    const seen = new Set<string>();
    let end: ListingEnd | undefined;
    this._status = 'loading';
    this._progress = 0;
    this._waiting = undefined; // only reported while loading (state()), so a finished load's last wait never shows
    if (!keepOld) { this._items = fresh; this._error = undefined; this._incomplete = undefined; }
    this.fire();
    let pages = 0;
    let truncated = false;
    let repeats = 0;
    const max = Math.max(1, this.options.maxPages());
    try {
      const iterable = await this.source(ac.signal, (e) => { end = e; }, (w) => {
        if (ac.signal.aborted || this.disposed || this.controller !== ac) return; // a superseded load's waits are not this list's
        this._waiting = w;
        this.fire();
      });
      for await (const page of iterable) {
        if (ac.signal.aborted) return;
        for (const item of page) {
          if (seen.has(item.id)) { repeats += 1; continue; } // never show one item twice
          seen.add(item.id);
          fresh.push(item);
        }
        pages += 1;
        this._progress = fresh.length;
        this.fire();
        if (pages >= max) { truncated = true; break; }
      }
      if (ac.signal.aborted) return;
      const incomplete = truncated ? undefined : shortfall(end, fresh.length, repeats);
      if (incomplete && keepOld && this._complete) {
        // A whole list beats part of a fresher one: keep what was shown (and its time), and say the refresh fell short.
        this._refreshShort = incomplete;
        this._error = undefined;
        this._status = 'loaded';
        this.fire();
        return;
      }
      this._refreshShort = undefined;
      this._items = fresh;
      this._error = undefined;
      this._truncated = truncated;
      this._incomplete = incomplete;
      this._loadedAt = this.clock.now();
      this._cached = false;
      this._complete = !truncated && !incomplete;
      this._status = 'loaded';
      if (this._complete) this.options.cache?.()?.write(fresh, this._loadedAt);
      this.fire();
    } catch (e) {
      if (ac.signal.aborted || this.disposed) return; // superseded by a newer load, or cancelled
      this._error = e instanceof Error ? e : new ApiError('malformed', String(e));
      this._status = 'error';
      this._refreshShort = undefined;
      if (!keepOld) {
        this._items = fresh;
        this._complete = false;
      }
      this.scheduleRetry(this._error);
      this.fire();
    }
  }

  private scheduleRetry(e: unknown): void {
    if (!isApiError(e) || e.kind !== 'rate-limited') return;
    const wait = Math.max(0, e.retryAfterMs ?? this.options.rateLimitRetryMs ?? DEFAULT_RATE_LIMIT_RETRY_MS);
    this._retryAt = this.clock.now() + wait;
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this._retryAt = undefined;
      void this.refresh();
    }, wait);
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this._retryAt = undefined;
  }

  /** Cancels a load in flight and a scheduled retry (the list keeps what it had). */
  cancel(): void {
    const hadRetry = this._retryAt !== undefined;
    this.clearRetry();
    const ac = this.controller;
    if (!ac) {
      if (hadRetry) this.fire();
      return;
    }
    ac.abort();
    this.controller = undefined;
    this.current = undefined;
    this._status = this._loadedAt !== undefined || this._items.length ? 'loaded' : 'idle';
    this.fire();
  }

  dispose(): void {
    this.clearRetry();
    this.controller?.abort();
    this.disposed = true;
    this.changed.dispose();
  }
}

/** Whether a finished listing is short of what the server has. */
function shortfall(end: ListingEnd | undefined, received: number, repeats: number): ListIncomplete | undefined {
  // The client judges (it knows the server's total and its quirks, e.g. a documented total that is one too many).
  if (end) return end.incomplete ? { received, expected: end.incomplete.expected, reason: end.incomplete.reason } : undefined;
  // A source that does not say, but pages that overlapped: an item was pushed across a page boundary.
  if (repeats > 0) return { received, reason: 'repeated-page' };
  return undefined;
}

export function isCancellation(e: unknown): boolean {
  return (isApiError(e) && e.kind === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}
