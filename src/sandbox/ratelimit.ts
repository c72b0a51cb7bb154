// Fixed-window rate limiters, as Rocket.Chat (per route and user) and HelpCrunch (per key, overall) apply them.

export interface LimitResult {
  allowed: boolean;
  limit: number;
  /** Calls left in the window after this one. */
  remaining: number;
  /** Epoch ms at which the window resets. */
  resetAt: number;
  /** ms until reset. */
  timeToReset: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts one call for `key`. A limit of 0 (or less) means unlimited. */
  hit(key: string, now: number): LimitResult {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    const resetAt = w.start + this.windowMs;
    if (this.limit <= 0) return { allowed: true, limit: this.limit, remaining: 0, resetAt, timeToReset: resetAt - now };
    const allowed = w.count < this.limit;
    if (allowed) w.count++;
    return { allowed, limit: this.limit, remaining: Math.max(0, this.limit - w.count), resetAt, timeToReset: resetAt - now };
  }

  get enabled(): boolean {
    return this.limit > 0;
  }

  reset(): void {
    this.windows.clear();
  }
}
