// Client-side rate limiting, so that in normal use no request is answered 429.
//
// - HelpCrunch: 120 requests/minute overall per key. A rolling-window limiter (at most N sends in any
//   window of W ms) with a safety margin: stricter than a token bucket, whose burst plus refill could send
//   up to twice the limit within one server window.
// - Rocket.Chat: 10 calls per 60 s per route by default, but servers differ, so the limiter learns from
//   X-RateLimit-Limit/Remaining/Reset per route (Reset in epoch ms). When Remaining hits 0 the route waits
//   until Reset. Before the first answer on a route it assumes the default; a route whose answers carry no
//   rate-limit header is not limited (limiter off, or the user may bypass it).
// - REVE Chat: limits undocumented; nothing up front, but a 429 pauses every request for the wait it asks.
//
// Limiters live in a module-level registry keyed by platform, base URL and identity, so clients re-created
// for the same connection (refresh, edit) share one budget. There is one registry per clock: the system clock's in
// production, and one for each clock a test injects (so that a test's clients share limiters as production's do,
// and never share them with another test's).

import { throwIfAborted } from './abort';
import { systemClock, type Clock, type WaitBudget } from './clock';
import { ApiError } from './errors';
import type { Platform } from './model';

export interface RateLimitConfig {
  /** Requests allowed per window (HelpCrunch: overall; Rocket.Chat: the per-route default before headers). */
  perWindow: number;
  windowMs: number;
}

export interface HeaderReader {
  get(name: string): string | null;
}

export interface Limiter {
  /**
   * Waits (abortably) until a request on `route` may be sent, and counts it. A pause that a 429 imposed counts
   * against `budget`; when it is longer than the budget left, rejects at once with ApiError('rate-limited',
   * { retryAfterMs }) instead of waiting. Pacing learnt from the server's headers is not a 429 and is not counted.
   */
  acquire(route: string, signal?: AbortSignal, budget?: WaitBudget): Promise<void>;
  /**
   * Learns from a response: rate-limit headers, and 429s (`retryAfterMs` = the pause to apply).
   * `sentAt` is when the request was sent (epoch ms), for measuring windows.
   */
  observe(route: string, status: number, headers: HeaderReader | undefined, retryAfterMs?: number, sentAt?: number): void;
}

export const DEFAULT_RATE_LIMITS: Record<Platform, RateLimitConfig | undefined> = {
  helpcrunch: { perWindow: 120, windowMs: 60_000 },
  rocketchat: { perWindow: 10, windowMs: 60_000 },
  revechat: undefined,
};

/** Fraction of a documented limit we allow ourselves (clock skew, other tools on the same key). */
const SAFETY = 0.9;
/** Extra ms added to every window: our send time precedes the server's arrival time. */
function windowMargin(windowMs: number): number {
  return Math.max(150, Math.round(windowMs * 0.03));
}
/** Pause after a 429 that named no wait. */
const DEFAULT_429_PAUSE_MS = 2_000;
/** Never wait longer than this for the limiter in one go (headers from a confused server). */
const MAX_LIMITER_WAIT_MS = 60_000;

/** At most `limit` acquisitions in any `windowMs` (+margin) interval. */
export class RollingWindow {
  private readonly sent: number[] = [];

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** ms to wait before the next send is allowed (0 = now). */
  waitMs(now: number): number {
    const span = this.windowMs + windowMargin(this.windowMs);
    while (this.sent.length && this.sent[0] <= now - span) this.sent.shift();
    if (this.sent.length < this.limit) return 0;
    return this.sent[this.sent.length - this.limit] + span - now;
  }

  record(now: number): void {
    this.sent.push(now);
  }

  /**
   * The server says `used` calls of its window (which ends at `resetAt`) are spent: if we counted fewer
   * (another client on the same budget), count the difference as sent at the window's start.
   */
  reconcile(used: number, resetAt: number, now: number): void {
    this.waitMs(now);
    const missing = Math.min(used, this.limit) - this.sent.length;
    if (missing <= 0) return;
    const at = Math.min(now, resetAt - this.windowMs);
    this.sent.unshift(...new Array<number>(missing).fill(at));
  }
}

/** Shared by every limiter: a pause every request honours (after a 429, or when the window is spent). */
class Pause {
  until = 0;

  constructor(private readonly clock: Clock, private readonly capMs = MAX_LIMITER_WAIT_MS) {}

  extend(ms: number): void {
    this.until = Math.max(this.until, this.clock.now() + Math.min(ms, this.capMs));
  }

