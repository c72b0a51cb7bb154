// The one request path every platform client uses: node-fetch, a time-out per attempt, caller cancellation,
// retries with exponential back-off and full jitter (GETs only: network errors, 5xx, 429, and one retry of
// an unreadable 200), Retry-After / X-RateLimit-Reset aware waits, the client-side rate limiter, error
// normalisation and request logging. Nothing here knows a platform's paths.

import { cancelledError, linkedController } from './abort';
import { systemClock, WaitBudget, type Clock } from './clock';
import { ApiError } from './errors';
import { clip, errorForResponse, looksLikeHtml } from './errorBody';
import type { Limiter } from './limiter';
import type { ListingWait } from './model';
import { refineVendorError } from './vendorCodes';
import { waitFromHeaders } from './waitHints';
import type { Logger } from '../util/log';

/** The part of a fetch Response we use (node-fetch's and the global fetch's both fit). */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInitLike {
  method?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  redirect?: 'follow' | 'error' | 'manual';
  /** Most bytes of body to read (node-fetch stops with a 'max-size' error; other fetches ignore it). */
  size?: number;
}

export type FetchLike = (url: string, init?: FetchInitLike) => Promise<FetchResponseLike>;

export interface HttpOptions {
  /** Origin plus any path prefix, without a trailing slash. */
  baseUrl: string;
  fetch?: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  logger?: Logger;
  limiter: Limiter;
  /** Masks secrets in any text that leaves this module. */
  sanitise: (text: string) => string;
  /**
   * Longest single wait before a retry. Back-off waits are shortened to it; a wait the server asks for that is longer
   * ends the request at once with ApiError('rate-limited', { retryAfterMs }) instead of being slept through.
   */
  maxWaitMs?: number;
  /** Most time one request spends waiting in all (retries, 429 pauses); beyond it the request fails at once. */
  maxTotalWaitMs?: number;
  /** Time and waits (default the system clock). */
  clock?: Clock;
  /** First back-off step; doubles per attempt, full jitter. */
  backoffBaseMs?: number;
  /** Largest reply body read, bytes (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

export interface HttpRequest {
  /** Path under baseUrl, starting with '/'. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The rate-limit bucket (defaults to the path). */
  route?: string;
  /** The waiting budget of the listing this request belongs to (its own budget also applies). */
  budget?: WaitBudget;
  /**
   * A 2xx in plain text (not JSON, not HTML, not the start of a JSON value cut short) is returned with `body`
   * undefined and the words in `text`, instead of failing as unreadable: REVE Chat answers in plain text.
   */
  acceptText?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The parsed JSON body (undefined for an empty body). */
  body: unknown;
  /** The raw text (for platforms that send plain text). */
  text: string;
}

/** Longest single wait (default): a server asking for longer is reported, not slept through. */
export const DEFAULT_MAX_WAIT_MS = 30_000;
/** Most time one request, and one listing, spends waiting in all (default). */
export const DEFAULT_MAX_TOTAL_WAIT_MS = 45_000;
/**
 * The wait reported in a rate-limited error when the server named none: one window of the platforms' documented
 * limits (HelpCrunch 120/min, Rocket.Chat 10 calls per 60 s per route).
 */
export const DEFAULT_RATE_LIMIT_RETRY_MS = 60_000;
/** A page of 100 agents is tens of KB and REVE Chat's whole agent list in one reply a few MB per 10,000 agents. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_BACKOFF_BASE_MS = 250;
const MAX_BACKOFF_MS = 10_000;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

let nodeFetch: Promise<FetchLike> | undefined;
/** node-fetch is ESM-only; load it on first use (esbuild bundles the dynamic import). */
function defaultFetch(): Promise<FetchLike> {
  nodeFetch ??= import('node-fetch').then((m) => m.default as unknown as FetchLike);
  return nodeFetch;
}

