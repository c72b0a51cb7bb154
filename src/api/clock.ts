// Time as the API client sees it: the current time and abortable waits. Tests about time inject a fake clock
// (see test/unit/api/fakeClock.ts) instead of waiting for real.

import { sleep } from './abort';

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

/**
 * How long one request, or one whole listing, may still spend waiting for a server that asked it to (429s,
 * Retry-After, reset times) or failed (back-off after 5xx and network errors). Waits are counted as time on the
 * clock: pages of one listing waiting at the same moment count once. A budget made with a parent spends from both:
 * a request's waits count against its listing's.
 */
export class WaitBudget {
  private spent = 0;
  private coveredUntil = 0;

  constructor(private readonly totalMs: number, private readonly parent?: WaitBudget, private readonly clock: Clock = systemClock) {}

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
