// The shared API client (see docs/design.md): createClient() gives a PlatformClient for one connection.
// No vscode import anywhere under src/api.

import { ApiError } from './errors';
import { clip } from './errorBody';
import type { Clock } from './clock';
import type { ClientContext } from './context';
import { HelpCrunchClient } from './helpcrunch';
import { HttpClient, type FetchLike } from './http';
import { fingerprint, limiterFor, type RateLimitConfig } from './limiter';
import type { Connection, Credentials, Platform, PlatformClient } from './model';
import { defaultBaseUrl, normaliseBaseUrl } from './baseUrl';
import { ReveChatClient } from './revechat';
import { RocketChatClient } from './rocketchat';
import { redact, registerSecret } from '../util/redact';
import type { Logger } from '../util/log';

export * from './model';
export * from './errors';
export type { FetchLike, FetchInitLike, FetchResponseLike } from './http';
export type { RateLimitConfig } from './limiter';
export type { Clock } from './clock';
export { decodeReveKey, type ReveKeyClaims } from './reveKey';
export { defaultBaseUrl, normaliseBaseUrl } from './baseUrl';

export interface ClientOptions {
  /** The fetch to use (default node-fetch). */
  fetch?: FetchLike;
  /** Per attempt, ms (default 15000). */
  timeoutMs?: number;
  /** Retries of a GET after a network error, 5xx or 429 (default 3). */
  maxRetries?: number;
  /** Receives one debug line per request (method, path, status, ms) and each retry's reason. */
  logger?: Logger;
  /** Most pages one listing fetches before failing with 'malformed' (default 200). */
  pageCap?: number;
  /** Pages fetched at once (default 8): when the total is known, and REVE Chat read-ahead. */
  concurrency?: number;
  /**
   * The platform's rate limit, where it differs from the documented one (a self-hosted Rocket.Chat, tests):
   * HelpCrunch overall, Rocket.Chat per route before the server's headers say otherwise, REVE Chat overall.
   */
  rateLimit?: RateLimitConfig;
  /**
   * Longest single wait before a retry, ms (default 30000). A server asking for a longer wait ends the call at once
   * with ApiError('rate-limited', { retryAfterMs }) instead of being slept through.
   */
  maxRetryWaitMs?: number;
  /** Most time one request, and one listing, spends waiting in all, ms (default 45000). */
  maxTotalWaitMs?: number;
  /** Time and waits (tests inject a fake clock; default the system clock). */
  clock?: Clock;
  /** Largest reply body read, bytes (default 64 MB); a larger one fails as 'malformed', without a retry. */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_PAGE_CAP = 200;
// Requests in flight per listing. No platform documents a limit; 8 keeps a 10,000-agent listing to ~14 round
// trips instead of 100, and the rate limiters still decide how many requests go out per window.
export const DEFAULT_CONCURRENCY = 8;

function identityOf(connection: Connection, credentials: Credentials): string {
  switch (connection.platform) {
    case 'revechat':
      return `${connection.accountId ?? ''}:${fingerprint(credentials.apiKey)}:${connection.username ?? ''}`;
    case 'rocketchat':
      return `${connection.userId ?? ''}:${fingerprint(credentials.authToken)}`;
    case 'helpcrunch':
      return fingerprint(credentials.apiKey);
  }
}

/** A client for one connection. Registers its credentials with the redactor; makes no request until called. */
export function createClient(connection: Connection, credentials: Credentials, options: ClientOptions = {}): PlatformClient {
  const secrets = [credentials.apiKey, credentials.authToken, credentials.password];
  if (connection.username && credentials.password) {
    // HTTP Basic sends user:password base64-encoded.
    secrets.push(Buffer.from(`${connection.username.trim()}:${credentials.password}`, 'utf8').toString('base64'));
  }
  for (const s of secrets) registerSecret(s?.trim());
  for (const s of secrets) registerSecret(s);
  const sanitise = (text: string) => redact(text, secrets);

  const logger = options.logger && connectionLogger(options.logger, connection, sanitise);
  const platform: Platform = connection.platform;
  const baseUrl = normaliseBaseUrl(platform, connection.baseUrl ?? '') || defaultBaseUrl(platform) || '';
  const limiter = limiterFor(platform, baseUrl, identityOf(connection, credentials), options.rateLimit, options.clock);
  const http = new HttpClient({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    logger,
    limiter,
    sanitise,
    maxWaitMs: options.maxRetryWaitMs,
    maxTotalWaitMs: options.maxTotalWaitMs,
    clock: options.clock,
    maxResponseBytes: options.maxResponseBytes,
  });
  const ctx: ClientContext = {
    connection,
    credentials,
    http,
    pageCap: Math.max(1, options.pageCap ?? DEFAULT_PAGE_CAP),
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    sanitise: (text) => clip(sanitise(text)), // redact the whole text, then clip
    logger,
  };
  if (!baseUrl) return withoutServer(platform);
  switch (platform) {
    case 'revechat':
      return new ReveChatClient(ctx);
    case 'rocketchat':
      return new RocketChatClient(ctx);
    case 'helpcrunch':
      return new HelpCrunchClient(ctx);
    default:
      throw new ApiError('unsupported', `Unknown platform "${String(platform)}".`);
  }
}

/**
 * `logger` with every message prefixed by the connection it concerns: `"Name" (id): …`. The name is the user's own
 * text: redacted, made one plain line and clipped, so that it can neither carry a credential nor forge a log line.
 */
function connectionLogger(logger: Logger, connection: Connection, sanitise: (s: string) => string): Logger {
  const name = clip(sanitise(connection.label ?? ''), 60);
  const id = clip(sanitise(connection.id ?? ''), 60);
  const prefix = `${name ? `${JSON.stringify(name)} ` : ''}(${id || 'no id'}): `;
  const p = (m: string) => prefix + m;
  return {
    trace: (m, ...a) => logger.trace(p(m), ...a),
    debug: (m, ...a) => logger.debug(p(m), ...a),
    info: (m, ...a) => logger.info(p(m), ...a),
    warn: (m, ...a) => logger.warn(p(m), ...a),
    error: (m, ...a) => (typeof m === 'string' ? logger.error(p(m), ...a) : logger.error(prefix.trim(), m, ...a)),
  };
}

/** A client for a connection with no server URL (a Rocket.Chat connection before the URL is entered). */
function withoutServer(platform: Platform): PlatformClient {
  const fail = () => new ApiError('bad-request', 'No server URL is set for this connection.');
  return {
    platform,
    capabilities: { offlineMessages: false, availableAgents: platform === 'rocketchat' },
    verify: () => Promise.reject(fail()),
    agents: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(fail()) }) }),
    agent: () => Promise.reject(fail()),
    availableAgents: () => Promise.reject(fail()),
    offlineMessages: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(fail()) }) }),
    offlineMessage: () => Promise.reject(fail()),
  };
}