/** Retry-After as seconds or an HTTP date, else the reset headers; ms from now (see waitHints.ts). */
export function retryAfterFromHeaders(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  return waitFromHeaders(headers, now);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string' && c) return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export class HttpClient {
  private readonly maxWaitMs: number;
  private readonly maxTotalWaitMs: number;
  private readonly backoffBaseMs: number;
  private readonly maxResponseBytes: number;
  readonly clock: Clock;

  constructor(private readonly options: HttpOptions) {
    this.maxResponseBytes = Math.max(1, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.maxTotalWaitMs = Math.max(0, options.maxTotalWaitMs ?? Math.max(DEFAULT_MAX_TOTAL_WAIT_MS, this.maxWaitMs));
    this.clock = options.clock ?? systemClock;
    this.backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  }

  private url(req: HttpRequest): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) qs.set(k, String(v));
    const q = qs.toString();
    return `${this.options.baseUrl}${req.path}${q ? `?${q}` : ''}`;
  }

  /** Path and query, for logs (never the origin, which may carry user:password). */
  private describe(req: HttpRequest): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) qs.set(k, String(v));
    const q = qs.toString();
    return this.options.sanitise(`${req.path}${q ? `?${q}` : ''}`);
  }

  private log(level: 'debug' | 'trace', message: string): void {
    this.options.logger?.[level](this.options.sanitise(message));
  }

  /** A sanitised stand-in for a low-level error, fit to be an ApiError's `cause`. */
  private safeCause(e: unknown): Error {
    const src = e instanceof Error ? e : new Error(String(e));
    const out = new Error(clip(this.options.sanitise(src.message), 500)); // redact first, then clip
    out.name = src.name;
    const code = errorCode(e);
    if (code) (out as Error & { code?: string }).code = code;
    out.stack = `${out.name}: ${out.message}`;
    return out;
  }

  /** Back-off before retry `attempt` (1-based): full jitter over an exponential ceiling, or the server's wait. */
  private waitBeforeRetry(attempt: number, serverWaitMs: number | undefined): number {
    if (serverWaitMs !== undefined) {
      // Honour the server's wait, plus a little jitter so that concurrent callers do not return together.
      return Math.min(this.maxWaitMs, serverWaitMs + Math.random() * Math.min(1000, 50 + serverWaitMs * 0.1));
    }
    return Math.min(this.maxWaitMs, Math.random() * this.backoffCeiling(attempt));
  }

  private backoffCeiling(attempt: number): number {
    return Math.min(MAX_BACKOFF_MS, this.backoffBaseMs * 2 ** (attempt - 1));
  }

  /**
   * A waiting budget for one listing: pass it to every request of the listing (`HttpRequest.budget`). `onWait`
   * hears when the listing is held back (limiter, retries) and until when, then `undefined` (see WaitBudget).
   */
  listingBudget(onWait?: (wait: ListingWait | undefined) => void): WaitBudget {
    return new WaitBudget(this.maxTotalWaitMs, undefined, this.clock, onWait);
  }

  /** The server is rate-limiting for longer than Chatdesk waits: report it with the wait, never sleep through it. */
  private stopRateLimited(failure: ApiError, waitMs: number | undefined): ApiError {
    const retryAfterMs = Math.max(0, Math.round(waitMs ?? DEFAULT_RATE_LIMIT_RETRY_MS));
    return new ApiError('rate-limited', failure.message, { status: failure.status, code: failure.code, retryAfterMs, cause: failure.cause });
  }

  /**
   * Redirects are followed by hand (never by fetch), and only where the credentials may go: the same origin,
   * or the same host upgraded from http to https. A redirect anywhere else fails, naming where it pointed,
   * so that the user can correct the server URL; the credentials are never sent there.
   */
  private async fetchFollowingSafeRedirects(
    fetchFn: FetchLike, url: string, headers: Record<string, string>, signal: AbortSignal,
  ): Promise<FetchResponseLike> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await fetchFn(current, { method: 'GET', headers, signal, redirect: 'manual', size: this.maxResponseBytes });
      const location = REDIRECT_STATUSES.has(res.status) ? res.headers.get('location') : null;
      if (!location) return res;
      let target: URL;
      const from = new URL(current);
      try {
        target = new URL(location, from);
      } catch {
        return res;
      }
      const sameOrigin = target.origin === from.origin;
      const httpsUpgrade = target.hostname === from.hostname && from.protocol === 'http:' && target.protocol === 'https:';
      if (!sameOrigin && !httpsUpgrade) {
        throw new ApiError('network', this.options.sanitise(
          `The server redirected to ${clip(this.options.sanitise(target.origin), 120)}; Chatdesk sends credentials only to the server you entered. Check the server URL.`,
        ), { status: res.status, code: 'redirect' });
      }
      if (hop >= MAX_REDIRECTS) {
        throw new ApiError('network', `The server redirected more than ${MAX_REDIRECTS} times.`, { status: res.status });
      }
      this.log('debug', `redirect ${res.status} to ${this.options.sanitise(target.pathname)}`);
      current = target.toString();
    }
  }

  /** A reply too large to read: not retried (the next one would be as large). */
  private tooLarge(status: number | undefined): ApiError {
    const n = this.maxResponseBytes;
    const size = n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
    return new ApiError('malformed', `The server sent a reply larger than ${size}; Chatdesk stopped reading it.`, { status });
  }

  /** GET `req`; resolves with the parsed body of a 2xx, rejects with ApiError for anything else. */
  async get(req: HttpRequest): Promise<HttpResponse> {
    const fetchFn = this.options.fetch ?? (await defaultFetch());
    const url = this.url(req);
    const what = `GET ${this.describe(req)}`;
    const route = req.route ?? req.path;
    const signal = req.signal;
    const maxRetries = Math.max(0, this.options.maxRetries);
    const budget = new WaitBudget(this.maxTotalWaitMs, req.budget, this.clock);
    let malformedRetried = false;
    let rateLimitedRetries = 0;
    const maxRateLimitedRetries = maxRetries * 2;
    let tries = 0;

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelledError();
      tries++;
      await this.options.limiter.acquire(route, signal, budget);

      const started = Date.now(); // for the log: how long the server took
      const sentAt = this.clock.now(); // for the limiter: when the request left, on the clock its windows run on
      const { controller, dispose } = linkedController(signal);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.options.timeoutMs);

      let failure: ApiError;
      let serverWaitMs: number | undefined;
      let status: number | undefined;
      try {
        const res = await this.fetchFollowingSafeRedirects(fetchFn, url, { Accept: 'application/json', ...req.headers }, controller.signal);
        status = res.status;
        const declared = Number(res.headers.get('content-length'));
        if (declared > this.maxResponseBytes) {
          controller.abort(); // do not download what we will not read
          throw this.tooLarge(status);
        }
        const text = await readText(res, () => this.tooLarge(status));
        const ms = Date.now() - started;
        this.log('debug', `${what} → ${status} in ${ms} ms${tries > 1 ? ` (attempt ${tries})` : ''}`);

        if (status >= 200 && status < 300) {
          this.options.limiter.observe(route, status, res.headers, undefined, sentAt);
          const trimmed = text.trim();
          if (trimmed === '') return { status, headers: res.headers, body: undefined, text };
          try {
            return { status, headers: res.headers, body: JSON.parse(trimmed), text };
          } catch (e) {
            const html = looksLikeHtml(trimmed, res.headers.get('content-type'));
            if (req.acceptText && !html && !/^[[{"]/.test(trimmed)) return { status, headers: res.headers, body: undefined, text };
            failure = new ApiError(
              'malformed',
              html
                ? `The server returned an HTML page instead of data (HTTP ${status}).`
                : 'The server sent a reply that is not valid JSON (it may have been cut short).',
              { status, cause: this.safeCause(e) },
            );
          }
        } else {
          const retryAfter = status === 429 || status >= 500 || status === 400 ? retryAfterFromHeaders(res.headers, this.clock.now()) : undefined;
          failure = refineVendorError(errorForResponse(status, text, res.headers.get('content-type'), this.options.sanitise, retryAfter));
          if (failure.kind === 'rate-limited' && failure.retryAfterMs === undefined && retryAfter === undefined) {
            // A rate limit under another status (a 403 or 503 body that says so): its headers may name the wait.
            const wait = retryAfterFromHeaders(res.headers, this.clock.now());
            if (wait !== undefined) failure = this.stopRateLimited(failure, wait);
          }
          serverWaitMs = failure.retryAfterMs;
          // After a rate limit every request on this budget pauses: for the server's wait, else the back-off ceiling.
          // Never longer than one wait may be: a later call (a refresh) tries again after that, not after the server's hour.
          const pause = failure.kind === 'rate-limited' ? Math.min(this.maxWaitMs, serverWaitMs ?? this.backoffCeiling(rateLimitedRetries + 1)) : undefined;
          this.options.limiter.observe(route, failure.kind === 'rate-limited' ? 429 : status, res.headers, pause, sentAt);
        }
      } catch (e) {
        const ms = Date.now() - started;
        if (e instanceof ApiError) throw e; // a refused redirect: a setup problem, not worth a retry
        if (signal?.aborted) {
          this.log('debug', `${what} cancelled after ${ms} ms`);
          throw cancelledError();
        }
        if (timedOut) {
          this.log('debug', `${what} timed out after ${ms} ms`);
          throw new ApiError('timeout', `The server did not answer within ${formatSeconds(this.options.timeoutMs)}.`, {
            cause: this.safeCause(e),
          });
        }
        const code = errorCode(e);
        this.log('debug', `${what} failed after ${ms} ms${status ? ` (HTTP ${status}, reading the body)` : ''}: ${code ?? (e as Error)?.name ?? 'network error'}`);
        failure =
          status !== undefined && status >= 200 && status < 300
            ? new ApiError('malformed', 'The reply was cut short before it was complete.', { status, cause: this.safeCause(e) })
            : new ApiError('network', `Could not reach the server${code ? ` (${code})` : ''}.`, { cause: this.safeCause(e) });
      } finally {
        clearTimeout(timer);
        dispose();
      }

      if (failure.kind === 'malformed') {
        // Unreadable or cut-short 200s are transient more often than not: one retry, outside the budget.
        if (malformedRetried) throw failure;
        malformedRetried = true;
        this.log('debug', `${what}: unreadable reply; retrying once`);
        attempt--;
        continue;
      }
      const rateLimited = failure.kind === 'rate-limited';
      if (!rateLimited && failure.kind !== 'network' && !(status !== undefined && isRetryableStatus(status))) throw failure;
      // A rate limit asks us to wait, it is not a failure: it has its own, larger count of retries. Every wait counts
      // against the request's and the listing's waiting budget; a wait the server asks for beyond one wait's cap or
      // the budget left ends the request at once, carrying the wait, so that the caller can say when to try again.
      let retryNo: number;
      let retries: number;
      if (rateLimited) {
        if (rateLimitedRetries >= maxRateLimitedRetries) throw this.stopRateLimited(failure, serverWaitMs);
        retryNo = ++rateLimitedRetries;
        retries = maxRateLimitedRetries;
        attempt--;
      } else {
        if (attempt >= maxRetries) throw failure;
        retryNo = attempt + 1;
        retries = maxRetries;
      }
      if (rateLimited && serverWaitMs !== undefined && serverWaitMs > this.maxWaitMs) {
        this.log('debug', `${what}: the server asks to wait ${serverWaitMs} ms, longer than Chatdesk waits (${this.maxWaitMs} ms); stopping`);
        throw this.stopRateLimited(failure, serverWaitMs);
      }
      const wait = this.waitBeforeRetry(retryNo, serverWaitMs);
      if (!budget.allows(wait)) {
        this.log('debug', `${what}: a wait of ${Math.round(wait)} ms is beyond the ${Math.round(budget.remainingMs())} ms of waiting left; stopping`);
        throw rateLimited ? this.stopRateLimited(failure, serverWaitMs) : failure;
      }
      this.log(
        'debug',
        `${what}: retry ${retryNo}/${retries} in ${Math.round(wait)} ms (${failure.status ? `HTTP ${failure.status}` : failure.kind}${serverWaitMs !== undefined ? `, server asked ${serverWaitMs} ms` : ''})`,
      );
      budget.spend(wait);
      const end = budget.beginWait(wait, rateLimited ? 'rate-limited' : 'retry');
      try {
        await this.clock.sleep(wait, signal);
      } finally {
        end();
      }
    }
  }
}

/** The body as text; a body over the size limit (node-fetch's 'max-size') becomes `tooLarge()`. */
async function readText(res: FetchResponseLike, tooLarge: () => ApiError): Promise<string> {
  try {
    return await res.text();
  } catch (e) {
    if ((e as { type?: unknown } | null)?.type === 'max-size') throw tooLarge();
    throw e;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