  waitMs(now: number): number {
    return Math.max(0, this.until - now);
  }
}

/** The pause after a 429 (the caller caps it at its longest single wait); reported, not slept, beyond the budget. */
const uncappedPause = (clock: Clock) => new Pause(clock, Number.POSITIVE_INFINITY);

/** Rejects when a 429's pause is longer than the waiting budget left; otherwise spends it. */
function chargePenalty(penaltyMs: number, budget: WaitBudget | undefined): void {
  if (penaltyMs <= 0 || !budget) return;
  if (!budget.allows(penaltyMs)) {
    throw new ApiError('rate-limited', 'The server asked Chatdesk to wait before asking again.', { retryAfterMs: Math.round(penaltyMs) });
  }
  budget.spend(penaltyMs);
}

function parseRateHeaders(headers: HeaderReader | undefined, now: number): { limit?: number; remaining?: number; resetAt?: number } {
  if (!headers) return {};
  const num = (name: string) => {
    const v = headers.get(name);
    if (v === null || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  let resetAt = num('x-ratelimit-reset');
  // Epoch ms per Rocket.Chat; tolerate epoch seconds and "seconds from now".
  if (resetAt !== undefined) {
    if (resetAt < 1e7) resetAt = now + resetAt * 1000;
    else if (resetAt < 1e11) resetAt *= 1000;
  }
  return { limit: num('x-ratelimit-limit'), remaining: num('x-ratelimit-remaining'), resetAt };
}

/**
 * Waits until `ready()` returns 0, re-checking after each wait (other callers may have taken the slot). A long
 * wait is told to the listing's budget (`WaitBudget.beginWait`), so the user sees why nothing arrives.
 */
async function waitUntilReady(clock: Clock, ready: () => number, signal: AbortSignal | undefined, budget: WaitBudget | undefined): Promise<void> {
  let end: (() => void) | undefined;
  try {
    for (;;) {
      throwIfAborted(signal);
      const wait = ready();
      if (wait <= 0) return;
      const ms = Math.min(wait, MAX_LIMITER_WAIT_MS);
      const next = budget?.beginWait(ms, 'pacing'); // the next wait starts before the last ends: no gap to report
      end?.();
      end = next;
      await clock.sleep(ms, signal);
    }
  } finally {
    end?.();
  }
}

interface RouteState {
  /** undefined until the first answer; false when answers carry no rate-limit header. */
  limited: boolean | undefined;
  window: RollingWindow;
  learntWindow: boolean;
  pause: Pause;
  penalty: Pause;
}

/** Per-route limits learnt from X-RateLimit-* (Rocket.Chat). */
export class PerRouteLimiter implements Limiter {
  private readonly routes = new Map<string, RouteState>();

  constructor(private readonly fallback: RateLimitConfig, private readonly clock: Clock = systemClock) {}

  private state(route: string): RouteState {
    let s = this.routes.get(route);
    if (!s) {
      s = {
        limited: undefined, window: new RollingWindow(this.fallback.perWindow, this.fallback.windowMs), learntWindow: false,
        pause: new Pause(this.clock), penalty: uncappedPause(this.clock),
      };
      this.routes.set(route, s);
    }
    return s;
  }

  async acquire(route: string, signal?: AbortSignal, budget?: WaitBudget): Promise<void> {
    const s = this.state(route);
    chargePenalty(s.penalty.waitMs(this.clock.now()), budget);
    await waitUntilReady(this.clock, () => {
      const now = this.clock.now();
      const wait = Math.max(s.pause.waitMs(now), Math.min(s.penalty.waitMs(now), MAX_LIMITER_WAIT_MS), s.limited === false ? 0 : s.window.waitMs(now));
      if (wait <= 0) s.window.record(now);
      return wait;
    }, signal, budget);
  }

  observe(route: string, status: number, headers: HeaderReader | undefined, retryAfterMs?: number, sentAt?: number): void {
    const s = this.state(route);
    const h = parseRateHeaders(headers, this.clock.now());
    if (h.limit !== undefined && h.limit > 0) {
      s.limited = true;
      s.window.limit = h.limit;
      const now = this.clock.now();
      // The first call of a window tells its length: Remaining = Limit - 1, Reset = its arrival + window.
      // Measured from our send time, so that it errs on the long side.
      if (h.remaining === h.limit - 1 && h.resetAt && h.resetAt > now) {
        const measured = Math.ceil(h.resetAt - Math.min(now, sentAt ?? now));
        s.window.windowMs = s.learntWindow ? Math.max(s.window.windowMs, measured) : measured;
        s.learntWindow = true;
      }
      if (h.remaining !== undefined && h.resetAt) s.window.reconcile(h.limit - h.remaining, h.resetAt, now);
      if (h.remaining !== undefined && h.remaining <= 0 && h.resetAt) s.pause.extend(h.resetAt - now);
    } else if (status < 400 && s.limited === undefined) {
      s.limited = false;
    }
    // A 429 pauses the route for the wait it names (without headers we cannot learn a window from it).
    if (status === 429) s.penalty.extend(retryAfterMs ?? (h.resetAt ? h.resetAt - this.clock.now() : DEFAULT_429_PAUSE_MS));
  }
}

/**
 * No limit up front; a 429 pauses everything for the wait it asks, and a spent window (X-RateLimit-Remaining 0)
 * until its reset (REVE Chat). OverallLimiter adds a window of its own.
 */
export class BackoffOnlyLimiter implements Limiter {
  private readonly pause: Pause;
  private readonly penalty: Pause;

  constructor(protected readonly clock: Clock = systemClock) {
    this.pause = new Pause(clock);
    this.penalty = uncappedPause(clock);
  }

  async acquire(_route: string, signal?: AbortSignal, budget?: WaitBudget): Promise<void> {
    chargePenalty(this.penalty.waitMs(this.clock.now()), budget);
    await waitUntilReady(this.clock, () => {
      const now = this.clock.now();
      const wait = Math.max(this.pause.waitMs(now), Math.min(this.penalty.waitMs(now), MAX_LIMITER_WAIT_MS), this.windowWaitMs(now));
      if (wait <= 0) this.record(now);
      return wait;
    }, signal, budget);
  }

  observe(_route: string, status: number, headers: HeaderReader | undefined, retryAfterMs?: number): void {
    const h = parseRateHeaders(headers, this.clock.now());
    if (h.remaining === 0 && h.resetAt) this.pause.extend(h.resetAt - this.clock.now());
    if (status === 429) this.penalty.extend(retryAfterMs ?? DEFAULT_429_PAUSE_MS);
  }

  /** ms a limit of the limiter's own asks to wait before the next send (none here). */
  protected windowWaitMs(_now: number): number {
    return 0;
  }

  /** A send at `now` (ms), for a limit of the limiter's own. */
  protected record(_now: number): void {}
}

/** Overall limit per key (HelpCrunch): the pauses of BackoffOnlyLimiter, and a rolling window. */
export class OverallLimiter extends BackoffOnlyLimiter {
  private readonly window: RollingWindow;

  constructor(config: RateLimitConfig, clock: Clock = systemClock) {
    super(clock);
    this.window = new RollingWindow(Math.max(1, Math.floor(config.perWindow * SAFETY)), config.windowMs);
  }

  protected override windowWaitMs(now: number): number {
    return this.window.waitMs(now);
  }

  protected override record(now: number): void {
    this.window.record(now);
  }
}

const registries = new WeakMap<Clock, Map<string, Limiter>>();

/** A fingerprint of a secret for use as a map key (never the secret itself). */
// node:crypto is loaded on first use, not when the bundle loads: activation does not need it.
export function fingerprint(secret: string | undefined): string {
  if (!secret) return '-';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/**
 * The limiter for one connection identity, shared by every client created for it on the same clock.
 * `override` replaces the platform's numbers (tests, self-hosted servers with other limits).
 */
export function limiterFor(platform: Platform, baseUrl: string, identity: string, override?: RateLimitConfig, clock: Clock = systemClock): Limiter {
  const config = override ?? DEFAULT_RATE_LIMITS[platform];
  const key = [platform, baseUrl, identity, config ? `${config.perWindow}/${config.windowMs}` : 'none'].join('|');
  let registry = registries.get(clock);
  if (!registry) registries.set(clock, (registry = new Map()));
  let limiter = registry.get(key);
  if (!limiter) {
    if (platform === 'helpcrunch' && config) limiter = new OverallLimiter(config, clock);
    else if (platform === 'rocketchat' && config) limiter = new PerRouteLimiter(config, clock);
    else if (platform === 'revechat' && config) limiter = new OverallLimiter(config, clock);
    else limiter = new BackoffOnlyLimiter(clock);
    registry.set(key, limiter);
  }
  return limiter;
}
