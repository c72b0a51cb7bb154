// The physical lower bound for listing every agent, per platform: what no client can beat given the
// round-trip latency, the concurrency we allow ourselves, and the platform's rate limit.

export type ListingPlatform = 'revechat' | 'rocketchat' | 'helpcrunch';

export interface RateLimit {
  /** Requests allowed per fixed window (for Rocket.Chat: per route; every agent page is on one route). */
  perWindow: number;
  windowMs: number;
}

/** Page sizes: REVE Chat's is undocumented (the sandbox serves 20); Rocket.Chat caps count at 100; HelpCrunch limit max 100. */
export const PAGE_SIZE: Record<ListingPlatform, number> = { revechat: 20, rocketchat: 100, helpcrunch: 100 };

/** The documented limits (REVE Chat documents none). */
export const REAL_LIMITS: Record<ListingPlatform, RateLimit | undefined> = {
  revechat: undefined,
  rocketchat: { perWindow: 10, windowMs: 60_000 },
  helpcrunch: { perWindow: 120, windowMs: 60_000 },
};

/** Requests a complete listing needs at minimum. */
export function pagesNeeded(platform: ListingPlatform, agents: number): number {
  const size = PAGE_SIZE[platform];
  // Without a total (REVE Chat) the end is only known from a short page: an exact multiple needs one empty page more.
  if (platform === 'revechat') return Math.floor(agents / size) + 1;
  return Math.max(1, Math.ceil(agents / size));
}

export interface Bound {
  pages: number;
  /** ms, the bound itself. */
  ms: number;
  /** Which term binds: 'latency' (round trips at the allowed concurrency) or 'rate limit'. */
  binding: 'latency' | 'rate limit';
  formula: string;
}

/**
 * Lower bound in ms.
 * - Latency term: with a total in the first reply (Rocket.Chat, HelpCrunch) the first page is needed alone, then
 *   the rest at `concurrency` in flight: L × (1 + ⌈(P−1)/C⌉). Without a total (REVE Chat) pages could at best be
 *   fetched speculatively C at a time: L × ⌈P/C⌉.
 * - Rate-limit term (fixed window of R requests per W): k = ⌈P/R⌉ windows; the last one starts at (k−1)·W and its
 *   r = P − (k−1)·R requests take ⌈r/C⌉ round trips: (k−1)·W + L × ⌈r/C⌉.
 * The bound is the larger of the two.
 */
export function lowerBound(platform: ListingPlatform, agents: number, latencyMs: number, concurrency: number, limit: RateLimit | undefined): Bound {
  const P = pagesNeeded(platform, agents);
  const C = Math.max(1, concurrency);
  const L = latencyMs;
  const hasTotal = platform !== 'revechat';
  const latencyTerm = hasTotal ? L * (1 + Math.ceil((P - 1) / C)) : L * Math.ceil(P / C);
  let rateTerm = 0;
  if (limit && limit.perWindow > 0 && P > limit.perWindow) {
    const k = Math.ceil(P / limit.perWindow);
    const r = P - (k - 1) * limit.perWindow;
    rateTerm = (k - 1) * limit.windowMs + L * Math.ceil(r / C);
  }
  const binding = rateTerm > latencyTerm ? 'rate limit' : 'latency';
  const formula = binding === 'rate limit'
    ? `(⌈${P}/${limit!.perWindow}⌉−1)×${fmtWindow(limit!.windowMs)} + ⌈r/${C}⌉×${L} ms`
    : hasTotal ? `(1+⌈(${P}−1)/${C}⌉)×${L} ms` : `⌈${P}/${C}⌉×${L} ms`;
  return { pages: P, ms: Math.max(latencyTerm, rateTerm), binding, formula };
}

function fmtWindow(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
