// Time as the API client sees it: the current time and abortable waits. Tests about time inject a fake clock
// (see test/unit/api/fakeClock.ts) instead of waiting for real.

import { sleep } from './abort';
import type { ListingWait } from './model';

export interface Clock {
  /** Epoch ms. */
  now(): number;
  /** Resolves after `ms`; rejects with ApiError('cancelled') as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
};

/** Waits shorter than this (ms) are not worth telling the user about. */
export const WAIT_WORTH_SAYING_MS = 2_000;

/**
 * How long one request, or one whole listing, may still spend waiting for a server that asked it to (429s,
 * Retry-After, reset times) or failed (back-off after 5xx and network errors). Waits are counted as time on the
 * clock: pages of one listing waiting at the same moment count once. A budget made with a parent spends from both:
 * a request's waits count against its listing's.
 */
export class WaitBudget {
  private spent = 0;
  private coveredUntil = 0;
  private readonly waits = new Map<number, ListingWait>();
  private nextWait = 0;
  private said: string | undefined;

  /**
   * `onWait` (on a listing's budget) hears when the listing is held back, at least WAIT_WORTH_SAYING_MS, and until
   * when (the latest of its waits in progress), then `undefined` when no wait is left.
   */
  constructor(
    private readonly totalMs: number,
    private readonly parent?: WaitBudget,
    private readonly clock: Clock = systemClock,
    private readonly onWait?: (wait: ListingWait | undefined) => void,
  ) {}

  /**
   * A wait of `ms` from now begins (`reason` says whose); returns the function that ends it. Waits shorter than
   * WAIT_WORTH_SAYING_MS are not reported. Counts nothing: `spend` does that.
   */
  beginWait(ms: number, reason: ListingWait['reason']): () => void {
    if (ms < WAIT_WORTH_SAYING_MS) return () => {};
    const root = this.root();
    if (!root.onWait) return () => {};
    const key = ++root.nextWait;
    root.waits.set(key, { until: this.clock.now() + ms, reason });
    root.tell();
    return () => { if (root.waits.delete(key)) root.tell(); };
  }

  private root(): WaitBudget {
    return this.parent ? this.parent.root() : this;
  }

  private tell(): void {
    let latest: ListingWait | undefined;
    for (const w of this.waits.values()) if (!latest || w.until > latest.until) latest = w;
    const key = latest ? `${latest.until}/${latest.reason}` : undefined;
    if (key === this.said) return;
    this.said = key;
    this.onWait?.(latest);
  }

  /** ms still allowed (never negative). */
  remainingMs(): number {
    const own = Math.max(0, this.totalMs - this.spent);
    return this.parent ? Math.min(own, this.parent.remainingMs()) : own;
  }

  /** Whether a wait of `ms` starting now fits in what is left (time already counted for an overlapping wait is free). */
  allows(ms: number): boolean {
    const now = this.clock.now();
    const cost = Math.max(0, now + Math.max(0, ms) - Math.max(now, this.coveredUntil));
    return cost <= Math.max(0, this.totalMs - this.spent) && (!this.parent || this.parent.allows(ms));
  }

  /** Counts a wait of `ms` starting now. */
  spend(ms: number): void {
    const now = this.clock.now();
    const end = now + Math.max(0, ms);
    if (end > this.coveredUntil) {
      this.spent += end - Math.max(now, this.coveredUntil);
      this.coveredUntil = end;
    }
    this.parent?.spend(ms);
  }
}
