// Fault injection. Each rate-based fault uses an accumulator (error diffusion): with rate r, exactly ⌊n·r⌋ of n
// requests get the fault, evenly spread (rate 0.5 = every second request), so that it never applies more often than
// configured and tests are deterministic. Latency jitter uses the seeded PRNG.

import { STATUS_CODES } from 'node:http';
import { mulberry32, type Random } from './prng';
import type { FaultOptions } from './types';

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'storm'; retryAfterSeconds: number | undefined }
  | { kind: 'error'; status: number; plain: boolean }
  | { kind: 'html' }
  | { kind: 'malformed' }
  | { kind: 'truncate' };

const RATES = ['dropRate', 'storm429Rate', 'errorRate', 'htmlErrorRate', 'malformedRate', 'truncateRate'] as const;
type RateKey = (typeof RATES)[number];

export class FaultInjector {
  private current: FaultOptions;
  private readonly acc: Record<RateKey, number> = {
    dropRate: 0, storm429Rate: 0, errorRate: 0, htmlErrorRate: 0, malformedRate: 0, truncateRate: 0,
  };
  private readonly rnd: Random;
  private errors = 0;

  constructor(faults: FaultOptions = {}, seed = 1) {
    this.current = { ...faults };
    this.rnd = mulberry32((seed >>> 0) ^ 0xfa017);
  }

  get options(): FaultOptions {
    return this.current;
  }

  /** Merges `faults` over the current ones (a field set to undefined clears it). */
  set(faults: FaultOptions): void {
    this.current = { ...this.current, ...faults };
    for (const k of RATES) if (k in faults) this.acc[k] = 0;
  }

  /** Delay before answering, ms. */
  delay(): number {
    const base = Math.max(0, this.current.latencyMs ?? 0);
    const jitter = Math.max(0, this.current.latencyJitterMs ?? 0);
    return base + (jitter > 0 ? Math.floor(this.rnd() * jitter) : 0);
  }

  /** Decides the fault (if any) for one request. */
  decide(): FaultAction {
    const fired = new Set<RateKey>();
    for (const k of RATES) {
      const rate = Math.min(1, Math.max(0, this.current[k] ?? 0));
      if (rate === 0) continue;
      this.acc[k] += rate;
      if (this.acc[k] >= 1 - 1e-9) {
        this.acc[k] -= 1;
        fired.add(k);
      }
    }
    if (fired.has('dropRate')) return { kind: 'drop' };
    if (fired.has('storm429Rate')) {
      const withRetry = this.current.storm429RetryAfter ?? true;
      return { kind: 'storm', retryAfterSeconds: withRetry ? this.current.storm429Seconds ?? 1 : undefined };
    }
    if (fired.has('errorRate')) {
      this.errors++;
      return { kind: 'error', status: this.current.errorStatus ?? 503, plain: this.errors % 2 === 0 };
    }
    if (fired.has('htmlErrorRate')) return { kind: 'html' };
    if (fired.has('malformedRate')) return { kind: 'malformed' };
    if (fired.has('truncateRate')) return { kind: 'truncate' };
    return { kind: 'none' };
  }
}

/** An injected error: every other one JSON `{"error":"Service Unavailable"}`, the others plain text; `message` replaces the text. */
export function errorBody(status: number, plain: boolean, message?: string): { contentType: string; body: string } {
  const text = message ?? STATUS_CODES[status] ?? 'Error';
  return plain ? { contentType: 'text/plain', body: text } : { contentType: 'application/json', body: JSON.stringify({ error: text }) };
}

/** A reverse proxy's error page, as nginx sends it. */
export function nginxErrorPage(status = 502): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * What a storm 429 says about its wait, in the form FaultOptions.storm429Form asks for: the sentence (`text`, with
 * `{s}` `{m}` `{ms}` filled in), extra headers, and a top-level body field. Each platform puts these in its own shape.
 */
export function stormWait(faults: FaultOptions | undefined, seconds: number, defaultText: string): {
  text: string; headers: Record<string, string>; bodyField?: { retry_after: number };
} {
  const template = faults?.storm429Text ?? defaultText;
  const text = template
    .replace(/\{ms\}/g, String(seconds * 1000))
    .replace(/\{m\}/g, String(Math.round((seconds / 60) * 100) / 100))
    .replace(/\{s\}/g, String(seconds));
  switch (faults?.storm429Form) {
    case 'ratelimit': return { text, headers: { RateLimit: `limit=120, remaining=0, reset=${seconds}` } };
    case 'ratelimit-reset': return { text, headers: { 'RateLimit-Limit': '120', 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(seconds) } };
    case 'reset-after': return { text, headers: { 'X-RateLimit-Reset-After': String(seconds) } };
    case 'retry-after-ms': return { text, headers: { 'Retry-After-Ms': String(seconds * 1000) } };
    case 'body-field': return { text, headers: {}, bodyField: { retry_after: seconds } };
    default: return { text, headers: {} };
  }
}
